// Shared by the tests that talk to LlmTestServer: a provider profile for a protocol and a plain
// one-message request. Header-only, so the test support library keeps depending on the domain alone.
#pragma once

#include "providers/LlmProvider.h"
#include "providers/ProviderProfile.h"
#include "support/LlmTestServer.h"

namespace shotcraft::test {

inline providers::ProviderProfile llmTestProfile(LlmProtocol protocol, const QUrl &base, int maxRetries = 2) {
    providers::ProviderProfile p;
    p.kind = protocol == LlmProtocol::OpenAi      ? providers::ProviderKind::OpenAiChat
             : protocol == LlmProtocol::Anthropic ? providers::ProviderKind::Anthropic
                                                  : providers::ProviderKind::Ollama;
    p.name = protocol == LlmProtocol::OpenAi      ? QStringLiteral("openai")
             : protocol == LlmProtocol::Anthropic ? QStringLiteral("anthropic")
                                                  : QStringLiteral("ollama");
    p.baseUrl = base.toString();
    p.model = QStringLiteral("test-model");
    p.maxRetries = maxRetries;
    p.totalTimeoutMs = 20000;
    return p;
}

inline providers::LlmRequest simpleChatRequest(bool stream) {
    providers::LlmRequest r;
    r.system = QStringLiteral("You are a storyboard artist.");
    r.messages.append(providers::LlmMessage::user(QStringLiteral("Describe shot 1A.")));
    r.stream = stream;
    return r;
}

} // namespace shotcraft::test
