// A Screenplay's summary as JSON (what `shotcraft parse --json` prints): title page, scenes with
// their line ranges, characters with dialogue counts, and element counts by type.
#pragma once

#include "domain/Json.h"
#include "story/Screenplay.h"

namespace shotcraft::story {

Json screenplaySummary(const Screenplay &script);

} // namespace shotcraft::story
