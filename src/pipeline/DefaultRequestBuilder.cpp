#include "pipeline/RequestBuilder.h"

#include "cinema/PromptEngine.h"
#include "dna/ConsistencyPlanner.h"

namespace shotcraft::pipeline {

RequestBuilder defaultRequestBuilder() {
    RequestBuilder b;
    b.plan = [](const Project &project, const Job &job, int referenceLimit) {
        return job.kind == JobKind::LookBook
                   ? dna::planLookBookFrame(project, job.referenceId, referenceLimit)
                   : dna::planShot(project, job.shotId, referenceLimit);
    };
    b.prompt = [](const Project &project, const Job &job, const ConsistencyPlan &plan,
                  const providers::ImageProviderCaps &caps) {
        cinema::PromptOptions options;
        options.dialect = caps.dialect;
        options.allowedSizes = caps.allowedSizes;
        if (job.kind == JobKind::LookBook) {
            const ReferenceImage *target = project.reference(job.referenceId);
            return target ? cinema::buildLookBookPrompt(project, *target, plan, options) : PromptPackage{};
        }
        const Shot *shot = project.shot(job.shotId);
        return shot ? cinema::buildPrompt(project, *shot, plan, options) : PromptPackage{};
    };
    b.soften = [](const PromptPackage &refused, const QString &refusal) -> std::optional<PromptPackage> {
        cinema::SoftenedPrompt softer = cinema::softenPrompt(refused, refusal);
        if (softer.changes.isEmpty() && softer.package.positive == refused.positive)
            return std::nullopt;
        return softer.package;
    };
    return b;
}

} // namespace shotcraft::pipeline
