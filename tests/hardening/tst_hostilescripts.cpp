// Hostile screenplays through `shotcraft parse`, the way a user's file reaches the importer: empty,
// binary, NUL bytes, invalid UTF-8, a 1 MB single line, 70 MB (over the limit), an FDX with a
// DOCTYPE and entities (billion laughs) and one with 100,000 nested elements. Each is refused with
// one line or parsed gracefully, never a crash or a hang, in bounded memory (the children's peak
// resident set is printed and held under a bound).
#include "story/Screenplay.h"
#include "support/CliRunner.h"
#include "support/HostileInputs.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

using namespace shotcraft;

namespace {

constexpr long kPeakRssBoundKb = 512 * 1024;

long childrenPeakRssKb() {
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return usage.ru_maxrss;
}

} // namespace

class TestHostileScripts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_scripts = test::hostileScripts(); // made once: some are megabytes
    }
    void parseAnswers_data();
    void parseAnswers();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    QList<test::HostileScript> m_scripts;
};

void TestHostileScripts::parseAnswers_data() {
    QTest::addColumn<int>("index");
    for (int i = 0; i < m_scripts.size(); ++i)
        QTest::newRow(m_scripts[i].tag) << i;
}

void TestHostileScripts::parseAnswers() {
    QFETCH(int, index);
    const test::HostileScript script = m_scripts.at(index);
    const QString name = script.fileName;
    const QString reason = script.refusal;
    const int exitCode = reason.isEmpty() ? 0 : 1;
    const QString path = test::writeHostileScript(script, m_dir.path());
    QVERIFY(!path.isEmpty());
    QElapsedTimer clock;
    clock.start();
    test::CliOptions options;
    options.timeoutMs = 60000;
    const test::CliOutcome o = test::runShotcraft({QStringLiteral("parse"), path}, options);
    const qint64 ms = clock.elapsed();
    QVERIFY2(o.exitCode != -1, "crashed or hung");
    QVERIFY2(o.exitCode == exitCode, o.err.constData());
    QList<QByteArray> lines = o.err.split('\n');
    lines.removeAll(QByteArray());
    if (exitCode != 0) {
        QVERIFY2(lines.size() == 1 && lines.first().startsWith("shotcraft: "), o.err.constData());
        QVERIFY2(lines.first().contains(reason.toUtf8()), o.err.constData());
        QVERIFY(o.out.isEmpty());
    }
    QVERIFY2(ms < 20000, qPrintable(QStringLiteral("%1 ms").arg(ms)));
    qInfo("%s: exit %d in %lld ms, peak RSS of the children so far %ld MB", qPrintable(name), o.exitCode, ms,
          childrenPeakRssKb() / 1024);
}

void TestHostileScripts::cleanupTestCase() {
    const long peak = childrenPeakRssKb();
    qInfo("peak resident set of the parse runs: %ld MB (bound %ld MB)", peak / 1024, kPeakRssBoundKb / 1024);
    QVERIFY(peak > 0);
    QVERIFY(peak < kPeakRssBoundKb);
}

QTEST_GUILESS_MAIN(TestHostileScripts)
#include "tst_hostilescripts.moc"
