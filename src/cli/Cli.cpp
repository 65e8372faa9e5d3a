#include "cli/Cli.h"

#include "cli/Commands.h"

#include <QCoreApplication>

namespace shotcraft::cli {

namespace {
const CommandSpec *findCommand(const QString &name) {
    for (const CommandSpec &spec : commands())
        if (name == QLatin1String(spec.name))
            return &spec;
    return nullptr;
}

void printUsage(QTextStream &out) {
    out << "Usage: shotcraft [PROJECT.shotcraft]            open the studio window\n"
           "       shotcraft --screenshot OUT.png [PROJECT]  render the window to a PNG\n"
           "       shotcraft <command> [options]             run headless\n\n"
           "Commands:\n";
    for (const CommandSpec &spec : commands())
        out << "  " << QString::fromLatin1(spec.name).leftJustified(10) << ' ' << spec.summary << '\n';
    out << "\nEvery command takes --help and --json. Progress goes to stderr; the exit code is 0 on\n"
           "success, 1 on failure (with a one-line reason) and 2 on a usage error.\n";
    out.flush();
}
} // namespace

bool isHeadless(const QStringList &args) {
    if (args.isEmpty())
        return false;
    const QString &first = args.first();
    return first == QLatin1String("--help") || first == QLatin1String("-h") ||
           first == QLatin1String("--version") || first == QLatin1String("help") || findCommand(first) ||
           (first.startsWith(u'-') && first != QLatin1String("--screenshot"));
}

void setApplicationInfo(const QString &version) {
    QCoreApplication::setOrganizationName(QStringLiteral("Shotcraft"));
    QCoreApplication::setApplicationName(QStringLiteral("Shotcraft"));
    QCoreApplication::setApplicationVersion(version);
}

int run(const QStringList &args) {
    CommandIo io;
    const QString first = args.value(0);
    if (first == QLatin1String("--version")) {
        io.out() << "shotcraft " << QCoreApplication::applicationVersion() << '\n';
        return ExitSuccess;
    }
    if (first.isEmpty() || first == QLatin1String("--help") || first == QLatin1String("-h") ||
        first == QLatin1String("help")) {
        printUsage(io.out());
        return ExitSuccess;
    }
    const CommandSpec *spec = findCommand(first);
    if (!spec)
        return io.fail(QStringLiteral("unknown command '%1' (see shotcraft --help)").arg(first), ExitUsage);
    return spec->run(args.mid(1), io);
}

} // namespace shotcraft::cli
