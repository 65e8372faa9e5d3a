// Keeps the cards' STALE badges true to the project file: after any edit that can change a shot's
// DNA (characters, locations, palettes, style tokens, references, shots, takes), dna::staleShots —
// each shot's current take's recorded DNA hash against the project's DNA now — is recomputed on the
// QtConcurrent pool over a copy of the project, and the result is handed to the document. Bursts of
// edits are coalesced into one pass, and the next pass waits at least as long as the last one took,
// so a long run of new takes on a big project costs at most half of one pool thread; a pass for a
// document that has since closed is dropped.
#pragma once

#include "domain/CinemaTypes.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace shotcraft::models {
class ProjectDocument;
}

namespace shotcraft::ui {

class StalenessTracker : public QObject {
    Q_OBJECT
public:
    explicit StalenessTracker(QObject *parent = nullptr);
    void setDocument(models::ProjectDocument *document);
    // A pass is scheduled or running.
    bool isPending() const { return m_timer.isActive() || m_running; }

Q_SIGNALS:
    // The document's stale set was refreshed.
    void updated();

private:
    void schedule();
    void run();

    QPointer<models::ProjectDocument> m_document;
    QTimer m_timer;
    quint64 m_generation = 0;
    bool m_running = false;
    bool m_again = false; // an edit arrived while a pass was running
    qint64 m_lastPassMs = 0;
    QElapsedTimer m_clock;         // the running pass
    QElapsedTimer m_sinceLastPass; // since the last pass ended
};

} // namespace shotcraft::ui
