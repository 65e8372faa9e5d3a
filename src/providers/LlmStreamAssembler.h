// Turns one protocol's streamed answer (SSE events or NDJSON lines, arriving in arbitrary byte
// pieces) into an LlmResponse. The protocol subclasses decode their own events; this base holds
// what they share: the growing text, tool calls assembled from fragments, the end marker, errors.
#pragma once

#include "providers/LlmProvider.h"

#include <QMap>
#include <QStringList>

namespace shotcraft::providers {

class LlmStreamAssembler {
public:
    virtual ~LlmStreamAssembler() = default;

    // Feeds bytes as they arrive; returns the text pieces they completed (for live display).
    QStringList feed(const QByteArray &bytes);
    // Ends the stream (the connection closed) and returns the assembled answer. A stream that
    // stopped before its end marker, or that carried an error event, is a failure.
    LlmResponse finish();

    bool sawEnd() const { return m_sawEnd; }
    bool failed() const { return m_response.failure != FailureKind::None; }

protected:
    virtual void decode(const QByteArray &bytes) = 0; // calls the helpers below
    virtual void flush() {}                           // the connection closed
    // Called once before finish() returns, to map protocol specifics (e.g. a forced tool) onto
    // the response.
    virtual void complete(LlmResponse &) {}

    void appendText(const QString &text);
    void appendRefusal(const QString &text);
    // One piece of the tool call at `index`: the first piece usually has the id and name, later
    // ones only argument fragments to concatenate (OpenAI, Anthropic); Ollama sends it whole.
    void toolCallPiece(int index, const QString &id, const QString &name, const QString &argumentsFragment);
    void setFinish(LlmFinish finish, const QString &spelledAs);
    void markEnd() { m_sawEnd = true; }
    void fail(FailureKind kind, const QString &message);
    // One frame's JSON object; a frame that is not one fails the stream (saying `what` it was).
    std::optional<Json> frameObject(const QByteArray &data, const QString &what);

    LlmResponse m_response;

private:
    QStringList m_deltas;
    QMap<int, LlmToolCall> m_calls;
    bool m_sawEnd = false;
};

// An assembler whose bytes arrive as the frames of `Parser` (SseParser: events, NdjsonParser: lines);
// the protocol handles one complete frame at a time.
template <class Parser, class Frame> class FramedLlmStream : public LlmStreamAssembler {
protected:
    virtual void handle(const Frame &frame) = 0;
    void decode(const QByteArray &bytes) override {
        for (const Frame &frame : m_parser.feed(bytes))
            handle(frame);
    }
    void flush() override {
        for (const Frame &frame : m_parser.finish())
            handle(frame);
    }

private:
    Parser m_parser;
};

// What a failed HTTP status means for the caller (protocols.md §7: 408, 409, 429 and >= 500 —
// Anthropic's 529 included — are worth retrying; the rest are not).
FailureKind llmFailureForStatus(int status);

} // namespace shotcraft::providers
