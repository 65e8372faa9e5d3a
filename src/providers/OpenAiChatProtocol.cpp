#include "providers/OpenAiChatProtocol.h"

#include "providers/LlmWireJson.h"

namespace shotcraft::providers {

namespace {

using llmwire::text;
using llmwire::utf8;

Json messageJson(const LlmMessage &m) {
    switch (m.role) {
    case LlmRole::System:
        return {{"role", "system"}, {"content", utf8(m.content)}};
    case LlmRole::Tool:
        return {{"role", "tool"}, {"tool_call_id", utf8(m.toolCallId)}, {"content", utf8(m.content)}};
    case LlmRole::Assistant: {
        Json out = {{"role", "assistant"}};
        out["content"] =
            m.content.isEmpty() && !m.toolCalls.isEmpty() ? Json(nullptr) : Json(utf8(m.content));
        if (!m.toolCalls.isEmpty()) {
            Json calls = Json::array();
            for (const LlmToolCall &c : m.toolCalls)
                calls.push_back({{"id", utf8(c.id)},
                                 {"type", "function"},
                                 {"function", {{"name", utf8(c.name)}, {"arguments", utf8(c.arguments)}}}});
            out["tool_calls"] = calls;
        }
        return out;
    }
    case LlmRole::User:
        break;
    }
    if (m.images.isEmpty())
        return {{"role", "user"}, {"content", utf8(m.content)}};
    Json parts = Json::array({{{"type", "text"}, {"text", utf8(m.content)}}});
    for (const QByteArray &png : m.images) {
        const std::string url = "data:image/png;base64," + png.toBase64().toStdString();
        parts.push_back({{"type", "image_url"}, {"image_url", {{"url", url}}}});
    }
    return {{"role", "user"}, {"content", parts}};
}

// Tool-call arguments are a JSON string on the wire, but some servers send the object itself.
QString argumentsText(const Json &function) {
    const auto it = function.find("arguments");
    if (it == function.end() || it->is_null())
        return {};
    if (it->is_string())
        return QString::fromStdString(it->get<std::string>());
    return QString::fromStdString(it->dump());
}

} // namespace

LlmFinish openAiFinish(const QString &reason) {
    if (reason == QLatin1String("length"))
        return LlmFinish::Length;
    if (reason == QLatin1String("tool_calls") || reason == QLatin1String("function_call"))
        return LlmFinish::ToolCalls;
    if (reason == QLatin1String("content_filter"))
        return LlmFinish::ContentFilter;
    return LlmFinish::Stop;
}

Json OpenAiChatProtocol::requestBody(const LlmRequest &request, const QString &model) {
    Json messages = Json::array();
    if (!request.system.isEmpty())
        messages.push_back({{"role", "system"}, {"content", utf8(request.system)}});
    for (const LlmMessage &m : request.messages)
        messages.push_back(messageJson(m));

    Json body = {{"model", utf8(model)},
                 {"messages", messages},
                 {"temperature", request.temperature},
                 {"max_tokens", request.maxTokens},
                 {"stream", request.stream}};
    if (request.seed)
        body["seed"] = *request.seed;
    if (request.stream)
        body["stream_options"] = {{"include_usage", true}};
    if (request.wantsJson()) {
        // Always the nested form: llama.cpp silently ignores a flat `schema`, Ollama /v1 reads only
        // json_schema.schema, and LM Studio rejects json_object.
        const QString name = request.schemaName.isEmpty() ? QStringLiteral("answer") : request.schemaName;
        body["response_format"] = {
            {"type", "json_schema"},
            {"json_schema", {{"name", utf8(name)}, {"strict", true}, {"schema", request.schema}}}};
    }
    if (!request.tools.isEmpty()) {
        body["tools"] = llmwire::functionTools(request.tools);
        switch (request.toolChoice) {
        case LlmToolChoice::Auto:
            body["tool_choice"] = "auto";
            break;
        case LlmToolChoice::None:
            body["tool_choice"] = "none";
            break;
        case LlmToolChoice::Required:
            body["tool_choice"] = "required";
            break;
        case LlmToolChoice::Named:
            body["tool_choice"] = {{"type", "function"}, {"function", {{"name", utf8(request.toolName)}}}};
            break;
        }
    }
    return body;
}

LlmResponse OpenAiChatProtocol::parseResponse(const QByteArray &body) {
    LlmResponse r;
    QString parseError;
    const std::optional<Json> json = parseJson(body, &parseError);
    if (!json || !json->is_object()) {
        r.failure = FailureKind::Transient;
        r.error = QStringLiteral("unreadable answer from the chat service: %1").arg(parseError);
        r.finish = LlmFinish::Error;
        return r;
    }
    if (json->contains("error"))
        return OpenAiChatProtocol::parseError(200, body);
    r.model = text(*json, "model");
    const Json &choices = json->value("choices", Json::array());
    if (!choices.is_array() || choices.empty() || !choices.front().is_object()) {
        r.failure = FailureKind::Transient;
        r.error = QStringLiteral("the chat service answered without a choice");
        r.finish = LlmFinish::Error;
        return r;
    }
    const Json &choice = choices.front();
    const Json message = choice.value("message", Json::object());
    r.content = text(message, "content");
    r.refusal = text(message, "refusal");
    const Json calls = message.value("tool_calls", Json::array());
    if (calls.is_array()) {
        for (const Json &c : calls) {
            if (!c.is_object())
                continue;
            const Json function = c.value("function", Json::object());
            r.toolCalls.append({text(c, "id"), text(function, "name"), argumentsText(function)});
        }
    }
    r.finishReason = text(choice, "finish_reason");
    r.finish = openAiFinish(r.finishReason);
    if (!r.refusal.isEmpty())
        r.finish = LlmFinish::Refusal;
    const Json usage = json->value("usage", Json::object());
    if (usage.is_object()) {
        r.usage.inputTokens = usage.value("prompt_tokens", 0);
        r.usage.outputTokens = usage.value("completion_tokens", 0);
    }
    return r;
}

QString OpenAiChatProtocol::errorMessage(const Json &error) {
    if (error.is_string())
        return QString::fromStdString(error.get<std::string>());
    if (!error.is_object())
        return QStringLiteral("unknown error");
    QString message = text(error, "message");
    if (message.isEmpty())
        message = QStringLiteral("unknown error");
    const auto code = error.find("code");
    if (code != error.end() && !code->is_null())
        message +=
            QStringLiteral(" (%1)").arg(code->is_string() ? QString::fromStdString(code->get<std::string>())
                                                          : QString::fromStdString(code->dump()));
    return message;
}

LlmResponse OpenAiChatProtocol::parseError(int httpStatus, const QByteArray &body) {
    LlmResponse r;
    r.httpStatus = httpStatus;
    r.finish = LlmFinish::Error;
    r.failure = httpStatus == 200 ? FailureKind::Permanent : llmFailureForStatus(httpStatus);
    const std::optional<Json> json = parseJson(body);
    QString message;
    if (json && json->is_object() && json->contains("error")) {
        const Json &error = json->at("error");
        message = errorMessage(error);
        const QString code =
            error.is_object() && error.value("code", Json()).is_string() ? text(error, "code") : QString();
        if (code == QLatin1String("content_policy_violation") || code == QLatin1String("content_filter"))
            r.failure = FailureKind::ContentPolicy;
    } else {
        message = QString::fromUtf8(body.left(200)).simplified();
    }
    r.error = httpStatus == 200 ? QStringLiteral("chat service error: %1").arg(message)
                                : QStringLiteral("chat service error %1: %2").arg(httpStatus).arg(message);
    return r;
}

void OpenAiChatProtocol::Stream::handle(const SseEvent &event) {
    if (event.data.trimmed() == "[DONE]") {
        markEnd();
        return;
    }
    const std::optional<Json> chunk = frameObject(event.data, QStringLiteral("chunk in the chat stream"));
    if (!chunk)
        return;
    if (chunk->contains("error")) {
        // Some servers report a failure inside a 200 stream.
        fail(FailureKind::Transient,
             QStringLiteral("chat service error: %1").arg(errorMessage(chunk->at("error"))));
        return;
    }
    if (m_response.model.isEmpty())
        m_response.model = text(*chunk, "model");
    const Json usage = chunk->value("usage", Json());
    if (usage.is_object()) {
        m_response.usage.inputTokens = usage.value("prompt_tokens", 0);
        m_response.usage.outputTokens = usage.value("completion_tokens", 0);
    }
    const Json choices = chunk->value("choices", Json::array());
    if (!choices.is_array() || choices.empty() || !choices.front().is_object())
        return; // the usage-only chunk at the end
    const Json &choice = choices.front();
    const Json delta = choice.value("delta", Json::object());
    if (delta.is_object()) {
        appendText(text(delta, "content"));
        appendRefusal(text(delta, "refusal"));
        const Json calls = delta.value("tool_calls", Json::array());
        if (calls.is_array()) {
            int position = 0;
            for (const Json &c : calls) {
                if (!c.is_object())
                    continue;
                // Servers that send each call whole (Ollama /v1) may omit the index.
                const int index =
                    c.value("index", Json()).is_number_integer() ? c.at("index").get<int>() : position;
                const Json function = c.value("function", Json::object());
                toolCallPiece(index, text(c, "id"), text(function, "name"), argumentsText(function));
                ++position;
            }
        }
    }
    const QString reason = text(choice, "finish_reason");
    if (!reason.isEmpty()) {
        setFinish(openAiFinish(reason), reason);
        if (!m_response.refusal.isEmpty())
            setFinish(LlmFinish::Refusal, reason);
    }
}

} // namespace shotcraft::providers
