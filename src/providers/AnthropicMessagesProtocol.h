// The Anthropic Messages wire format (protocols.md §3): request bodies, whole answers, the streamed
// event types (ping anywhere, an `error` event possible after a 200) and error bodies.
// JSON-schema output is asked for as one forced tool whose input is the answer, the usual way to
// constrain this API; the answer comes back as the response's content.
#pragma once

#include "providers/LlmStreamAssembler.h"
#include "providers/SseParser.h"

namespace shotcraft::providers {

class AnthropicMessagesProtocol {
public:
    static Json requestBody(const LlmRequest &request, const QString &model);
    static LlmResponse parseResponse(const QByteArray &body, const QString &schemaTool = {});
    static LlmResponse parseError(int httpStatus, const QByteArray &body);
    // The tool that carries a JSON-schema answer (empty when the request wants free text).
    static QString schemaToolName(const LlmRequest &request);

    class Stream : public FramedLlmStream<SseParser, SseEvent> {
    public:
        explicit Stream(const QString &schemaTool = {})
            : m_schemaTool(schemaTool) {}

    protected:
        void handle(const SseEvent &event) override;
        void complete(LlmResponse &response) override;

    private:
        QString m_schemaTool;
    };
};

} // namespace shotcraft::providers
