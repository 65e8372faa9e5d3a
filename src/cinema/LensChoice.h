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

// keepShotLens: take the shot's own lens (set by hand) instead of the genre's choice.
LensDecision chooseLens(const GenreProfile &genre, const ShotSizeProfile &size, const Shot &shot,
                        const EmotionProfile &emotion, bool keepShotLens);

// The camera-to-subject distance the engine assumes for a shot size on a lens.
double subjectDistanceFor(const ShotSizeProfile &size, const Lens &lens);

QString sensorName(Sensor sensor);
QString stopName(double aperture); // "T2", "T2.8"

} // namespace shotcraft::cinema
