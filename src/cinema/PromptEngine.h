// The Cinematic Prompt Engine: turns a shot (or a look-book frame) and its consistency plan into a
// PromptPackage a director of photography would write — lens and its optical consequence, shot
// size, angle and movement, composition, depth staging, blocking, continuity, lighting, the
// palette variant shifted by the shot's emotion, the Visual DNA's identity tokens verbatim, a
// negative prompt, generation parameters — and the reason for every choice.
// Deterministic: the same project and plan always give byte-identical packages.
#pragma once

#include "domain/ConsistencyPlan.h"
#include "domain/Project.h"

#include <QSet>
#include <QSize>

namespace shotcraft::cinema {

struct PromptOptions {
    PromptDialect dialect = PromptDialect::Natural;
    QList<QSize> allowedSizes; // the provider's sizes; empty: the dialect's usual ones
    int maxClipChunks = 0;     // tag dialects: 77-token chunks allowed (0: the dialect's default)
};

// The shot's lens and composition rule are what its card shows and what every prompt honours.
// They start as the engine's choice for the film's genre (the lens set, the composition habits)
// when a project is made from a script; from then on only the user (or a re-import) changes them.
// `only`: these shots; empty: all.
void chooseLensAndComposition(Project &project, const QSet<Id> &only = {});
// The same for one shot of the project (the inspector's "genre's pick").
void chooseLensAndComposition(const Project &project, Shot &shot);

PromptPackage buildPrompt(const Project &project, const Shot &shot, const ConsistencyPlan &plan,
                          const PromptOptions &options);

// Character sheets (face, full body, turnaround), location plates and act or film style frames.
PromptPackage buildLookBookPrompt(const Project &project, const ReferenceImage &target,
                                  const ConsistencyPlan &plan, const PromptOptions &options);

struct SoftenedPrompt {
    PromptPackage package;
    QStringList changes; // what was softened, for the take's record and the user
};

// For a content-policy retry: replaces graphic terms with gentler ones (also any term the refusal
// names), adds a "no graphic content" exclusion, and records every change in `modifications`.
SoftenedPrompt softenPrompt(const PromptPackage &package, const QString &refusalReason);

} // namespace shotcraft::cinema
