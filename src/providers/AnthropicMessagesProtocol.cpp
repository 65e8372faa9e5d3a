#include "providers/AnthropicMessagesProtocol.h"

#include "providers/LlmWireJson.h"

namespace shotcraft::providers {

namespace {

using llmwire::text;
using llmwire::utf8;

// Tool input is an object on this wire; ours is JSON text. Text that is not an object goes as {}.
Json inputObject(const QString &arguments) {
    const std::optional<Json> json = parseJson(arguments.toUtf8());
    return json && json->is_object() ? *json : Json::object();
}

Json contentBlocks(const LlmMessage &m) {
    Json blocks = Json::array();
    if (m.role == LlmRole::Tool) {
        blocks.push_back({{"type", "tool_result"},
                          {"tool_use_id", utf8(m.toolCallId)},
                          {"content", utf8(m.content)},
                          {"is_error", m.toolError}});
        return blocks;
    }
    for (const QByteArray &png : m.images)
        blocks.push_back(
            {{"type", "image"},
             {"source",
              {{"type", "base64"}, {"media_type", "image/png"}, {"data", png.toBase64().toStdString()}}}});
    if (!m.content.isEmpty())
        blocks.push_back({{"type", "text"}, {"text", utf8(m.content)}});
    for (const LlmToolCall &c : m.toolCalls)
        blocks.push_back({{"type", "tool_use"},
                          {"id", utf8(c.id)},
                          {"name", utf8(c.name)},
                          {"input", inputObject(c.arguments)}});
    return blocks;
}

LlmFinish anthropicFinish(const QString &reason) {
    if (reason == QLatin1String("max_tokens"))
        return LlmFinish::Length;
    if (reason == QLatin1String("tool_use"))
        return LlmFinish::ToolCalls;
    if (reason == QLatin1String("refusal"))
        return LlmFinish::Refusal;
    return LlmFinish::Stop; // end_turn, stop_sequence, pause_turn
}

FailureKind failureForErrorType(const QString &type, int status) {
    if (type == QLatin1String("overloaded_error") || type == QLatin1String("rate_limit_error") ||
        type == QLatin1String("api_error"))
        return FailureKind::Transient;
    if (!type.isEmpty() && status == 200)
        return FailureKind::Permanent;
    return llmFailureForStatus(status);
}

// The forced schema tool's call is the answer, not a tool call the caller must run.
void unwrapSchemaTool(LlmResponse &r, const QString &schemaTool) {
    if (schemaTool.isEmpty())
        return;
    for (qsizetype i = 0; i < r.toolCalls.size(); ++i) {
        if (r.toolCalls.at(i).name != schemaTool)
            continue;
        r.content = r.toolCalls.at(i).arguments;
        r.toolCalls.removeAt(i);
        if (r.finish == LlmFinish::ToolCalls)
            r.finish = LlmFinish::Stop;
        return;
    }
}

} // namespace

QString AnthropicMessagesProtocol::schemaToolName(const LlmRequest &request) {
    if (!request.wantsJson())
        return {};
    return request.schemaName.isEmpty() ? QStringLiteral("answer") : request.schemaName;
}

Json AnthropicMessagesProtocol::requestBody(const LlmRequest &request, const QString &model) {
    Json messages = Json::array();
    for (const LlmMessage &m : request.messages) {
        if (m.role == LlmRole::System)
            continue; // folded into `system` below
        const char *role = m.role == LlmRole::Assistant ? "assistant" : "user";
        Json blocks = contentBlocks(m);
        // Consecutive tool results answer one assistant turn: they travel in one user message.
        if (m.role == LlmRole::Tool && !messages.empty() && messages.back()["role"] == "user" &&
            messages.back()["content"].is_array() && !messages.back()["content"].empty() &&
            messages.back()["content"].back().value("type", "") == "tool_result") {
            for (Json &b : blocks)
                messages.back()["content"].push_back(std::move(b));
            continue;
        }
        messages.push_back({{"role", role}, {"content", blocks}});
    }
    QString system = request.system;
    for (const LlmMessage &m : request.messages)
        if (m.role == LlmRole::System)
            system += (system.isEmpty() ? QString() : QStringLiteral("\n\n")) + m.content;

    Json body = {{"model", utf8(model)},
                 {"max_tokens", request.maxTokens},
                 {"messages", messages},
                 {"temperature", request.temperature},
                 {"stream", request.stream}};
    if (!system.isEmpty())
        body["system"] = utf8(system);
    Json tools = Json::array();
    for (const LlmTool &t : request.tools)
        tools.push_back(
            {{"name", utf8(t.name)}, {"description", utf8(t.description)}, {"input_schema", t.parameters}});
    const QString schemaTool = schemaToolName(request);
    if (!schemaTool.isEmpty()) {
        tools.push_back({{"name", utf8(schemaTool)},
                         {"description", "Record the complete answer. Call this exactly once."},
                         {"input_schema", request.schema}});
        body["tool_choice"] = {{"type", "tool"}, {"name", utf8(schemaTool)}};
    } else if (!request.tools.isEmpty()) {
        switch (request.toolChoice) {
        case LlmToolChoice::Auto:
            body["tool_choice"] = {{"type", "auto"}};
            break;
        case LlmToolChoice::None:
            body["tool_choice"] = {{"type", "none"}};
            break;
        case LlmToolChoice::Required:
            body["tool_choice"] = {{"type", "any"}};
            break;
        case LlmToolChoice::Named:
            body["tool_choice"] = {{"type", "tool"}, {"name", utf8(request.toolName)}};
            break;
        }
    }
    if (!tools.empty())
        body["tools"] = tools;
    return body;
}

LlmResponse AnthropicMessagesProtocol::parseResponse(const QByteArray &body, const QString &schemaTool) {
    LlmResponse r;
    const std::optional<Json> json = parseJson(body);
    if (!json || !json->is_object()) {
        r.failure = FailureKind::Transient;
        r.error = QStringLiteral("unreadable answer from the Anthropic service");
        r.finish = LlmFinish::Error;
        return r;
    }
    if (json->value("type", "") == "error")
        return parseError(200, body);
    r.model = text(*json, "model");
    const Json content = json->value("content", Json::array());
    if (content.is_array()) {
        for (const Json &block : content) {
            if (!block.is_object())
                continue;
            const QString type = text(block, "type");
            if (type == QLatin1String("text"))
                r.content += text(block, "text");
            else if (type == QLatin1String("tool_use"))
                r.toolCalls.append({text(block, "id"), text(block, "name"),
                                    QString::fromStdString(block.value("input", Json::object()).dump())});
        }
    }
    r.finishReason = text(*json, "stop_reason");
    r.finish = anthropicFinish(r.finishReason);
    if (r.finish == LlmFinish::Refusal)
        r.refusal = r.content.isEmpty() ? QStringLiteral("the model declined") : r.content;
    const Json usage = json->value("usage", Json::object());
    if (usage.is_object()) {
        r.usage.inputTokens = usage.value("input_tokens", 0);
        r.usage.outputTokens = usage.value("output_tokens", 0);
    }
    unwrapSchemaTool(r, schemaTool);
    return r;
}

LlmResponse AnthropicMessagesProtocol::parseError(int httpStatus, const QByteArray &body) {
    LlmResponse r;
    r.httpStatus = httpStatus;
    r.finish = LlmFinish::Error;
    const std::optional<Json> json = parseJson(body);
    QString type;
    QString message;
    if (json && json->is_object()) {
        const Json error = json->value("error", Json::object());
        if (error.is_object()) {
            type = text(error, "type");
            message = text(error, "message");
        }
    }
    if (message.isEmpty())
        message = QString::fromUtf8(body.left(200)).simplified();
    r.failure = failureForErrorType(type, httpStatus);
    const QString what = type.isEmpty() ? QString() : type + QStringLiteral(": ");
    r.error = httpStatus == 200
                  ? QStringLiteral("Anthropic error: %1%2").arg(what, message)
                  : QStringLiteral("Anthropic error %1: %2%3").arg(httpStatus).arg(what, message);
    return r;
}

void AnthropicMessagesProtocol::Stream::complete(LlmResponse &response) {
    if (response.finish == LlmFinish::Refusal && response.refusal.isEmpty())
        response.refusal =
            response.content.isEmpty() ? QStringLiteral("the model declined") : response.content;
    unwrapSchemaTool(response, m_schemaTool);
}

void AnthropicMessagesProtocol::Stream::handle(const SseEvent &event) {
    const std::optional<Json> data = frameObject(event.data, QStringLiteral("event in the Anthropic stream"));
    if (!data)
        return;
    // The event name is repeated in data.type; trust data (a proxy may drop `event:` lines).
    const QString type = data->contains("type") ? text(*data, "type") : QString::fromUtf8(event.event);
    if (type == QLatin1String("ping"))
        return;
    if (type == QLatin1String("error")) {
        const Json error = data->value("error", Json::object());
        const QString errorType = error.is_object() ? text(error, "type") : QString();
        fail(failureForErrorType(errorType, 200),
             QStringLiteral("Anthropic error: %1: %2")
                 .arg(errorType, error.is_object() ? text(error, "message") : QString()));
        return;
    }
    if (type == QLatin1String("message_start")) {
        const Json message = data->value("message", Json::object());
        m_response.model = text(message, "model");
        const Json usage = message.value("usage", Json::object());
        if (usage.is_object())
            m_response.usage.inputTokens = usage.value("input_tokens", 0);
        return;
    }
    const int index = data->value("index", 0);
    if (type == QLatin1String("content_block_start")) {
        const Json block = data->value("content_block", Json::object());
        const QString blockType = text(block, "type");
        if (blockType == QLatin1String("text"))
            appendText(text(block, "text"));
        else if (blockType == QLatin1String("tool_use"))
            toolCallPiece(index, text(block, "id"), text(block, "name"), {});
        return;
    }
    if (type == QLatin1String("content_block_delta")) {
        const Json delta = data->value("delta", Json::object());
        const QString deltaType = text(delta, "type");
        if (deltaType == QLatin1String("text_delta"))
            appendText(text(delta, "text"));
        else if (deltaType == QLatin1String("input_json_delta"))
            toolCallPiece(index, {}, {}, text(delta, "partial_json"));
        return;
    }
    if (type == QLatin1String("message_delta")) {
        const Json delta = data->value("delta", Json::object());
        const QString reason = text(delta, "stop_reason");
        if (!reason.isEmpty())
            setFinish(anthropicFinish(reason), reason);
        const Json usage = data->value("usage", Json::object());
        if (usage.is_object())
            m_response.usage.outputTokens = usage.value("output_tokens", 0);
        return;
    }
    if (type == QLatin1String("message_stop"))
        markEnd();
    // content_block_stop and unknown future events carry nothing we need.
}

} // namespace shotcraft::providers
