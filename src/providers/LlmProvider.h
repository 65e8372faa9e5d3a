// The one interface every language-model back-end implements (OpenAI-compatible chat, Anthropic
// Messages, Ollama native): plain answers, streaming, tool calling and JSON-schema output.
// Requests and answers are protocol-neutral; each client maps them onto its own wire format.
#pragma once

#include "providers/ImageProvider.h" // FailureKind

#include "domain/Json.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace shotcraft::providers {

enum class LlmRole { System, User, Assistant, Tool };

// One call the model asked for. `arguments` is JSON text (the form every protocol can carry).
struct LlmToolCall {
    QString id;
    QString name;
    QString arguments;
    bool operator==(const LlmToolCall &) const = default;
};

struct LlmMessage {
    LlmRole role = LlmRole::User;
    QString content;
    QList<LlmToolCall> toolCalls; // an assistant message's calls, replayed unchanged
    QString toolCallId;           // a tool result: the call it answers
    bool toolError = false;       // a tool result that reports a failure
    QList<QByteArray> images;     // PNG bytes attached to a user message

    static LlmMessage user(const QString &text) { return {LlmRole::User, text, {}, {}, false, {}}; }
    static LlmMessage assistant(const QString &text) { return {LlmRole::Assistant, text, {}, {}, false, {}}; }
    static LlmMessage toolResult(const QString &callId, const QString &text, bool error = false) {
        return {LlmRole::Tool, text, {}, callId, error, {}};
    }
};

struct LlmTool {
    QString name;
    QString description;
    Json parameters = Json::object(); // a JSON schema
};

enum class LlmToolChoice { Auto, None, Required, Named };

struct LlmRequest {
    QString system;
    QList<LlmMessage> messages;
    QList<LlmTool> tools;
    LlmToolChoice toolChoice = LlmToolChoice::Auto;
    QString toolName; // for LlmToolChoice::Named
    // JSON-schema output: the answer's content must be one JSON value matching `schema`.
    QString schemaName; // [A-Za-z0-9_-]{1,64}
    Json schema;        // null: free text
    double temperature = 0.2;
    std::optional<qint64> seed;
    int maxTokens = 4096;
    bool stream = true;

    bool wantsJson() const { return !schema.is_null(); }
};

// Why the model stopped, in the protocols' common terms.
enum class LlmFinish { Stop, Length, ToolCalls, ContentFilter, Refusal, Error, Cancelled };

struct LlmUsage {
    int inputTokens = 0;
    int outputTokens = 0;
};

struct LlmResponse {
    FailureKind failure = FailureKind::None;
    QString error; // one line, for the user
    int httpStatus = 0;
    QString content;
    QString refusal; // the model's own refusal text (OpenAI `refusal`, or a content-filter stop)
    QList<LlmToolCall> toolCalls;
    LlmFinish finish = LlmFinish::Stop;
    QString finishReason; // as the service spelled it
    LlmUsage usage;
    QString model;

    bool ok() const { return failure == FailureKind::None; }
};

// One request in flight. Emits delta() for each streamed piece of text, then finished() exactly once
// (also after cancel(), with FailureKind::Cancelled). Deletes itself after finished().
class LlmJob : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void cancel() = 0;

Q_SIGNALS:
    void delta(const QString &text);
    void finished(const shotcraft::providers::LlmResponse &response);
};

struct LlmCaps {
    bool streaming = true;
    bool tools = true;
    bool jsonSchema = true;
    int contextTokens = 8192; // what one request may hold; long scripts are chunked to fit
};

class LlmProvider : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    virtual QString name() const = 0; // profile name, e.g. "openai", "ollama-local"
    virtual LlmCaps caps() const = 0;
    // Starts a request; the job belongs to the caller's event loop thread.
    virtual LlmJob *chat(const LlmRequest &request) = 0;
};

} // namespace shotcraft::providers

Q_DECLARE_METATYPE(shotcraft::providers::LlmResponse)
