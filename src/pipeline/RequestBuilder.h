// How the generation queue turns a job into an image request: the consistency planner (which
// references, seed and dependencies a frame gets), the prompt engine, and the softener used once
// after a content-policy refusal. A value of three functions so tests and benchmarks can script them.
#pragma once

#include "domain/ConsistencyPlan.h"
#include "domain/Job.h"
#include "domain/Project.h"
#include "providers/ImageProvider.h"

#include <functional>
#include <optional>

namespace shotcraft::pipeline {

struct RequestBuilder {
    // The plan for a job's frame, with the provider's reference limit applied.
    std::function<ConsistencyPlan(const Project &, const Job &, int referenceLimit)> plan;
    // The prompt for that plan in the provider's dialect and sizes.
    std::function<PromptPackage(const Project &, const Job &, const ConsistencyPlan &,
                                const providers::ImageProviderCaps &)>
        prompt;
    // The refused prompt with its triggering terms softened (the package's `modifications` say
    // what changed); nullopt when there is nothing left to soften.
    std::function<std::optional<PromptPackage>(const PromptPackage &, const QString &refusal)> soften;
};

// The builder the application uses: dna::planShot / planLookBookFrame and the Cinematic Prompt Engine.
RequestBuilder defaultRequestBuilder();

} // namespace shotcraft::pipeline
