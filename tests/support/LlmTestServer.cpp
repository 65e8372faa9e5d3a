#include "support/LlmTestServer.h"

#include "support/HttpStatus.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace shotcraft::test {

namespace {

using Fault = LlmScriptedReply::Fault;

std::string utf8(const QString &s) {
    return s.toStdString();
}

QStringList pieces(const QString &text, int size) {
    QStringList out;
    for (qsizetype at = 0; at < text.size(); at += size)
        out.append(text.mid(at, size));
    return out;
}

QByteArray sse(const Json &data, const char *event = nullptr) {
    QByteArray out;
    if (event)
        out += QByteArray("event: ") + event + '\n';
    return out + "data: " + toJsonBytes(data) + "\n\n";
}

Json objectOr(const QString &text, const Json &fallback) {
    const std::optional<Json> json = parseJson(text.toUtf8());
    return json && json->is_object() ? *json : fallback;
}

} // namespace

LlmTestServer::LlmTestServer(LlmProtocol protocol, QObject *parent)
    : QObject(parent)
    , m_protocol(protocol) {
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            m_connections.insert(socket, {});
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                m_connections.remove(socket);
                socket->deleteLater();
            });
        }
    });
}

LlmTestServer::~LlmTestServer() {
    // The accepted sockets are children of m_server, which is destroyed after m_connections. A
    // socket still connected closes in its destructor and emits disconnected(), whose handler would
    // then write into the already destroyed hash (heap corruption). Cut them loose first.
    m_server.close();
    const QList<QTcpSocket *> sockets = m_server.findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
        socket->abort();
    }
    m_connections.clear();
}

bool LlmTestServer::listen() {
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl LlmTestServer::baseUrl() const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

void LlmTestServer::onReadyRead(QTcpSocket *socket) {
    Connection &c = m_connections[socket];
    c.buffer += socket->readAll();
    for (;;) {
        const qsizetype headerEnd = c.buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = c.buffer.left(headerEnd).split('\n');
        QHash<QByteArray, QByteArray> headers;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                               lines.at(i).mid(colon + 1).trimmed());
        }
        const qsizetype length = headers.value("content-length", "0").toLongLong();
        if (c.buffer.size() < headerEnd + 4 + length)
            return;
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        const QByteArray body = c.buffer.mid(headerEnd + 4, length);
        c.buffer.remove(0, headerEnd + 4 + length);
        answer(socket, requestLine.value(1), headers, body);
        if (!m_connections.contains(socket))
            return;
    }
}

void LlmTestServer::answer(QTcpSocket *socket, const QByteArray &path,
                           const QHash<QByteArray, QByteArray> &headers, const QByteArray &body) {
    const Json request = parseJson(body).value_or(Json());
    m_requests.append(request);
    m_headers.append(headers);
    const QByteArray expected = m_protocol == LlmProtocol::OpenAi      ? "/v1/chat/completions"
                                : m_protocol == LlmProtocol::Anthropic ? "/v1/messages"
                                                                       : "/api/chat";
    if (path != expected || m_script.isEmpty()) {
        LlmScriptedReply missing = LlmScriptedReply::httpError(path != expected ? 404 : 500);
        missing.content =
            path != expected ? QStringLiteral("no such endpoint") : QStringLiteral("no scripted reply");
        sendStatus(socket, missing);
        return;
    }
    const LlmScriptedReply reply = m_script.takeFirst();
    if (reply.fault == Fault::Status)
        sendStatus(socket, reply);
    else if (request.value("stream", m_protocol == LlmProtocol::Ollama))
        sendStream(socket, reply, request);
    else
        sendWhole(socket, reply, request);
}

void LlmTestServer::sendStatus(QTcpSocket *socket, const LlmScriptedReply &reply) {
    const QString message =
        reply.content.isEmpty() ? QStringLiteral("Rate limit reached for requests") : reply.content;
    Json body;
    switch (m_protocol) {
    case LlmProtocol::OpenAi:
        if (reply.bareStringError)
            body = {{"error", utf8(message)}};
        else
            body = {{"error",
                     {{"message", utf8(message)},
                      {"type", reply.status == 429 ? "requests" : "server_error"},
                      {"param", nullptr},
                      {"code", reply.integerErrorCode ? Json(reply.status)
                               : reply.status == 429  ? Json("rate_limit_exceeded")
                                                      : Json(nullptr)}}}};
        break;
    case LlmProtocol::Anthropic: {
        const char *type = reply.status == 429   ? "rate_limit_error"
                           : reply.status == 529 ? "overloaded_error"
                           : reply.status == 400 ? "invalid_request_error"
                           : reply.status == 401 ? "authentication_error"
                           : reply.status == 404 ? "not_found_error"
                                                 : "api_error";
        body = {{"type", "error"}, {"error", {{"type", type}, {"message", utf8(message)}}}};
        break;
    }
    case LlmProtocol::Ollama:
        body = {{"error", utf8(message)}};
        break;
    }
    const QByteArray bytes = toJsonBytes(body);
    QByteArray head =
        "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reasonPhrase(reply.status) +
        "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(bytes.size()) + "\r\n";
    if (!reply.retryAfter.isEmpty())
        head += "retry-after: " + reply.retryAfter + "\r\n";
    if (m_protocol == LlmProtocol::OpenAi && reply.status == 429)
        head += "x-ratelimit-remaining-requests: 0\r\nx-ratelimit-reset-requests: 6ms\r\n";
    socket->write(head + "\r\n" + bytes);
}

