#include "cli/CommandIo.h"

#include <QCoreApplication>

#include <cstdio>
#include <unistd.h>

namespace shotcraft::cli {

CommandIo::CommandIo()
    : m_out(stdout)
    , m_err(stderr)
    , m_errIsTerminal(::isatty(STDERR_FILENO) == 1) {
}

bool CommandIo::parse(QCommandLineParser &parser, const QString &command, const QStringList &args) {
    parser.setApplicationDescription(parser.applicationDescription());
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Machine-readable output."));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        QStringLiteral("Show this help."));
    parser.addOption(jsonOption);
    parser.addOption(helpOption);
    QStringList argv = args;
    argv.prepend(QStringLiteral("shotcraft ") + command);
    if (!parser.parse(argv)) {
        m_exitCode = fail(parser.errorText(), ExitUsage);
        return false;
    }
    if (parser.isSet(helpOption)) {
        // Qt names the program by the path it was started from; a user types "shotcraft <command>".
        QString help = parser.helpText();
        const QString started = QStringLiteral("Usage: ") + QCoreApplication::arguments().value(0);
        if (help.startsWith(started))
            help.replace(0, started.size(), QStringLiteral("Usage: shotcraft ") + command);
        m_out << help;
        m_out.flush();
        m_exitCode = ExitSuccess;
        return false;
    }
    m_json = parser.isSet(jsonOption);
    return true;
}

void CommandIo::printJson(const Json &json) {
    m_out << QString::fromUtf8(toJsonBytes(json, 2)) << '\n';
    m_out.flush();
}

int CommandIo::fail(const QString &reason, int code) {
    endProgress();
    QString line = reason.simplified();
    m_err << "shotcraft: " << line << '\n';
    m_err.flush();
    return code;
}

void CommandIo::progress(const QString &label, qint64 done, qint64 total) {
    const int width = 30;
    const double fraction = total > 0 ? double(done) / double(total) : 0.0;
    const int filled = int(fraction * width);
    const QString bar = QString(filled, u'#') + QString(width - filled, u'.');
    const QString line = QStringLiteral("%1 [%2] %3/%4").arg(label, bar).arg(done).arg(total);
    if (m_errIsTerminal) {
        m_err << '\r' << line;
        m_progressOpen = true;
    } else {
        m_err << line << '\n';
    }
    m_err.flush();
}

void CommandIo::endProgress() {
    if (m_progressOpen) {
        m_err << '\n';
        m_err.flush();
        m_progressOpen = false;
    }
}

} // namespace shotcraft::cli
