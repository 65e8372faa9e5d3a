// The consistency plan: for one shot (or one look-book frame), the exact identity it receives —
// canonical character strings, location tokens, palette variant, style tokens, ranked reference
// images cut to the provider's limit (the dropped ones kept and explained), a seed by the
// project's seed policy, what must be generated first, and the hash of the DNA parts it used.
#pragma once

#include "dna/DnaHash.h"
#include "domain/ConsistencyPlan.h"
#include "domain/Project.h"

namespace shotcraft::dna {

// A negative referenceLimit keeps every reference; 0 keeps none (a provider without references).
// An unknown shot gives an empty plan (shotId 0).
ConsistencyPlan planShot(const Project &project, Id shotId, int referenceLimit);
ConsistencyPlan planLookBookFrame(const Project &project, Id referenceId, int referenceLimit);

// The shots in film order (scene order, then shot order within the scene).
QList<const Shot *> shotsInFilmOrder(const Project &project);

// The nearest earlier shot that shares the shot's location and everyone in frame (else, failing
// that, the location and at least one person); nullptr when there is none.
const Shot *chainCandidate(const Project &project, const Shot &shot);

// The take of `shot` a later shot chains to: the approved one, else the latest; nullptr if none.
const Take *chainableTake(const Project &project, const Shot &shot);

// The seed a shot gets under the project's seed policy (deterministic from baseSeed).
qint64 seedForShot(const Project &project, const Shot &shot);

// The DNA part a character contributes in `sceneId` ("character:ID" = appearance.wardrobe.colours).
DnaPart characterPart(const Project &project, const Character &character, Id sceneId);

} // namespace shotcraft::dna
