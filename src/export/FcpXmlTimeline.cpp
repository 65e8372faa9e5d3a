#include "export/FcpXmlTimeline.h"

#include "export/ShotText.h"

#include <QFileInfo>
#include <QUrl>
#include <QXmlStreamWriter>

namespace shotcraft::exporting {

namespace {

void writeRate(QXmlStreamWriter &xml, int timebase) {
    xml.writeStartElement(QStringLiteral("rate"));
    xml.writeTextElement(QStringLiteral("timebase"), QString::number(timebase));
    xml.writeTextElement(QStringLiteral("ntsc"), QStringLiteral("FALSE"));
    xml.writeEndElement();
}

void writeSize(QXmlStreamWriter &xml, QSize size, int timebase) {
    xml.writeStartElement(QStringLiteral("samplecharacteristics"));
    writeRate(xml, timebase);
    xml.writeTextElement(QStringLiteral("width"), QString::number(size.width()));
    xml.writeTextElement(QStringLiteral("height"), QString::number(size.height()));
    xml.writeEndElement();
}

} // namespace

QByteArray FcpXmlTimeline::serialize(const TimelineClips &timeline) {
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeDTD(QStringLiteral("<!DOCTYPE xmeml>"));
    xml.writeStartElement(QStringLiteral("xmeml"));
    xml.writeAttribute(QStringLiteral("version"), QStringLiteral("5"));
    xml.writeStartElement(QStringLiteral("sequence"));
    xml.writeAttribute(QStringLiteral("id"), QStringLiteral("sequence-1"));
    xml.writeTextElement(QStringLiteral("name"), timeline.title);
    xml.writeTextElement(QStringLiteral("duration"), QString::number(timeline.totalFrames));
    writeRate(xml, timeline.timebase);
    xml.writeStartElement(QStringLiteral("media"));
    xml.writeStartElement(QStringLiteral("video"));
    xml.writeStartElement(QStringLiteral("format"));
    writeSize(xml, timeline.frameSize, timeline.timebase);
    xml.writeEndElement(); // format
    xml.writeStartElement(QStringLiteral("track"));
    int n = 0;
    for (const TimelineClip &clip : timeline.clips) {
        ++n;
        xml.writeStartElement(QStringLiteral("clipitem"));
        xml.writeAttribute(QStringLiteral("id"), QStringLiteral("clipitem-%1").arg(n));
        xml.writeTextElement(QStringLiteral("name"), shotLabel(clip.shot->shot));
        xml.writeTextElement(QStringLiteral("enabled"), QStringLiteral("TRUE"));
        xml.writeTextElement(QStringLiteral("duration"), QString::number(clip.length));
        writeRate(xml, timeline.timebase);
        xml.writeTextElement(QStringLiteral("start"), QString::number(clip.start));
        xml.writeTextElement(QStringLiteral("end"), QString::number(clip.start + clip.length));
        xml.writeTextElement(QStringLiteral("in"), QStringLiteral("0"));
        xml.writeTextElement(QStringLiteral("out"), QString::number(clip.length));
        xml.writeStartElement(QStringLiteral("file"));
        xml.writeAttribute(QStringLiteral("id"), QStringLiteral("file-%1").arg(n));
        xml.writeTextElement(QStringLiteral("name"), QFileInfo(clip.mediaPath).fileName());
        xml.writeTextElement(QStringLiteral("pathurl"),
                             QUrl::fromLocalFile(clip.mediaPath).toString(QUrl::FullyEncoded));
        writeRate(xml, timeline.timebase);
        xml.writeTextElement(QStringLiteral("duration"), QString::number(clip.length));
        xml.writeStartElement(QStringLiteral("media"));
        xml.writeStartElement(QStringLiteral("video"));
        writeSize(xml, timeline.frameSize, timeline.timebase);
        xml.writeEndElement(); // video
        xml.writeEndElement(); // media
        xml.writeEndElement(); // file
        xml.writeStartElement(QStringLiteral("comments"));
        xml.writeTextElement(QStringLiteral("mastercomment1"), clip.shot->shot.description);
        xml.writeTextElement(QStringLiteral("mastercomment2"), cameraLine(clip.shot->shot));
        xml.writeEndElement(); // comments
        xml.writeEndElement(); // clipitem
    }
    xml.writeEndElement(); // track
    xml.writeEndElement(); // video
    xml.writeEndElement(); // media
    for (const TimelineMarker &marker : timeline.markers) {
        xml.writeStartElement(QStringLiteral("marker"));
        xml.writeTextElement(QStringLiteral("name"), marker.name);
        xml.writeTextElement(QStringLiteral("comment"), QString());
        xml.writeTextElement(QStringLiteral("in"), QString::number(marker.start));
        xml.writeTextElement(QStringLiteral("out"), QStringLiteral("-1"));
        xml.writeEndElement();
    }
    xml.writeEndElement(); // sequence
    xml.writeEndElement(); // xmeml
    xml.writeEndDocument();
    return bytes;
}

} // namespace shotcraft::exporting