void LlmTestServer::sendWhole(QTcpSocket *socket, const LlmScriptedReply &reply, const Json &request) {
    Json body;
    switch (m_protocol) {
    case LlmProtocol::OpenAi: {
        Json message = {{"role", "assistant"}, {"content", nullptr}, {"refusal", nullptr}};
        if (reply.fault == Fault::Refusal)
            message["refusal"] = utf8(reply.content);
        else if (!reply.content.isEmpty() || reply.toolCalls.isEmpty())
            message["content"] = utf8(reply.content);
        if (!reply.toolCalls.isEmpty()) {
            Json calls = Json::array();
            for (qsizetype i = 0; i < reply.toolCalls.size(); ++i)
                calls.push_back({{"id", "call_" + std::to_string(i)},
                                 {"type", "function"},
                                 {"function",
                                  {{"name", utf8(reply.toolCalls.at(i).first)},
                                   {"arguments", utf8(reply.toolCalls.at(i).second)}}}});
            message["tool_calls"] = calls;
        }
        const char *finish = reply.fault == Fault::Length ? "length"
                             : !reply.toolCalls.isEmpty() ? "tool_calls"
                                                          : "stop";
        body = {{"id", "chatcmpl-test"},
                {"object", "chat.completion"},
                {"created", 1732700000},
                {"model", request.value("model", "test-model")},
                {"choices", Json::array({{{"index", 0}, {"message", message}, {"finish_reason", finish}}})},
                {"usage", {{"prompt_tokens", 100}, {"completion_tokens", 50}, {"total_tokens", 150}}}};
        break;
    }
    case LlmProtocol::Anthropic: {
        Json content = Json::array();
        const Json choice = request.value("tool_choice", Json::object());
        const bool forced = choice.is_object() && choice.value("type", "") == "tool";
        const Json input = objectOr(reply.content, Json());
        if (forced && !input.is_null() && reply.fault == Fault::None)
            content.push_back({{"type", "tool_use"},
                               {"id", "toolu_schema"},
                               {"name", choice.value("name", "")},
                               {"input", input}});
        else if (!reply.content.isEmpty())
            content.push_back({{"type", "text"}, {"text", utf8(reply.content)}});
        for (qsizetype i = 0; i < reply.toolCalls.size(); ++i)
            content.push_back({{"type", "tool_use"},
                               {"id", "toolu_" + std::to_string(i)},
                               {"name", utf8(reply.toolCalls.at(i).first)},
                               {"input", objectOr(reply.toolCalls.at(i).second, Json::object())}});
        const char *stop = reply.fault == Fault::Length    ? "max_tokens"
                           : reply.fault == Fault::Refusal ? "refusal"
                           : (!reply.toolCalls.isEmpty() ||
                              (forced && content.size() && content.front()["type"] == "tool_use"))
                               ? "tool_use"
                               : "end_turn";
        body = {{"id", "msg_test"},         {"type", "message"},
                {"role", "assistant"},      {"model", request.value("model", "test-model")},
                {"content", content},       {"stop_reason", stop},
                {"stop_sequence", nullptr}, {"usage", {{"input_tokens", 100}, {"output_tokens", 50}}}};
        break;
    }
    case LlmProtocol::Ollama: {
        Json message = {{"role", "assistant"}, {"content", utf8(reply.content)}};
        if (!reply.toolCalls.isEmpty()) {
            Json calls = Json::array();
            for (const auto &call : reply.toolCalls)
                calls.push_back(
                    {{"function",
                      {{"name", utf8(call.first)}, {"arguments", objectOr(call.second, Json::object())}}}});
            message["tool_calls"] = calls;
        }
        body = {{"model", request.value("model", "test-model")},
                {"created_at", "2026-11-27T10:00:00Z"},
                {"message", message},
                {"done", true},
                {"done_reason", reply.fault == Fault::Length ? "length" : "stop"},
                {"prompt_eval_count", 100},
                {"eval_count", 50}};
        break;
    }
    }
    const QByteArray bytes = toJsonBytes(body);
    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                  QByteArray::number(bytes.size()) + "\r\n\r\n" + bytes);
}

