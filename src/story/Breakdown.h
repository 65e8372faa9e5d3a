// The offline breakdown: a Screenplay becomes a Project of acts, scenes, shots, characters and
// locations, every field filled by explainable rules (no network, no model). The LLM breakdown
// fills the same structure; this one is the baseline it must beat and the fallback when offline.
#pragma once

#include "domain/Project.h"
#include "story/Screenplay.h"

namespace shotcraft::story {

struct BreakdownOptions {
    QString genre;      // empty: guessed from the script
    QString title;      // empty: the title page's, else sourceName without its extension
    QString sourceName; // the script's file name
    Id firstId = 1;     // where id allocation starts (re-import allocates above the existing ids)
};

Project breakDown(const Screenplay &script, const BreakdownOptions &options = {});

// The genre the script reads as ("drama" when nothing stands out), in the cinema knowledge base's names.
QString guessGenre(const Screenplay &script);

// Where each act starts (indices into script.scenes, first is 0): from the writer's own marks
// (act sections, "END OF ACT", act-separating page breaks) if present, else at about a quarter and
// three quarters of the script, moved to the strongest turning point nearby.
QList<int> actStarts(const Screenplay &script);

// A stable hash of a scene's text (heading and elements, whitespace-normalised): the same text gives
// the same hash wherever the scene moved, which is how re-import recognises it.
QString sceneContentHash(const Screenplay &script, const ScreenplayScene &scene);

} // namespace shotcraft::story
