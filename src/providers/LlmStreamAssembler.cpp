#include "providers/LlmStreamAssembler.h"

namespace shotcraft::providers {

QStringList LlmStreamAssembler::feed(const QByteArray &bytes) {
    m_deltas.clear();
    decode(bytes);
    return std::exchange(m_deltas, {});
}

LlmResponse LlmStreamAssembler::finish() {
    flush();
    m_deltas.clear();
    for (auto it = m_calls.cbegin(); it != m_calls.cend(); ++it) {
        LlmToolCall call = it.value();
        if (call.arguments.trimmed().isEmpty())
            call.arguments = QStringLiteral("{}"); // a call without parameters
        m_response.toolCalls.append(call);
    }
    m_calls.clear();
    if (m_response.failure == FailureKind::None && !m_sawEnd) {
        // A cut connection mid-answer: what arrived is incomplete, so none of it is trusted.
        m_response.failure = FailureKind::Transient;
        m_response.error = QStringLiteral("the stream ended before the model finished");
        m_response.finish = LlmFinish::Error;
    }
    if (m_response.failure == FailureKind::None)
        complete(m_response);
    return m_response;
}

void LlmStreamAssembler::appendText(const QString &text) {
    if (text.isEmpty())
        return;
    m_response.content += text;
    m_deltas.append(text);
}

void LlmStreamAssembler::appendRefusal(const QString &text) {
    m_response.refusal += text;
}

void LlmStreamAssembler::toolCallPiece(int index, const QString &id, const QString &name,
                                       const QString &argumentsFragment) {
    LlmToolCall &call = m_calls[index];
    if (!id.isEmpty())
        call.id = id;
    if (!name.isEmpty())
        call.name = name;
    call.arguments += argumentsFragment;
}

void LlmStreamAssembler::setFinish(LlmFinish finish, const QString &spelledAs) {
    m_response.finish = finish;
    m_response.finishReason = spelledAs;
}

void LlmStreamAssembler::fail(FailureKind kind, const QString &message) {
    if (m_response.failure != FailureKind::None)
        return; // the first error is the cause; later ones are its echoes
    m_response.failure = kind;
    m_response.error = message;
    m_response.finish = LlmFinish::Error;
}

std::optional<Json> LlmStreamAssembler::frameObject(const QByteArray &data, const QString &what) {
    std::optional<Json> object = parseJson(data);
    if (!object || !object->is_object()) {
        fail(FailureKind::Transient, QStringLiteral("unreadable %1").arg(what));
        return std::nullopt;
    }
    return object;
}

FailureKind llmFailureForStatus(int status) {
    if (status == 408 || status == 409 || status == 429 || status >= 500 || status == 0)
        return FailureKind::Transient;
    return FailureKind::Permanent;
}

} // namespace shotcraft::providers
