// shotcraft review on the demo story drawn by previz: every take passes (exit 0); a take replaced by a
// wrongly graded image is named with the measure and its reason, in text and JSON; --repair
// regenerates it through the queue and the film is clean afterwards (in the file too); --sheet
// marks the outlier on the contact sheet; bad options are usage errors, a missing file one line.
#include "ReviewRig.h"
#include "support/CliRunner.h"

#include <QTest>

using namespace shotcraft;

namespace {
QList<QByteArray> lines(const QByteArray &text) {
    QList<QByteArray> out = text.split('\n');
    out.removeAll(QByteArray());
    return out;
}

bool markRed(QRgb p) {
    return qRed(p) > 200 && qGreen(p) < 90 && qBlue(p) < 80;
}

// The box round every horizontal run of at least `minRun` mark-red pixels: the outlines' top and
// bottom edges (a red thing in a picture is not that long and straight).
QRect markedBox(const QImage &sheet, int minRun) {
    QRect box;
    for (int y = 0; y < sheet.height(); ++y) {
        int run = 0;
        for (int x = 0; x < sheet.width(); ++x) {
            run = markRed(sheet.pixel(x, y)) ? run + 1 : 0;
            if (run == minRun)
                box |= QRect(x - minRun + 1, y, minRun, 1);
            else if (run > minRun)
                box |= QRect(x, y, 1, 1);
        }
    }
    return box;
}
} // namespace

class TestReviewCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanDemoPasses();
    void tintedTakeIsNamed();
    void sheetMarksTheOutlier();
    void repairCleansTheFilm();
    void errors_data();
    void errors();

private:
    test::ReviewRig m_rig;
    QString m_path;
    QString m_clean;
    Id m_tintedShot = 0;
    QString m_tintedNumber;
};

void TestReviewCli::initTestCase() {
    QVERIFY(m_rig.make());
    m_clean = m_rig.dir.filePath(QStringLiteral("clean.shotcraft"));
    QVERIFY(m_rig.store->backupTo(m_clean));
    const Shot *shot = m_rig.blockedShot();
    QVERIFY(shot);
    m_tintedShot = shot->id;
    m_tintedNumber = shot->number;
    QVERIFY(m_rig.replaceImage(shot->approvedTakeId,
                               test::tinted(m_rig.imageOf(shot->approvedTakeId), QColor(16, 48, 200), 0.6)));
    m_path = m_rig.store->path();
    m_rig.store.reset(); // the commands open the file themselves
}

void TestReviewCli::cleanDemoPasses() {
    const test::CliOutcome o =
        test::runShotcraft({QStringLiteral("review"), m_clean, QStringLiteral("--json")});
    QVERIFY2(o.exitCode == 0, o.err.constData());
    const Json j = o.json();
    QCOMPARE(j["outliers"].get<int>(), 0);
    QCOMPARE(j["score"].get<double>(), 1.0);
    QCOMPARE(j["takes"].get<int>(), int(m_rig.project.shots.size()));
    for (const Json &scene : j["scenes"])
        QCOMPARE(scene["score"].get<double>(), 1.0);
    for (const Json &take : j["reviewed"]) {
        QCOMPARE(take["presence"]["verdict"].get<std::string>(), std::string("pass"));
        QCOMPARE(take["provider"].get<std::string>(), std::string("previz"));
    }
}

void TestReviewCli::tintedTakeIsNamed() {
    const test::CliOutcome json =
        test::runShotcraft({QStringLiteral("review"), m_path, QStringLiteral("--json")});
    QVERIFY2(json.exitCode == 0, json.err.constData()); // outliers are a finding, not a failure
    const Json j = json.json();
    QCOMPARE(j["outliers"].get<int>(), 1);
    QVERIFY(j["score"].get<double>() < 1.0);
    int flagged = 0;
    for (const Json &take : j["reviewed"]) {
        if (!take["outlier"].get<bool>())
            continue;
        ++flagged;
        QCOMPARE(take["shotId"].get<Id>(), m_tintedShot);
        QCOMPARE(take["palette"]["verdict"].get<std::string>(), std::string("outlier"));
        QVERIFY(take["palette"]["value"].get<double>() > take["palette"]["threshold"].get<double>());
        QVERIFY(
            QString::fromStdString(take["changes"].get<std::string>()).contains(QStringLiteral("warmer")));
    }
    QCOMPARE(flagged, 1);
    int outlierScenes = 0;
    for (const Json &scene : j["scenes"])
        outlierScenes += scene["outliers"].get<int>();
    QCOMPARE(outlierScenes, 1);

    const test::CliOutcome text = test::runShotcraft({QStringLiteral("review"), m_path});
    QVERIFY2(text.exitCode == 0, text.err.constData());
    const QString out = QString::fromUtf8(text.out);
    QVERIFY2(out.contains(m_tintedNumber + QStringLiteral("  take ")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("OUTLIER")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("palette: ΔE00")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("repair: warmer")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("Film score")), qPrintable(out));
}

