#include "providers/OpenAiChatProvider.h"

#include "providers/OpenAiChatProtocol.h"

namespace shotcraft::providers {

LlmCaps OpenAiChatProvider::caps() const {
    LlmCaps caps;
    caps.contextTokens = int(m_profile.numberOption("contextTokens", 32000));
    return caps;
}

LlmWire OpenAiChatProvider::wire(const LlmRequest &request) const {
    LlmWire w;
    const HttpRequest base =
        baseRequest(QStringLiteral("/v1/chat/completions"),
                    OpenAiChatProtocol::requestBody(request, m_profile.model), request.stream);
    w.buildRequest = [base](const QString &key) {
        HttpRequest r = base;
        if (!key.isEmpty())
            r.setHeader("Authorization", "Bearer " + key.toUtf8());
        return r;
    };
    if (request.stream)
        w.makeStream = [] {
            return std::make_unique<OpenAiChatProtocol::Stream>();
        };
    w.parseResponse = &OpenAiChatProtocol::parseResponse;
    w.parseError = &OpenAiChatProtocol::parseError;
    return w;
}

} // namespace shotcraft::providers
