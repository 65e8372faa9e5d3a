#include "support/ComfyUiImageServer.h"

#include <QTimer>
#include <QUuid>
#include <QWebSocket>
#include <QWebSocketServer>

namespace shotcraft::test {

namespace {
QString str(const Json &j, const char *key) {
    return j.is_object() && j.contains(key) && j[key].is_string()
               ? QString::fromStdString(j[key].get<std::string>())
               : QString();
}

Json nodeError(const std::string &cls, const std::string &type, const std::string &message,
               const std::string &details) {
    return {
        {"errors",
         Json::array(
             {{{"type", type}, {"message", message}, {"details", details}, {"extra_info", Json::object()}}})},
        {"dependent_outputs", Json::array()},
        {"class_type", cls}};
}

bool hasUnfilledSlot(const Json &j) {
    if (j.is_string())
        return j.get<std::string>().find("{{") != std::string::npos;
    if (j.is_object() || j.is_array())
        for (const Json &c : j)
            if (hasUnfilledSlot(c))
                return true;
    return false;
}

// Follows a link [node_id, output] to its node.
const Json *linked(const Json &graph, const Json &link) {
    if (!link.is_array() || link.empty() || !link[0].is_string() ||
        !graph.contains(link[0].get<std::string>()))
        return nullptr;
    return &graph[link[0].get<std::string>()];
}
} // namespace

ComfyUiImageServer::ComfyUiImageServer(QObject *parent)
    : QObject(parent)
    , m_webSockets(
          new QWebSocketServer(QStringLiteral("comfyui-test"), QWebSocketServer::NonSecureMode, this)) {
    m_http.setHandler([this](const TestHttpRequest &r, Fault f) { return handle(r, f); });
    m_http.setWebSocketServer(m_webSockets);
    connect(m_webSockets, &QWebSocketServer::newConnection, this, [this] {
        while (QWebSocket *socket = m_webSockets->nextPendingConnection()) {
            const QUrlQuery q(socket->requestUrl());
            const QString clientId = q.queryItemValue(QStringLiteral("clientId"));
            m_sockets.insert(clientId, socket);
            connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QWebSocket::disconnected, this,
                    [this, clientId] { m_sockets.remove(clientId); });
            sendTo(clientId, {{"type", "status"},
                              {"data",
                               {{"status", {{"exec_info", {{"queue_remaining", m_running}}}}},
                                {"sid", clientId.toStdString()}}}});
        }
    });
}

ComfyUiImageServer::~ComfyUiImageServer() {
    for (const auto &s : std::as_const(m_sockets))
        if (s)
            s->abort();
}

void ComfyUiImageServer::setWebSocketEnabled(bool enabled) {
    m_http.setWebSocketServer(enabled ? m_webSockets : nullptr);
}

void ComfyUiImageServer::sendTo(const QString &clientId, const Json &message) {
    const auto it = m_sockets.find(clientId);
    if (it != m_sockets.end() && *it)
        (*it)->sendTextMessage(QString::fromStdString(message.dump()));
}

