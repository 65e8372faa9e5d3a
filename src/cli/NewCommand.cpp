// shotcraft new SCRIPT -o PROJECT: a project file made from a script (import and breakdown);
// with --reimport, an edited script brought into an existing project, keeping what did not change.
#include "cinema/PromptEngine.h"
#include "cli/Commands.h"
#include "cli/OpenedProject.h"
#include "pipeline/AiBreakdown.h"
#include "pipeline/ProjectFactory.h"
#include "storage/ProjectStore.h"
#include "story/Reimport.h"
#include "story/ScriptImporter.h"

#include <QFileInfo>

namespace shotcraft::cli {

namespace {

int reimportInto(const QString &scriptPath, const QString &projectPath, const QString &genre, CommandIo &io) {
    Result<OpenedProject> opened = openProject(projectPath);
    if (!opened)
        return io.fail(opened.error());
    const Project &existing = opened->project;
    const auto script = story::importFile(scriptPath);
    if (!script)
        return io.fail(script.error());
    story::BreakdownOptions options;
    options.genre = genre;
    options.sourceName = QFileInfo(scriptPath).fileName();
    story::ReimportReport report;
    Project updated = story::reimport(existing, *script, options, &report);
    QSet<Id> newShots;
    for (const Shot &shot : updated.shots)
        if (!existing.shot(shot.id))
            newShots.insert(shot.id);
    if (!newShots.isEmpty()) // kept shots keep their lens and framing, hand edits included
        cinema::chooseLensAndComposition(updated, newShots);
    if (Status st = opened->store->replaceProject(updated); !st)
        return io.fail(st.error());
    if (io.json()) {
        io.printJson({{"project", projectPath},
                      {"added", report.added},
                      {"changed", report.changed},
                      {"removed", report.removed},
                      {"unchanged", report.unchanged},
                      {"scenes", updated.scenes.size()},
                      {"shots", updated.shots.size()}});
        return ExitSuccess;
    }
    io.out() << "Re-imported " << scriptPath << " into " << projectPath << ": " << report.unchanged
             << " scenes unchanged, " << report.changed.size() << " changed, " << report.added.size()
             << " added, " << report.removed.size() << " removed\n";
    for (const QString &s : report.added)
        io.out() << "  + " << s << '\n';
    for (const QString &s : report.changed)
        io.out() << "  ~ " << s << '\n';
    for (const QString &s : report.removed)
        io.out() << "  - " << s << '\n';
    return ExitSuccess;
}

} // namespace

int runNew(const QStringList &args, CommandIo &io) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Create a project from a script (Fountain, Final Draft or prose)."));
    parser.addPositionalArgument(QStringLiteral("SCRIPT"), QStringLiteral("A .fountain, .fdx or text file."));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("The .shotcraft file to create."),
                                    QStringLiteral("PROJECT"));
    const QCommandLineOption genre(QStringLiteral("genre"),
                                   QStringLiteral("The film's genre (default: guessed)."),
                                   QStringLiteral("GENRE"));
    const QCommandLineOption title(QStringLiteral("title"),
                                   QStringLiteral("The film's title (default: the script's)."),
                                   QStringLiteral("TITLE"));
    const QCommandLineOption reimport(
        QStringLiteral("reimport"),
        QStringLiteral("Bring an edited script into the existing PROJECT, keeping the "
                       "scenes, shots and takes that did not change."));
    const QCommandLineOption llm(
        QStringLiteral("llm"),
        QStringLiteral("Break the script down with this language-model profile (the offline "
                       "breakdown is kept if the model fails)."),
        QStringLiteral("NAME"));
    parser.addOptions({output, genre, title, reimport, llm});
    if (!io.parse(parser, QStringLiteral("new"), args))
        return io.exitCode();
    if (parser.positionalArguments().size() != 1 || !parser.isSet(output))
        return io.fail(QStringLiteral("usage: shotcraft new SCRIPT -o PROJECT [--genre G] [--title T] "
                                      "[--reimport] [--llm NAME] [--json]"),
                       ExitUsage);
    if (parser.isSet(reimport))
        return reimportInto(parser.positionalArguments().first(), parser.value(output), parser.value(genre),
                            io);

    auto project = pipeline::createProjectFromScript(parser.positionalArguments().first(),
                                                     {parser.value(genre), parser.value(title)});
    if (!project)
        return io.fail(project.error());
    if (parser.isSet(llm)) {
        // A failed model is a warning, not an error: the offline breakdown stands.
        auto ai = pipeline::AiBreakdown::breakDownScript(parser.positionalArguments().first(), *project,
                                                         parser.value(llm));
        if (ai)
            project = std::move(ai);
        else
            io.err() << "AI breakdown not used, offline breakdown kept: " << ai.error() << '\n';
    }
    const QString path = parser.value(output);
    auto store = storage::ProjectStore::create(path, *project);
    if (!store)
        return io.fail(store.error());
    const Project &p = *project;
    if (io.json()) {
        io.printJson({{"project", path},
                      {"title", p.info.title},
                      {"genre", p.info.genre},
                      {"acts", p.acts.size()},
                      {"scenes", p.scenes.size()},
                      {"shots", p.shots.size()},
                      {"characters", p.characters.size()},
                      {"locations", p.locations.size()}});
        return ExitSuccess;
    }
    io.out() << "Created " << path << ": \"" << p.info.title << "\" (" << p.info.genre << "), "
             << p.acts.size() << " acts, " << p.scenes.size() << " scenes, " << p.shots.size() << " shots, "
             << p.characters.size() << " characters, " << p.locations.size() << " locations\n";
    return ExitSuccess;
}

} // namespace shotcraft::cli
