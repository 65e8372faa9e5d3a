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
    // `profileName`'s client or, when it is empty, the first stored profile of an LLM kind; the
    // reason (with how to add one) when none is usable.
    static Result<std::shared_ptr<LlmProvider>> createOrDefault(const QString &profileName);
};

} // namespace shotcraft::providers
