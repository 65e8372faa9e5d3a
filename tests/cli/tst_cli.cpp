// The headless command line as a user meets it: help, version, dispatch, exit codes, --json and
// one-line errors. Runs the real executable.
#include "storage/ProjectStore.h"
#include "support/CliRunner.h"
#include "support/SampleProject.h"
#include "support/TestPaths.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace shotcraft;

namespace {
using Outcome = test::CliOutcome;

Outcome runShotcraft(const QStringList &args) {
    return test::runShotcraft(args, {{}, false, 60000});
}

QByteArray reasonLine(const QByteArray &err) {
    // Qt may print its own notes (XDG_RUNTIME_DIR, ...); the reason is the "shotcraft:" line.
    for (const QByteArray &line : err.split('\n'))
        if (line.startsWith("shotcraft: "))
            return line;
    return {};
}
} // namespace

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void helpAndVersion();
    void unknownCommandIsAUsageError();
    void commandHelp();
    void infoJson();
    void infoRefusesWithOneLine_data();
    void infoRefusesWithOneLine();

private:
    QTemporaryDir m_dir;
    QString m_project;
};

void TestCli::initTestCase() {
    QVERIFY2(QFileInfo(test::shotcraftExecutable()).isExecutable(), qPrintable(test::shotcraftExecutable()));
    m_project = m_dir.filePath(QStringLiteral("sample.shotcraft"));
    QVERIFY(storage::ProjectStore::create(m_project, test::sampleProject()));
}

void TestCli::helpAndVersion() {
    const Outcome help = runShotcraft({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("Usage: shotcraft"));
    QVERIFY(help.out.contains("  info "));
    const Outcome version = runShotcraft({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith("shotcraft "));
}

void TestCli::unknownCommandIsAUsageError() {
    const Outcome o = runShotcraft({QStringLiteral("--frobnicate")});
    QCOMPARE(o.exitCode, 2);
    QVERIFY(reasonLine(o.err).contains("unknown command"));
    QVERIFY(o.out.isEmpty());
}

void TestCli::commandHelp() {
    const Outcome o = runShotcraft({QStringLiteral("info"), QStringLiteral("--help")});
    QCOMPARE(o.exitCode, 0);
    QVERIFY(o.out.contains("--json"));
    const Outcome missing = runShotcraft({QStringLiteral("info")});
    QCOMPARE(missing.exitCode, 2);
}

void TestCli::infoJson() {
    const Outcome o = runShotcraft({QStringLiteral("info"), m_project, QStringLiteral("--json")});
    QCOMPARE(o.exitCode, 0);
    QJsonParseError error;
    const QJsonObject info = QJsonDocument::fromJson(o.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    const Project sample = test::sampleProject();
    QCOMPARE(info.value(QStringLiteral("title")).toString(), sample.info.title);
    QCOMPARE(info.value(QStringLiteral("scenes")).toInt(), int(sample.scenes.size()));
    QCOMPARE(info.value(QStringLiteral("shots")).toInt(), int(sample.shots.size()));
    QCOMPARE(info.value(QStringLiteral("characters")).toInt(), int(sample.characters.size()));
    QCOMPARE(info.value(QStringLiteral("acts")).toInt(), int(sample.acts.size()));
    QCOMPARE(info.value(QStringLiteral("schemaVersion")).toInt(), 2);
    QCOMPARE(info.value(QStringLiteral("fileSize")).toInteger(), QFileInfo(m_project).size());
}

void TestCli::infoRefusesWithOneLine_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("random bytes") << QByteArray("\x01\x02garbage\xff", 11);
    QTest::newRow("screenplay") << QByteArray("INT. KITCHEN - NIGHT\n\nA project this is not.\n");
}

void TestCli::infoRefusesWithOneLine() {
    QFETCH(QByteArray, content);
    const QString path = m_dir.filePath(QStringLiteral("bad.shotcraft"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content);
    f.close();
    const Outcome o = runShotcraft({QStringLiteral("info"), path, QStringLiteral("--json")});
    QCOMPARE(o.exitCode, 1);
    QVERIFY(o.out.isEmpty());
    QVERIFY2(reasonLine(o.err).contains("not a Shotcraft project"), o.err.constData());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
