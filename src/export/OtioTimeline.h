// OpenTimelineIO (.otio JSON): Timeline.1 > Stack.1 > Track.1 of Clip.2 with ExternalReference.1
// media and Marker.2 scene markers, every time a RationalTime at the project's frame rate.
#pragma once

#include "export/TimelineClips.h"

#include <QByteArray>

namespace shotcraft::exporting {

class OtioTimeline {
public:
    static QByteArray serialize(const TimelineClips &timeline);
};

} // namespace shotcraft::exporting
