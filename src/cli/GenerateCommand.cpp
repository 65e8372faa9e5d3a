// shotcraft generate PROJECT [--shots RANGE] [--stale] [--provider NAME] [--concurrency N]:
// generates takes through the pipeline. Without --shots or --stale it resumes an interrupted run
// and generates every shot that has no take yet, so running it again after a crash is safe.
#include "cli/Commands.h"
#include "cli/GenerationCommand.h"
#include "cli/OpenedProject.h"
#include "dna/Staleness.h"
#include "pipeline/ShotSelection.h"
#include "storage/ProjectStore.h"

namespace shotcraft::cli {

int runGenerate(const QStringList &args, CommandIo &io) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Generate takes: every shot without one (resuming an interrupted run), or the shots asked for."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("A .shotcraft project file."));
    const QCommandLineOption shotsOption(
        QStringLiteral("shots"),
        QStringLiteral("Shots to give a new take: numbers, ids or spans (\"1A,3-7\")."),
        QStringLiteral("RANGE"));
    const QCommandLineOption staleOption(
        QStringLiteral("stale"),
        QStringLiteral("Regenerate shots whose take no longer matches the Visual DNA."));
    const QCommandLineOption providerOption(
        QStringLiteral("provider"), QStringLiteral("Image provider profile (default: the project's)."),
        QStringLiteral("NAME"));
    const QCommandLineOption concurrency = concurrencyOption();
    parser.addOptions({shotsOption, staleOption, providerOption, concurrency});
    if (!io.parse(parser, QStringLiteral("generate"), args))
        return io.exitCode();
    if (parser.positionalArguments().size() != 1)
        return io.fail(
            QStringLiteral("usage: shotcraft generate PROJECT [--shots RANGE] [--stale] [--provider NAME] "
                           "[--concurrency N]"),
            ExitUsage);
    const Result<int> window = concurrencyValue(parser, concurrency);
    if (!window)
        return io.fail(window.error(), ExitUsage);

    Result<OpenedProject> opened = openProject(parser.positionalArguments().first());
    if (!opened)
        return io.fail(opened.error());
    storage::ProjectStore &store = *opened->store;
    Project &project = opened->project;

    pipeline::GenerationRequest request;
    request.concurrency = *window;
    if (parser.isSet(shotsOption)) {
        auto range = pipeline::parseShotRange(project, parser.value(shotsOption));
        if (!range)
            return io.fail(range.error(), ExitUsage);
        request.shots = *range;
    }
    if (parser.isSet(staleOption))
        for (Id id : dna::staleShots(project))
            if (!request.shots.contains(id))
                request.shots.append(id);
    if (!parser.isSet(shotsOption) && !parser.isSet(staleOption))
        request.shots = pipeline::shotsWithoutTakes(project);

    const QString providerName =
        parser.isSet(providerOption) ? parser.value(providerOption) : project.info.imageProvider;
    auto provider = imageProviderNamed(providerName);
    if (!provider)
        return io.fail(provider.error());

    auto summary = generateWithProgress(store, project, **provider, request, io);
    if (!summary)
        return io.fail(summary.error());
    if (io.json())
        io.printJson(pipeline::summaryJson(*summary));
    else
        for (const QString &line : pipeline::summaryLines(*summary))
            io.out() << line << '\n';
    io.out().flush();
    if (summary->failed > 0)
        return io.fail(QStringLiteral("%1 of %2 jobs failed").arg(summary->failed).arg(summary->total));
    return ExitSuccess;
}

} // namespace shotcraft::cli
