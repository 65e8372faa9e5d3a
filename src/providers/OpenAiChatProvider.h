// Chat client for OpenAI and every server that speaks its chat-completions API (Ollama /v1,
// llama.cpp, vLLM, LM Studio, OpenRouter): `POST {base}/v1/chat/completions`, Bearer key.
#pragma once

#include "providers/LlmHttpProvider.h"

namespace shotcraft::providers {

class OpenAiChatProvider : public LlmHttpProvider {
    Q_OBJECT
public:
    using LlmHttpProvider::LlmHttpProvider;
    LlmCaps caps() const override;

protected:
    LlmWire wire(const LlmRequest &request) const override;
};

} // namespace shotcraft::providers
