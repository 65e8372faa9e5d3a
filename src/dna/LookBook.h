// The look book: reference frames generated before any shot — a character sheet per principal
// character (and per character who ever appears in frame, so every shot has a reference for each
// person in it), a plate per location where shots are set, a style frame per act. Entries start
// with imageId 0; the pipeline fills them.
#pragma once

#include "domain/Project.h"

namespace shotcraft::dna {

// Adds the missing look-book entries (existing ones, user-supplied or generated, are kept).
void buildLookBook(Project &project);

// The look-book frames, in the order they should be generated: sheets, plates, style frames.
QList<const ReferenceImage *> lookBookFrames(const Project &project);
bool isLookBookFrame(const ReferenceImage &reference);

// The references owned by `owner`/`ownerId`, best first for identity (sheet, face, turnaround,
// full body, other).
QList<const ReferenceImage *> referencesOf(const Project &project, ReferenceOwner owner, Id ownerId);

} // namespace shotcraft::dna
