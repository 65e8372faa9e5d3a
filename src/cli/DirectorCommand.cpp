// shotcraft director PROJECT "MESSAGE" [--llm NAME] [--yes] [--json]: one director turn, headless.
// Edits are written at once; spend actions (regenerations, look-book frames) are listed and only run
// with --yes, through the same generation queue `shotcraft generate` uses.
#include "cli/Commands.h"
#include "cli/GenerationCommand.h"
#include "cli/OpenedProject.h"
#include "director/Director.h"
#include "director/LlmDirector.h"
#include "director/QueueSpender.h"
#include "pipeline/ImageProviderFactory.h"
#include "providers/LlmRegistry.h"
#include "storage/ProjectStore.h"

namespace shotcraft::cli {

namespace {

Json turnJson(const director::Turn &turn, const QList<director::SpendRequest> &ran,
              const QStringList &errors) {
    Json calls = Json::array();
    for (const director::ToolOutcome &o : turn.outcomes) {
        Json c{{"id", o.call.id}, {"name", o.call.name}, {"arguments", o.call.arguments}, {"ok", o.ok}};
        if (o.ok)
            c["result"] = o.result;
        else
            c["error"] = o.error;
        calls.push_back(c);
    }
    Json edits = Json::array();
    for (const director::DirectorEdit &e : turn.edits)
        edits.push_back({{"label", e.label}, {"before", e.before}, {"after", e.after}});
    auto summaries = [](const QList<director::SpendRequest> &list) {
        Json out = Json::array();
        for (const director::SpendRequest &s : list)
            out.push_back(s.summary);
        return out;
    };
    return Json{{"reply", turn.reply}, {"understood", turn.understood},      {"tool_calls", calls},
                {"edits", edits},      {"pending", summaries(turn.pending)}, {"ran", summaries(ran)},
                {"errors", errors}};
}

} // namespace

int runDirector(const QStringList &args, CommandIo &io) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("One turn with the director: a request in plain English, the edits it makes and the "
                       "regenerations it asks for (run only with --yes)."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("A .shotcraft project file."));
    parser.addPositionalArgument(QStringLiteral("MESSAGE"), QStringLiteral("What to do, e.g. \"make 2C a low "
                                                                           "angle and regenerate it\"."));
    const QCommandLineOption llmOption(
        QStringLiteral("llm"),
        QStringLiteral("Language-model profile to read the request (default: the offline interpreter)."),
        QStringLiteral("NAME"));
    const QCommandLineOption yesOption(QStringLiteral("yes"),
                                       QStringLiteral("Run the regenerations the request asks for."));
    const QCommandLineOption providerOption(
        QStringLiteral("provider"), QStringLiteral("Image provider profile (default: the project's)."),
        QStringLiteral("NAME"));
    parser.addOptions({llmOption, yesOption, providerOption});
    if (!io.parse(parser, QStringLiteral("director"), args))
        return io.exitCode();
    const QString usage = QStringLiteral("usage: shotcraft director PROJECT \"MESSAGE\" [--llm NAME] [--yes] "
                                         "[--provider NAME] [--json]");
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty() || positional.size() > 2)
        return io.fail(usage, ExitUsage);
    Result<OpenedProject> opened = openProject(parser.positionalArguments().first());
    if (!opened)
        return io.fail(opened.error());
    storage::ProjectStore &store = *opened->store;
    Project &project = opened->project;
    if (positional.size() != 2)
        return io.fail(usage, ExitUsage);
    const QString message = positional.at(1).trimmed();
    if (message.isEmpty())
        return io.fail(QStringLiteral("the message is empty: say what to do, e.g. \"explain 1A\""),
                       ExitUsage);

    director::StoreAccess access(store, project);
    director::Director assistant(access);
    const QString providerName =
        parser.isSet(providerOption) ? parser.value(providerOption) : project.info.imageProvider;
    assistant.setDefaultProvider(providerName);

    assistant.setContext({0, pipeline::imageProviderNames()});
    director::Turn turn;
    if (parser.isSet(llmOption)) {
        auto llm = providers::LlmRegistry::create(parser.value(llmOption));
        if (!llm)
            return io.fail(llm.error());
        turn = director::runLlmTurn(assistant, *llm, message);
    } else {
        turn = assistant.runOffline(message);
    }

    // Spend actions: with --yes they run now; the project's previz setting may allow them without it.
    QList<director::SpendRequest> ran;
    QStringList errors;
    QList<director::SpendRequest> toRun = turn.autoConfirmed;
    if (parser.isSet(yesOption))
        toRun.append(turn.pending);
    director::QueueSpender spender(store, project,
                                   [](const QString &name) { return imageProviderNamed(name); });
    spender.setProgress(
        [&io](int done, int total, qint64) { io.progress(QStringLiteral("Generating"), done, total); });
    for (const director::SpendRequest &spend : std::as_const(toRun)) {
        const Status st = director::Director::confirm(spend, spender);
        io.endProgress();
        if (st)
            ran.append(spend);
        else
            errors.append(QStringLiteral("%1: %2").arg(spend.summary, st.error()));
    }
    if (!ran.isEmpty() || !errors.isEmpty()) {
        QStringList done;
        for (const director::SpendRequest &s : std::as_const(ran))
            done.append(QStringLiteral("Done: %1.").arg(s.summary));
        done.append(errors);
        (void)assistant.record(ChatRole::Assistant, done.join(QLatin1Char('\n')));
    }

    if (io.json()) {
        io.printJson(turnJson(turn, ran, errors));
    } else {
        io.out() << turn.reply << '\n';
        for (const director::SpendRequest &s : std::as_const(ran))
            io.out() << "Done: " << s.summary << ".\n";
        if (!parser.isSet(yesOption))
            for (const director::SpendRequest &s : turn.pending)
                io.out() << "Not run (add --yes to run it): " << s.summary << ".\n";
    }
    io.out().flush();
    if (!errors.isEmpty())
        return io.fail(errors.join(QStringLiteral("; ")));
    return turn.understood ? ExitSuccess : ExitFailure;
}

} // namespace shotcraft::cli
