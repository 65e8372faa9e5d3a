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
    // The inspector lets the user set lens and composition by hand: the prompt must honour them.
    options.keepShotLens = true;
    options.keepShotComposition = true;
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

providers::ImageRequest shotRequest(const Project &project, const Shot &shot, const QString &changes,
                                    const providers::ImageProviderCaps &caps) {
    providers::ImageRequest request;
    request.project = project;
    request.shot = shot;
    request.plan = dna::planShot(project, shot.id, caps.maxReferences);
    request.package =
        cinema::buildPrompt(project, shot, request.plan, promptOptions(caps.dialect, caps.allowedSizes));
    if (!changes.trimmed().isEmpty()) {
        request.package.positive += QStringLiteral(", ") + changes.trimmed();
        request.package.modifications.append(QStringLiteral("user: ") + changes.trimmed());
    }
    return request;
}

} // namespace shotcraft::ui
