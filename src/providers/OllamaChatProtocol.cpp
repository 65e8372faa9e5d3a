#include "providers/OllamaChatProtocol.h"

#include "providers/LlmWireJson.h"
#include "providers/OpenAiChatProtocol.h"

namespace shotcraft::providers {

namespace {

using llmwire::text;
using llmwire::utf8;

const char *roleName(LlmRole role) {
    switch (role) {
    case LlmRole::System:
        return "system";
    case LlmRole::Assistant:
        return "assistant";
    case LlmRole::Tool:
        return "tool";
    case LlmRole::User:
        break;
    }
    return "user";
}

} // namespace

Json OllamaChatProtocol::requestBody(const LlmRequest &request, const QString &model) {
    Json messages = Json::array();
    if (!request.system.isEmpty())
        messages.push_back({{"role", "system"}, {"content", utf8(request.system)}});
    for (const LlmMessage &m : request.messages) {
        Json message = {{"role", roleName(m.role)}, {"content", utf8(m.content)}};
        if (!m.images.isEmpty()) {
            Json images = Json::array();
            for (const QByteArray &png : m.images)
                images.push_back(png.toBase64().toStdString());
            message["images"] = images;
        }
        if (!m.toolCalls.isEmpty()) {
            Json calls = Json::array();
            for (const LlmToolCall &c : m.toolCalls) {
                // Arguments are an object on this wire.
                const std::optional<Json> args = parseJson(c.arguments.toUtf8());
                calls.push_back({{"function",
                                  {{"name", utf8(c.name)},
                                   {"arguments", args && args->is_object() ? *args : Json::object()}}}});
            }
            message["tool_calls"] = calls;
        }
        messages.push_back(message);
    }
    Json options = {{"temperature", request.temperature}, {"num_predict", request.maxTokens}};
    if (request.seed)
        options["seed"] = *request.seed;
    Json body = {
        {"model", utf8(model)}, {"messages", messages}, {"options", options}, {"stream", request.stream}};
    if (request.wantsJson())
        body["format"] = request.schema;
    if (!request.tools.isEmpty())
        body["tools"] = llmwire::functionTools(request.tools); // Ollama has no tool_choice
    return body;
}

void OllamaChatProtocol::readObject(const Json &object, QString &content, QList<LlmToolCall> &calls,
                                    int &nextCall, LlmResponse &meta) {
    if (meta.model.isEmpty())
        meta.model = text(object, "model");
    const Json message = object.value("message", Json::object());
    if (message.is_object()) {
        content += text(message, "content");
        const Json toolCalls = message.value("tool_calls", Json::array());
        if (toolCalls.is_array()) {
            for (const Json &c : toolCalls) {
                if (!c.is_object())
                    continue;
                const Json function = c.value("function", Json::object());
                const Json args = function.value("arguments", Json::object());
                // Ollama gives calls no id; the reply is matched by position, so number them.
                QString id = text(c, "id");
                if (id.isEmpty())
                    id = QStringLiteral("call_%1").arg(nextCall);
                ++nextCall;
                calls.append({id, text(function, "name"),
                              args.is_string() ? QString::fromStdString(args.get<std::string>())
                                               : QString::fromStdString(args.dump())});
            }
        }
    }
    if (object.value("done", false)) {
        meta.finishReason = text(object, "done_reason");
        meta.finish = openAiFinish(meta.finishReason);
        meta.usage.inputTokens = object.value("prompt_eval_count", 0);
        meta.usage.outputTokens = object.value("eval_count", 0);
    }
}

LlmResponse OllamaChatProtocol::parseResponse(const QByteArray &body) {
    LlmResponse r;
    const std::optional<Json> json = parseJson(body);
    if (!json || !json->is_object()) {
        r.failure = FailureKind::Transient;
        r.error = QStringLiteral("unreadable answer from Ollama");
        r.finish = LlmFinish::Error;
        return r;
    }
    if (json->contains("error"))
        return parseError(200, body);
    int nextCall = 0;
    readObject(*json, r.content, r.toolCalls, nextCall, r);
    if (!r.toolCalls.isEmpty() && r.finish == LlmFinish::Stop)
        r.finish = LlmFinish::ToolCalls;
    return r;
}

LlmResponse OllamaChatProtocol::parseError(int httpStatus, const QByteArray &body) {
    LlmResponse r;
    r.httpStatus = httpStatus;
    r.finish = LlmFinish::Error;
    r.failure = httpStatus == 200 ? FailureKind::Transient : llmFailureForStatus(httpStatus);
    const std::optional<Json> json = parseJson(body);
    QString message = json && json->is_object() ? text(*json, "error") : QString();
    if (message.isEmpty())
        message = QString::fromUtf8(body.left(200)).simplified();
    r.error = httpStatus == 200 ? QStringLiteral("Ollama error: %1").arg(message)
                                : QStringLiteral("Ollama error %1: %2").arg(httpStatus).arg(message);
    return r;
}

void OllamaChatProtocol::Stream::handle(const QByteArray &line) {
    const std::optional<Json> object = frameObject(line, QStringLiteral("line in the Ollama stream"));
    if (!object)
        return;
    if (object->contains("error")) {
        fail(FailureKind::Transient, QStringLiteral("Ollama error: %1").arg(text(*object, "error")));
        return;
    }
    QString content;
    QList<LlmToolCall> calls;
    const int first = m_nextCall;
    OllamaChatProtocol::readObject(*object, content, calls, m_nextCall, m_response);
    appendText(content);
    for (qsizetype i = 0; i < calls.size(); ++i)
        toolCallPiece(first + int(i), calls.at(i).id, calls.at(i).name, calls.at(i).arguments);
    if (object->value("done", false)) {
        if (m_nextCall > 0 && m_response.finish == LlmFinish::Stop)
            setFinish(LlmFinish::ToolCalls, m_response.finishReason);
        markEnd();
    }
}

} // namespace shotcraft::providers