QList<QByteArray> LlmTestServer::openAiPieces(const LlmScriptedReply &reply) const {
    auto chunk = [](const Json &delta, const Json &finish) {
        return sse({{"id", "chatcmpl-test"},
                    {"object", "chat.completion.chunk"},
                    {"created", 1732700000},
                    {"model", "test-model"},
                    {"choices", Json::array({{{"index", 0}, {"delta", delta}, {"finish_reason", finish}}})}});
    };
    QList<QByteArray> out;
    out.append(chunk({{"role", "assistant"}, {"content", ""}}, nullptr));
    const QStringList text = pieces(reply.content, reply.pieceChars);
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (reply.fault == Fault::ErrorMidStream && i == text.size() / 2) {
            out.append(sse({{"error",
                             {{"message", "The server had an error while processing your request."},
                              {"type", "server_error"},
                              {"param", nullptr},
                              {"code", nullptr}}}}));
            return out;
        }
        if (reply.fault == Fault::CutConnection && i == text.size() / 2) {
            out.append(QByteArray());
            return out;
        }
        out.append(
            chunk({{reply.fault == Fault::Refusal ? "refusal" : "content", utf8(text.at(i))}}, nullptr));
    }
    for (qsizetype c = 0; c < reply.toolCalls.size(); ++c) {
        const int index = int(c);
        out.append(
            chunk({{"tool_calls",
                    Json::array(
                        {{{"index", index},
                          {"id", "call_" + std::to_string(c)},
                          {"type", "function"},
                          {"function", {{"name", utf8(reply.toolCalls.at(c).first)}, {"arguments", ""}}}}})}},
                  nullptr));
        for (const QString &fragment : pieces(reply.toolCalls.at(c).second, reply.pieceChars))
            out.append(chunk({{"tool_calls", Json::array({{{"index", index},
                                                           {"function", {{"arguments", utf8(fragment)}}}}})}},
                             nullptr));
    }
    const char *finish = reply.fault == Fault::Length ? "length"
                         : !reply.toolCalls.isEmpty() ? "tool_calls"
                                                      : "stop";
    out.append(chunk(Json::object(), finish));
    out.append(sse({{"id", "chatcmpl-test"},
                    {"object", "chat.completion.chunk"},
                    {"choices", Json::array()},
                    {"usage", {{"prompt_tokens", 100}, {"completion_tokens", 50}, {"total_tokens", 150}}}}));
    out.append("data: [DONE]\n\n");
    return out;
}

QList<QByteArray> LlmTestServer::anthropicPieces(const LlmScriptedReply &reply,
                                                 const QString &forcedTool) const {
    QList<QByteArray> out;
    out.append(sse({{"type", "message_start"},
                    {"message",
                     {{"id", "msg_test"},
                      {"type", "message"},
                      {"role", "assistant"},
                      {"model", "test-model"},
                      {"content", Json::array()},
                      {"stop_reason", nullptr},
                      {"usage", {{"input_tokens", 100}, {"output_tokens", 1}}}}}},
                   "message_start"));
    out.append(sse({{"type", "ping"}}, "ping"));
    int index = 0;
    // A forced schema tool streams the answer as the tool's partial JSON, as the service does.
    const bool asTool = !forcedTool.isEmpty() && reply.fault != Fault::Refusal;
    const QStringList text = pieces(reply.content, reply.pieceChars);
    if (!reply.content.isEmpty()) {
        out.append(sse({{"type", "content_block_start"},
                        {"index", index},
                        {"content_block", asTool ? Json{{"type", "tool_use"},
                                                        {"id", "toolu_schema"},
                                                        {"name", utf8(forcedTool)},
                                                        {"input", Json::object()}}
                                                 : Json{{"type", "text"}, {"text", ""}}}},
                       "content_block_start"));
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (reply.fault == Fault::ErrorMidStream && i == text.size() / 2) {
                out.append(sse(
                    {{"type", "error"}, {"error", {{"type", "overloaded_error"}, {"message", "Overloaded"}}}},
                    "error"));
                return out;
            }
            if (reply.fault == Fault::CutConnection && i == text.size() / 2) {
                out.append(QByteArray());
                return out;
            }
            if (i == 1)
                out.append(sse({{"type", "ping"}}, "ping"));
            out.append(
                sse({{"type", "content_block_delta"},
                     {"index", index},
                     {"delta", asTool ? Json{{"type", "input_json_delta"}, {"partial_json", utf8(text.at(i))}}
                                      : Json{{"type", "text_delta"}, {"text", utf8(text.at(i))}}}},
                    "content_block_delta"));
        }
        out.append(sse({{"type", "content_block_stop"}, {"index", index}}, "content_block_stop"));
        ++index;
    }
    for (const auto &call : reply.toolCalls) {
        out.append(sse({{"type", "content_block_start"},
                        {"index", index},
                        {"content_block",
                         {{"type", "tool_use"},
                          {"id", "toolu_" + std::to_string(index)},
                          {"name", utf8(call.first)},
                          {"input", Json::object()}}}},
                       "content_block_start"));
        for (const QString &fragment : pieces(call.second, reply.pieceChars))
            out.append(sse({{"type", "content_block_delta"},
                            {"index", index},
                            {"delta", {{"type", "input_json_delta"}, {"partial_json", utf8(fragment)}}}},
                           "content_block_delta"));
        out.append(sse({{"type", "content_block_stop"}, {"index", index}}, "content_block_stop"));
        ++index;
    }
    const char *stop = reply.fault == Fault::Length             ? "max_tokens"
                       : reply.fault == Fault::Refusal          ? "refusal"
                       : (asTool || !reply.toolCalls.isEmpty()) ? "tool_use"
                                                                : "end_turn";
    out.append(sse({{"type", "message_delta"},
                    {"delta", {{"stop_reason", stop}, {"stop_sequence", nullptr}}},
                    {"usage", {{"output_tokens", 50}}}},
                   "message_delta"));
    out.append(sse({{"type", "message_stop"}}, "message_stop"));
    return out;
}

