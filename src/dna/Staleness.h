// Staleness: a take is stale when a DNA part it was generated with has changed since (or it no
// longer uses a part, or now uses a new one). Each take's recorded dnaHash is compared part by part
// with a fresh plan, so editing one character's wardrobe marks exactly the takes that used that
// character — and the reasons say so.
#pragma once

#include "domain/Json.h"
#include "domain/Project.h"

namespace shotcraft::dna {

struct StaleTake {
    Id takeId = 0;
    Id shotId = 0;        // the shot the take is of, or 0 for a look-book frame
    Id referenceId = 0;   // the look-book frame it fills, or 0
    QString subject;      // "Shot 3B" or the look-book frame's label
    bool current = false; // the approved (else latest) take of its shot or frame: the one to regenerate
    QStringList reasons;
    bool operator==(const StaleTake &) const = default;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(StaleTake, takeId, shotId, referenceId, subject, current,
                                                reasons)

// Why `take` is stale under the project's DNA now; empty when it is up to date.
QStringList staleReasons(const Project &project, const Take &take);

// Every stale take of the project, in take order.
QList<StaleTake> findStaleTakes(const Project &project);

// The shots whose current take is stale (what `generate --stale` regenerates), in film order.
QList<Id> staleShots(const Project &project);

} // namespace shotcraft::dna
