#include "providers/OllamaChatProvider.h"

#include "providers/OllamaChatProtocol.h"

namespace shotcraft::providers {

LlmCaps OllamaChatProvider::caps() const {
    LlmCaps caps;
    // Ollama's default context is small; a profile that raised num_ctx says so in its options.
    caps.contextTokens = int(m_profile.numberOption("contextTokens", 8192));
    return caps;
}

LlmWire OllamaChatProvider::wire(const LlmRequest &request) const {
    LlmWire w;
    const HttpRequest base =
        baseRequest(QStringLiteral("/api/chat"), OllamaChatProtocol::requestBody(request, m_profile.model),
                    request.stream);
    w.buildRequest = [base](const QString &) {
        return base;
    };
    if (request.stream)
        w.makeStream = [] {
            return std::make_unique<OllamaChatProtocol::Stream>();
        };
    w.parseResponse = &OllamaChatProtocol::parseResponse;
    w.parseError = &OllamaChatProtocol::parseError;
    return w;
}

} // namespace shotcraft::providers
