// Paints a thumbnail tile (take strip, reference images, look book): the image from the
// ThumbnailCache, a caption, a ring on the approved item and grey for dropped references.
#pragma once

#include <QStyledItemDelegate>

namespace shotcraft::ui {

class ThumbnailCache;

class ThumbnailDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    // `imageIdRole` holds the image id; `highlightRole` (if set) rings the tile when true;
    // `greyRole` (if set) greys it when true.
    ThumbnailDelegate(ThumbnailCache *cache, int imageIdRole, QSize tileSize, QObject *parent = nullptr);
    void setHighlightRole(int role) { m_highlightRole = role; }
    void setGreyRole(int role) { m_greyRole = role; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    ThumbnailCache *m_cache;
    int m_imageIdRole;
    QSize m_tile;
    int m_highlightRole = -1;
    int m_greyRole = -1;
};

} // namespace shotcraft::ui
