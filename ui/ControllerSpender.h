// Confirmed director spend actions go to the window's GenerationController, the same queue the
// Regenerate buttons use. The window generates on its current engine; a request for another engine
// is refused with a line saying how to switch, rather than silently run elsewhere.
#pragma once

#include "director/Director.h"

#include <QList>

namespace shotcraft::models {
class ProjectDocument;
}

namespace shotcraft::ui {

class GenerationController;

class ControllerSpender : public director::Spender {
public:
    ControllerSpender(GenerationController &controller, models::ProjectDocument &document)
        : m_controller(controller)
        , m_document(document) {}
    Status regenerate(const QList<Id> &shotIds, const QString &changes, const QString &provider) override;
    Status generateLookBook(bool regenerateAll, const QString &provider) override;
    // The jobs the confirmed actions added, so Stop can cancel them.
    const QList<Id> &startedJobs() const { return m_started; }

private:
    Status checkEngine(const QString &provider) const;
    void noteNewJobs(const QList<Id> &before);
    QList<Id> jobIds() const;

    GenerationController &m_controller;
    models::ProjectDocument &m_document;
    QList<Id> m_started;
};

} // namespace shotcraft::ui
