#include "director/ProjectAccess.h"

#include "storage/ProjectStore.h"

#include <QDateTime>

namespace shotcraft::director {

StoreAccess::StoreAccess(storage::ProjectStore &store, Project &project)
    : m_store(store)
    , m_project(project) {
}

template <typename T> Status StoreAccess::saveInto(QList<T> &list, const T &value) {
    if (Status st = m_store.save(value); !st)
        return st;
    for (T &item : list)
        if (item.id == value.id) {
            item = value;
            return Status::success();
        }
    list.append(value);
    return Status::success();
}

Status StoreAccess::saveShot(const Shot &shot) {
    return saveInto(m_project.shots, shot);
}
Status StoreAccess::saveCharacter(const Character &character) {
    return saveInto(m_project.characters, character);
}
Status StoreAccess::saveLocation(const Location &location) {
    return saveInto(m_project.locations, location);
}
Status StoreAccess::savePalette(const Palette &palette) {
    return saveInto(m_project.palettes, palette);
}

Status StoreAccess::appendChat(ChatMessage &message) {
    Result<Id> id = m_store.allocateId();
    if (!id)
        return Status::failure(id.error());
    message.id = *id;
    m_project.nextId = std::max(m_project.nextId, *id + 1);
    if (message.createdAt.isEmpty())
        message.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    return saveInto(m_project.chat, message);
}

} // namespace shotcraft::director
