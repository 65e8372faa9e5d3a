#include "ShotCardDelegate.h"

#include "ThumbnailCache.h"
#include "models/StoryboardModel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace shotcraft::ui {

using models::StoryboardModel;

namespace {
constexpr int padding = 6;

// A small rounded label ("CU", "low", "35mm f/2.8"); returns its width.
int drawBadge(QPainter *p, int x, int y, const QString &text, const QColor &fill, const QColor &ink) {
    const QFontMetrics fm(p->font());
    const QRect rect(x, y, fm.horizontalAdvance(text) + 8, fm.height() + 2);
    p->setPen(Qt::NoPen);
    p->setBrush(fill);
    p->drawRoundedRect(rect, 3, 3);
    p->setPen(ink);
    p->drawText(rect, Qt::AlignCenter, text);
    return rect.width();
}
} // namespace

ShotCardDelegate::ShotCardDelegate(ThumbnailCache *cache, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_cache(cache) {
}

int ShotCardDelegate::textHeight(const QFontMetrics &fm) const {
    // One badge line and two lines of excerpt.
    return (fm.height() + 4) + 2 * fm.height() + padding;
}

QSize ShotCardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const {
    const auto kind = StoryboardModel::RowKind(index.data(StoryboardModel::KindRole).toInt());
    const QFontMetrics fm(option.font);
    if (kind == StoryboardModel::RowKind::Act)
        return {m_rowWidth, fm.height() * 2 + 8};
    if (kind == StoryboardModel::RowKind::Scene)
        return {m_rowWidth, fm.height() + 12};
    const int frameHeight = qRound((m_cardWidth - 2 * padding) / m_aspect);
    return {m_cardWidth, padding + frameHeight + padding + textHeight(fm)};
}

QRect ShotCardDelegate::frameRect(const QRect &card) const {
    const int w = card.width() - 2 * padding;
    return {card.left() + padding, card.top() + padding, w, qRound(w / m_aspect)};
}

void ShotCardDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const {
    const auto kind = StoryboardModel::RowKind(index.data(StoryboardModel::KindRole).toInt());
    painter->save();
    if (kind == StoryboardModel::RowKind::Shot)
        paintCard(painter, option, index);
    else
        paintHeading(painter, option, index, kind == StoryboardModel::RowKind::Act);
    painter->restore();
}

void ShotCardDelegate::paintHeading(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index,
                                    bool act) const {
    const QPalette &pal = option.palette;
    QFont font = option.font;
    font.setBold(true);
    if (act)
        font.setPointSizeF(font.pointSizeF() * 1.3);
    p->setFont(font);
    const QRect r = option.rect.adjusted(padding, 2, -padding, -2);
    p->setPen(act ? pal.color(QPalette::Highlight) : pal.color(QPalette::WindowText));
    const QString text = index.data().toString();
    p->drawText(r, Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetrics(font).elidedText(text, Qt::ElideRight, r.width()));
    // A rule under the heading separates the scenes at a glance.
    p->setPen(QPen(pal.color(QPalette::Mid), 1));
    p->drawLine(r.bottomLeft(), r.bottomRight());
}

void ShotCardDelegate::paintCard(QPainter *p, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const {
    const QPalette &pal = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const QRect card = option.rect.adjusted(2, 2, -2, -2);
    p->setRenderHint(QPainter::Antialiasing, true);
    p->setPen(selected ? QPen(pal.color(QPalette::Highlight), 2) : QPen(pal.color(QPalette::Mid), 1));
    p->setBrush(pal.color(QPalette::Base));
    p->drawRoundedRect(card, 5, 5);

    // The frame: the approved take cropped to the project's aspect ratio, or a placeholder.
    const QRect frame = frameRect(option.rect);
    const Id imageId = index.data(StoryboardModel::ImageIdRole).toLongLong();
    const QImage *image = m_cache ? m_cache->image(imageId) : nullptr;
    if (image && !image->isNull()) {
        // Centre-crop so a take made at another aspect ratio still fills the frame truthfully.
        const double frameAspect = double(frame.width()) / frame.height();
        QRectF source(image->rect());
        if (double(image->width()) / image->height() > frameAspect) {
            const double w = image->height() * frameAspect;
            source = QRectF((image->width() - w) / 2, 0, w, image->height());
        } else {
            const double h = image->width() / frameAspect;
            source = QRectF(0, (image->height() - h) / 2, image->width(), h);
        }
        p->drawImage(QRectF(frame), *image, source);
    } else {
        p->fillRect(frame, pal.color(QPalette::Window).darker(120));
        p->setPen(pal.color(QPalette::PlaceholderText));
        const QString label = imageId != 0 ? tr("Loading\u2026") : tr("No take yet");
        p->drawText(frame, Qt::AlignCenter, label);
    }

    const double progress = index.data(StoryboardModel::ProgressRole).toDouble();
    if (progress >= 0) {
        // Generating: dim the frame and show how far along it is.
        p->fillRect(frame, QColor(0, 0, 0, 120));
        p->setPen(Qt::white);
        p->drawText(frame, Qt::AlignCenter, tr("Generating %1%").arg(qRound(progress * 100)));
        const QRect bar(frame.left() + 8, frame.bottom() - 10, frame.width() - 16, 4);
        p->fillRect(bar, QColor(255, 255, 255, 60));
        p->fillRect(QRect(bar.topLeft(), QSize(qRound(bar.width() * progress), bar.height())),
                    pal.color(QPalette::Highlight));
    }

    QFont small = option.font;
    small.setPointSizeF(std::max(6.5, small.pointSizeF() * 0.85));
    QFont bold = small;
    bold.setBold(true);
    p->setFont(bold);
    drawBadge(p, frame.left() + 4, frame.top() + 4, index.data(StoryboardModel::ShotNumberRole).toString(),
              QColor(0, 0, 0, 170), Qt::white);
    int right = frame.right() - 4;
    auto rightBadge = [&](const QString &text, const QColor &fill) {
        const int w = QFontMetrics(bold).horizontalAdvance(text) + 8;
        right -= w;
        drawBadge(p, right, frame.top() + 4, text, fill, Qt::white);
        right -= 4;
    };
    const QString failure = index.data(StoryboardModel::FailureRole).toString();
    if (!failure.isEmpty())
        rightBadge(tr("FAILED"), QColor(0xc0, 0x39, 0x2b));
    if (index.data(StoryboardModel::StaleRole).toBool())
        rightBadge(tr("STALE"), QColor(0xd3, 0x84, 0x00));

    // Badges line: size, angle, lens; duration on the right.
    p->setFont(small);
    const QFontMetrics fm(small);
    int x = card.left() + padding;
    const int y = frame.bottom() + padding;
    const QColor badgeFill = pal.color(QPalette::Window);
    const QColor ink = pal.color(QPalette::Text);
    for (int role :
         {int(StoryboardModel::SizeRole), int(StoryboardModel::AngleRole), int(StoryboardModel::LensRole)}) {
        const QString text = index.data(role).toString();
        if (x + fm.horizontalAdvance(text) + 8 > card.right() - 40)
            break;
        x += drawBadge(p, x, y, text, badgeFill, ink) + 4;
    }
    p->setPen(pal.color(QPalette::PlaceholderText));
    const QString duration =
        QStringLiteral("%1s").arg(index.data(StoryboardModel::DurationRole).toDouble(), 0, 'f', 1);
    p->drawText(QRect(card.left(), y, card.width() - padding, fm.height() + 2),
                Qt::AlignRight | Qt::AlignVCenter, duration);

    // Two lines of action or dialogue.
    const QRect textRect(card.left() + padding, y + fm.height() + 6, card.width() - 2 * padding,
                         2 * fm.height());
    QString excerpt = index.data(StoryboardModel::ExcerptRole).toString();
    if (!failure.isEmpty())
        excerpt = failure;
    p->setPen(failure.isEmpty() ? pal.color(QPalette::Text) : QColor(0xe7, 0x4c, 0x3c));
    // Word-wrapped and clipped to two lines; the text is short, so this stays cheap while scrolling.
    p->save();
    p->setClipRect(textRect);
    p->drawText(textRect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, excerpt.left(160));
    p->restore();
}

} // namespace shotcraft::ui
