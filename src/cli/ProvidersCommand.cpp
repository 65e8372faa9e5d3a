// shotcraft providers: list the provider profiles (never a key), test one, add/change or remove one.
#include "cli/Commands.h"
#include "providers/ProviderRegistry.h"
#include "providers/Secrets.h"

#include <QEventLoop>

#include <optional>

namespace shotcraft::cli {

using namespace shotcraft::providers;

namespace {
Json profileJson(const ProviderProfile &p) {
    Json j = p; // ProviderProfile has no key field: nothing secret can leak through here
    j["needsKey"] = p.needsKey();
    if (p.needsKey()) {
        j["keyVariable"] = Secrets::environmentVariable(p.effectiveSecretName());
        j["keySource"] = Secrets::fromEnvironment(p) ? "environment" : "keychain";
    }
    return j;
}

std::optional<int> numberAtLeast(const QString &text, int least) {
    bool ok = false;
    const int n = text.toInt(&ok);
    if (!ok || n < least)
        return std::nullopt;
    return n;
}

int list(CommandIo &io) {
    const QList<ProviderProfile> profiles = ProfileStore::load();
    if (io.json()) {
        Json arr = Json::array();
        for (const ProviderProfile &p : profiles)
            arr.push_back(profileJson(p));
        io.printJson({{"settings", ProfileStore::settingsPath()}, {"profiles", arr}});
        return ExitSuccess;
    }
    io.out() << "Settings: " << ProfileStore::settingsPath() << '\n';
    for (const ProviderProfile &p : profiles) {
        io.out() << "  " << p.name.leftJustified(16) << ' ' << enumName(p.kind).leftJustified(14) << ' '
                 << (p.baseUrl.isEmpty() ? QStringLiteral("(built in)") : p.baseUrl);
        if (!p.model.isEmpty())
            io.out() << "  model " << p.model;
        io.out() << "  x" << p.maxConcurrency;
        if (p.needsKey())
            io.out() << "  key: " << Secrets::environmentVariable(p.effectiveSecretName()) << " or keychain";
        io.out() << '\n';
    }
    return ExitSuccess;
}

int test(const QString &name, CommandIo &io) {
    const auto profile = ProfileStore::find(name);
    if (!profile)
        return io.fail(QStringLiteral("no provider profile named %1").arg(name));
    QEventLoop loop;
    Status result = Status::failure(QStringLiteral("no answer"));
    QString detail;
    testConnection(*profile, &loop, [&](const Status &s, const QString &d) {
        result = s;
        detail = d;
        loop.quit();
    });
    loop.exec();
    if (io.json()) {
        io.printJson(
            {{"name", name}, {"ok", result.ok()}, {"detail", result.ok() ? detail : result.error()}});
        return result.ok() ? ExitSuccess : ExitFailure;
    }
    if (!result)
        return io.fail(QStringLiteral("%1: %2").arg(name, result.error()));
    io.out() << name << ": ok, " << detail << '\n';
    return ExitSuccess;
}
} // namespace

int runProviders(const QStringList &args, CommandIo &io) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "List provider profiles (no keys), or:\n"
        "  providers test NAME                 check connectivity and credentials\n"
        "  providers set NAME --kind K [...]   add or change a profile\n"
        "  providers remove NAME               delete a profile\n"
        "Keys come from SHOTCRAFT_<NAME>_API_KEY or the system keychain, never from the settings file."));
    parser.addPositionalArgument(QStringLiteral("ACTION"),
                                 QStringLiteral("list (default), test, set or remove"));
    const QCommandLineOption kind(
        QStringLiteral("kind"),
        QStringLiteral("previz, openai-images, comfyui, automatic1111, openai-chat, anthropic, ollama"),
        QStringLiteral("KIND"));
    const QCommandLineOption url(QStringLiteral("url"), QStringLiteral("Base URL."), QStringLiteral("URL"));
    const QCommandLineOption model(QStringLiteral("model"), QStringLiteral("Model or checkpoint."),
                                   QStringLiteral("MODEL"));
    const QCommandLineOption concurrency(QStringLiteral("concurrency"), QStringLiteral("Requests at once."),
                                         QStringLiteral("N"));
    const QCommandLineOption references(QStringLiteral("references"),
                                        QStringLiteral("Reference-image limit."), QStringLiteral("N"));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
                                     QStringLiteral("Total timeout per request, seconds."),
                                     QStringLiteral("S"));
    const QCommandLineOption option(QStringLiteral("option"),
                                    QStringLiteral("Extra option KEY=VALUE (repeatable)."),
                                    QStringLiteral("KEY=VALUE"));
    parser.addOptions({kind, url, model, concurrency, references, timeout, option});
    if (!io.parse(parser, QStringLiteral("providers"), args))
        return io.exitCode();
    const QStringList pos = parser.positionalArguments();
    const QString action = pos.value(0, QStringLiteral("list"));
    // The profile options only mean something to `set`; anywhere else they are a mistake, not noise.
    if (action != QLatin1String("set"))
        for (const QCommandLineOption &o : {kind, url, model, concurrency, references, timeout, option})
            if (parser.isSet(o))
                return io.fail(QStringLiteral("--%1 is only for providers set").arg(o.names().constFirst()),
                               ExitUsage);
    if (action == QLatin1String("list") && pos.size() <= 1)
        return list(io);
    if (action == QLatin1String("test") && pos.size() == 2)
        return test(pos[1], io);
    if (action == QLatin1String("remove") && pos.size() == 2) {
        if (Status s = ProfileStore::remove(pos[1]); !s)
            return io.fail(s.error());
        return ExitSuccess;
    }
    if (action == QLatin1String("set") && pos.size() == 2) {
        ProviderProfile p = ProfileStore::find(pos[1]).value_or(ProviderProfile{});
        p.name = pos[1];
        if (parser.isSet(kind)) {
            const auto k = enumFromName<ProviderKind>(parser.value(kind));
            if (!k)
                return io.fail(QStringLiteral("unknown kind %1").arg(parser.value(kind)), ExitUsage);
            p.kind = *k;
        }
        if (parser.isSet(url))
            p.baseUrl = parser.value(url);
        if (parser.isSet(model))
            p.model = parser.value(model);
        if (parser.isSet(concurrency)) {
            const std::optional<int> n = numberAtLeast(parser.value(concurrency), 1);
            if (!n)
                return io.fail(QStringLiteral("--concurrency needs a positive number"), ExitUsage);
            p.maxConcurrency = *n;
        }
        if (parser.isSet(references)) {
            const std::optional<int> n = numberAtLeast(parser.value(references), -1);
            if (!n)
                return io.fail(QStringLiteral("--references takes a number from -1 up"), ExitUsage);
            p.referenceLimit = *n;
        }
        if (parser.isSet(timeout)) {
            bool ok = false;
            const double seconds = parser.value(timeout).toDouble(&ok);
            if (!ok || seconds <= 0 || seconds > 86400)
                return io.fail(QStringLiteral("--timeout needs seconds above 0"), ExitUsage);
            p.totalTimeoutMs = int(seconds * 1000);
        }
        for (const QString &kv : parser.values(option)) {
            const qsizetype eq = kv.indexOf(u'=');
            if (eq <= 0)
                return io.fail(QStringLiteral("--option wants KEY=VALUE, got %1").arg(kv), ExitUsage);
            const QString key = kv.left(eq);
            if (key.contains(QLatin1String("key"), Qt::CaseInsensitive) && key != QLatin1String("keyName"))
                return io.fail(QStringLiteral("keys are not stored in profiles; set %1 or use the keychain")
                                   .arg(Secrets::environmentVariable(p.effectiveSecretName())),
                               ExitUsage);
            p.options[key.toStdString()] = kv.mid(eq + 1).toStdString();
        }
        if (Status s = ProfileStore::upsert(p); !s)
            return io.fail(s.error());
        if (io.json())
            io.printJson(profileJson(p));
        return ExitSuccess;
    }
    return io.fail(
        QStringLiteral(
            "usage: shotcraft providers [list | test NAME | set NAME [options] | remove NAME] [--json]"),
        ExitUsage);
}

} // namespace shotcraft::cli
