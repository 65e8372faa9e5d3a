// PDF boards on the demo story and a 300-shot film, read back with poppler's pdfinfo/pdftotext:
// the page count, the page size, and on every page the real text of its panels and page number.
#include "ExportFixture.h"
#include "export/PdfBoards.h"
#include "export/ShotText.h"

#include <QRegularExpression>
#include <QTemporaryDir>

using namespace shotcraft;
using namespace shotcraft::exporting;

class TestPdfBoards : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void pagesAndText_data();
    void pagesAndText();
    void longTextStaysInItsPanel();
    void refusesABadPanelCount();

private:
    QTemporaryDir m_dir;
};

void TestPdfBoards::initTestCase() {
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QFAIL("pdftotext/pdfinfo are missing: run packaging/install-deps.sh (poppler-utils)");
}

void TestPdfBoards::pagesAndText_data() {
    QTest::addColumn<bool>("demo");
    QTest::addColumn<int>("panels");
    QTest::addColumn<bool>("portrait");
    QTest::addColumn<bool>("letter");
    QTest::newRow("demo, 6 landscape A4") << true << 6 << false << false;
    QTest::newRow("demo, 1 portrait letter") << true << 1 << true << true;
    QTest::newRow("300 shots, 9 landscape A4") << false << 9 << false << false;
    QTest::newRow("300 shots, 4 portrait A4") << false << 4 << true << false;
    QTest::newRow("300 shots, 3 landscape letter") << false << 3 << false << true;
}

void TestPdfBoards::pagesAndText() {
    QFETCH(bool, demo);
    QFETCH(int, panels);
    QFETCH(bool, portrait);
    QFETCH(bool, letter);
    const QString name = QString::fromLatin1(QTest::currentDataTag())
                             .replace(QRegularExpression(QStringLiteral("\\W+")), QStringLiteral("_"));
    test::ExportRig rig = demo
                              ? test::demoFilm(m_dir.filePath(name + QStringLiteral(".shotcraft")))
                              : test::generatedFilm(m_dir.filePath(name + QStringLiteral(".shotcraft")), 300);
    QVERIFY2(rig.store, qPrintable(rig.error));
    const ExportSnapshot snapshot = rig.snapshot();
    PdfBoardsOptions options;
    options.panelsPerPage = panels;
    options.orientation = portrait ? QPageLayout::Portrait : QPageLayout::Landscape;
    options.pageSize = letter ? QPageSize::Letter : QPageSize::A4;
    options.resolution = 72;
    const QString pdf = m_dir.filePath(name + QStringLiteral(".pdf"));
    Result<ExportSummary> summary = PdfBoards::write(snapshot, pdf, options);
    QVERIFY2(summary.ok(), qPrintable(summary.error()));
    const int pages = 1 + int((snapshot.shots.size() + panels - 1) / panels);
    QCOMPARE(summary->pages, pages);
    QCOMPARE(summary->placeholders, snapshot.placeholders());

    const QString info = QString::fromUtf8(test::toolOutput(QStringLiteral("pdfinfo"), {pdf}));
    QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Pages:\\s+%1\\n").arg(pages))),
             qPrintable(info));
    const QRegularExpressionMatch size =
        QRegularExpression(QStringLiteral("Page size:\\s+([\\d.]+) x ([\\d.]+) pts")).match(info);
    QVERIFY(size.hasMatch());
    const double w = size.captured(1).toDouble(), h = size.captured(2).toDouble();
    const QSizeF expected = QPageSize(letter ? QPageSize::Letter : QPageSize::A4).size(QPageSize::Point);
    QCOMPARE(qRound(std::min(w, h)), qRound(expected.width()));
    QCOMPARE(w > h, !portrait);

    // The title page: title, shot count, running time.
    const QString title = QString::fromUtf8(test::toolOutput(
        QStringLiteral("pdftotext"), {QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                                      QStringLiteral("1"), pdf, QStringLiteral("-")}));
    QVERIFY2(title.contains(QStringLiteral("%1 shots in").arg(snapshot.shots.size())), qPrintable(title));
    QVERIFY(
        title.contains(QStringLiteral("Running time %1").arg(runningTime(snapshot.totalFrames(24) / 24.0))));
    QVERIFY2(title.simplified().contains(rig.project.info.title.simplified()), qPrintable(title));
    // Every board page: its page number, and each of its shots' number and camera line as text.
    // (pdftotext splits pages with form feeds.)
    const QStringList text =
        QString::fromUtf8(test::toolOutput(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}))
            .split(u'\f');
    QVERIFY(text.size() >= pages);
    for (int page = 2; page <= pages; ++page) {
        const QString &body = text[page - 1];
        QVERIFY2(body.contains(QStringLiteral("Page %1 of %2").arg(page).arg(pages)), qPrintable(body));
        for (int i = (page - 2) * panels; i < std::min<int>((page - 1) * panels, snapshot.shots.size());
             ++i) {
            const Shot &shot = snapshot.shots[i].shot;
            QVERIFY2(body.contains(QRegularExpression(
                         QStringLiteral("(^|\\s)%1\\s").arg(QRegularExpression::escape(shot.number)))),
                     qPrintable(QStringLiteral("page %1 lacks shot %2").arg(page).arg(shot.number)));
            QVERIFY(body.contains(cameraLine(shot)));
        }
    }
    // A scene heading where a scene starts.
    QVERIFY(text[1].contains(QStringLiteral("SC %1").arg(sceneLabel(snapshot.shots.first().scene))));
}

