// Final Cut Pro 7 XML (xmeml version 5), what Premiere and Resolve import: one sequence with one
// video track of clipitems, each pointing at its frame file, and a marker per scene.
#pragma once

#include "export/TimelineClips.h"

#include <QByteArray>

namespace shotcraft::exporting {

class FcpXmlTimeline {
public:
    static QByteArray serialize(const TimelineClips &timeline);
};

} // namespace shotcraft::exporting
