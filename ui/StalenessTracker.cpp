#include "StalenessTracker.h"

#include "dna/Staleness.h"
#include "models/ProjectDocument.h"

#include <QtConcurrent>

#include <algorithm>

namespace shotcraft::ui {

StalenessTracker::StalenessTracker(QObject *parent)
    : QObject(parent) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &StalenessTracker::run);
}

void StalenessTracker::setDocument(models::ProjectDocument *document) {
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    ++m_generation;
    m_running = false;
    m_again = false;
    m_lastPassMs = 0;
    m_sinceLastPass.invalidate();
    m_timer.stop();
    if (!document)
        return;
    using models::ProjectDocument;
    for (auto signal : {&ProjectDocument::characterChanged, &ProjectDocument::locationChanged,
                        &ProjectDocument::paletteChanged, &ProjectDocument::shotChanged})
        connect(document, signal, this, &StalenessTracker::schedule);
    connect(document, &ProjectDocument::styleTokensChanged, this, &StalenessTracker::schedule);
    connect(document, &ProjectDocument::referencesChanged, this, &StalenessTracker::schedule);
    connect(document, &ProjectDocument::infoChanged, this, &StalenessTracker::schedule);
    connect(document, &ProjectDocument::shotMoved, this, &StalenessTracker::schedule);
    connect(document, &ProjectDocument::takeAdded, this, &StalenessTracker::schedule);
    schedule();
}

void StalenessTracker::schedule() {
    if (!m_document)
        return;
    if (m_running) {
        m_again = true;
        return;
    }
    if (m_timer.isActive())
        return;
    // As long a rest after a pass as the pass took.
    const qint64 rest = m_sinceLastPass.isValid() ? m_lastPassMs - m_sinceLastPass.elapsed() : 0;
    m_timer.start(int(std::clamp<qint64>(rest, 20, 30000)));
}

void StalenessTracker::run() {
    if (!m_document)
        return;
    m_running = true;
    m_again = false;
    const quint64 generation = m_generation;
    m_clock.start();
    // The copy shares its lists with the document's until the next write (Qt's implicit sharing).
    QtConcurrent::run([project = m_document->project()] {
        return dna::staleShots(project);
    }).then(this, [this, generation](const QList<Id> &stale) {
        if (generation != m_generation || !m_document)
            return;
        m_running = false;
        m_lastPassMs = m_clock.elapsed();
        m_sinceLastPass.start();
        m_document->setStaleShots(stale);
        if (m_again)
            schedule();
        Q_EMIT updated();
    });
}

} // namespace shotcraft::ui
