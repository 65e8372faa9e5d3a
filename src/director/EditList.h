// Undoing and redoing a message's edits: each DirectorEdit holds the whole entity before and after,
// so reverting writes the before values back (newest first) through the same ProjectAccess.
#pragma once

#include "director/DirectorTypes.h"
#include "director/ProjectAccess.h"

namespace shotcraft::director {

Status revertEdits(ProjectAccess &access, const QList<DirectorEdit> &edits);
Status reapplyEdits(ProjectAccess &access, const QList<DirectorEdit> &edits);
// "Director: 3 edits"
QString undoText(const QList<DirectorEdit> &edits);

} // namespace shotcraft::director
