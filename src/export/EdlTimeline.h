// CMX 3600 EDL: TITLE and FCM: NON-DROP FRAME, one video event per shot cut end to end from
// 01:00:00:00, "* FROM CLIP NAME:" with the frame file, the shot and scene as comments.
#pragma once

#include "export/TimelineClips.h"

#include <QByteArray>

namespace shotcraft::exporting {

class EdlTimeline {
public:
    static constexpr qint64 recordStartHours = 1;
    static QByteArray serialize(const TimelineClips &timeline);
};

} // namespace shotcraft::exporting
