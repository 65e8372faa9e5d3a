// Chooses the lens for a shot the way a DP does: a focal length from the genre's lens set inside the
// shot size's usual range, an aperture for the depth the shot needs, and the visible consequence of
// both (depth of field from the real optics, compression or distortion where it matters).
#pragma once

#include "cinema/KnowledgeBase.h"
#include "cinema/Optics.h"

namespace shotcraft::cinema {

struct LensDecision {
    Lens lens;
    double subjectDistanceM = 0;
    DepthOfField dof;
    FieldOfView fov;
    double s35EquivalentMm = 0; // the focal length on Super 35 giving the same view
    QString lensPhrase;         // "75 mm lens at T2 on Super 35 (18.9° horizontal field of view)"
    QString focusPhrase;        // "shallow depth of field: ..."
    QString perspectivePhrase;  // empty when perspective is natural
    QString focalReason;
    QString apertureReason;
    QString perspectiveReason;
};

// The genre's lens for the shot: a focal length from its lens set inside the size's range and a
// stop for the depth the beat needs. What a project's shots are given when it is made.
LensDecision chooseLens(const GenreProfile &genre, const ShotSizeProfile &size, const Shot &shot,
                        const EmotionProfile &emotion);

// The shot's own lens, which every prompt honours (it is what the card and inspector show). When
// it is the genre's choice the genre's reasons come with it; otherwise the reason says what the
// genre's set would have taken.
LensDecision honourShotLens(const GenreProfile &genre, const ShotSizeProfile &size, const Shot &shot,
                            const EmotionProfile &emotion);

// The optical consequences of a lens at a shot size (field of view, depth of field, perspective)
// and its phrases; the focal and aperture reasons are the caller's.
LensDecision describeLens(const ShotSizeProfile &size, const Lens &lens);

bool sameLens(const Lens &a, const Lens &b);

// The camera-to-subject distance the engine assumes for a shot size on a lens.
double subjectDistanceFor(const ShotSizeProfile &size, const Lens &lens);

QString sensorName(Sensor sensor);
QString stopName(double aperture); // "T2", "T2.8"

} // namespace shotcraft::cinema
