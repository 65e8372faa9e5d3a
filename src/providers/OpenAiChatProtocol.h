// The OpenAI-compatible chat wire format (protocols.md §1): request bodies, whole answers, SSE
// chunks and error bodies, with the quirks of the servers that speak it (OpenAI, Ollama /v1,
// llama.cpp, vLLM, LM Studio, OpenRouter). No networking here, so every shape is testable alone.
#pragma once

#include "providers/LlmStreamAssembler.h"
#include "providers/SseParser.h"

namespace shotcraft::providers {

class OpenAiChatProtocol {
public:
    static Json requestBody(const LlmRequest &request, const QString &model);
    static LlmResponse parseResponse(const QByteArray &body);
    // An error answer: `error` may be an object or a bare string, `code` a string, integer or null.
    static LlmResponse parseError(int httpStatus, const QByteArray &body);
    static QString errorMessage(const Json &error);

    // Assembles `data: {chunk}` events up to `data: [DONE]`.
    class Stream : public FramedLlmStream<SseParser, SseEvent> {
    protected:
        void handle(const SseEvent &event) override;
    };
};

// Shared with the other protocols: "stop"/"length"/... in the OpenAI spelling.
LlmFinish openAiFinish(const QString &reason);

} // namespace shotcraft::providers
