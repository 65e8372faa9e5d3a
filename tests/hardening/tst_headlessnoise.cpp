// Headless runs print no platform noise (no runtime dir, a plugin without size hints), and the
// filter that drops those lines lets every other message through.
#include "cli/Cli.h"
#include "storage/ProjectStore.h"
#include "support/CliRunner.h"
#include "support/SampleProject.h"

#include <QTemporaryDir>
#include <QTest>

using namespace shotcraft;

namespace {
QStringList g_seen;

void capture(QtMsgType, const QMessageLogContext &, const QString &message) {
    g_seen << message;
}

bool hasNoise(const QByteArray &err) {
    return err.contains("XDG_RUNTIME_DIR") || err.contains("propagateSizeHints");
}
} // namespace

class TestHeadlessNoise : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void filterDropsExactlyTheNoise();
    void headlessCommandsAreQuiet_data();
    void headlessCommandsAreQuiet();
};

void TestHeadlessNoise::filterDropsExactlyTheNoise() {
    QtMessageHandler before = qInstallMessageHandler(&capture);
    cli::installHeadlessMessageFilter();
    cli::installHeadlessMessageFilter(); // twice must not loop on itself
    g_seen.clear();
    qWarning("QStandardPaths: XDG_RUNTIME_DIR not set, defaulting to '/tmp/runtime-root'");
    qWarning("This plugin does not support propagateSizeHints()");
    qWarning("QFile::open: No such file or directory");
    qWarning("a warning that mentions XDG_RUNTIME_DIR not set in passing");
    qCritical("This plugin does not support propagateSizeHints()"); // not a warning: kept
    qInstallMessageHandler(before);
    QCOMPARE(g_seen,
             QStringList({QStringLiteral("QFile::open: No such file or directory"),
                          QStringLiteral("a warning that mentions XDG_RUNTIME_DIR not set in passing"),
                          QStringLiteral("This plugin does not support propagateSizeHints()")}));
}

void TestHeadlessNoise::headlessCommandsAreQuiet_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("info") << QStringList{QStringLiteral("info"), QStringLiteral("@PROJECT")} << 0;
    QTest::newRow("stale") << QStringList{QStringLiteral("stale"), QStringLiteral("@PROJECT")} << 0;
    QTest::newRow("generate") << QStringList{QStringLiteral("generate"), QStringLiteral("@PROJECT"),
                                             QStringLiteral("--provider"), QStringLiteral("previz")}
                              << 0;
    QTest::newRow("a failure") << QStringList{QStringLiteral("info"), QStringLiteral("@PROJECT.missing")}
                               << 1;
}

void TestHeadlessNoise::headlessCommandsAreQuiet() {
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("quiet.shotcraft"));
    QVERIFY(storage::ProjectStore::create(project, test::sampleProject()));
    for (QString &a : args)
        a.replace(QLatin1String("@PROJECT"), project);
    test::CliOptions options;
    options.timeoutMs = 120000;
    options.unsetEnv = {QStringLiteral("XDG_RUNTIME_DIR")};
    const test::CliOutcome o = test::runShotcraft(args, options);
    QCOMPARE(o.exitCode, exitCode);
    QVERIFY2(!hasNoise(o.err), o.err.constData());
    if (exitCode != 0)
        QVERIFY2(o.err.startsWith("shotcraft: "), o.err.constData()); // the real line still shows
}

QTEST_GUILESS_MAIN(TestHeadlessNoise)
#include "tst_headlessnoise.moc"
