#include "providers/ComfyUiProvider.h"

#include "domain/Logging.h"
#include "providers/ComfyUiWorkflow.h"
#include "providers/NetworkImageJob.h"

#include <QCryptographicHash>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>
#include <QWebSocket>

namespace shotcraft::providers {

namespace {
QString jsonText(const Json &j, const char *key) {
    return j.is_object() && j.contains(key) && j[key].is_string()
               ? QString::fromStdString(j[key].get<std::string>())
               : QString();
}

class ComfyUiJob : public NetworkImageJob {
public:
    ComfyUiJob(const ProviderProfile &profile, ConcurrencyGate *gate, HttpClient *client,
               const ImageRequest &request)
        : NetworkImageJob(profile, gate, client)
        , m_request(request)
        , m_clientId(QUuid::createUuid().toString(QUuid::WithoutBraces)) {}
    ~ComfyUiJob() override {
        if (m_socket)
            m_socket->abort();
    }

protected:
    void begin() override {
        const ReferenceSelection refs = selectReferences(m_request, m_profile.effectiveReferenceLimit());
        QString templateName = m_profile.option("template", QStringLiteral("auto"));
        if (templateName == QLatin1String("auto"))
            templateName = refs.sent.isEmpty() ? QStringLiteral("txt2img") : QStringLiteral("ipadapter");
        Result<ComfyUiWorkflow> workflow = ComfyUiWorkflow::load(templateName);
        if (!workflow) {
            fail(FailureKind::Permanent, QStringLiteral("ComfyUI: ") + workflow.error());
            return;
        }
        m_workflow = *workflow;
        m_result.referencesDropped = refs.dropped;
        for (const ReferenceData &r : refs.sent) {
            if (m_toUpload.size() < m_workflow.maxReferences())
                m_toUpload.append(r);
            else
                m_result.referencesDropped.append(r.reference.referenceId);
        }
        m_totalTimer = new QTimer(this);
        m_totalTimer->setSingleShot(true);
        connect(m_totalTimer, &QTimer::timeout, this, [this] {
            fail(FailureKind::Transient,
                 QStringLiteral("ComfyUI did not finish within %1 s").arg(m_profile.totalTimeoutMs / 1000));
        });
        m_totalTimer->start(m_profile.totalTimeoutMs);
        uploadNext();
    }

private:
    void uploadNext() {
        if (m_uploaded.size() == m_toUpload.size()) {
            openSocket();
            return;
        }
        const ReferenceData &ref = m_toUpload[m_uploaded.size()];
        const QByteArray hash =
            QCryptographicHash::hash(ref.encoded, QCryptographicHash::Sha1).toHex().left(12);
        const QByteArray mime = sniffImageMimeType(ref.encoded);
        const QByteArray fileName = "shotcraft-" + hash + (mime == "image/jpeg" ? ".jpg" : ".png");
        MultipartBody form;
        form.addFile("image", fileName, mime, ref.encoded);
        form.addField("type", "input");
        form.addField("overwrite", "true");
        HttpRequest req = request("POST", QStringLiteral("/upload/image"));
        req.body = form.body();
        req.setHeader("Content-Type", form.contentType());
        send(req, [this](const HttpResponse &response) {
            if (!response.ok()) {
                failFromHttp(response, QStringLiteral("ComfyUI upload"));
                return;
            }
            const Result<Json> j = jsonBody(response);
            const QString name = j ? jsonText(*j, "name") : QString();
            if (name.isEmpty()) {
                fail(FailureKind::Transient,
                     QStringLiteral("ComfyUI upload: ") +
                         (j ? QStringLiteral("the answer named no file") : j.error()));
                return;
            }
            const QString sub = jsonText(*j, "subfolder");
            const ReferenceData &ref = m_toUpload[m_uploaded.size()];
            m_uploaded.append({sub.isEmpty() ? name : sub + u'/' + name, ref.reference.weight});
            m_result.referencesUsed.append(ref.reference.referenceId);
            uploadNext();
        });
    }

