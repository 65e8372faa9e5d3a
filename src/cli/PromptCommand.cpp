// shotcraft prompt PROJECT [SHOT | --shot ID] [--dialect natural|sdxl|sd15] [--enhance [--llm NAME]]:
// the Cinematic Prompt Engine's package for one shot (positive, negative, parameters, references)
// with the reason for every choice; with --enhance, that package enriched by a language model
// (PromptEnhancer), or a clear error when no model is usable or its answer stayed invalid.
#include "cinema/PromptEngine.h"
#include "cli/Commands.h"
#include "dna/ConsistencyPlanner.h"
#include "pipeline/PromptEnhancer.h"
#include "storage/ProjectStore.h"

namespace shotcraft::cli {

int runPrompt(const QStringList &args, CommandIo &io) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Show the cinematographer's prompt for one shot, with reasons."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("A .shotcraft project file."));
    parser.addPositionalArgument(QStringLiteral("SHOT"), QStringLiteral("The shot's board number or id."),
                                 QStringLiteral("[SHOT]"));
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
    const QCommandLineOption enhanceOption(
        QStringLiteral("enhance"),
        QStringLiteral("Enrich the prompt with a language model (description, depth staging, lighting)."));
    const QCommandLineOption llmOption(
        QStringLiteral("llm"),
        QStringLiteral("The language-model profile for --enhance (default: the first one configured)."),
        QStringLiteral("NAME"));
    parser.addOptions({shotOption, dialectOption, limitOption, enhanceOption, llmOption});
    if (!io.parse(parser, QStringLiteral("prompt"), args))
        return io.exitCode();
    const QStringList positional = parser.positionalArguments();
    const bool shotGiven = parser.isSet(shotOption) ? positional.size() == 1 : positional.size() == 2;
    if (!shotGiven)
        return io.fail(QStringLiteral("usage: shotcraft prompt PROJECT SHOT [--dialect natural|sdxl|sd15] "
                                      "[--enhance [--llm NAME]] [--json]"),
                       ExitUsage);
    if (parser.isSet(llmOption) && !parser.isSet(enhanceOption))
        return io.fail(QStringLiteral("--llm goes with --enhance"), ExitUsage);
    const QString shotName = parser.isSet(shotOption) ? parser.value(shotOption) : positional.at(1);
    const auto dialect = enumFromName<PromptDialect>(parser.value(dialectOption));
    if (!dialect)
        return io.fail(QStringLiteral("--dialect takes natural, sdxl or sd15"), ExitUsage);
    bool limitOk = false;
    const int limit = parser.value(limitOption).toInt(&limitOk);
    if (!limitOk || limit < -1)
        return io.fail(QStringLiteral("--references takes a number from -1 up"), ExitUsage);

    const auto project = storage::ProjectStore::read(positional.first());
    if (!project)
        return io.fail(project.error());
    const Shot *shot = project->findShot(shotName);
    if (!shot)
        return io.fail(QStringLiteral("no shot %1 in the project").arg(shotName));

    cinema::PromptOptions options;
    options.dialect = *dialect;
    PromptPackage package =
        cinema::buildPrompt(*project, *shot, dna::planShot(*project, shot->id, limit), options);
    if (parser.isSet(enhanceOption)) {
        // Asked for explicitly, so a model that cannot deliver is an error, not a silent fallback.
        auto enhanced = pipeline::PromptEnhancer::enhanceWith(parser.value(llmOption), package, *shot);
        if (!enhanced)
            return io.fail(QStringLiteral("prompt enhancement failed: %1").arg(enhanced.error()));
        package = *enhanced;
    }
    if (io.json()) {
        io.printJson(package);
        return ExitSuccess;
    }
    QTextStream &out = io.out();
    out << "Shot " << shot->number << " (" << enumName(package.dialect)
        << (package.enhanced ? ", enhanced by a language model" : "") << ")\n\nPositive:\n"
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
