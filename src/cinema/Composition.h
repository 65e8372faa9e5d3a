// Composition, depth staging and blocking for one shot: which composition rule frames it and why,
// what stands in the foreground, midground and background, and where each character in frame
// stands, faces and looks.
#pragma once

#include "cinema/KnowledgeBase.h"
#include "domain/ConsistencyPlan.h"
#include "domain/Project.h"

namespace shotcraft::cinema {

struct CompositionDecision {
    CompositionRule rule = CompositionRule::RuleOfThirds;
    QString phrase; // "composition by rule of thirds: ...; here the lead room opens to the right"
    QString reason;
};

// Scores every rule: the genre's favourites, what the emotion calls for, the shot's purpose and
// size, the breakdown's own choice; a Dutch angle always tilts. What a project's shots are given
// when it is made.
CompositionDecision chooseComposition(const KnowledgeBase &kb, const GenreProfile &genre, const Shot &shot,
                                      const EmotionProfile &emotion);

// The shot's own rule, which every prompt honours; the scoring's reasons when it agrees, otherwise
// what the scoring would have picked.
CompositionDecision honourShotComposition(const KnowledgeBase &kb, const GenreProfile &genre,
                                          const Shot &shot, const EmotionProfile &emotion);

struct StagingDecision {
    DepthStaging staging; // every plane filled
    QString reason;
};

StagingDecision stageShot(const Project &project, const Shot &shot, const Location *location,
                          CompositionRule rule);

struct BlockingLine {
    Id characterId = 0;
    QString name;
    QString phrase; // "Edward at the left third, midground, facing right, looking at Will, ..."
    QString tag;    // the short form for tag dialects
};

QList<BlockingLine> describeBlocking(const Project &project, const Shot &shot, const ConsistencyPlan &plan);

// "left third", "centre", ... for a screen x in 0..1.
QString screenPosition(double x);
QString facingPhrase(Facing facing);
// The name a prompt uses for a character: the plan's, else the project's, title-cased.
QString characterName(const Project &project, const ConsistencyPlan &plan, Id characterId);

} // namespace shotcraft::cinema
