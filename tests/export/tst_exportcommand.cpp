// `shotcraft export` as a user runs it: every format through the built program with a --json
// summary, usage errors exit 2, a read-only destination fails with one line and writes nothing,
// a scene range exports those scenes only.
#include "ExportFixture.h"
#include "export/PdfBoards.h"
#include "support/CliRunner.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace shotcraft;

class TestExportCommand : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void everyFormat_data();
    void everyFormat();
    void usageErrors_data();
    void usageErrors();
    void readOnlyDestinationFailsCleanly_data();
    void readOnlyDestinationFailsCleanly();
    void sceneRange();
    void imagePatternAndQuality();

private:
    QTemporaryDir m_dir;
    QString m_project;
    int m_shots = 0;
    int m_placeholders = 0;
};

void TestExportCommand::initTestCase() {
    // Qt warns on stderr without a runtime folder; the one-line checks are about our own lines.
    const QString runtime = m_dir.filePath(QStringLiteral("runtime"));
    QVERIFY(QDir().mkpath(runtime));
    QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    qputenv("XDG_RUNTIME_DIR", runtime.toLocal8Bit());
    m_project = m_dir.filePath(QStringLiteral("film.shotcraft"));
    test::ExportRig rig = test::generatedFilm(m_project, 40);
    m_shots = int(rig.project.shots.size());
    m_placeholders = rig.snapshot().placeholders();
    QVERIFY(m_placeholders > 0);
}

void TestExportCommand::everyFormat_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("output");
    for (const char *f : {"png", "jpeg", "pdf", "mp4", "otio", "edl", "fcpxml", "csv"}) {
        const QString format = QLatin1String(f);
        const bool folder = format == QLatin1String("png") || format == QLatin1String("jpeg");
        QTest::newRow(f) << format
                         << (folder ? QStringLiteral("out-") + format : QStringLiteral("out.") + format);
    }
}

void TestExportCommand::everyFormat() {
    QFETCH(QString, format);
    QFETCH(QString, output);
    const QString path = m_dir.filePath(output);
    const test::CliOutcome o = test::runShotcraft(
        {QStringLiteral("export"), m_project, QStringLiteral("--format"), format, QStringLiteral("-o"), path,
         QStringLiteral("--width"), QStringLiteral("96"), QStringLiteral("--json")});
    QVERIFY2(o.exitCode == 0, o.err.constData());
    const Json summary = o.json();
    QCOMPARE(summary.value("shots", 0), m_shots);
    QCOMPARE(summary.value("placeholders", -1), m_placeholders); // counted, never left out
    QVERIFY(QFileInfo::exists(path));
    if (QFileInfo(path).isDir())
        QCOMPARE(int(QDir(path).entryList(QDir::Files).size()), m_shots);
    if (format == QLatin1String("pdf"))
        QCOMPARE(summary.value("pages", 0), exporting::PdfBoards::pageCount(m_shots, 6));
    if (format == QLatin1String("mp4") || format == QLatin1String("edl"))
        QVERIFY(summary.value("frames", 0) > m_shots);
    QVERIFY(o.err.contains("Exporting")); // progress on stderr
}

void TestExportCommand::usageErrors_data() {
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no format") << QStringList{QStringLiteral("-o"), QStringLiteral("x.pdf")};
    QTest::newRow("unknown format") << QStringList{QStringLiteral("--format"), QStringLiteral("gif"),
                                                   QStringLiteral("-o"), QStringLiteral("x.gif")};
    QTest::newRow("5 panels") << QStringList{QStringLiteral("--format"), QStringLiteral("pdf"),
                                             QStringLiteral("--panels"), QStringLiteral("5"),
                                             QStringLiteral("-o"),       QStringLiteral("x.pdf")};
    QTest::newRow("23 fps") << QStringList{QStringLiteral("--format"), QStringLiteral("mp4"),
                                           QStringLiteral("--fps"),    QStringLiteral("23"),
                                           QStringLiteral("-o"),       QStringLiteral("x.mp4")};
    QTest::newRow("bad pattern") << QStringList{QStringLiteral("--format"),  QStringLiteral("png"),
                                                QStringLiteral("--pattern"), QStringLiteral("{take}"),
                                                QStringLiteral("-o"),        QStringLiteral("x")};
    QTest::newRow("no such scene") << QStringList{QStringLiteral("--format"), QStringLiteral("csv"),
                                                  QStringLiteral("--scenes"), QStringLiteral("99"),
                                                  QStringLiteral("-o"),       QStringLiteral("x.csv")};
}

