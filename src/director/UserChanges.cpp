#include "director/UserChanges.h"

namespace shotcraft::director {

pipeline::RequestBuilder withUserChanges(pipeline::RequestBuilder builder,
                                         std::function<QString(Id jobId)> changesOf) {
    builder.prompt = [base = builder.prompt, changesOf = std::move(changesOf)](
                         const Project &project, const Job &job, const ConsistencyPlan &plan,
                         const providers::ImageProviderCaps &caps) {
        PromptPackage package = base(project, job, plan, caps);
        const QString changes =
            job.kind == JobKind::Shot && changesOf ? changesOf(job.id).trimmed() : QString();
        if (!changes.isEmpty()) {
            package.positive += QStringLiteral(", ") + changes;
            package.modifications.append(QStringLiteral("user: ") + changes);
        }
        return package;
    };
    return builder;
}

} // namespace shotcraft::director
