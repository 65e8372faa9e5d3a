#include "review/ToneTarget.h"

#include "previz/PrevizScene.h"

namespace shotcraft::review {

ToneTarget ToneTarget::forShot(const Project &project, const Shot &shot) {
    const Scene *scene = project.scene(shot.sceneId);
    TimeOfDay time = shot.timeOfDay;
    if ((time == TimeOfDay::Unknown || time == TimeOfDay::Continuous) && scene)
        time = scene->timeOfDay;
    if (time == TimeOfDay::Unknown || time == TimeOfDay::Continuous)
        time = TimeOfDay::Day;

    ToneTarget t;
    // Mean L*: the exposure each time of day is graded to, as previz draws it (night frames keep a
    // lit background, so their mean sits near 30, not near black).
    switch (time) {
    case TimeOfDay::Night:
        t.meanL = 30.0;
        break;
    case TimeOfDay::Dusk:
    case TimeOfDay::Evening:
        t.meanL = 42.0;
        break;
    case TimeOfDay::Dawn:
        t.meanL = 48.0;
        break;
    default:
        t.meanL = 55.0;
        break;
    }
    t.meanTolerance = 18.0;
    // Contrast (the spread of L*) by lighting key. A board frame is flatter than a graded still, so
    // the keys sit close together; what the measure catches is a frame crushed or washed flat.
    const auto style = previz::previzLightStyle(shot.lighting + u' ' + (scene ? scene->mood : QString()),
                                                time == TimeOfDay::Night);
    QString key;
    switch (style) {
    case previz::PrevizLightStyle::LowKey:
        t.contrast = 13.0;
        key = QStringLiteral("low key");
        break;
    case previz::PrevizLightStyle::HighKey:
        t.contrast = 11.0;
        key = QStringLiteral("high key");
        break;
    case previz::PrevizLightStyle::Backlit:
        t.contrast = 11.0;
        key = QStringLiteral("backlit");
        break;
    case previz::PrevizLightStyle::Normal:
        t.contrast = 12.0;
        key = QStringLiteral("normal key");
        break;
    }
    t.contrastTolerance = 7.0;
    t.look = enumName(time) + QStringLiteral(", ") + key;
    return t;
}

} // namespace shotcraft::review
