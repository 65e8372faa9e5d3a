// shotcraft prompt PROJECT --shot ID [--dialect natural|sdxl|sd15]: the Cinematic Prompt Engine's
// package for one shot (positive, negative, parameters, references) with the reason for every choice.
#include "cinema/PromptEngine.h"
#include "cli/Commands.h"
#include "dna/ConsistencyPlanner.h"
#include "storage/ProjectStore.h"

namespace shotcraft::cli {

int runPrompt(const QStringList &args, CommandIo &io) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Show the cinematographer's prompt for one shot, with reasons."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("A .shotcraft project file."));
    const QCommandLineOption shotOption(
        QStringLiteral("shot"), QStringLiteral("The shot's board number or id."), QStringLiteral("ID"));
    const QCommandLineOption dialectOption(
        QStringLiteral("dialect"),
        QStringLiteral("natural (gpt-image, Flux), sdxl or sd15 (default natural)."),
        QStringLiteral("DIALECT"), QStringLiteral("natural"));
    const QCommandLineOption limitOption(
        QStringLiteral("references"),
        QStringLiteral("How many reference images the provider takes (default 16)."), QStringLiteral("N"),
        QStringLiteral("16"));
    parser.addOption(shotOption);
    parser.addOption(dialectOption);
    parser.addOption(limitOption);
    if (!io.parse(parser, QStringLiteral("prompt"), args))
        return io.exitCode();
    if (parser.positionalArguments().size() != 1 || !parser.isSet(shotOption))
        return io.fail(
            QStringLiteral(
                "usage: shotcraft prompt PROJECT --shot ID [--dialect natural|sdxl|sd15] [--json]"),
            ExitUsage);
    const auto dialect = enumFromName<PromptDialect>(parser.value(dialectOption));
    if (!dialect)
        return io.fail(QStringLiteral("--dialect takes natural, sdxl or sd15"), ExitUsage);
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

    cinema::PromptOptions options;
    options.dialect = *dialect;
    const PromptPackage package =
        cinema::buildPrompt(*project, *shot, dna::planShot(*project, shot->id, limit), options);
    if (io.json()) {
        io.printJson(package);
        return ExitSuccess;
    }
    QTextStream &out = io.out();
    out << "Shot " << shot->number << " (" << enumName(package.dialect) << ")\n\nPositive:\n"
        << package.positive << "\n\nNegative:\n"
        << package.negative << "\n\nParameters: " << package.params.width << 'x' << package.params.height
        << ", " << package.params.steps << " steps, CFG " << package.params.cfg << ", "
        << package.params.sampler << ", seed " << package.params.seed << "\n\nReferences:\n";
    for (const PromptReference &r : package.references)
        out << "  " << (r.kept ? "kept    " : "dropped ") << r.label << " [" << enumName(r.role) << "]\n";
    out << "\nWhy:\n";
    for (const RationaleEntry &e : package.rationale)
        out << "  " << e.aspect << ": " << e.choice << "\n      " << e.reason << '\n';
    return ExitSuccess;
}

} // namespace shotcraft::cli