QList<QByteArray> LlmTestServer::ollamaPieces(const LlmScriptedReply &reply) const {
    auto line = [](const Json &message, bool done, const char *reason = nullptr) {
        Json object = {{"model", "test-model"},
                       {"created_at", "2026-11-27T10:00:00Z"},
                       {"message", message},
                       {"done", done}};
        if (done) {
            object["done_reason"] = reason;
            object["prompt_eval_count"] = 100;
            object["eval_count"] = 50;
        }
        return toJsonBytes(object) + '\n';
    };
    QList<QByteArray> out;
    const QStringList text = pieces(reply.content, reply.pieceChars);
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (reply.fault == Fault::ErrorMidStream && i == text.size() / 2) {
            out.append(toJsonBytes(Json{{"error", "an error was encountered while running the model"}}) +
                       '\n');
            return out;
        }
        if (reply.fault == Fault::CutConnection && i == text.size() / 2) {
            out.append(QByteArray());
            return out;
        }
        out.append(line({{"role", "assistant"}, {"content", utf8(text.at(i))}}, false));
    }
    for (const auto &call : reply.toolCalls) // Ollama sends each call whole, arguments as an object
        out.append(
            line({{"role", "assistant"},
                  {"content", ""},
                  {"tool_calls", Json::array({{{"function",
                                                {{"name", utf8(call.first)},
                                                 {"arguments", objectOr(call.second, Json::object())}}}}})}},
                 false));
    out.append(line({{"role", "assistant"}, {"content", ""}}, true,
                    reply.fault == Fault::Length ? "length" : "stop"));
    return out;
}

void LlmTestServer::sendStream(QTcpSocket *socket, const LlmScriptedReply &reply, const Json &request) {
    QList<QByteArray> out;
    const char *type = "text/event-stream";
    switch (m_protocol) {
    case LlmProtocol::OpenAi:
        out = openAiPieces(reply);
        break;
    case LlmProtocol::Anthropic: {
        const Json choice = request.value("tool_choice", Json::object());
        const QString forced = choice.is_object() && choice.value("type", "") == "tool"
                                   ? QString::fromStdString(choice.value("name", ""))
                                   : QString();
        out = anthropicPieces(reply, forced);
        break;
    }
    case LlmProtocol::Ollama:
        out = ollamaPieces(reply);
        type = "application/x-ndjson";
        break;
    }
    socket->write(QByteArray("HTTP/1.1 200 OK\r\nContent-Type: ") + type +
                  "\r\nTransfer-Encoding: chunked\r\nCache-Control: no-cache\r\n\r\n");
    // One event loop turn between pieces, so the client really receives the stream in parts.
    QPointer<QTcpSocket> guard(socket);
    auto queue = std::make_shared<QList<QByteArray>>(out);
    // The chain holds itself only through the pending timer, so nothing frees it while it runs.
    auto step = std::make_shared<std::function<void()>>();
    std::weak_ptr<std::function<void()>> weak = step;
    *step = [guard, queue, weak] {
        if (!guard)
            return;
        if (queue->isEmpty()) {
            guard->write("0\r\n\r\n");
            return;
        }
        const QByteArray piece = queue->takeFirst();
        if (piece.isEmpty()) {
            guard->flush();
            guard->abort();
            return;
        }
        guard->write(QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n");
        QTimer::singleShot(0, guard, [next = weak.lock()] {
            if (next)
                (*next)();
        });
    };
    (*step)();
}

} // namespace shotcraft::test
