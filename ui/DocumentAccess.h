// The director's way into the open window's project: every write goes through the document, so the
// storyboard, inspector and DNA panel hear of it; conversation messages go straight to the store.
#pragma once

#include "director/ProjectAccess.h"

namespace shotcraft::models {
class ProjectDocument;
}

namespace shotcraft::ui {

class DocumentAccess : public director::ProjectAccess {
public:
    explicit DocumentAccess(models::ProjectDocument &document)
        : m_document(document) {}
    const Project &project() const override;
    Status saveShot(const Shot &shot) override;
    Status saveCharacter(const Character &character) override;
    Status saveLocation(const Location &location) override;
    Status savePalette(const Palette &palette) override;
    Status appendChat(ChatMessage &message) override;

private:
    models::ProjectDocument &m_document;
};

} // namespace shotcraft::ui
