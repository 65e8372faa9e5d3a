// How the generation queue turns a job into an image request: the consistency planner (which
// references, seed and dependencies a frame gets), the prompt engine, the optional language-model
// enhancement of a shot's prompt, and the softener used once after a content-policy refusal. A value
// of functions so tests and benchmarks can script them.
#pragma once

#include "domain/ConsistencyPlan.h"
#include "domain/Job.h"
#include "domain/Project.h"
#include "providers/ImageProvider.h"

#include <functional>
#include <optional>

class QObject;

namespace shotcraft::pipeline {

struct RequestBuilder {
    // The plan for a job's frame, with the provider's reference limit applied.
    std::function<ConsistencyPlan(const Project &, const Job &, int referenceLimit)> plan;
    // The prompt for that plan in the provider's dialect and sizes.
    std::function<PromptPackage(const Project &, const Job &, const ConsistencyPlan &,
                                const providers::ImageProviderCaps &)>
        prompt;
    // Optional and asynchronous: a last pass over the prompt before the request (the project's LLM
    // prompt enhancement). Returns false when there is nothing to do (the package is sent as it is);
    // otherwise it has started and calls `done` exactly once, later, on the calling thread, with the
    // package to send (the given one whenever enhancement failed). Nothing is called back after
    // `context` is destroyed.
    std::function<bool(const Project &, const Job &, const PromptPackage &, QObject *context,
                       std::function<void(PromptPackage)> done)>
        enhance;
    // The refused prompt with its triggering terms softened (the package's `modifications` say
    // what changed); nullopt when there is nothing left to soften.
    std::function<std::optional<PromptPackage>(const PromptPackage &, const QString &refusal)> soften;
};

// The builder the application uses: dna::planShot / planLookBookFrame, the Cinematic Prompt Engine
// and, for projects with ProjectInfo::enhancePrompts on, PromptEnhancer through the language-model
// profile `llmProfile` (empty: the first one configured), at most the profile's maxConcurrency at
// once. With no usable profile, or when the model fails, the engine's own package is sent.
RequestBuilder defaultRequestBuilder(const QString &llmProfile = {});

} // namespace shotcraft::pipeline
