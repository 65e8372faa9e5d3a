// Runs the built shotcraft executable the way a user's shell does, for the tests of the command line.
// The wait turns this thread's event loop, so test servers living in the test process can answer it.
#pragma once

#include "domain/Json.h"

#include <QByteArray>
#include <QStringList>

namespace shotcraft::test {

struct CliOutcome {
    int exitCode = -1; // -1: crashed or timed out (then killed)
    QByteArray out;
    QByteArray err;
    Json json() const { return Json::parse(out.constData(), nullptr, false); }
};

struct CliOptions {
    QString settingsDir; // SHOTCRAFT_SETTINGS_DIR for the child; empty: inherited
    bool keychain = false;
    int timeoutMs = 120000;
    QStringList unsetEnv;     // variables removed from the child's environment (DISPLAY, ...)
    QString workingDirectory; // empty: inherited
};

CliOutcome runShotcraft(const QStringList &args, const CliOptions &options = {});

} // namespace shotcraft::test
