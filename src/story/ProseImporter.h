// Plain prose (a treatment, a synopsis, a logline) as a screenplay: paragraphs become scene
// candidates from their place and time cues; a text too short for three scenes becomes a short
// three-act outline built from its clauses.
#pragma once

#include "story/Screenplay.h"

namespace shotcraft::story {

Screenplay parseProse(const QString &text);

} // namespace shotcraft::story
