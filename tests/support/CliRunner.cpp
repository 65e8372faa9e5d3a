#include "support/CliRunner.h"

#include "support/TestPaths.h"

#include <QProcess>
#include <QSignalSpy>

namespace shotcraft::test {

CliOutcome runShotcraft(const QStringList &args, const CliOptions &options) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!options.settingsDir.isEmpty())
        env.insert(QStringLiteral("SHOTCRAFT_SETTINGS_DIR"), options.settingsDir);
    if (!options.keychain)
        env.insert(QStringLiteral("SHOTCRAFT_NO_KEYCHAIN"), QStringLiteral("1"));
    for (const QString &name : options.unsetEnv)
        env.remove(name);
    p.setProcessEnvironment(env);
    if (!options.workingDirectory.isEmpty())
        p.setWorkingDirectory(options.workingDirectory);
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(shotcraftExecutable(), args);
    CliOutcome o;
    if (!finished.wait(options.timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return o;
    }
    o.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    o.out = p.readAllStandardOutput();
    o.err = p.readAllStandardError();
    return o;
}

} // namespace shotcraft::test
