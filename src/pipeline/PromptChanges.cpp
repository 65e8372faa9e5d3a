#include "pipeline/PromptChanges.h"

namespace shotcraft::pipeline {

RequestBuilder withPromptChanges(RequestBuilder base, std::function<QString(const Job &)> changesOf,
                                 const QString &origin) {
    base.prompt = [prompt = base.prompt, changesOf = std::move(changesOf),
                   prefix = origin + QStringLiteral(": ")](const Project &project, const Job &job,
                                                           const ConsistencyPlan &plan,
                                                           const providers::ImageProviderCaps &caps) {
        PromptPackage package = prompt(project, job, plan, caps);
        const QString changes = job.kind == JobKind::Shot && changesOf ? changesOf(job).trimmed() : QString();
        if (!changes.isEmpty()) {
            package.positive += QStringLiteral(", ") + changes;
            package.modifications.append(prefix + changes);
        }
        return package;
    };
    return base;
}

} // namespace shotcraft::pipeline