    void openSocket() {
        if (m_profile.option("websocket", QStringLiteral("true")) == QLatin1String("false")) {
            queuePrompt();
            return;
        }
        QUrl ws = m_profile.url(QStringLiteral("/ws"));
        ws.setScheme(ws.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("clientId"), m_clientId);
        ws.setQuery(q);
        m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
        connect(m_socket, &QWebSocket::connected, this, [this] {
            m_socketUp = true;
            queuePrompt();
        });
        connect(m_socket, &QWebSocket::textMessageReceived, this,
                [this](const QString &text) { onMessage(text); });
        connect(m_socket, &QWebSocket::disconnected, this, [this] {
            const bool wasUp = m_socketUp;
            m_socketUp = false;
            if (isDone())
                return;
            if (!wasUp && m_promptId.isEmpty()) {
                qCInfo(lcProviders) << m_profile.name << "websocket unavailable; polling /history instead";
                queuePrompt();
            } else {
                startPolling(); // dropped mid-run: the history endpoint still tells us
            }
        });
        // A websocket that never answers must not stall the job: fall back to polling.
        QTimer::singleShot(std::min(m_profile.connectTimeoutMs, 5000), this, [this] {
            if (!m_socketUp && m_promptId.isEmpty() && !m_queued && !isDone()) {
                m_socket->abort();
            }
        });
        m_socket->open(ws);
    }

    void queuePrompt() {
        if (m_queued || isDone())
            return;
        m_queued = true;
        const PromptPackage &pkg = m_request.package;
        const GenerationParams &p = pkg.params;
        m_seed = p.seed > 0 ? p.seed : qint64(QUuid::createUuid().data1);
        QMap<QString, Json> slotValues;
        slotValues[QStringLiteral("positive")] = pkg.positive;
        slotValues[QStringLiteral("negative")] = pkg.negative;
        slotValues[QStringLiteral("width")] = std::max(64, (p.width + 4) / 8 * 8);
        slotValues[QStringLiteral("height")] = std::max(64, (p.height + 4) / 8 * 8);
        slotValues[QStringLiteral("seed")] = m_seed;
        slotValues[QStringLiteral("steps")] = p.steps;
        slotValues[QStringLiteral("cfg")] = p.cfg;
        slotValues[QStringLiteral("sampler")] = p.sampler.isEmpty() ? QStringLiteral("dpmpp_2m") : p.sampler;
        slotValues[QStringLiteral("scheduler")] = m_profile.option("scheduler", QStringLiteral("karras"));
        slotValues[QStringLiteral("checkpoint")] = m_profile.model;
        slotValues[QStringLiteral("filename_prefix")] = QStringLiteral("shotcraft");
        slotValues[QStringLiteral("ipadapter_preset")] =
            m_profile.option("ipadapter_preset", QStringLiteral("PLUS (high strength)"));
        slotValues[QStringLiteral("clip_l")] =
            m_profile.option("clip_l", QStringLiteral("clip_l.safetensors"));
        slotValues[QStringLiteral("t5")] =
            m_profile.option("t5", QStringLiteral("t5xxl_fp8_e4m3fn.safetensors"));
        slotValues[QStringLiteral("vae")] = m_profile.option("vae", QStringLiteral("ae.safetensors"));
        slotValues[QStringLiteral("clip_vision")] =
            m_profile.option("clip_vision", QStringLiteral("sigclip_vision_patch14_384.safetensors"));
        slotValues[QStringLiteral("style_model")] =
            m_profile.option("style_model", QStringLiteral("flux1-redux-dev.safetensors"));
        slotValues[QStringLiteral("guidance")] = m_profile.numberOption("guidance", 2.5);
        const Result<Json> graph = m_workflow.fill(slotValues, m_uploaded);
        if (!graph) {
            fail(FailureKind::Permanent, QStringLiteral("ComfyUI: ") + graph.error());
            return;
        }
        m_result.seedUsed = m_seed;
        const Json body = {{"prompt", *graph}, {"client_id", m_clientId}};
        HttpRequest req = request("POST", QStringLiteral("/prompt"));
        req.body = QByteArray::fromStdString(body.dump());
        req.setHeader("Content-Type", "application/json");
        send(req, [this](const HttpResponse &response) {
            if (!response.ok()) {
                const Json j =
                    Json::parse(response.body.constBegin(), response.body.constEnd(), nullptr, false);
                if (response.status == 400 && j.is_object()) {
                    fail(FailureKind::Permanent, QStringLiteral("ComfyUI rejected the workflow: ") +
                                                     ComfyUiProvider::describeNodeErrors(j));
                    return;
                }
                failFromHttp(response, QStringLiteral("ComfyUI"));
                return;
            }
            const Result<Json> j = jsonBody(response);
            if (!j) {
                fail(FailureKind::Transient, QStringLiteral("ComfyUI: ") + j.error());
                return;
            }
            if (j->contains("node_errors") && (*j)["node_errors"].is_object() &&
                !(*j)["node_errors"].empty()) {
                fail(FailureKind::Permanent, QStringLiteral("ComfyUI rejected the workflow: ") +
                                                 ComfyUiProvider::describeNodeErrors(*j));
                return;
            }
            m_promptId = jsonText(*j, "prompt_id");
            if (m_promptId.isEmpty()) {
                fail(FailureKind::Transient, QStringLiteral("ComfyUI: /prompt returned no prompt_id"));
                return;
            }
            if (!m_socketUp)
                startPolling();
            else if (m_finishedEarly)
                fetchHistory();
        });
    }

