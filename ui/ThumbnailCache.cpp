#include "ThumbnailCache.h"

#include "models/ProjectDocument.h"

#include <QFuture>
#include <QtConcurrent>

namespace shotcraft::ui {

ThumbnailCache::ThumbnailCache(QObject *parent)
    : QObject(parent) {
    setMaxCostKb(64 * 1024);
}

void ThumbnailCache::setDocument(models::ProjectDocument *document) {
    m_document = document;
    clear();
}

void ThumbnailCache::setMaxCostKb(int kilobytes) {
    m_cache.setMaxCost(kilobytes);
}

void ThumbnailCache::clear() {
    m_cache.clear();
    m_pending.clear();
    m_failed.clear();
    ++m_generation;
}

const QImage *ThumbnailCache::image(Id imageId) {
    if (imageId == 0)
        return nullptr;
    if (const QImage *cached = m_cache.object(imageId))
        return cached;
    if (!m_document || m_pending.contains(imageId) || m_failed.contains(imageId))
        return nullptr;
    Result<QByteArray> bytes = m_document->store().thumbnailData(imageId);
    if (!bytes || bytes->isEmpty()) {
        m_failed.insert(imageId);
        return nullptr;
    }
    m_pending.insert(imageId);
    const quint64 generation = m_generation;
    QtConcurrent::run([data = *bytes] {
        QImage image = QImage::fromData(data);
        // Converted once here so painting never converts on the GUI thread.
        return image.isNull() ? image : image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    }).then(this, [this, imageId, generation](QImage image) {
        if (generation != m_generation)
            return;
        m_pending.remove(imageId);
        if (image.isNull()) {
            m_failed.insert(imageId);
            return;
        }
        const int costKb = std::max<qsizetype>(1, image.sizeInBytes() / 1024);
        m_cache.insert(imageId, new QImage(std::move(image)), costKb);
        Q_EMIT ready(imageId);
    });
    return nullptr;
}

} // namespace shotcraft::ui
