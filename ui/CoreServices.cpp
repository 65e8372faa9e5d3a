#include "CoreServices.h"

#include "cinema/PromptEngine.h"
#include "dna/ConsistencyPlanner.h"
#include "pipeline/ProjectFactory.h"

namespace shotcraft::ui {

namespace {
cinema::PromptOptions promptOptions(PromptDialect dialect, const QList<QSize> &sizes = {}) {
    cinema::PromptOptions options;
    options.dialect = dialect;
    options.allowedSizes = sizes;
    return options;
}
} // namespace

Result<Project> projectFromScript(const QString &scriptPath) {
    return pipeline::createProjectFromScript(scriptPath);
}

Result<PromptPackage> livePrompt(const Project &project, Id shotId, PromptDialect dialect) {
    const Shot *shot = project.shot(shotId);
    if (!shot)
        return Result<PromptPackage>::failure(QStringLiteral("no shot with id %1").arg(shotId));
    const ConsistencyPlan plan = dna::planShot(project, shotId, 4);
    return cinema::buildPrompt(project, *shot, plan, promptOptions(dialect));
}

pipeline::RequestBuilder studioRequestBuilder(std::function<QString(Id jobId)> changesOf) {
    pipeline::RequestBuilder builder = pipeline::defaultRequestBuilder();
    builder.prompt = [base = builder.prompt, changesOf = std::move(changesOf)](
                         const Project &project, const Job &job, const ConsistencyPlan &plan,
                         const providers::ImageProviderCaps &caps) {
        if (job.kind != JobKind::Shot)
            return base(project, job, plan, caps);
        const Shot *shot = project.shot(job.shotId);
        if (!shot)
            return PromptPackage{};
        PromptPackage package =
            cinema::buildPrompt(project, *shot, plan, promptOptions(caps.dialect, caps.allowedSizes));
        const QString changes = changesOf ? changesOf(job.id).trimmed() : QString();
        if (!changes.isEmpty()) {
            package.positive += QStringLiteral(", ") + changes;
            package.modifications.append(QStringLiteral("user: ") + changes);
        }
        return package;
    };
    return builder;
}

} // namespace shotcraft::ui
