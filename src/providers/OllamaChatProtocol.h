// Ollama's native chat wire format (protocols.md §2, `POST /api/chat`): request bodies with a
// `format` schema and `options`, NDJSON streams, object-valued tool arguments, `{"error": text}`.
#pragma once

#include "providers/LlmStreamAssembler.h"
#include "providers/NdjsonParser.h"

namespace shotcraft::providers {

class OllamaChatProtocol {
public:
    static Json requestBody(const LlmRequest &request, const QString &model);
    static LlmResponse parseResponse(const QByteArray &body);
    static LlmResponse parseError(int httpStatus, const QByteArray &body);

    class Stream : public FramedLlmStream<NdjsonParser, QByteArray> {
    protected:
        void handle(const QByteArray &line) override;

    private:
        int m_nextCall = 0;
    };

private:
    friend class Stream;
    // One object of the stream (or the whole answer): text, tool calls, and the final counts.
    static void readObject(const Json &object, QString &content, QList<LlmToolCall> &calls, int &nextCall,
                           LlmResponse &meta);
};

} // namespace shotcraft::providers
