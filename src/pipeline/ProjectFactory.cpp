#include "pipeline/ProjectFactory.h"

#include "cinema/PromptEngine.h"
#include "dna/DnaBuilder.h"
#include "story/Breakdown.h"
#include "story/ScriptImporter.h"

#include <QFileInfo>

namespace shotcraft::pipeline {

Result<Project> createProjectFromScript(const QString &scriptPath, const ProjectOptions &options) {
    auto script = story::importFile(scriptPath);
    if (!script)
        return Result<Project>::failure(script.error());
    story::BreakdownOptions breakdown;
    breakdown.genre = options.genre;
    breakdown.title = options.title;
    breakdown.sourceName = QFileInfo(scriptPath).fileName();
    Project project = story::breakDown(*script, breakdown);
    if (project.scenes.isEmpty())
        return Result<Project>::failure(QStringLiteral("%1: no scenes found").arg(breakdown.sourceName));
    cinema::chooseLensAndComposition(project);
    dna::buildVisualDna(project);
    return project;
}

} // namespace shotcraft::pipeline
