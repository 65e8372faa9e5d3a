#include "DocumentAccess.h"

#include "models/ProjectDocument.h"
#include "storage/ProjectStore.h"

#include <QDateTime>

namespace shotcraft::ui {

const Project &DocumentAccess::project() const {
    return m_document.project();
}
Status DocumentAccess::saveShot(const Shot &shot) {
    return m_document.saveShot(shot);
}
Status DocumentAccess::saveCharacter(const Character &character) {
    return m_document.saveCharacter(character);
}
Status DocumentAccess::saveLocation(const Location &location) {
    return m_document.saveLocation(location);
}
Status DocumentAccess::savePalette(const Palette &palette) {
    return m_document.savePalette(palette);
}

Status DocumentAccess::appendChat(ChatMessage &message) {
    Result<Id> id = m_document.store().allocateId();
    if (!id)
        return Status::failure(id.error());
    message.id = *id;
    if (message.createdAt.isEmpty())
        message.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    if (Status st = m_document.store().save(message); !st)
        return st;
    Project &project = m_document.mutableProject();
    project.nextId = std::max(project.nextId, *id + 1);
    project.chat.append(message);
    return Status::success();
}

} // namespace shotcraft::ui