    void onMessage(const QString &text) {
        const QByteArray bytes = text.toUtf8();
        const Json msg = Json::parse(bytes.constBegin(), bytes.constEnd(), nullptr, false);
        if (!msg.is_object() || !msg.contains("data") || !msg["data"].is_object())
            return;
        const QString type = jsonText(msg, "type");
        const Json &data = msg["data"];
        const QString promptId = jsonText(data, "prompt_id");
        if (!promptId.isEmpty() && !m_promptId.isEmpty() && promptId != m_promptId)
            return;
        if (type == QLatin1String("progress")) {
            const double max = data.value("max", 0.0);
            if (max > 0)
                Q_EMIT progress(std::clamp(data.value("value", 0.0) / max, 0.0, 1.0));
        } else if (type == QLatin1String("executing") && data.contains("node") && data["node"].is_null()) {
            // The prompt finished (our /prompt answer may not even have arrived yet).
            if (m_promptId.isEmpty())
                m_finishedEarly = true;
            else
                fetchHistory();
        } else if (type == QLatin1String("execution_error")) {
            fail(FailureKind::Permanent,
                 QStringLiteral("ComfyUI failed in %1: %2")
                     .arg(jsonText(data, "node_type"), jsonText(data, "exception_message")));
        }
    }

    void startPolling() {
        if (m_pollTimer || isDone() || m_promptId.isEmpty())
            return;
        m_pollTimer = new QTimer(this);
        connect(m_pollTimer, &QTimer::timeout, this, &ComfyUiJob::fetchHistory);
        m_pollTimer->start(int(m_profile.numberOption("poll_ms", 1000)));
    }

    void fetchHistory() {
        if (m_historyInFlight || m_fetchingImage || isDone())
            return;
        m_historyInFlight = true;
        send(request("GET", QStringLiteral("/history/") + m_promptId), [this](const HttpResponse &response) {
            m_historyInFlight = false;
            if (!response.ok()) {
                failFromHttp(response, QStringLiteral("ComfyUI history"));
                return;
            }
            const Result<Json> j = jsonBody(response);
            if (!j) {
                fail(FailureKind::Transient, QStringLiteral("ComfyUI history: ") + j.error());
                return;
            }
            const std::string id = m_promptId.toStdString();
            if (!j->contains(id)) {
                startPolling(); // not done yet
                return;
            }
            onHistory((*j)[id]);
        });
    }

