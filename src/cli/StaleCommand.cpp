// shotcraft stale PROJECT: the takes whose Visual DNA has changed since they were generated, with
// the reasons.
#include "cli/Commands.h"
#include "dna/Staleness.h"
#include "storage/ProjectStore.h"

namespace shotcraft::cli {

int runStale(const QStringList &args, CommandIo &io) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List the takes made stale by edits to the Visual DNA."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("A .shotcraft project file."));
    if (!io.parse(parser, QStringLiteral("stale"), args))
        return io.exitCode();
    if (parser.positionalArguments().size() != 1)
        return io.fail(QStringLiteral("usage: shotcraft stale PROJECT [--json]"), ExitUsage);

    const auto project = storage::ProjectStore::read(parser.positionalArguments().first());
    if (!project)
        return io.fail(project.error());
    const QList<dna::StaleTake> stale = dna::findStaleTakes(*project);
    if (io.json()) {
        io.printJson({{"staleTakes", stale}, {"staleShots", dna::staleShots(*project)}});
        return ExitSuccess;
    }
    QTextStream &out = io.out();
    if (stale.isEmpty())
        out << "No stale takes.\n";
    for (const dna::StaleTake &s : stale)
        out << "take " << s.takeId << "  " << s.subject << (s.current ? "" : " (superseded)") << ": "
            << s.reasons.join(QStringLiteral("; ")) << '\n';
    return ExitSuccess;
}

} // namespace shotcraft::cli
