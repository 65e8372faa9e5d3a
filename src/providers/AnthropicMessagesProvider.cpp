#include "providers/AnthropicMessagesProvider.h"

#include "providers/AnthropicMessagesProtocol.h"

namespace shotcraft::providers {

LlmCaps AnthropicMessagesProvider::caps() const {
    LlmCaps caps;
    caps.contextTokens = int(m_profile.numberOption("contextTokens", 100000));
    return caps;
}

LlmWire AnthropicMessagesProvider::wire(const LlmRequest &request) const {
    LlmWire w;
    const HttpRequest base =
        baseRequest(QStringLiteral("/v1/messages"),
                    AnthropicMessagesProtocol::requestBody(request, m_profile.model), request.stream);
    w.buildRequest = [base](const QString &key) {
        HttpRequest r = base;
        r.setHeader("x-api-key", key.toUtf8());
        r.setHeader("anthropic-version", "2023-06-01");
        return r;
    };
    const QString schemaTool = AnthropicMessagesProtocol::schemaToolName(request);
    if (request.stream)
        w.makeStream = [schemaTool] {
            return std::make_unique<AnthropicMessagesProtocol::Stream>(schemaTool);
        };
    w.parseResponse = [schemaTool](const QByteArray &body) {
        return AnthropicMessagesProtocol::parseResponse(body, schemaTool);
    };
    w.parseError = &AnthropicMessagesProtocol::parseError;
    return w;
}

} // namespace shotcraft::providers
