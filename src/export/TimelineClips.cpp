#include "export/TimelineClips.h"

#include "export/ShotText.h"

#include <cmath>

namespace shotcraft::exporting {

TimelineClips TimelineClips::make(const ExportSnapshot &snapshot, const QStringList &mediaPaths,
                                  QSize frameSize) {
    TimelineClips t;
    t.title = snapshot.info.title.isEmpty() ? QStringLiteral("Storyboard") : snapshot.info.title;
    t.fps = snapshot.info.fps > 0 ? snapshot.info.fps : 24.0;
    t.timebase = std::max(1, int(std::lround(t.fps)));
    t.frameSize = frameSize;
    qint64 at = 0;
    for (const ExportShot &shot : snapshot.shots) {
        const qint64 length = ExportSnapshot::frameCount(shot.shot.durationSec, t.fps);
        if (shot.sceneStart || t.markers.isEmpty())
            t.markers.append(
                {QStringLiteral("SC %1  %2").arg(sceneLabel(shot.scene), shot.scene.heading).trimmed(), at,
                 0});
        t.markers.last().length += length;
        t.clips.append({&shot, at, length, mediaPaths.value(shot.index)});
        at += length;
    }
    t.totalFrames = at;
    return t;
}

} // namespace shotcraft::exporting
