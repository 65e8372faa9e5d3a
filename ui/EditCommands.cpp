#include "EditCommands.h"

#include <QCoreApplication>

namespace shotcraft::ui {

MoveShotCommand::MoveShotCommand(models::ProjectDocument *document, Id shotId, int from, int to)
    : QUndoCommand(QCoreApplication::translate("MoveShotCommand", "Move shot"))
    , m_document(document)
    , m_shotId(shotId)
    , m_from(from)
    , m_to(to) {
}

void MoveShotCommand::redo() {
    if (m_document)
        (void)m_document->moveShot(m_shotId, m_to);
}

void MoveShotCommand::undo() {
    if (m_document)
        (void)m_document->moveShot(m_shotId, m_from);
}

QUndoCommand *editShotCommand(models::ProjectDocument *document, const Shot &after, const QString &text) {
    const Shot *before = document->shot(after.id);
    if (!before)
        return nullptr;
    return new SaveEntityCommand<Shot>(document, &models::ProjectDocument::saveShot, *before, after, text);
}

QUndoCommand *approveTakeCommand(models::ProjectDocument *document, Id shotId, Id takeId) {
    const Shot *shot = document->shot(shotId);
    if (!shot)
        return nullptr;
    Shot after = *shot;
    after.approvedTakeId = takeId;
    return editShotCommand(
        document, after,
        QCoreApplication::translate("EditCommands", "Circle take on shot %1").arg(shot->number));
}

} // namespace shotcraft::ui
