#include "export/ContactSheet.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QImageWriter>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace shotcraft::exporting {

namespace {
constexpr int kMaxSide = 32000;

// An outline round the frame and the mark on a tab in its top-left corner, readable on any picture.
void drawMark(QPainter &painter, const QRectF &cell, const QString &mark, const QFont &font,
              const QColor &colour) {
    const double line = std::max(3.0, cell.width() * 0.012);
    painter.save();
    painter.setPen(QPen(colour, line, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(cell.adjusted(line / 2, line / 2, -line / 2, -line / 2));
    painter.setFont(font);
    const QFontMetricsF metrics(font);
    const QString text = metrics.elidedText(mark, Qt::ElideRight, cell.width() - 4 * line);
    const QRectF tab(cell.topLeft(),
                     QSizeF(metrics.horizontalAdvance(text) + 2 * line, metrics.height() + line));
    painter.fillRect(tab, colour);
    painter.setPen(Qt::white);
    painter.drawText(tab, Qt::AlignCenter, text);
    painter.restore();
}
} // namespace

Result<QImage> ContactSheet::render(const QList<ContactSheetFrame> &frames,
                                    const ContactSheetOptions &options) {
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return Result<QImage>::failure(
            QStringLiteral("a contact sheet needs a QGuiApplication for its fonts"));
    if (frames.isEmpty())
        return Result<QImage>::failure(QStringLiteral("a contact sheet needs at least one frame"));
    if (options.columns < 1 || options.cellWidth < 32 ||
        !(options.frameAspect > 0.1 && options.frameAspect < 10))
        return Result<QImage>::failure(QStringLiteral("contact sheet layout is impossible"));

    const int columns = std::min<int>(options.columns, int(frames.size()));
    const int rows = int((frames.size() + columns - 1) / columns);
    const double cellW = options.cellWidth;
    const double frameH = std::round(cellW / options.frameAspect);
    const double gap = std::max(8.0, cellW * 0.05);
    QFont labelFont;
    labelFont.setPixelSize(std::max(9, int(cellW * 0.05)));
    labelFont.setBold(true);
    QFont captionFont = labelFont;
    captionFont.setBold(false);
    QFont titleFont = labelFont;
    titleFont.setPixelSize(std::max(14, int(cellW * 0.085)));
    const QFontMetricsF labelMetrics(labelFont);
    const double textH = labelMetrics.height() * 1.3;
    const double cellH = frameH + textH;
    const bool hasTitle = !options.title.isEmpty() || !options.subtitle.isEmpty();
    const double header =
        hasTitle ? QFontMetricsF(titleFont).height() * (options.subtitle.isEmpty() ? 1.6 : 2.6) : 0;
    const double width = gap + columns * (cellW + gap);
    const double height = gap + header + rows * (cellH + gap);
    if (width > kMaxSide || height > kMaxSide)
        return Result<QImage>::failure(
            QStringLiteral("contact sheet would be %1x%2 pixels: use fewer frames per sheet")
                .arg(int(width))
                .arg(int(height)));

    QImage sheet(QSize(int(width), int(height)), QImage::Format_RGB32);
    sheet.fill(options.background);
    QPainter painter(&sheet);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform |
                           QPainter::TextAntialiasing);
    painter.setPen(options.ink);
    if (hasTitle) {
        painter.setFont(titleFont);
        const double line = QFontMetricsF(titleFont).height();
        painter.drawText(QRectF(gap, gap, width - 2 * gap, line), Qt::AlignLeft | Qt::AlignVCenter,
                         options.title);
        if (!options.subtitle.isEmpty()) {
            painter.setFont(captionFont);
            QColor dim = options.ink;
            dim.setAlphaF(0.7f);
            painter.setPen(dim);
            painter.drawText(QRectF(gap, gap + line * 1.1, width - 2 * gap, line),
                             Qt::AlignLeft | Qt::AlignVCenter, options.subtitle);
            painter.setPen(options.ink);
        }
    }
    for (int i = 0; i < frames.size(); ++i) {
        const ContactSheetFrame &frame = frames[i];
        const QRectF cell(gap + (i % columns) * (cellW + gap), gap + header + (i / columns) * (cellH + gap),
                          cellW, frameH);
        painter.fillRect(cell, QColor(0, 0, 0));
        if (frame.image.isNull()) {
            painter.setFont(captionFont);
            painter.drawText(cell, Qt::AlignCenter, QStringLiteral("not generated"));
        } else {
            // Letterbox or pillarbox a frame of another shape, never stretch it.
            const QSizeF fitted = QSizeF(frame.image.size()).scaled(cell.size(), Qt::KeepAspectRatio);
            const QRectF target(cell.center() - QPointF(fitted.width() / 2, fitted.height() / 2), fitted);
            painter.drawImage(target, frame.image);
        }
        if (!frame.mark.isEmpty())
            drawMark(painter, cell, frame.mark, labelFont, options.markColour);
        const QRectF text(cell.left(), cell.bottom(), cellW, textH);
        painter.setFont(labelFont);
        const double labelW =
            frame.label.isEmpty() ? 0 : labelMetrics.horizontalAdvance(frame.label) + gap * 0.6;
        painter.drawText(text, Qt::AlignLeft | Qt::AlignVCenter, frame.label);
        painter.setFont(captionFont);
        const QFontMetricsF captionMetrics(captionFont);
        painter.drawText(text.adjusted(labelW, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                         captionMetrics.elidedText(frame.caption, Qt::ElideRight, cellW - labelW));
    }
    painter.end();
    return sheet;
}

Status ContactSheet::save(const QImage &sheet, const QString &path) {
    QImageWriter writer(path);
    if (!writer.write(sheet))
        return Status::failure(
            QStringLiteral("cannot write contact sheet %1: %2").arg(path, writer.errorString()));
    return Status::success();
}

} // namespace shotcraft::exporting
