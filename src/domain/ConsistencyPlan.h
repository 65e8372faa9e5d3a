// The exact identity one image request receives (made by dna::ConsistencyPlanner, consumed by the
// Cinematic Prompt Engine and the pipeline): who and where is in frame, in which colours and look,
// with which reference images and seed, and what must be generated first.
#pragma once

#include "domain/Palette.h"
#include "domain/PromptPackage.h"

namespace shotcraft {

// One in-frame character's canonical identity string: identical in every prompt that includes them.
struct CharacterIdentity {
    Id characterId = 0;
    QString name;
    QString tokens;
    QStringList signatureColours;
    bool operator==(const CharacterIdentity &) const = default;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CharacterIdentity, characterId, name, tokens,
                                                signatureColours)

struct ConsistencyPlan {
    Id shotId = 0;
    Id referenceTargetId = 0; // set instead of shotId for a look-book frame's own plan
    QList<CharacterIdentity> characters;
    Id locationId = 0;
    QString locationTokens;
    Palette palette; // the variant for this shot's act and scene
    QStringList styleTokens;
    QList<PromptReference> references; // ranked best first; `kept` false for those over the limit
    int referenceLimit = 0;
    qint64 seed = 0;
    QList<Id> lookBookDependencies; // reference ids whose frames must exist before this shot
    Id chainedShotId = 0;           // the earlier shot whose approved take is referenced
    Id chainedTakeId = 0;
    QString dnaHash; // hash of exactly the DNA parts this shot used
    bool operator==(const ConsistencyPlan &) const = default;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ConsistencyPlan, shotId, referenceTargetId, characters,
                                                locationId, locationTokens, palette, styleTokens, references,
                                                referenceLimit, seed, lookBookDependencies, chainedShotId,
                                                chainedTakeId, dnaHash)

} // namespace shotcraft
