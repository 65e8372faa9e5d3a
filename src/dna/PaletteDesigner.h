// The film's colour: a base palette from the genre (through the cinematography knowledge base) and
// variants per act and per scene shifted by mood, so the film has an emotional colour arc. Every
// palette says why it looks as it does.
#pragma once

#include "domain/Project.h"

namespace shotcraft::cinema {
class KnowledgeBase;
}

namespace shotcraft::dna {

// Adds the film palette and one variant per act and per scene, unless the project already has a
// palette for that scope (a rebuild keeps the user's edits). Ids come from project.allocateId().
void designPalettes(Project &project, const cinema::KnowledgeBase &kb);

// The palette a shot in `sceneId` is graded with: the scene's variant, else its act's, else the
// film's; nullptr when the project has no palette at all.
const Palette *paletteFor(const Project &project, Id sceneId);

} // namespace shotcraft::dna
