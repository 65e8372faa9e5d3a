// Paints the storyboard: shot cards (frame true to the project's aspect ratio with the approved
// take's thumbnail or a placeholder, number, size/angle/lens badges, duration, excerpt, stale and
// failed badges, generation progress) and the act and scene heading rows that span the board.
#pragma once

#include <QStyledItemDelegate>

namespace shotcraft::ui {

class ThumbnailCache;

class ShotCardDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit ShotCardDelegate(ThumbnailCache *cache, QObject *parent = nullptr);

    void setCardWidth(int width) { m_cardWidth = width; }
    int cardWidth() const { return m_cardWidth; }
    void setAspectRatio(double ratio) { m_aspect = ratio > 0.1 ? ratio : 16.0 / 9.0; }
    double aspectRatio() const { return m_aspect; }
    // Heading rows take the whole width so the wrapping view starts each scene on a new line.
    void setRowWidth(int width) { m_rowWidth = width; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // The frame (image) rectangle inside a card rectangle.
    QRect frameRect(const QRect &cardRect) const;

private:
    void paintHeading(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index,
                      bool act) const;
    void paintCard(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
    int textHeight(const QFontMetrics &fm) const;

    ThumbnailCache *m_cache;
    int m_cardWidth = 240;
    int m_rowWidth = 800;
    double m_aspect = 16.0 / 9.0;
};

} // namespace shotcraft::ui
