#include "cli/Cli.h"

#include "cli/Commands.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <vector>

namespace shotcraft::cli {

namespace {
const CommandSpec *findCommand(const QString &name) {
    for (const CommandSpec &spec : commands())
        if (name == QLatin1String(spec.name))
            return &spec;
    return nullptr;
}

// Edit distance with adjacent transpositions ("stail" is two edits from "stale").
int editDistance(const QString &a, const QString &b) {
    const qsizetype n = a.size(), m = b.size();
    std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
    for (qsizetype i = 0; i <= n; ++i)
        d[i][0] = int(i);
    for (qsizetype j = 0; j <= m; ++j)
        d[0][j] = int(j);
    for (qsizetype i = 1; i <= n; ++i)
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[n][m];
}

// The closest command, when it is close enough to be a typo.
QString suggestion(const QString &word) {
    QString best;
    int bestDistance = 3;
    for (const CommandSpec &spec : commands()) {
        const int distance = editDistance(word.toLower(), QString::fromLatin1(spec.name));
        if (distance < bestDistance) {
            bestDistance = distance;
            best = QString::fromLatin1(spec.name);
        }
    }
    return best;
}

bool looksLikePath(const QString &arg) {
    return arg.contains(u'/') || arg.contains(u'\\') || arg.contains(u'.');
}

int unknownFirstArgument(const QString &first, CommandIo &io) {
    if (first.startsWith(u'-'))
        return io.fail(QStringLiteral("unknown command or option '%1' (see shotcraft --help)").arg(first),
                       ExitUsage);
    const QFileInfo file(first);
    if (file.exists())
        return io.fail(QStringLiteral("%1 is not a Shotcraft project or a script").arg(first));
    if (looksLikePath(first))
        return io.fail(QStringLiteral("%1: no such file").arg(first));
    const QString near = suggestion(first);
    if (!near.isEmpty())
        return io.fail(QStringLiteral("unknown command '%1' (did you mean '%2'?)").arg(first, near),
                       ExitUsage);
    return io.fail(QStringLiteral("unknown command '%1' (see shotcraft --help)").arg(first), ExitUsage);
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

QtMessageHandler g_previousHandler = nullptr;

bool isHeadlessNoise(const QString &message) {
    return message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set")) ||
           message == QLatin1String("This plugin does not support propagateSizeHints()");
}

void filterHeadlessNoise(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    if (type == QtWarningMsg && isHeadlessNoise(message))
        return;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}
} // namespace

bool isProjectOrScript(const QString &path) {
    const QFileInfo file(path);
    if (!file.isFile())
        return false;
    const QString suffix = file.suffix().toLower();
    if (suffix == QLatin1String("shotcraft") || suffix == QLatin1String("fountain") ||
        suffix == QLatin1String("fdx") || suffix == QLatin1String("txt"))
        return true;
    QFile f(path);
    return f.open(QIODevice::ReadOnly) && f.read(16) == QByteArray("SQLite format 3\0", 16);
}

bool isHeadless(const QStringList &args) {
    if (args.isEmpty())
        return false;
    const QString &first = args.first();
    if (first == QLatin1String("--screenshot"))
        return false;
    return findCommand(first) || !isProjectOrScript(first);
}

bool hasDisplay() {
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    return !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") || !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
#else
    return true;
#endif
}

QString noDisplayMessage() {
    return QStringLiteral("shotcraft: no display to open the studio window on (set DISPLAY, or run a "
                          "command: shotcraft --help)");
}

void setApplicationInfo(const QString &version) {
    QCoreApplication::setOrganizationName(QStringLiteral("Shotcraft"));
    QCoreApplication::setApplicationName(QStringLiteral("Shotcraft"));
    QCoreApplication::setApplicationVersion(version);
}

void installHeadlessMessageFilter() {
    QtMessageHandler previous = qInstallMessageHandler(&filterHeadlessNoise);
    if (previous != &filterHeadlessNoise)
        g_previousHandler = previous;
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
        return unknownFirstArgument(first, io);
    return spec->run(args.mid(1), io);
}

} // namespace shotcraft::cli
