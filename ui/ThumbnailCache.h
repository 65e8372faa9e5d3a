// Decoded thumbnails for the storyboard and the panels. Bytes are read from the ProjectStore on the
// main thread (it is not thread-safe), decoded on the QtConcurrent pool, and kept in a QCache
// bounded in kilobytes, so memory stays flat however many shots the board scrolls past.
#pragma once

#include "domain/CinemaTypes.h"

#include <QCache>
#include <QImage>
#include <QObject>
#include <QSet>

namespace shotcraft::models {
class ProjectDocument;
}

namespace shotcraft::ui {

class ThumbnailCache : public QObject {
    Q_OBJECT
public:
    explicit ThumbnailCache(QObject *parent = nullptr);

    void setDocument(models::ProjectDocument *document);
    void setMaxCostKb(int kilobytes);
    int maxCostKb() const { return int(m_cache.maxCost()); }
    int totalCostKb() const { return int(m_cache.totalCost()); }
    int pendingCount() const { return int(m_pending.size()); }

    // The decoded thumbnail, or nullptr after scheduling a decode; ready() follows.
    const QImage *image(Id imageId);
    void clear();

Q_SIGNALS:
    void ready(shotcraft::Id imageId);

private:
    models::ProjectDocument *m_document = nullptr;
    QCache<Id, QImage> m_cache;
    QSet<Id> m_pending;
    QSet<Id> m_failed;
    quint64 m_generation = 0; // decodes for a closed document are dropped
};

} // namespace shotcraft::ui
