// How the director reads and writes the open project: the window goes through its document (so the
// views hear of every change), the command line and tests straight through the store.
#pragma once

#include "domain/Project.h"
#include "domain/Result.h"

namespace shotcraft::storage {
class ProjectStore;
}

namespace shotcraft::director {

class ProjectAccess {
public:
    virtual ~ProjectAccess() = default;
    virtual const Project &project() const = 0;
    virtual Status saveShot(const Shot &shot) = 0;
    virtual Status saveCharacter(const Character &character) = 0;
    virtual Status saveLocation(const Location &location) = 0;
    virtual Status savePalette(const Palette &palette) = 0;
    // Appends one conversation message (its id and time are filled in) and writes it at once.
    virtual Status appendChat(ChatMessage &message) = 0;
};

// Over a ProjectStore and the in-memory copy kept in step with it.
class StoreAccess : public ProjectAccess {
public:
    StoreAccess(storage::ProjectStore &store, Project &project);
    const Project &project() const override { return m_project; }
    Status saveShot(const Shot &shot) override;
    Status saveCharacter(const Character &character) override;
    Status saveLocation(const Location &location) override;
    Status savePalette(const Palette &palette) override;
    Status appendChat(ChatMessage &message) override;

private:
    template <typename T> Status saveInto(QList<T> &list, const T &value);
    storage::ProjectStore &m_store;
    Project &m_project;
};

} // namespace shotcraft::director
