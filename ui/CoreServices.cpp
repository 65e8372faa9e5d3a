#include "CoreServices.h"

#include "cinema/LensChoice.h"
#include "cinema/PromptEngine.h"
#include "dna/ConsistencyPlanner.h"
#include "pipeline/ProjectFactory.h"
#include "pipeline/PromptChanges.h"

namespace shotcraft::ui {

Result<Project> projectFromScript(const QString &scriptPath) {
    return pipeline::createProjectFromScript(scriptPath);
}

Result<PromptPackage> livePrompt(const Project &project, Id shotId, PromptDialect dialect) {
    const Shot *shot = project.shot(shotId);
    if (!shot)
        return Result<PromptPackage>::failure(QStringLiteral("no shot with id %1").arg(shotId));
    const ConsistencyPlan plan = dna::planShot(project, shotId, 4);
    cinema::PromptOptions options;
    options.dialect = dialect;
    return cinema::buildPrompt(project, *shot, plan, options);
}

pipeline::RequestBuilder studioRequestBuilder(std::function<QString(Id jobId)> changesOf) {
    return pipeline::withPromptChanges(
        pipeline::defaultRequestBuilder(),
        [changesOf = std::move(changesOf)](const Job &job) {
            return changesOf ? changesOf(job.id) : QString();
        },
        QStringLiteral("user"));
}

void takeGenreLensAndComposition(const Project &project, Shot &shot) {
    cinema::chooseLensAndComposition(project, shot);
}

void followGenrePick(const Project &project, const Shot &before, Shot &after) {
    Shot pickBefore = before, pickAfter = after;
    cinema::chooseLensAndComposition(project, pickBefore);
    cinema::chooseLensAndComposition(project, pickAfter);
    if (after.lens == before.lens && cinema::sameLens(before.lens, pickBefore.lens))
        after.lens = pickAfter.lens;
    if (after.composition == before.composition && before.composition == pickBefore.composition)
        after.composition = pickAfter.composition;
}

} // namespace shotcraft::ui
