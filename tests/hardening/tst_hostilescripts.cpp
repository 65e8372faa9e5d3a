// Hostile screenplays through `shotcraft parse`, the way a user's file reaches the importer: empty,
// binary, NUL bytes, invalid UTF-8, a 1 MB single line, 70 MB (over the limit), an FDX with a
// DOCTYPE and entities (billion laughs) and one with 100,000 nested elements. Each is refused with
// one line or parsed gracefully, never a crash or a hang, in bounded memory (the children's peak
// resident set is printed and held under a bound).
#include "story/Screenplay.h"
#include "support/CliRunner.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

using namespace shotcraft;

namespace {

constexpr long kPeakRssBoundKb = 512 * 1024;

QByteArray nestedFdx(int depth) {
    QByteArray xml("<?xml version=\"1.0\"?><FinalDraft><Content>");
    xml.reserve(depth * 7 + 200);
    for (int i = 0; i < depth; ++i)
        xml.append("<a>");
    for (int i = 0; i < depth; ++i)
        xml.append("</a>");
    xml.append("</Content></FinalDraft>");
    return xml;
}

QByteArray billionLaughs() {
    QByteArray xml("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    xml.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">");
    for (int i = 2; i <= 9; ++i)
        xml.append(QStringLiteral("<!ENTITY lol%1 \"%2\">")
                       .arg(i)
                       .arg(QStringLiteral("&lol%1;").arg(i - 1).repeated(10))
                       .toUtf8());
    xml.append("]><FinalDraft><Content><Paragraph Type=\"Action\"><Text>&lol9;</Text></Paragraph>"
               "</Content></FinalDraft>");
    return xml;
}

long childrenPeakRssKb() {
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return usage.ru_maxrss;
}

} // namespace

class TestHostileScripts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void parseAnswers_data();
    void parseAnswers();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
};

void TestHostileScripts::parseAnswers_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qint64>("sparseSize"); // > 0: a file of this size made without writing it
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("reason"); // part of the one stderr line, when it fails
    QByteArray binary(8192, '\0');
    for (int i = 0; i < binary.size(); ++i)
        binary[i] = char((i * 7919 + 13) & 0xff);
    QTest::newRow("0 bytes") << u"empty.fountain"_qs << QByteArray() << qint64(0) << 1 << u"empty"_qs;
    QTest::newRow("binary") << u"program.fountain"_qs << binary << qint64(0) << 1 << u"binary"_qs;
    QTest::newRow("NUL bytes") << u"nul.fountain"_qs << QByteArray("INT. ROOM - DAY\n\nA\0B\0C\0 lamp.\n", 29)
                               << qint64(0) << 1 << u"binary"_qs;
    QTest::newRow("invalid UTF-8") << u"latin.fountain"_qs
                                   << QByteArray("INT. CAF\xc9 - DAY\n\nJOS\xc9\nHola.\n") << qint64(0) << 0
                                   << QString();
    QTest::newRow("1 MB single line")
        << u"line.fountain"_qs << QByteArray(1024 * 1024, 'a') << qint64(0) << 0 << QString();
    QTest::newRow("70 MB") << u"huge.fountain"_qs << QByteArray() << qint64(70) * 1024 * 1024 << 1
                           << u"too large"_qs;
    QTest::newRow("billion laughs") << u"lolz.fdx"_qs << billionLaughs() << qint64(0) << 1 << u"DOCTYPE"_qs;
    QTest::newRow("100,000 nested elements")
        << u"deep.fdx"_qs << nestedFdx(100000) << qint64(0) << 1 << u"nests too deeply"_qs;
}

void TestHostileScripts::parseAnswers() {
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(qint64, sparseSize);
    QFETCH(int, exitCode);
    QFETCH(QString, reason);
    const QString path = m_dir.filePath(name);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    if (sparseSize > 0)
        QVERIFY(file.resize(sparseSize));
    file.close();
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
