// Re-importing an edited script into an existing project: scenes whose text did not change keep
// their ids, shots and takes; a scene whose text changed keeps its id (and the ids of the shots
// whose purpose and subject are still there); characters, locations and acts are matched by name
// and number so that their Visual DNA and edits survive. Reports what was added, changed, removed.
#pragma once

#include "domain/Project.h"
#include "story/Breakdown.h"
#include "story/Screenplay.h"

namespace shotcraft::story {

struct ReimportReport {
    QStringList added;   // scene headings (with numbers) new in the script
    QStringList changed; // scenes whose text changed
    QStringList removed; // scenes no longer in the script
    int unchanged = 0;
};

Project reimport(const Project &existing, const Screenplay &script, const BreakdownOptions &options,
                 ReimportReport *report);

} // namespace shotcraft::story
