// The headless command line: `shotcraft <command> [options]`, the same core without a window.
#pragma once

#include <QStringList>

namespace shotcraft::cli {

// True when the arguments ask for a headless command (or --help / --version) rather than the window.
bool isHeadless(const QStringList &args);
void setApplicationInfo(const QString &version);
// Runs one command; returns the process exit code (0 success, 1 failure, 2 usage error).
int run(const QStringList &args);

} // namespace shotcraft::cli
