// A local stand-in for a language-model service, speaking one of the three chat protocols exactly as
// protocols.md §1–3 describe them: OpenAI-compatible chat (JSON or SSE chunks), Anthropic Messages
// (JSON or typed SSE events with pings) and Ollama /api/chat (JSON or NDJSON). Replies are scripted
// in order, with faults: a refusal, a length stop with truncated JSON, an error event after a 200,
// a cut connection, HTTP errors (429 with Retry-After, 529, ...), tool-call arguments in fragments.
#pragma once

#include "domain/Json.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace shotcraft::test {

enum class LlmProtocol { OpenAi, Anthropic, Ollama };

struct LlmScriptedReply {
    enum class Fault {
        None,
        Refusal,        // the model declines (content is its refusal text)
        Length,         // the token limit cut the answer (content is what came before the cut)
        ErrorMidStream, // a 200 stream that carries an error after part of the answer
        CutConnection,  // the connection drops mid-stream
        Status          // an HTTP error status (status, retryAfter)
    };
    QString content;
    QList<QPair<QString, QString>> toolCalls; // name, arguments as JSON text
    Fault fault = Fault::None;
    int status = 200;
    QByteArray retryAfter;         // Retry-After header value, for a Status fault
    int pieceChars = 9;            // streamed text and tool arguments go out in pieces this long
    bool bareStringError = false;  // OpenAI-compatible: `error` as a bare string (LM Studio)
    bool integerErrorCode = false; // OpenAI-compatible: `code` as an integer (llama.cpp)

    static LlmScriptedReply text(const QString &content) { return {content}; }
    static LlmScriptedReply httpError(int code, const QByteArray &retryAfter = {}) {
        LlmScriptedReply r;
        r.fault = Fault::Status;
        r.status = code;
        r.retryAfter = retryAfter;
        return r;
    }
};

class LlmTestServer : public QObject {
    Q_OBJECT
public:
    explicit LlmTestServer(LlmProtocol protocol, QObject *parent = nullptr);
    ~LlmTestServer() override;
    bool listen();
    QUrl baseUrl() const;

    void enqueue(const LlmScriptedReply &reply) { m_script.append(reply); }
    int pending() const { return int(m_script.size()); }
    void clearScript() { m_script.clear(); }
    // Every request body received, and its headers (names lower-cased), in order.
    const QList<Json> &requests() const { return m_requests; }
    const QList<QHash<QByteArray, QByteArray>> &requestHeaders() const { return m_headers; }

private:
    struct Connection {
        QByteArray buffer;
    };
    void onReadyRead(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const QByteArray &path, const QHash<QByteArray, QByteArray> &headers,
                const QByteArray &body);
    void sendStatus(QTcpSocket *socket, const LlmScriptedReply &reply);
    void sendWhole(QTcpSocket *socket, const LlmScriptedReply &reply, const Json &request);
    void sendStream(QTcpSocket *socket, const LlmScriptedReply &reply, const Json &request);
    // The stream's pieces, protocol by protocol; an empty piece means "cut the connection here".
    QList<QByteArray> openAiPieces(const LlmScriptedReply &reply) const;
    QList<QByteArray> anthropicPieces(const LlmScriptedReply &reply, const QString &forcedTool) const;
    QList<QByteArray> ollamaPieces(const LlmScriptedReply &reply) const;

    LlmProtocol m_protocol;
    QTcpServer m_server;
    QHash<QTcpSocket *, Connection> m_connections;
    QList<LlmScriptedReply> m_script;
    QList<Json> m_requests;
    QList<QHash<QByteArray, QByteArray>> m_headers;
};

} // namespace shotcraft::test
