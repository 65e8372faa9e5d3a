// Editorial timelines (OTIO, CMX 3600 EDL, FCP 7 XML) written through the exporter on the demo
// story and a 300-shot film: each parses, has one clip per shot pointing at a frame that exists,
// and its clip durations (EDL: record timecodes, continuous) add up to the same running time.
#include "ExportFixture.h"
#include "export/Exporter.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUrl>
#include <QXmlStreamReader>

using namespace shotcraft;
using namespace shotcraft::exporting;

namespace {

qint64 framesOf(const QString &tc, int fps) {
    const QStringList p = tc.split(u':');
    return ((p[0].toLongLong() * 60 + p[1].toLongLong()) * 60 + p[2].toLongLong()) * fps + p[3].toLongLong();
}

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestTimelines : public QObject {
    Q_OBJECT
private slots:
    void timelinesAgree_data();
    void timelinesAgree();

private:
    QTemporaryDir m_dir;
};

void TestTimelines::timelinesAgree_data() {
    QTest::addColumn<bool>("demo");
    QTest::addColumn<double>("fps");
    QTest::newRow("demo at 24") << true << 24.0;
    QTest::newRow("300 shots at 25") << false << 25.0;
}

void TestTimelines::timelinesAgree() {
    QFETCH(bool, demo);
    QFETCH(double, fps);
    const QString base = m_dir.filePath(demo ? QStringLiteral("demo") : QStringLiteral("big"));
    test::ExportRig rig = demo ? test::demoFilm(base + QStringLiteral(".shotcraft"))
                               : test::generatedFilm(base + QStringLiteral(".shotcraft"), 300);
    QVERIFY2(rig.store, qPrintable(rig.error));
    ExportSnapshot snapshot = rig.snapshot();
    snapshot.info.fps = fps;
    const qint64 total = snapshot.totalFrames(fps);
    const int shots = int(snapshot.shots.size());
    QSet<Id> sceneIds;
    for (const ExportShot &s : snapshot.shots)
        sceneIds.insert(s.scene.id);

    ExportRequest request;
    request.images.width = 64; // small media frames keep the test quick
    // OTIO
    request.format = ExportFormat::Otio;
    request.path = base + QStringLiteral(".otio");
    Result<ExportSummary> otio = Exporter::run(snapshot, request);
    QVERIFY2(otio.ok(), qPrintable(otio.error()));
    QCOMPARE(otio->frames, total);
    const std::optional<Json> doc = parseJson(readAll(request.path));
    QVERIFY(doc.has_value());
    QCOMPARE(doc->at("OTIO_SCHEMA").get<std::string>(), "Timeline.1");
    QCOMPARE(doc->at("tracks").at("OTIO_SCHEMA").get<std::string>(), "Stack.1");
    const Json &track = doc->at("tracks").at("children").at(0);
    QCOMPARE(track.at("OTIO_SCHEMA").get<std::string>(), "Track.1");
    QCOMPARE(int(track.at("children").size()), shots);
    double otioTotal = 0;
    for (const Json &clip : track.at("children")) {
        QCOMPARE(clip.at("OTIO_SCHEMA").get<std::string>(), "Clip.2");
        const Json &duration = clip.at("source_range").at("duration");
        QCOMPARE(duration.at("rate").get<double>(), fps);
        otioTotal += duration.at("value").get<double>();
        const Json &media = clip.at("media_references").at("DEFAULT_MEDIA");
        QCOMPARE(media.at("OTIO_SCHEMA").get<std::string>(), "ExternalReference.1");
        const QUrl url(QString::fromStdString(media.at("target_url").get<std::string>()));
        QVERIFY2(QFileInfo(url.toLocalFile()).isFile(), qPrintable(url.toString()));
    }
    QCOMPARE(qint64(otioTotal), total);
    QCOMPARE(int(track.at("markers").size()), int(sceneIds.size()));
    QCOMPARE(track.at("markers").at(0).at("OTIO_SCHEMA").get<std::string>(), "Marker.2");

    // EDL
    request.format = ExportFormat::Edl;
    request.path = base + QStringLiteral(".edl");
    QVERIFY(Exporter::run(snapshot, request).ok());
    const QStringList lines = QString::fromLatin1(readAll(request.path)).split(QStringLiteral("\r\n"));
    QVERIFY(lines.value(0).startsWith(QLatin1String("TITLE: ")));
    QCOMPARE(lines.value(1), QStringLiteral("FCM: NON-DROP FRAME"));
    const QRegularExpression event(QStringLiteral(
        "^(\\d{3,})  AX\\s+V\\s+C\\s+(\\d\\d:\\d\\d:\\d\\d:\\d\\d) (\\d\\d:\\d\\d:\\d\\d:\\d\\d) "
        "(\\d\\d:\\d\\d:\\d\\d:\\d\\d) (\\d\\d:\\d\\d:\\d\\d:\\d\\d)$"));
    const int tb = int(fps);
    qint64 firstIn = -1, lastOut = -1;
    int events = 0, clipNames = 0;
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("* FROM CLIP NAME: ")))
            ++clipNames;
        const QRegularExpressionMatch m = event.match(line);
        if (!m.hasMatch())
            continue;
        ++events;
        QCOMPARE(m.captured(1).toInt(), events);
        const qint64 srcIn = framesOf(m.captured(2), tb), srcOut = framesOf(m.captured(3), tb);
        const qint64 recIn = framesOf(m.captured(4), tb), recOut = framesOf(m.captured(5), tb);
        QCOMPARE(recOut - recIn, srcOut - srcIn);
        if (firstIn < 0)
            firstIn = recIn;
        else
            QCOMPARE(recIn, lastOut); // continuous: each event starts where the last ended
        lastOut = recOut;
    }
    QCOMPARE(events, shots);
    QCOMPARE(clipNames, shots);
    QCOMPARE(lastOut - firstIn, total);

    // FCP 7 XML
    request.format = ExportFormat::FcpXml;
    request.path = base + QStringLiteral(".xml");
    QVERIFY(Exporter::run(snapshot, request).ok());
    QXmlStreamReader xml(readAll(request.path));
    qint64 xmlTotal = 0, lastEnd = 0;
    int clipitems = 0;
    QString version;
    qint64 start = -1;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("xmeml"))
            version = xml.attributes().value(QLatin1String("version")).toString();
        else if (xml.name() == QLatin1String("clipitem"))
            ++clipitems;
        else if (xml.name() == QLatin1String("start"))
            start = xml.readElementText().toLongLong();
        else if (xml.name() == QLatin1String("end")) {
            const qint64 end = xml.readElementText().toLongLong();
            QCOMPARE(start, lastEnd);
            xmlTotal += end - start;
            lastEnd = end;
        } else if (xml.name() == QLatin1String("pathurl")) {
            QVERIFY(QFileInfo(QUrl(xml.readElementText()).toLocalFile()).isFile());
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(version, QStringLiteral("5"));
    QCOMPARE(clipitems, shots);
    QCOMPARE(xmlTotal, total);
}

QTEST_MAIN(TestTimelines)
#include "tst_timelines.moc"