void TestExportCommand::usageErrors() {
    QFETCH(QStringList, args);
    const test::CliOutcome o = test::runShotcraft(QStringList{QStringLiteral("export"), m_project} + args);
    QCOMPARE(o.exitCode, 2);
    QCOMPARE(o.err.trimmed().count('\n'), 0);
    QVERIFY(!o.err.trimmed().isEmpty());
}

void TestExportCommand::readOnlyDestinationFailsCleanly_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("name");
    QTest::newRow("pdf") << QStringLiteral("pdf") << QStringLiteral("boards.pdf");
    QTest::newRow("png") << QStringLiteral("png") << QStringLiteral("frames");
    QTest::newRow("mp4") << QStringLiteral("mp4") << QStringLiteral("cut.mp4");
    QTest::newRow("otio") << QStringLiteral("otio") << QStringLiteral("cut.otio");
    QTest::newRow("csv") << QStringLiteral("csv") << QStringLiteral("shots.csv");
}

void TestExportCommand::readOnlyDestinationFailsCleanly() {
    QFETCH(QString, format);
    QFETCH(QString, name);
    QString folder = m_dir.filePath(QStringLiteral("read-only-") + format);
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
    QFile probe(folder + QStringLiteral("/probe"));
    if (probe.open(QIODevice::WriteOnly)) { // permissions do not bind root: use a read-only filesystem
        probe.remove();
        folder = QStringLiteral("/sys/kernel");
        if (QFileInfo(folder).isWritable() && QFile(folder + QStringLiteral("/x")).open(QIODevice::WriteOnly))
            QSKIP("no read-only place to write to on this machine");
    }
    const QStringList before = QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    const test::CliOutcome o =
        test::runShotcraft({QStringLiteral("export"), m_project, QStringLiteral("--format"), format,
                            QStringLiteral("-o"), folder + u'/' + name});
    QCOMPARE(o.exitCode, 1);
    const QByteArray err = o.err.trimmed();
    QVERIFY2(!err.isEmpty() && !err.contains('\n'), err.constData());
    QVERIFY2(err.contains(folder.toUtf8()), err.constData());
    QCOMPARE(QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), before);
    QFile::setPermissions(m_dir.filePath(QStringLiteral("read-only-") + format),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

void TestExportCommand::sceneRange() {
    const QString csv = m_dir.filePath(QStringLiteral("scenes.csv"));
    const test::CliOutcome o =
        test::runShotcraft({QStringLiteral("export"), m_project, QStringLiteral("--format"),
                            QStringLiteral("csv"), QStringLiteral("--scenes"), QStringLiteral("2-3,5"),
                            QStringLiteral("-o"), csv, QStringLiteral("--json")});
    QVERIFY2(o.exitCode == 0, o.err.constData());
    QCOMPARE(o.json().value("shots", 0), 18); // three scenes of six shots
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("\r\n2,2A,") && text.contains("\r\n5,5F,") && !text.contains("\r\n4,4A,"));
}

void TestExportCommand::imagePatternAndQuality() {
    const QString dir = m_dir.filePath(QStringLiteral("jpegs"));
    const test::CliOutcome o =
        test::runShotcraft({QStringLiteral("export"), m_project, QStringLiteral("--format"),
                            QStringLiteral("jpeg"), QStringLiteral("--quality"), QStringLiteral("40"),
                            QStringLiteral("--width"), QStringLiteral("320"), QStringLiteral("--pattern"),
                            QStringLiteral("{scene}_{shot}-{index:03}"), QStringLiteral("-o"), dir});
    QVERIFY2(o.exitCode == 0, o.err.constData());
    const QStringList files = QDir(dir).entryList(QDir::Files, QDir::Name);
    QCOMPARE(int(files.size()), m_shots);
    QVERIFY2(files.contains(QStringLiteral("1_1A-001.jpg")), qPrintable(files.join(u' ')));
    const QImage first(QDir(dir).filePath(QStringLiteral("1_1A-001.jpg")));
    QCOMPARE(first.size(), QSize(320, 180));
}

QTEST_MAIN(TestExportCommand)
#include "tst_exportcommand.moc"
