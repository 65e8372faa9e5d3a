#include "ThumbnailDelegate.h"

#include "ThumbnailCache.h"

#include <QPainter>

namespace shotcraft::ui {

ThumbnailDelegate::ThumbnailDelegate(ThumbnailCache *cache, int imageIdRole, QSize tileSize, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_cache(cache)
    , m_imageIdRole(imageIdRole)
    , m_tile(tileSize) {
}

QSize ThumbnailDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const {
    return {m_tile.width() + 8, m_tile.height() + QFontMetrics(option.font).height() + 10};
}

void ThumbnailDelegate::paint(QPainter *p, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const {
    p->save();
    const QPalette &pal = option.palette;
    if (option.state & QStyle::State_Selected)
        p->fillRect(option.rect, pal.color(QPalette::Highlight).darker(150));
    const QRect tile(option.rect.left() + 4, option.rect.top() + 4, m_tile.width(), m_tile.height());
    const Id imageId = index.data(m_imageIdRole).toLongLong();
    const QImage *image = m_cache ? m_cache->image(imageId) : nullptr;
    if (image && !image->isNull()) {
        const QImage scaled = image->scaled(tile.size(), Qt::KeepAspectRatio, Qt::SmoothTransformation);
        p->fillRect(tile, Qt::black);
        p->drawImage(tile.left() + (tile.width() - scaled.width()) / 2,
                     tile.top() + (tile.height() - scaled.height()) / 2, scaled);
    } else {
        p->fillRect(tile, pal.color(QPalette::Window).darker(120));
        p->setPen(pal.color(QPalette::PlaceholderText));
        p->drawText(tile, Qt::AlignCenter, imageId ? tr("\u2026") : tr("no image"));
    }
    if (m_greyRole >= 0 && index.data(m_greyRole).toBool())
        p->fillRect(tile, QColor(128, 128, 128, 170)); // a dropped reference: shown, but not sent
    if (m_highlightRole >= 0 && index.data(m_highlightRole).toBool()) {
        p->setPen(QPen(QColor(0xf1, 0xc4, 0x0f), 3));
        p->setBrush(Qt::NoBrush);
        p->drawRect(tile.adjusted(1, 1, -1, -1));
    }
    p->setPen(pal.color(QPalette::Text));
    const QRect caption(option.rect.left() + 2, tile.bottom() + 3, option.rect.width() - 4,
                        QFontMetrics(option.font).height());
    p->drawText(
        caption, Qt::AlignCenter,
        QFontMetrics(option.font).elidedText(index.data().toString(), Qt::ElideRight, caption.width()));
    p->restore();
}

} // namespace shotcraft::ui
