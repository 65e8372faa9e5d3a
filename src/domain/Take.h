// One generated image of a shot (or of a look-book frame), with everything that made it.
// Takes are never overwritten; the shot names the approved one.
#pragma once

#include "domain/PromptPackage.h"

namespace shotcraft {

// Where an engine drew a character: the chest's horizontal position, 0 = left edge, 1 = right edge.
struct FigurePlacement {
    Id characterId = 0;
    double screenX = 0.5;
    bool operator==(const FigurePlacement &) const = default;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(FigurePlacement, characterId, screenX)

struct Take {
    Id id = 0;
    Id shotId = 0;      // the shot this take is of, or 0 for a look-book frame
    Id referenceId = 0; // the look-book reference this take fills, or 0 for a shot
    Id imageId = 0;
    Id jobId = 0;
    PromptPackage package;
    QString provider;
    QString model;
    qint64 seed = 0;
    QList<Id> referencesUsed;
    QString dnaHash;
    QString createdAt; // ISO 8601, UTC
    double costUsd = 0.0;
    int width = 0;
    int height = 0;
    // Only engines that know where they drew whom (previz) report placements; for the others
    // presence cannot be measured from the take.
    bool placementsReported = false;
    QList<FigurePlacement> placements;
    bool operator==(const Take &) const = default;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Take, id, shotId, referenceId, imageId, jobId, package,
                                                provider, model, seed, referencesUsed, dnaHash, createdAt,
                                                costUsd, width, height, placementsReported, placements)

} // namespace shotcraft
