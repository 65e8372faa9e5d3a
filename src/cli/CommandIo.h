// What a command talks through: results on stdout (text or --json), progress and errors on stderr.
#pragma once

#include "domain/Json.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace shotcraft::cli {

enum ExitCode { ExitSuccess = 0, ExitFailure = 1, ExitUsage = 2 };

class CommandIo {
public:
    CommandIo();

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    bool json() const { return m_json; }

    // Parses a command's options (adds --json and --help); returns false with an exit code set
    // when the command should stop here (help shown or a usage error).
    bool parse(QCommandLineParser &parser, const QString &command, const QStringList &args);
    int exitCode() const { return m_exitCode; }

    void printJson(const Json &json);
    // A one-line reason on stderr; returns the exit code to hand back.
    int fail(const QString &reason, int code = ExitFailure);
    // A progress line on stderr (redrawn in place on a terminal).
    void progress(const QString &label, qint64 done, qint64 total);
    void endProgress();

private:
    QTextStream m_out;
    QTextStream m_err;
    bool m_json = false;
    bool m_errIsTerminal = false;
    bool m_progressOpen = false;
    int m_exitCode = ExitSuccess;
};

} // namespace shotcraft::cli
