// The editorial view of a snapshot shared by the OTIO, EDL and FCP XML writers: one clip per shot
// on one track, record times in whole frames at the project's rate, the frame file as its media,
// and one marker per scene.
#pragma once

#include "export/ExportSnapshot.h"

#include <QSize>

namespace shotcraft::exporting {

struct TimelineClip {
    const ExportShot *shot = nullptr;
    qint64 start = 0;  // record frame
    qint64 length = 0; // frames
    QString mediaPath; // absolute path of the frame image
};

struct TimelineMarker {
    QString name; // "SC 3  EXT. HARBOUR PIER - NIGHT"
    qint64 start = 0;
    qint64 length = 0;
};

struct TimelineClips {
    QString title;
    double fps = 24;
    int timebase = 24; // the whole-number rate EDL and FCP XML count in
    QSize frameSize;
    QList<TimelineClip> clips;
    QList<TimelineMarker> markers;
    qint64 totalFrames = 0;

    // `mediaPaths` holds one file per shot of the snapshot, in order.
    static TimelineClips make(const ExportSnapshot &snapshot, const QStringList &mediaPaths, QSize frameSize);
};

} // namespace shotcraft::exporting
