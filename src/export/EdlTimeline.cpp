#include "export/EdlTimeline.h"

#include "export/ShotText.h"

#include <QFileInfo>

namespace shotcraft::exporting {

namespace {

// EDL lines are ASCII and one line each: no newlines, nothing past 7 bits.
QString oneLine(const QString &text) {
    QString out;
    for (const QChar c : text.simplified())
        out += c.unicode() < 128 ? c : QChar(u'?');
    return out;
}

} // namespace

QByteArray EdlTimeline::serialize(const TimelineClips &timeline) {
    const int fps = timeline.timebase;
    const qint64 recordStart = recordStartHours * 3600 * fps;
    QString out = QStringLiteral("TITLE: %1\r\nFCM: NON-DROP FRAME\r\n\r\n").arg(oneLine(timeline.title));
    int event = 0;
    int marker = 0;
    for (const TimelineClip &clip : timeline.clips) {
        ++event;
        out += QStringLiteral("%1  AX       V     C        %2 %3 %4 %5\r\n")
                   .arg(event, 3, 10, QLatin1Char('0'))
                   .arg(timecode(0, fps), timecode(clip.length, fps), timecode(recordStart + clip.start, fps),
                        timecode(recordStart + clip.start + clip.length, fps));
        out += QStringLiteral("* FROM CLIP NAME: %1\r\n").arg(oneLine(QFileInfo(clip.mediaPath).fileName()));
        if (marker < timeline.markers.size() && timeline.markers[marker].start == clip.start)
            out += QStringLiteral("* SCENE: %1\r\n").arg(oneLine(timeline.markers[marker++].name));
        out += QStringLiteral("* COMMENT: SHOT %1 %2\r\n")
                   .arg(oneLine(shotLabel(clip.shot->shot)), oneLine(clip.shot->shot.description).left(60));
        out += QStringLiteral("\r\n");
    }
    return out.toLatin1();
}

} // namespace shotcraft::exporting