    void onHistory(const Json &entry) {
        const Json status = entry.value("status", Json::object());
        const QString statusStr = jsonText(status, "status_str");
        if (statusStr != QLatin1String("success")) {
            QString why = statusStr.isEmpty() ? QStringLiteral("unknown status") : statusStr;
            if (status.contains("messages") && status["messages"].is_array())
                for (const Json &m : status["messages"])
                    if (m.is_array() && m.size() == 2 && m[0] == "execution_error" && m[1].is_object())
                        why = QStringLiteral("%1: %2").arg(jsonText(m[1], "node_type"),
                                                           jsonText(m[1], "exception_message"));
            fail(FailureKind::Permanent, QStringLiteral("ComfyUI run failed (%1)").arg(why));
            return;
        }
        const Json outputs = entry.value("outputs", Json::object());
        Json image;
        const std::string preferred = m_workflow.outputNode().toStdString();
        if (outputs.contains(preferred) && outputs[preferred].contains("images") &&
            !outputs[preferred]["images"].empty())
            image = outputs[preferred]["images"][0];
        for (auto it = outputs.begin(); image.is_null() && it != outputs.end(); ++it)
            if (it->is_object() && it->contains("images") && (*it)["images"].is_array() &&
                !(*it)["images"].empty())
                image = (*it)["images"][0];
        if (!image.is_object()) {
            fail(FailureKind::Permanent, QStringLiteral("ComfyUI finished but the workflow saved no image"));
            return;
        }
        if (m_fetchingImage)
            return; // a late websocket event or poll: the image is already on its way
        m_fetchingImage = true;
        if (m_pollTimer)
            m_pollTimer->stop();
        QUrl url = m_profile.url(QStringLiteral("/view"));
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("filename"), jsonText(image, "filename"));
        q.addQueryItem(QStringLiteral("subfolder"), jsonText(image, "subfolder"));
        q.addQueryItem(QStringLiteral("type"), jsonText(image, "type").isEmpty() ? QStringLiteral("output")
                                                                                 : jsonText(image, "type"));
        url.setQuery(q);
        HttpRequest req = request("GET", QString());
        req.url = url;
        send(req, [this](const HttpResponse &response) {
            if (!response.ok()) {
                failFromHttp(response, QStringLiteral("ComfyUI view"));
                return;
            }
            Q_EMIT progress(1.0);
            finishWithImage(response.body);
        });
    }

    ImageRequest m_request;
    QString m_clientId;
    ComfyUiWorkflow m_workflow;
    QList<ReferenceData> m_toUpload;
    QList<ComfyUiReferenceSlot> m_uploaded;
    QWebSocket *m_socket = nullptr;
    QTimer *m_pollTimer = nullptr;
    QTimer *m_totalTimer = nullptr;
    QString m_promptId;
    qint64 m_seed = 0;
    bool m_socketUp = false;
    bool m_queued = false;
    bool m_finishedEarly = false;
    bool m_historyInFlight = false;
    bool m_fetchingImage = false;
};
} // namespace

ComfyUiProvider::ComfyUiProvider(const ProviderProfile &profile, HttpClient *client, QObject *parent)
    : ImageProvider(parent)
    , m_profile(profile)
    , m_client(client)
    , m_gate(new ConcurrencyGate(profile.maxConcurrency, this)) {
}

ImageProviderCaps ComfyUiProvider::caps() const {
    ImageProviderCaps c;
    c.maxReferences = m_profile.effectiveReferenceLimit();
    c.maxConcurrency = std::max(1, m_profile.maxConcurrency);
    c.dialect = m_profile.option("dialect") == QLatin1String("sd15")      ? PromptDialect::Sd15
                : m_profile.option("dialect") == QLatin1String("natural") ? PromptDialect::Natural
                                                                          : PromptDialect::Sdxl;
    return c;
}

ImageJob *ComfyUiProvider::generate(const ImageRequest &request) {
    auto *job = new ComfyUiJob(m_profile, m_gate, m_client, request);
    job->start();
    return job;
}

QString ComfyUiProvider::describeNodeErrors(const Json &body) {
    QStringList parts;
    if (body.contains("node_errors") && body["node_errors"].is_object()) {
        for (auto it = body["node_errors"].begin(); it != body["node_errors"].end(); ++it) {
            const Json &node = it.value();
            const QString cls = jsonText(node, "class_type");
            if (node.contains("errors") && node["errors"].is_array()) {
                for (const Json &e : node["errors"]) {
                    QString line = jsonText(e, "message");
                    const QString details = jsonText(e, "details");
                    if (!details.isEmpty())
                        line += QStringLiteral(": ") + details;
                    parts.append((cls.isEmpty() ? QString() : cls + QStringLiteral(": ")) + line);
                }
            }
        }
    }
    if (parts.isEmpty() && body.contains("error")) {
        const Json &e = body["error"];
        QString line = e.is_string() ? QString::fromStdString(e.get<std::string>()) : jsonText(e, "message");
        const QString details = jsonText(e, "details");
        if (!details.isEmpty())
            line += QStringLiteral(": ") + details;
        parts.append(line);
    }
    return parts.isEmpty() ? QStringLiteral("no reason given") : parts.join(QStringLiteral("; "));
}

} // namespace shotcraft::providers
