// One director message's edits as one undo step ("Director: 3 edits"). The edits are already in the
// project when the command is pushed, so its first redo does nothing.
#pragma once

#include "director/DirectorTypes.h"

#include <QPointer>
#include <QUndoCommand>

namespace shotcraft::models {
class ProjectDocument;
}

namespace shotcraft::ui {

class DirectorEditCommand : public QUndoCommand {
public:
    DirectorEditCommand(models::ProjectDocument *document, QList<director::DirectorEdit> edits);
    void undo() override;
    void redo() override;

private:
    QPointer<models::ProjectDocument> m_document;
    QList<director::DirectorEdit> m_edits;
    bool m_applied = true;
};

} // namespace shotcraft::ui
