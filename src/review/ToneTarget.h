// The tone a shot's look asks for: mean L* from its time of day, the spread of L* (contrast) from
// its lighting key, as previz draws them (previzLightStyle reads the shot's lighting note and the
// scene's mood the same way the renderer does).
#pragma once

#include "domain/Project.h"

namespace shotcraft::review {

struct ToneTarget {
    double meanL = 55.0;
    double meanTolerance = 18.0;
    double contrast = 12.0;
    double contrastTolerance = 7.0;
    QString look; // "night, low key"

    static ToneTarget forShot(const Project &project, const Shot &shot);
};

} // namespace shotcraft::review