TestHttpResponse ComfyUiImageServer::handle(const TestHttpRequest &request, Fault fault) {
    if (request.method == "POST" && request.path == "/upload/image") {
        QByteArray name, data;
        for (const MultipartPart &p : request.multipart())
            if (p.name == "image") {
                name = p.fileName;
                data = p.data;
            }
        if (name.isEmpty() || data.isEmpty())
            return TestHttpResponse::bytes(400, "text/plain", "No file");
        m_uploads.insert(QString::fromUtf8(name), data);
        return TestHttpResponse::json(200,
                                      {{"name", name.toStdString()}, {"subfolder", ""}, {"type", "input"}});
    }
    if (request.method == "POST" && request.path == "/prompt")
        return queuePrompt(request, fault);
    if (request.method == "GET" && request.path.startsWith("/history/")) {
        const QString id = QString::fromUtf8(request.path.mid(9));
        if (!m_history.contains(id))
            return TestHttpResponse::json(200, Json::object());
        return TestHttpResponse::json(200, {{id.toStdString(), m_history.value(id)}});
    }
    if (request.method == "GET" && request.path == "/view") {
        const QString file = request.query.queryItemValue(QStringLiteral("filename"));
        if (file.isEmpty() || request.query.queryItemValue(QStringLiteral("type")) != QLatin1String("output"))
            return TestHttpResponse::bytes(404, "text/plain", "404: Not Found");
        if (m_viewFaults.value(file) == Fault::DecompressionBomb)
            return TestHttpResponse::bytes(200, "image/png", pngHeaderClaiming(20000, 20000));
        return TestHttpResponse::bytes(200, "image/png", solidPng(32, 18, 0x446688));
    }
    if (request.method == "GET" && request.path == "/system_stats")
        return TestHttpResponse::json(
            200, {{"system", {{"comfyui_version", "0.3.40"}}}, {"devices", Json::array()}});
    return TestHttpResponse::bytes(404, "text/plain", "404: Not Found");
}

TestHttpResponse ComfyUiImageServer::queuePrompt(const TestHttpRequest &request, Fault fault) {
    const Json body = request.json();
    if (!body.is_object() || !body.contains("prompt") || !body["prompt"].is_object())
        return TestHttpResponse::json(
            400, {{"error",
                   {{"type", "invalid_prompt"},
                    {"message", "Cannot execute because a node is missing the class_type property."},
                    {"details", ""}}},
                  {"node_errors", Json::object()}});
    const Json &graph = body["prompt"];
    ComfyUiCall call;
    call.clientId = str(body, "client_id");
    call.graph = graph;
    Json errors = Json::object();
    for (auto it = graph.begin(); it != graph.end(); ++it) {
        const Json &node = it.value();
        const std::string cls = node.value("class_type", std::string());
        const Json inputs = node.value("inputs", Json::object());
        if (cls.empty()) {
            return TestHttpResponse::json(
                400, {{"error",
                       {{"type", "invalid_prompt"},
                        {"message", "Cannot execute because a node is missing the class_type property."},
                        {"details", "Node ID '#" + it.key() + "'"}}},
                      {"node_errors", Json::object()}});
        }
        if (hasUnfilledSlot(inputs))
            errors[it.key()] = nodeError(cls, "value_not_valid", "Unfilled template slot", inputs.dump());
        if (cls == "CheckpointLoaderSimple" || cls == "UNETLoader") {
            const QString ckpt = str(inputs, cls == "UNETLoader" ? "unet_name" : "ckpt_name");
            call.checkpoint = ckpt;
            if (!m_checkpoints.contains(ckpt))
                errors[it.key()] =
                    nodeError(cls, "value_not_in_list", "Value not in list",
                              (cls == "UNETLoader" ? "unet_name: '" : "ckpt_name: '") + ckpt.toStdString() +
                                  "' not in " + Json(m_checkpoints).dump());
        } else if (cls == "LoadImage") {
            const QString image = str(inputs, "image");
            if (!m_uploads.contains(image))
                errors[it.key()] =
                    nodeError(cls, "custom_validation_failed", "Custom validation failed for node",
                              "image - Invalid image file: " + image.toStdString());
            else
                call.referenceImages.append(m_uploads.value(image));
        } else if (cls == "KSampler") {
            call.seed = inputs.value("seed", qint64(-1));
            if (const Json *pos = linked(graph, inputs.value("positive", Json())))
                (void)pos;
        } else if (cls == "EmptyLatentImage" || cls == "EmptySD3LatentImage") {
            call.width = inputs.value("width", 0);
            call.height = inputs.value("height", 0);
        } else if (cls == "IPAdapter" || cls == "ReferenceLatent" || cls == "StyleModelApply") {
            ++call.ipAdapterNodes;
        }
    }
    // The prompt texts: follow the sampler's links (through FluxGuidance / reference chains).
    for (auto it = graph.begin(); it != graph.end(); ++it) {
        if (it.value().value("class_type", std::string()) != "KSampler")
            continue;
        const Json inputs = it.value()["inputs"];
        auto textOf = [&](Json link) {
            for (int hop = 0; hop < 16; ++hop) {
                const Json *n = linked(graph, link);
                if (!n)
                    return QString();
                if ((*n)["class_type"] == "CLIPTextEncode")
                    return str((*n)["inputs"], "text");
                link = (*n)["inputs"].value("conditioning", Json());
            }
            return QString();
        };
        call.positive = textOf(inputs.value("positive", Json()));
        call.negative = textOf(inputs.value("negative", Json()));
    }
    if (!errors.empty())
        return TestHttpResponse::json(400, {{"error",
                                             {{"type", "prompt_outputs_failed_validation"},
                                              {"message", "Prompt outputs failed validation"},
                                              {"details", ""},
                                              {"extra_info", Json::object()}}},
                                            {"node_errors", errors}});

    call.promptId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_calls.append(call);
    const int number = m_counter++;
    ++m_running;
    m_maxRunning = std::max(m_maxRunning, m_running);
    const QString promptId = call.promptId;
    const QString clientId = call.clientId;
    QTimer::singleShot(0, this, [this, promptId, clientId] {
        sendTo(clientId, {{"type", "execution_start"}, {"data", {{"prompt_id", promptId.toStdString()}}}});
    });
    for (int step = 1; step <= 4; ++step)
        QTimer::singleShot(m_runMs * step / 5, this, [this, promptId, clientId, step] {
            sendTo(clientId, {{"type", "progress"},
                              {"data",
                               {{"value", step},
                                {"max", 4},
                                {"prompt_id", promptId.toStdString()},
                                {"node", "sampler"}}}});
        });
    QTimer::singleShot(m_runMs, this, [this, promptId, clientId, fault] {
        finishPrompt(promptId, clientId, fault == Fault::ServiceError, fault);
    });
    return TestHttpResponse::json(
        200, {{"prompt_id", promptId.toStdString()}, {"number", number}, {"node_errors", Json::object()}});
}

