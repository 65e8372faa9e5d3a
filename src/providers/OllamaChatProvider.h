// Chat client for Ollama's native API: `POST {base}/api/chat`, NDJSON streaming, a `format`
// schema for JSON answers, no key.
#pragma once

#include "providers/LlmHttpProvider.h"

namespace shotcraft::providers {

class OllamaChatProvider : public LlmHttpProvider {
    Q_OBJECT
public:
    using LlmHttpProvider::LlmHttpProvider;
    LlmCaps caps() const override;

protected:
    LlmWire wire(const LlmRequest &request) const override;
};

} // namespace shotcraft::providers
