// Builds the film's Visual DNA from the breakdown: characters (role, appearance, signature
// colours), locations, palettes with their emotional arc, style tokens and the look book. All of it
// is plain domain data stored in the project, so everything stays editable; a rebuild only fills
// what is missing and never overwrites an edit.
#pragma once

#include "domain/Project.h"

namespace shotcraft::cinema {
class KnowledgeBase;
}

namespace shotcraft::dna {

void buildVisualDna(Project &project);
void buildVisualDna(Project &project, const cinema::KnowledgeBase &kb);

// Gives every character without signature colours one or two (two for principals), distinct
// from every other character's and harmonised with the film palette.
void assignSignatureColours(Project &project);

} // namespace shotcraft::dna
