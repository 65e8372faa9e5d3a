// The animatic through the real ffmpeg, read back with ffprobe: its frame count and duration match
// the sum of the shots' durations to one frame; cancelling leaves no file; a missing ffmpeg says
// which package to install.
#include "ExportFixture.h"
#include "export/Animatic.h"

#include <QDir>
#include <QTemporaryDir>

using namespace shotcraft;
using namespace shotcraft::exporting;

class TestAnimatic : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void lengthMatchesTheShots_data();
    void lengthMatchesTheShots();
    void cancelLeavesNoFile();
    void missingFfmpegNamesThePackage();

private:
    QTemporaryDir m_dir;
};

void TestAnimatic::initTestCase() {
    if (!Animatic::findFfmpeg().ok() || QStandardPaths::findExecutable(QStringLiteral("ffprobe")).isEmpty())
        QFAIL("ffmpeg/ffprobe are missing: run packaging/install-deps.sh");
}

void TestAnimatic::lengthMatchesTheShots_data() {
    QTest::addColumn<bool>("demo");
    QTest::addColumn<int>("fps");
    QTest::addColumn<bool>("burnIn");
    QTest::newRow("demo, 25 fps, burned in") << true << 25 << true;
    QTest::newRow("300 shots, 24 fps") << false << 24 << false;
    QTest::newRow("300 shots, 30 fps, burned in") << false << 30 << true;
}

void TestAnimatic::lengthMatchesTheShots() {
    QFETCH(bool, demo);
    QFETCH(int, fps);
    QFETCH(bool, burnIn);
    const QString name = QStringLiteral("film%1%2").arg(demo).arg(fps);
    test::ExportRig rig = demo
                              ? test::demoFilm(m_dir.filePath(name + QStringLiteral(".shotcraft")))
                              : test::generatedFilm(m_dir.filePath(name + QStringLiteral(".shotcraft")), 300);
    QVERIFY2(rig.store, qPrintable(rig.error));
    const ExportSnapshot snapshot = rig.snapshot();
    AnimaticOptions options;
    options.fps = fps;
    options.width = 96; // small frames keep the test quick; the timing is what is checked
    options.burnIn = burnIn;
    const QString mp4 = m_dir.filePath(name + QStringLiteral(".mp4"));
    qint64 lastProgress = -1;
    ExportControl control;
    control.progress = [&](qint64 done, qint64) {
        lastProgress = done;
    };
    Result<ExportSummary> summary = Animatic::write(snapshot, mp4, options, control);
    QVERIFY2(summary.ok(), qPrintable(summary.error()));

    double expectedSeconds = 0;
    for (const ExportShot &s : snapshot.shots)
        expectedSeconds += s.shot.durationSec;
    const qint64 expectedFrames = snapshot.totalFrames(fps);
    QVERIFY(std::abs(expectedFrames - expectedSeconds * fps) <= snapshot.shots.size() * 0.5 + 1);
    QCOMPARE(summary->frames, expectedFrames);
    QCOMPARE(lastProgress, expectedFrames); // ffmpeg's -progress reached the end

    const QStringList probe =
        QString::fromUtf8(
            test::toolOutput(QStringLiteral("ffprobe"),
                             {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-count_frames"),
                              QStringLiteral("-select_streams"), QStringLiteral("v:0"),
                              QStringLiteral("-show_entries"),
                              QStringLiteral("stream=codec_name,nb_read_frames,duration,r_frame_rate"),
                              QStringLiteral("-of"), QStringLiteral("default=nw=1"), mp4}))
            .split(u'\n');
    QVERIFY2(probe.contains(QStringLiteral("codec_name=h264")), qPrintable(probe.join(u' ')));
    QVERIFY(probe.contains(QStringLiteral("r_frame_rate=%1/1").arg(fps)));
    qint64 frames = -1;
    double duration = -1;
    for (const QString &line : probe) {
        if (line.startsWith(QLatin1String("nb_read_frames=")))
            frames = line.section(u'=', 1).toLongLong();
        if (line.startsWith(QLatin1String("duration=")))
            duration = line.section(u'=', 1).toDouble();
    }
    QVERIFY2(std::abs(frames - expectedFrames) <= 1,
             qPrintable(QStringLiteral("%1 vs %2").arg(frames).arg(expectedFrames)));
    QVERIFY2(std::abs(duration - double(expectedFrames) / fps) <= 1.0 / fps,
             qPrintable(QStringLiteral("%1 vs %2").arg(duration).arg(double(expectedFrames) / fps)));
    QVERIFY2(std::abs(duration - expectedSeconds) <= snapshot.shots.size() * 0.5 / fps + 1.0 / fps,
             qPrintable(QStringLiteral("%1 vs %2").arg(duration).arg(expectedSeconds)));
}

void TestAnimatic::cancelLeavesNoFile() {
    test::ExportRig rig = test::generatedFilm(m_dir.filePath(QStringLiteral("cancel.shotcraft")), 300);
    QTemporaryDir out;
    const QString mp4 = out.filePath(QStringLiteral("cut.mp4"));
    AnimaticOptions options;
    options.width = 640;
    bool sawProgress = false;
    ExportControl control;
    control.progress = [&](qint64 done, qint64) {
        sawProgress = sawProgress || done > 0;
    };
    control.cancelled = [&] {
        return sawProgress;
    }; // cancel once ffmpeg is encoding
    Result<ExportSummary> summary = Animatic::write(rig.snapshot(), mp4, options, control);
    QVERIFY(!summary.ok());
    QCOMPARE(summary.error(), cancelledMessage());
    QVERIFY(sawProgress);
    QCOMPARE(QDir(out.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList());
}

void TestAnimatic::missingFfmpegNamesThePackage() {
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", m_dir.path().toLocal8Bit());
    const Result<QString> found = Animatic::findFfmpeg();
    qputenv("PATH", path);
    QVERIFY(!found.ok());
    QVERIFY2(found.error().contains(QStringLiteral("Debian package 'ffmpeg'")), qPrintable(found.error()));
    const Result<QString> wrong = Animatic::findFfmpeg(m_dir.filePath(QStringLiteral("no-such-ffmpeg")));
    QVERIFY(!wrong.ok());
}

QTEST_MAIN(TestAnimatic)
#include "tst_animatic.moc"
