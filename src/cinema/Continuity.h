// Continuity between consecutive shots of a scene: the 180° rule (shared characters keep their
// left-right order, eyelines meet), and screen direction (a moving character keeps moving the same
// way). Violations are reported for the rationale; nothing is changed behind the director's back.
#pragma once

#include "domain/Project.h"

namespace shotcraft::cinema {

struct ContinuityIssue {
    QString rule; // "180-degree rule", "eyeline", "screen direction"
    Id previousShotId = 0;
    QString detail;
};

struct ContinuityReport {
    const Shot *previous = nullptr; // the shot before this one in its scene, if any
    QList<ContinuityIssue> issues;
    QString summary; // one line for the rationale when there is no issue
};

const Shot *previousShotInScene(const Project &project, const Shot &shot);

// Checks `shot` against the shot before it in the same scene.
ContinuityReport checkContinuity(const Project &project, const Shot &shot);
// Checks any ordered pair (previous, next): the core of the above, for tests and the board view.
QList<ContinuityIssue> checkPair(const Project &project, const Shot &previous, const Shot &next);

} // namespace shotcraft::cinema
