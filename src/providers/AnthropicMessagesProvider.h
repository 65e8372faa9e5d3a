// Chat client for Anthropic's Messages API: `POST {base}/v1/messages`, x-api-key and
// anthropic-version headers, tools, streamed events, JSON-schema answers through a forced tool.
#pragma once

#include "providers/LlmHttpProvider.h"

namespace shotcraft::providers {

class AnthropicMessagesProvider : public LlmHttpProvider {
    Q_OBJECT
public:
    using LlmHttpProvider::LlmHttpProvider;
    LlmCaps caps() const override;

protected:
    LlmWire wire(const LlmRequest &request) const override;
};

} // namespace shotcraft::providers
