#include "providers/LlmRegistry.h"

#include "providers/AnthropicMessagesProvider.h"
#include "providers/OllamaChatProvider.h"
#include "providers/OpenAiChatProvider.h"

namespace shotcraft::providers {

Result<std::shared_ptr<LlmProvider>> LlmRegistry::create(const QString &profileName) {
    const std::optional<ProviderProfile> profile = ProfileStore::find(profileName);
    if (!profile)
        return Result<std::shared_ptr<LlmProvider>>::failure(
            QStringLiteral("no provider profile named \"%1\"").arg(profileName));
    return create(*profile);
}

Result<std::shared_ptr<LlmProvider>> LlmRegistry::createOrDefault(const QString &profileName) {
    if (!profileName.isEmpty())
        return create(profileName);
    for (const ProviderProfile &profile : ProfileStore::load())
        if (isLlmKind(profile.kind))
            return create(profile);
    return Result<std::shared_ptr<LlmProvider>>::failure(QStringLiteral(
        "no language-model profile is configured (add one with `shotcraft providers set NAME "
        "--kind openai-chat|anthropic|ollama --url URL --model MODEL`, or name one with --llm)"));
}

Result<std::shared_ptr<LlmProvider>> LlmRegistry::create(const ProviderProfile &profile) {
    using R = Result<std::shared_ptr<LlmProvider>>;
    if (const Status valid = profile.validate(); !valid.ok())
        return R::failure(valid.error());
    switch (profile.kind) {
    case ProviderKind::OpenAiChat:
        return R(std::make_shared<OpenAiChatProvider>(profile));
    case ProviderKind::Anthropic:
        return R(std::make_shared<AnthropicMessagesProvider>(profile));
    case ProviderKind::Ollama:
        return R(std::make_shared<OllamaChatProvider>(profile));
    default:
        break;
    }
    return R::failure(QStringLiteral("profile \"%1\" is not a language model (kind %2)")
                          .arg(profile.name, enumName(profile.kind)));
}

} // namespace shotcraft::providers