void TestPdfBoards::longTextStaysInItsPanel() {
    test::ExportRig rig = test::generatedFilm(m_dir.filePath(QStringLiteral("long.shotcraft")), 4, 0);
    ExportSnapshot snapshot = rig.snapshot();
    QString speech;
    for (int i = 0; i < 400; ++i)
        speech += QStringLiteral("word%1 ").arg(i);
    snapshot.shots[0].shot.dialogueExcerpt = speech;
    snapshot.shots[2].sceneStart = true; // its heading marks the top of the panel below
    snapshot.shots[2].scene.heading = QStringLiteral("INT. BELOW");
    PdfBoardsOptions options;
    options.panelsPerPage = 4;
    const QString pdf = m_dir.filePath(QStringLiteral("long.pdf"));
    QVERIFY(PdfBoards::write(snapshot, pdf, options).ok());
    // Word boxes from pdftotext: every word of the long speech sits above the row below it.
    const QString boxes = QString::fromUtf8(test::toolOutput(
        QStringLiteral("pdftotext"), {QStringLiteral("-bbox"), QStringLiteral("-f"), QStringLiteral("2"),
                                      QStringLiteral("-l"), QStringLiteral("2"), pdf, QStringLiteral("-")}));
    const QRegularExpression word(
        QStringLiteral("yMin=\"([\\d.]+)\" xMax=\"[\\d.]+\" yMax=\"([\\d.]+)\">([^<]+)</word>"));
    double lowestSpeech = 0, topOfShot3 = 1e9;
    int speechWords = 0;
    for (auto it = word.globalMatch(boxes); it.hasNext();) {
        const auto m = it.next();
        if (m.captured(3).startsWith(QLatin1String("word"))) {
            lowestSpeech = std::max(lowestSpeech, m.captured(2).toDouble());
            ++speechWords;
        }
        if (m.captured(3) == QLatin1String("BELOW"))
            topOfShot3 = std::min(topOfShot3, m.captured(1).toDouble());
    }
    QVERIFY2(speechWords > 3 && speechWords < 400,
             qPrintable(QString::number(speechWords))); // wrapped, then cut
    QVERIFY2(lowestSpeech < topOfShot3,
             qPrintable(QStringLiteral("%1 vs %2").arg(lowestSpeech).arg(topOfShot3)));
    QVERIFY(boxes.contains(QStringLiteral("…")));
}

void TestPdfBoards::refusesABadPanelCount() {
    test::ExportRig rig = test::generatedFilm(m_dir.filePath(QStringLiteral("bad.shotcraft")), 2, 0);
    PdfBoardsOptions options;
    options.panelsPerPage = 5;
    const QString pdf = m_dir.filePath(QStringLiteral("bad.pdf"));
    QVERIFY(!PdfBoards::write(rig.snapshot(), pdf, options).ok());
    QVERIFY(!QFileInfo::exists(pdf));
}

QTEST_MAIN(TestPdfBoards)
#include "tst_pdfboards.moc"