void ComfyUiImageServer::finishPrompt(const QString &promptId, const QString &clientId, bool failed,
                                      Fault viewFault) {
    --m_running;
    const QString file = QStringLiteral("shotcraft_%1_.png").arg(m_counter, 5, 10, QChar(u'0'));
    if (viewFault == Fault::DecompressionBomb)
        m_viewFaults.insert(file, viewFault);
    Json entry;
    if (failed) {
        const Json err = {{"prompt_id", promptId.toStdString()},
                          {"node_id", "sampler"},
                          {"node_type", "KSampler"},
                          {"exception_message", "CUDA out of memory. Tried to allocate 2.00 GiB"},
                          {"exception_type", "torch.cuda.OutOfMemoryError"}};
        entry = {{"prompt", Json::array()},
                 {"outputs", Json::object()},
                 {"status",
                  {{"status_str", "error"},
                   {"completed", false},
                   {"messages", Json::array({Json::array({"execution_error", err})})}}}};
        sendTo(clientId, {{"type", "execution_error"}, {"data", err}});
    } else {
        entry = {{"prompt", Json::array()},
                 {"outputs",
                  {{"save",
                    {{"images",
                      Json::array(
                          {{{"filename", file.toStdString()}, {"subfolder", ""}, {"type", "output"}}})}}}}},
                 {"status", {{"status_str", "success"}, {"completed", true}, {"messages", Json::array()}}}};
    }
    m_history.insert(promptId, entry);
    if (!failed)
        sendTo(clientId,
               {{"type", "executing"}, {"data", {{"node", nullptr}, {"prompt_id", promptId.toStdString()}}}});
}

} // namespace shotcraft::test
