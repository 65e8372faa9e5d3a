#include "export/FrameArt.h"

#include "export/ExportSnapshot.h"
#include "export/ShotText.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QTextLayout>

#include <cmath>

namespace shotcraft::exporting {

namespace {

void drawPlaceholder(QPainter &painter, const ExportShot &shot, const QRectF &area) {
    painter.fillRect(area, QColor(0x2b, 0x2d, 0x33));
    QPen pen(QColor(0x55, 0x59, 0x62));
    pen.setWidthF(std::max(1.0, area.width() / 400));
    painter.setPen(pen);
    painter.drawLine(area.topLeft(), area.bottomRight());
    painter.drawLine(area.topRight(), area.bottomLeft());
    QFont font;
    font.setPixelSize(std::max(8, int(area.height() / 9)));
    font.setBold(true);
    const QFontMetricsF metrics(font);
    const QString title = QStringLiteral("%1  not generated").arg(shotLabel(shot.shot));
    const QString line = cameraLine(shot.shot);
    const double boxW = std::min(area.width() * 0.9, metrics.horizontalAdvance(title) * 1.2);
    const QRectF box(area.center().x() - boxW / 2, area.center().y() - metrics.height() * 1.4, boxW,
                     metrics.height() * 2.8);
    painter.fillRect(box, QColor(0x2b, 0x2d, 0x33));
    painter.setPen(QColor(0xee, 0xec, 0xe6));
    painter.setFont(font);
    painter.drawText(box.adjusted(0, 0, 0, -box.height() / 2), Qt::AlignCenter,
                     metrics.elidedText(title, Qt::ElideRight, boxW));
    font.setBold(false);
    font.setPixelSize(std::max(7, int(area.height() / 14)));
    painter.setFont(font);
    painter.drawText(box.adjusted(0, box.height() / 2, 0, 0), Qt::AlignCenter,
                     QFontMetricsF(font).elidedText(line, Qt::ElideRight, boxW));
}

void drawBurnIn(QPainter &painter, const ExportShot &shot, const QRectF &area) {
    QFont font;
    font.setPixelSize(std::max(8, int(area.height() / 18)));
    font.setBold(true);
    painter.setFont(font);
    const QFontMetricsF metrics(font);
    const QString label = shotLabel(shot.shot);
    const double pad = metrics.height() * 0.3;
    const QRectF tag(area.left() + pad, area.top() + pad, metrics.horizontalAdvance(label) + 2 * pad,
                     metrics.height() + pad);
    painter.fillRect(tag, QColor(0, 0, 0, 170));
    painter.setPen(Qt::white);
    painter.drawText(tag, Qt::AlignCenter, label);

    const QString caption = excerpt(shot.shot).simplified();
    if (caption.isEmpty())
        return;
    font.setBold(false);
    painter.setFont(font);
    const double width = area.width() * 0.86;
    // Two lines at most; the rest is elided, a caption is a reminder, not the script.
    QTextLayout layout(caption, font);
    layout.beginLayout();
    QStringList lines;
    for (int i = 0; i < 2; ++i) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        lines.append(caption.mid(line.textStart(), line.textLength()).trimmed());
        if (i == 1 && line.textStart() + line.textLength() < caption.size())
            lines.last() = metrics.elidedText(caption.mid(line.textStart()), Qt::ElideRight, width);
    }
    layout.endLayout();
    const double height = lines.size() * metrics.height() + 2 * pad;
    const QRectF box(area.left() + (area.width() - width) / 2 - pad, area.bottom() - height - pad * 2,
                     width + 2 * pad, height);
    painter.fillRect(box, QColor(0, 0, 0, 170));
    painter.drawText(box, Qt::AlignCenter, lines.join(u'\n'));
}

} // namespace

QSize frameSize(int width, double aspect) {
    const int w = std::max(16, width) & ~1;
    const int h = std::max(16, int(std::lround(w / std::clamp(aspect, 0.2, 5.0)))) & ~1;
    return {w, h};
}

QImage nativeFrame(const ExportShot &shot, QSize fallback) {
    QImage image;
    if (!shot.image.isEmpty() && image.loadFromData(shot.image))
        return image.convertToFormat(QImage::Format_RGB32);
    return renderFrame(shot, fallback);
}

QImage renderFrame(const ExportShot &shot, QSize size, const FrameOptions &options) {
    QImage frame(size, QImage::Format_RGB32);
    frame.fill(Qt::black);
    QPainter painter(&frame);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform |
                           QPainter::TextAntialiasing);
    const QRectF area(QPointF(0, 0), QSizeF(size));
    QImage take;
    if (!shot.image.isEmpty() && take.loadFromData(shot.image)) {
        // Letterbox or pillarbox a take of another shape, never stretch it.
        const QSizeF fitted = QSizeF(take.size()).scaled(area.size(), Qt::KeepAspectRatio);
        const QRectF target(area.center() - QPointF(fitted.width() / 2, fitted.height() / 2), fitted);
        painter.drawImage(target,
                          take.scaled(fitted.toSize(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
    } else {
        drawPlaceholder(painter, shot, area);
    }
    if (options.burnIn)
        drawBurnIn(painter, shot, area);
    painter.end();
    return frame;
}

} // namespace shotcraft::exporting
