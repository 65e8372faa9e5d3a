// The headless command line: `shotcraft <command> [options]`, the same core without a window.
#pragma once

#include <QStringList>

namespace shotcraft::cli {

// True when the arguments ask for a headless command (or --help / --version, or an error a command
// line answers) rather than the window. The window is for no argument or an existing project/script.
bool isHeadless(const QStringList &args);
// An existing file the window opens: a .shotcraft project (or any SQLite file) or a screenplay.
bool isProjectOrScript(const QString &path);
// Whether a window can be shown: a display to talk to, or a platform chosen explicitly.
bool hasDisplay();
// The one line to print when the window is asked for but there is no display.
QString noDisplayMessage();
void setApplicationInfo(const QString &version);
// Drops exactly the platform lines every headless run would print (no runtime dir, a plugin
// without size hints) and hands every other message to the handler installed before.
void installHeadlessMessageFilter();
// Runs one command; returns the process exit code (0 success, 1 failure, 2 usage error).
int run(const QStringList &args);

} // namespace shotcraft::cli
