// Makes the LLM client a profile names ("openai", "claude", "ollama-local", ...).
#pragma once

#include "domain/Result.h"
#include "providers/LlmProvider.h"
#include "providers/ProviderProfile.h"

#include <memory>

namespace shotcraft::providers {

class LlmRegistry {
public:
    // The client for a stored profile of an LLM kind; a one-line reason otherwise.
    static Result<std::shared_ptr<LlmProvider>> create(const QString &profileName);
    static Result<std::shared_ptr<LlmProvider>> create(const ProviderProfile &profile);
};

} // namespace shotcraft::providers
