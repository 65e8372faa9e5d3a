// The parsers' fuzz corpora replayed in process: the inputs that once broke a parser
// (tests/fuzz/regressions), the project's own scripts (tests/data), the screenplay corpus when it is
// there, and the hostile scripts (empty, binary, NUL bytes, invalid UTF-8, a 1 MB line, 70 MB, the
// billion laughs, 100,000 nested elements). Each is read by the importer and by the parser of its
// format; every parse holds the invariants the fuzz targets check, every refusal is one line.
// scripts/asan-smoke.sh runs this under the `asan` preset, so a memory error on any of these
// inputs fails CI even where libFuzzer's own build is not run.
#include "story/FdxParser.h"
#include "story/FountainParser.h"
#include "story/ScriptImporter.h"
#include "support/HostileInputs.h"
#include "support/ScreenplayInvariants.h"
#include "support/TestPaths.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace shotcraft;
using namespace shotcraft::story;

namespace {

// The corpus files the fuzz smoke seeds with (the same size limits).
QStringList inputFiles(const QString &root, qint64 fountainLimit, qint64 fdxLimit) {
    QStringList files;
    QDirIterator it(root, {QStringLiteral("*.fountain"), QStringLiteral("*.fdx"), QStringLiteral("*.txt")},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        const bool fdx = info.suffix().compare(QLatin1String("fdx"), Qt::CaseInsensitive) == 0;
        if (info.size() <= (fdx ? fdxLimit : fountainLimit))
            files.append(info.filePath());
    }
    files.sort();
    return files;
}

// The importer's answer and the format's own parser on the same bytes.
QString checkParses(const QString &path) {
    const Result<Screenplay> imported = importFile(path);
    if (imported) {
        if (QString broken = test::brokenInvariant(*imported); !broken.isEmpty())
            return QStringLiteral("importer: ") + broken;
    } else if (imported.error().isEmpty() || imported.error().contains(u'\n')) {
        return QStringLiteral("a refusal must be one line: ") + imported.error();
    }
    QFile file(path);
    if (QFileInfo(path).size() > 16 * 1024 * 1024 || !file.open(QIODevice::ReadOnly))
        return {}; // over the importer's limit: it refused without reading, and so does this
    const QByteArray bytes = file.readAll();
    if (path.endsWith(QLatin1String(".fdx"), Qt::CaseInsensitive)) {
        const Result<Screenplay> fdx = parseFdx(bytes);
        if (fdx)
            return test::brokenInvariant(*fdx);
        if (fdx.error().isEmpty() || fdx.error().contains(u'\n'))
            return QStringLiteral("a refusal must be one line: ") + fdx.error();
        return {};
    }
    return test::brokenInvariant(parseFountain(QString::fromUtf8(bytes)));
}

} // namespace

class TestParserInputs : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_scripts = test::hostileScripts(); // made once: some are megabytes
    }
    void filesHoldTheInvariants_data();
    void filesHoldTheInvariants();
    void hostileScripts_data();
    void hostileScripts();

private:
    QTemporaryDir m_dir;
    QList<test::HostileScript> m_scripts;
};

void TestParserInputs::filesHoldTheInvariants_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("mustParse"); // the project's own scripts are screenplays
    const QStringList regressions =
        inputFiles(test::sourcePath(QStringLiteral("tests/fuzz/regressions")), 1 << 30, 1 << 30);
    QVERIFY(!regressions.isEmpty());
    for (const QString &path : regressions)
        QTest::newRow(qPrintable(QStringLiteral("regression ") + QFileInfo(path).fileName()))
            << path << false;
    const QStringList own = inputFiles(test::fixturePath(QString()), 1 << 30, 1 << 30);
    QVERIFY(own.size() >= 3);
    for (const QString &path : own)
        QTest::newRow(qPrintable(QStringLiteral("tests/data ") + QFileInfo(path).fileName())) << path << true;
    // The corpus is optional here (tests labelled `corpus` require it); it widens the replay.
    if (QFileInfo::exists(test::corpusDir())) {
        const QStringList corpus = inputFiles(test::corpusDir(), 256 * 1024, 512 * 1024);
        for (const QString &path : corpus)
            QTest::newRow(
                qPrintable(QStringLiteral("corpus ") + QDir(test::corpusDir()).relativeFilePath(path)))
                << path << false;
    }
}

void TestParserInputs::filesHoldTheInvariants() {
    QFETCH(QString, path);
    QFETCH(bool, mustParse);
    const QString broken = checkParses(path);
    QVERIFY2(broken.isEmpty(), qPrintable(broken));
    if (mustParse) {
        const Result<Screenplay> script = importFile(path);
        QVERIFY2(script, qPrintable(script.error()));
        QVERIFY(!script->scenes.isEmpty());
    }
}

void TestParserInputs::hostileScripts_data() {
    QTest::addColumn<int>("index");
    for (int i = 0; i < m_scripts.size(); ++i)
        QTest::newRow(m_scripts[i].tag) << i;
}

void TestParserInputs::hostileScripts() {
    QFETCH(int, index);
    const test::HostileScript hostile = m_scripts.at(index);
    const QString refusal = hostile.refusal;
    const QString path = test::writeHostileScript(hostile, m_dir.path());
    QVERIFY(!path.isEmpty());
    const Result<Screenplay> script = importFile(path);
    if (refusal.isEmpty()) {
        QVERIFY2(script, qPrintable(script.error()));
    } else {
        QVERIFY(!script);
        QVERIFY2(script.error().contains(refusal), qPrintable(script.error()));
    }
    const QString broken = checkParses(path);
    QVERIFY2(broken.isEmpty(), qPrintable(broken));
}

QTEST_GUILESS_MAIN(TestParserInputs)
#include "tst_parserinputs.moc"