void TestReviewCli::sheetMarksTheOutlier() {
    const QString sheetPath = m_rig.dir.filePath(QStringLiteral("sheet.png"));
    const test::CliOutcome o =
        test::runShotcraft({QStringLiteral("review"), m_path, QStringLiteral("--sheet"), sheetPath});
    QVERIFY2(o.exitCode == 0, o.err.constData());
    const QImage sheet(sheetPath);
    QVERIFY(!sheet.isNull());
    // One outline, the size of a frame cell (320 px wide, the project's aspect), in the outlier's
    // column, round the blue-cast frame.
    const QRect box = markedBox(sheet, 200);
    QVERIFY2(!box.isEmpty(), "no outline on the sheet");
    QVERIFY2(std::abs(box.width() - 320) <= 4, qPrintable(QStringLiteral("width %1").arg(box.width())));
    const int frameH = qRound(320 / m_rig.project.info.aspectRatio);
    QVERIFY2(std::abs(box.height() - frameH) <= 4, qPrintable(QStringLiteral("height %1").arg(box.height())));
    // Cells are 320 wide with 16 between them, four to a row, in film order.
    const int index = int(std::find_if(m_rig.project.shots.cbegin(), m_rig.project.shots.cend(),
                                       [this](const Shot &s) { return s.id == m_tintedShot; }) -
                          m_rig.project.shots.cbegin());
    QCOMPARE((box.left() - 16 + 8) / (320 + 16), index % 4);
    const QColor inside = sheet.pixelColor(box.center() + QPoint(0, box.height() / 4));
    QVERIFY2(inside.blue() > inside.red(), qPrintable(inside.name()));
}

void TestReviewCli::repairCleansTheFilm() {
    const QString repaired = m_rig.dir.filePath(QStringLiteral("repaired.shotcraft"));
    QVERIFY(QFile::copy(m_path, repaired));
    const test::CliOutcome o = test::runShotcraft(
        {QStringLiteral("review"), repaired, QStringLiteral("--repair"), QStringLiteral("--json")});
    QVERIFY2(o.exitCode == 0, o.err.constData());
    const Json j = o.json();
    QCOMPARE(j["outliers"].get<int>(), 0);
    QCOMPARE(j["repairs"].size(), size_t(1));
    const Json &r = j["repairs"][0];
    QCOMPARE(r["shotId"].get<Id>(), m_tintedShot);
    QVERIFY(r["approved"].get<bool>());
    QVERIFY(r["newTake"].get<Id>() != r["oldTake"].get<Id>());
    QCOMPARE(r["after"]["outlier"].get<bool>(), false);
    // The file approves the new take; a second review finds nothing.
    const auto reloaded = storage::ProjectStore::read(repaired);
    QVERIFY(reloaded);
    QCOMPARE(reloaded->shot(m_tintedShot)->approvedTakeId, r["newTake"].get<Id>());
    const test::CliOutcome again =
        test::runShotcraft({QStringLiteral("review"), repaired, QStringLiteral("--json")});
    QCOMPARE(again.json()["outliers"].get<int>(), 0);
}

void TestReviewCli::errors_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("line");
    QTest::newRow("no project") << QStringList{} << 2 << "usage: shotcraft review PROJECT";
    QTest::newRow("two projects") << QStringList{QStringLiteral("@P"), QStringLiteral("@P")} << 2 << "usage";
    QTest::newRow("provider without repair")
        << QStringList{QStringLiteral("@P"), QStringLiteral("--provider"), QStringLiteral("previz")} << 2
        << "--provider is only for --repair";
    QTest::newRow("unknown provider")
        << QStringList{QStringLiteral("@P"), QStringLiteral("--repair"), QStringLiteral("--provider"),
                       QStringLiteral("no-such-engine")}
        << 1 << "no-such-engine";
    QTest::newRow("missing file") << QStringList{QStringLiteral("@D/gone.shotcraft")} << 1 << "no such file";
    QTest::newRow("sheet in a missing folder")
        << QStringList{QStringLiteral("@P"), QStringLiteral("--sheet"), QStringLiteral("@D/none/sheet.png")}
        << 1 << "cannot write contact sheet";
}

void TestReviewCli::errors() {
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, line);
    for (QString &a : args) {
        a.replace(QLatin1String("@P"), m_path);
        a.replace(QLatin1String("@D"), m_rig.dir.path());
    }
    args.prepend(QStringLiteral("review"));
    const QByteArray before = [&] {
        QFile f(m_path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    const test::CliOutcome o = test::runShotcraft(args);
    QVERIFY2(o.exitCode == exitCode, o.err.constData());
    const QList<QByteArray> err = lines(o.err);
    QVERIFY2(err.size() == 1 && err.first().startsWith("shotcraft: "), o.err.constData());
    QVERIFY2(err.first().contains(line.toUtf8()), o.err.constData());
    QVERIFY(o.out.isEmpty());
    QFile after(m_path);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QVERIFY2(after.readAll() == before, "the project is left as it was");
}

QTEST_GUILESS_MAIN(TestReviewCli)
#include "tst_reviewcli.moc"
