#include "support/OpenAiImageServer.h"

#include <QDateTime>

namespace shotcraft::test {

namespace {
TestHttpResponse error(int status, const char *type, const char *code, const QString &message) {
    return TestHttpResponse::json(
        status, {{"error", {{"message", message}, {"type", type}, {"param", nullptr}, {"code", code}}}});
}

QString text(const Json &j, const char *key) {
    return j.is_object() && j.contains(key) && j[key].is_string()
               ? QString::fromStdString(j[key].get<std::string>())
               : QString();
}
} // namespace

OpenAiImageServer::OpenAiImageServer(QObject *parent)
    : QObject(parent) {
    m_http.setHandler([this](const TestHttpRequest &r, Fault f) { return handle(r, f); });
}

TestHttpResponse OpenAiImageServer::handle(const TestHttpRequest &request, Fault fault) {
    if (request.method == "GET" && request.path == "/v1/models") {
        if (!m_key.isEmpty() && request.header("authorization") != "Bearer " + m_key)
            return error(401, "invalid_request_error", "invalid_api_key",
                         QStringLiteral("Incorrect API key provided."));
        return TestHttpResponse::json(
            200,
            {{"object", "list"},
             {"data", Json::array({{{"id", "gpt-image-1"}, {"object", "model"}, {"owned_by", "system"}}})}});
    }
    const bool generations = request.path == "/v1/images/generations";
    const bool edits = request.path == "/v1/images/edits";
    if (request.method != "POST" || (!generations && !edits))
        return error(404, "invalid_request_error", "unknown_url",
                     QStringLiteral("Unknown request URL: %1").arg(QString::fromUtf8(request.path)));

    OpenAiImageCall call;
    call.endpoint = generations ? "generations" : "edits";
    call.authorization = request.header("authorization");
    if (!m_key.isEmpty() && call.authorization != "Bearer " + m_key)
        return error(401, "invalid_request_error", "invalid_api_key",
                     QStringLiteral("Incorrect API key provided."));

    if (generations) {
        const Json body = request.json();
        if (!body.is_object() || !request.header("content-type").startsWith("application/json"))
            return error(400, "invalid_request_error", "invalid_json",
                         QStringLiteral("We could not parse the JSON body."));
        call.model = text(body, "model");
        call.prompt = text(body, "prompt");
        call.size = text(body, "size");
        call.quality = text(body, "quality");
    } else {
        if (!request.header("content-type").startsWith("multipart/form-data"))
            return error(400, "invalid_request_error", "invalid_content_type",
                         QStringLiteral("Expected multipart/form-data."));
        for (const MultipartPart &part : request.multipart()) {
            if (part.name == "image[]" || part.name == "image")
                call.images.append(part.data);
            else if (part.name == "prompt")
                call.prompt = QString::fromUtf8(part.data);
            else if (part.name == "model")
                call.model = QString::fromUtf8(part.data);
            else if (part.name == "size")
                call.size = QString::fromUtf8(part.data);
            else if (part.name == "quality")
                call.quality = QString::fromUtf8(part.data);
            else if (part.name == "input_fidelity")
                call.inputFidelity = QString::fromUtf8(part.data);
        }
        if (call.images.isEmpty())
            return error(400, "invalid_request_error", "missing_required_parameter",
                         QStringLiteral("Missing required parameter: 'image'."));
        if (call.images.size() > 16)
            return error(400, "invalid_request_error", "invalid_value",
                         QStringLiteral("Too many images: at most 16 are allowed."));
    }
    m_calls.append(call);
    if (call.prompt.isEmpty())
        return error(400, "invalid_request_error", "missing_required_parameter",
                     QStringLiteral("Missing required parameter: 'prompt'."));
    if (fault == Fault::ContentPolicy)
        return error(400, "image_generation_user_error", "moderation_blocked",
                     QStringLiteral("Your request was rejected as a result of our safety system."));

    int w = 1024, h = 1024;
    const QStringList dims = call.size.split(u'x');
    if (dims.size() == 2) {
        w = dims[0].toInt();
        h = dims[1].toInt();
    }
    // Small stand-in pixels keep the tests fast; the header still says the requested size.
    QByteArray png = solidPng(std::max(1, w / 16), std::max(1, h / 16), 0x224466u + quint32(m_calls.size()));
    QByteArray b64 = png.toBase64();
    if (fault == Fault::InvalidBase64)
        b64 = "iVBORw0KGgo***not base64***" + b64.mid(40);
    else if (fault == Fault::DecompressionBomb)
        b64 = pngHeaderClaiming(20000, 20000).toBase64();
    return TestHttpResponse::json(
        200, {{"created", QDateTime::currentSecsSinceEpoch()},
              {"data", Json::array({{{"b64_json", b64.toStdString()}}})},
              {"usage", {{"total_tokens", 100}, {"input_tokens", 50}, {"output_tokens", 50}}}});
}

} // namespace shotcraft::test
