// A project's board as a contact sheet: each shot's approved frame with its number and a caption
// (size, lens, who is in it), in board order, titled with the film; shots can carry a mark (the
// consistency review marks its outliers).
#pragma once

#include "domain/Project.h"
#include "domain/Result.h"
#include "export/ContactSheet.h"

#include <QHash>

namespace shotcraft::storage {
class ProjectStore;
}

namespace shotcraft::exporting {

// "MCU · 50mm · Mara, Elias"
QString contactSheetCaption(const Project &project, const Shot &shot);

// Renders the sheet and writes it to `path` (.png, .jpg). `marks` maps a shot id to its mark.
Status writeProjectContactSheet(storage::ProjectStore &store, const Project &project, const QString &path,
                                const QHash<Id, QString> &marks = {});

} // namespace shotcraft::exporting
