// shotcraft plan PROJECT --shot ID: one shot's consistency plan (identity, references kept and
// dropped for a provider's limit, seed, dependencies, DNA hash).
#include "cli/Commands.h"
#include "dna/ConsistencyPlanner.h"
#include "storage/ProjectStore.h"

namespace shotcraft::cli {

int runPlan(const QStringList &args, CommandIo &io) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Show the consistency plan of one shot."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("A .shotcraft project file."));
    const QCommandLineOption shotOption(
        QStringLiteral("shot"), QStringLiteral("The shot's board number or id."), QStringLiteral("ID"));
    const QCommandLineOption limitOption(QStringLiteral("references"),
                                         QStringLiteral("How many reference images the provider takes "
                                                        "(default 16; -1 for all)."),
                                         QStringLiteral("N"), QStringLiteral("16"));
    parser.addOption(shotOption);
    parser.addOption(limitOption);
    if (!io.parse(parser, QStringLiteral("plan"), args))
        return io.exitCode();
    if (parser.positionalArguments().size() != 1 || !parser.isSet(shotOption))
        return io.fail(QStringLiteral("usage: shotcraft plan PROJECT --shot ID [--references N] [--json]"),
                       ExitUsage);
    bool limitOk = false;
    const int limit = parser.value(limitOption).toInt(&limitOk);
    if (!limitOk || limit < -1)
        return io.fail(QStringLiteral("--references takes a number from -1 up"), ExitUsage);

    const auto project = storage::ProjectStore::read(parser.positionalArguments().first());
    if (!project)
        return io.fail(project.error());
    const Shot *shot = project->findShot(parser.value(shotOption));
    if (!shot)
        return io.fail(QStringLiteral("no shot %1 in the project").arg(parser.value(shotOption)));
    const ConsistencyPlan plan = dna::planShot(*project, shot->id, limit);
    if (io.json()) {
        io.printJson(plan);
        return ExitSuccess;
    }
    QTextStream &out = io.out();
    out << "Shot " << shot->number << "  seed " << plan.seed << "\n\nIn frame:\n";
    for (const CharacterIdentity &c : plan.characters)
        out << "  " << c.tokens << '\n';
    out << "\nLocation: " << plan.locationTokens << "\nPalette:  " << plan.palette.name
        << "\nStyle:    " << plan.styleTokens.join(QStringLiteral("; ")) << "\n\nReferences (limit " << limit
        << "):\n";
    for (const PromptReference &r : plan.references)
        out << "  " << r.rank + 1 << ". " << (r.kept ? "kept    " : "dropped ") << r.label << " ["
            << enumName(r.role) << ", weight " << r.weight << "] " << r.reason << '\n';
    if (plan.chainedShotId)
        out << "\nChained to shot " << project->shot(plan.chainedShotId)->number
            << (plan.chainedTakeId ? QString() : QStringLiteral(" (take not generated yet)")) << '\n';
    out << "DNA hash: " << plan.dnaHash << '\n';
    return ExitSuccess;
}

} // namespace shotcraft::cli
