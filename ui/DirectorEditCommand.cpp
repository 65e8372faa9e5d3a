#include "DirectorEditCommand.h"

#include "DocumentAccess.h"
#include "director/EditList.h"
#include "models/ProjectDocument.h"

namespace shotcraft::ui {

DirectorEditCommand::DirectorEditCommand(models::ProjectDocument *document,
                                         QList<director::DirectorEdit> edits)
    : m_document(document)
    , m_edits(std::move(edits)) {
    setText(director::undoText(m_edits));
}

void DirectorEditCommand::undo() {
    if (!m_document)
        return;
    DocumentAccess access(*m_document);
    if (Status st = director::revertEdits(access, m_edits); !st)
        Q_EMIT m_document->error(st.error());
    m_applied = false;
}

void DirectorEditCommand::redo() {
    if (m_applied || !m_document)
        return;
    DocumentAccess access(*m_document);
    if (Status st = director::reapplyEdits(access, m_edits); !st)
        Q_EMIT m_document->error(st.error());
    m_applied = true;
}

} // namespace shotcraft::ui
