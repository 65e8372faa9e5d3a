#include "export/PdfBoards.h"

#include "export/FrameArt.h"
#include "export/ShotText.h"

#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextLayout>
#include <QtConcurrent/QtConcurrentMap>

#include <cmath>

namespace shotcraft::exporting {

namespace {

const QColor kInk(0x1d, 0x1e, 0x22);
const QColor kDim(0x6a, 0x6d, 0x75);

QSize grid(int panels, QPageLayout::Orientation orientation) {
    const bool landscape = orientation == QPageLayout::Landscape;
    switch (panels) {
    case 1:
        return {1, 1};
    case 2:
        return landscape ? QSize(2, 1) : QSize(1, 2);
    case 3:
        return landscape ? QSize(3, 1) : QSize(1, 3);
    case 4:
        return {2, 2};
    case 6:
        return landscape ? QSize(3, 2) : QSize(2, 3);
    default:
        return {3, 3};
    }
}

QFont font(double points, bool bold = false, bool italic = false) {
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(points);
    f.setBold(bold);
    f.setItalic(italic);
    // No ligatures: "film" stays four searchable letters instead of one "fi" glyph that text
    // extraction reads as U+FB01.
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}

// Draws `text` wrapped into `box` from its top, stopping (with an ellipsis) at the last line that
// fits, so text never runs into the next panel. Returns the height used.
double drawWrapped(QPainter &painter, const QString &text, const QFont &f, const QRectF &box) {
    if (text.isEmpty() || box.height() <= 0)
        return 0;
    const QFontMetricsF metrics(f, painter.device());
    const double lineHeight = metrics.lineSpacing();
    const int maxLines = int(box.height() / lineHeight);
    if (maxLines < 1)
        return 0;
    QTextLayout layout(text, f, painter.device());
    layout.beginLayout();
    QStringList lines;
    while (true) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(box.width());
        QString piece = text.mid(line.textStart(), line.textLength());
        if (lines.size() == maxLines - 1 && line.textStart() + line.textLength() < text.size()) {
            lines.append(
                metrics.elidedText(text.mid(line.textStart()).simplified(), Qt::ElideRight, box.width()));
            break;
        }
        lines.append(piece.trimmed());
        if (lines.size() == maxLines)
            break;
    }
    layout.endLayout();
    painter.setFont(f);
    for (int i = 0; i < lines.size(); ++i)
        painter.drawText(QPointF(box.left(), box.top() + i * lineHeight + metrics.ascent()), lines[i]);
    return lines.size() * lineHeight;
}

void drawTitlePage(QPainter &painter, const ExportSnapshot &snapshot, const QRectF &page, double fps) {
    painter.setPen(kInk);
    double y = page.top() + page.height() * 0.28;
    const QString title = snapshot.info.title.isEmpty() ? QStringLiteral("Untitled") : snapshot.info.title;
    y += drawWrapped(painter, title, font(30, true),
                     QRectF(page.left(), y, page.width(), page.height() * 0.3));
    painter.setPen(kDim);
    y += drawWrapped(painter, QStringLiteral("Storyboard"), font(14),
                     QRectF(page.left(), y, page.width(), 200));
    y += QFontMetricsF(font(14), painter.device()).lineSpacing();
    painter.setPen(kInk);
    QStringList lines;
    if (!snapshot.info.author.isEmpty())
        lines << QStringLiteral("By %1").arg(snapshot.info.author);
    lines << QDate::currentDate().toString(Qt::ISODate);
    QList<Id> scenes;
    for (const ExportShot &s : snapshot.shots)
        if (!scenes.contains(s.scene.id))
            scenes.append(s.scene.id);
    lines << QStringLiteral("%1 shots in %2 scenes").arg(snapshot.shots.size()).arg(scenes.size());
    lines << QStringLiteral("Running time %1").arg(runningTime(snapshot.totalFrames(fps) / fps));
    if (const int missing = snapshot.placeholders())
        lines << QStringLiteral("%1 shots not generated yet (placeholder frames)").arg(missing);
    for (const QString &line : std::as_const(lines))
        y += drawWrapped(painter, line, font(12), QRectF(page.left(), y, page.width(), 400));
    if (!snapshot.info.logline.isEmpty()) {
        y += QFontMetricsF(font(12), painter.device()).lineSpacing();
        painter.setPen(kDim);
        drawWrapped(painter, snapshot.info.logline, font(11, false, true),
                    QRectF(page.left(), y, page.width() * 0.8, page.bottom() - y));
    }
}

void drawPanel(QPainter &painter, const ExportShot &shot, const QImage &frame, const QRectF &cell,
               double aspect, bool continued) {
    const double small = QFontMetricsF(font(8), painter.device()).lineSpacing();
    // The scene heading band: where a scene starts, or "(cont.)" atop a page.
    double y = cell.top();
    if (shot.sceneStart || continued) {
        painter.setPen(kInk);
        QString heading = QStringLiteral("SC %1  %2").arg(sceneLabel(shot.scene), shot.scene.heading);
        if (!shot.sceneStart)
            heading += QStringLiteral(" (cont.)");
        const QFont f = font(8, true);
        painter.setFont(f);
        painter.drawText(
            QPointF(cell.left(), y + QFontMetricsF(f, painter.device()).ascent()),
            QFontMetricsF(f, painter.device()).elidedText(heading, Qt::ElideRight, cell.width()));
    }
    y += small * 1.2;
    // The frame takes what the text leaves it: at least four lines of text stay below it.
    const double textMin = small * 5.5;
    double frameW = cell.width();
    double frameH = frameW / aspect;
    if (frameH > cell.bottom() - y - textMin) {
        frameH = std::max(small, cell.bottom() - y - textMin);
        frameW = frameH * aspect;
    }
    const QRectF frameRect(cell.left(), y, frameW, frameH);
    painter.drawImage(frameRect, frame);
    painter.setPen(QPen(kDim, 0));
    painter.drawRect(frameRect);
    y += frameH + small * 0.3;

    const QFont numberFont = font(10, true);
    const QFontMetricsF numberMetrics(numberFont, painter.device());
    painter.setPen(kInk);
    painter.setFont(numberFont);
    painter.drawText(QPointF(cell.left(), y + numberMetrics.ascent()), shotLabel(shot.shot));
    painter.setFont(font(8));
    painter.setPen(kDim);
    painter.drawText(QRectF(cell.left(), y, frameW, numberMetrics.lineSpacing()),
                     Qt::AlignRight | Qt::AlignVCenter, seconds(shot.shot.durationSec));
    y += numberMetrics.lineSpacing();
    y += drawWrapped(painter, cameraLine(shot.shot), font(8), QRectF(cell.left(), y, frameW, small));
    painter.setPen(kInk);
    const double bottom = cell.bottom();
    const QString notes = shot.shot.notes.trimmed();
    // Notes keep one line when there is any; the excerpt takes the rest.
    const double notesRoom = notes.isEmpty() ? 0 : small;
    y += drawWrapped(painter, excerpt(shot.shot), font(8),
                     QRectF(cell.left(), y, frameW, bottom - y - notesRoom));
    if (!notes.isEmpty()) {
        painter.setPen(kDim);
        drawWrapped(painter, QStringLiteral("Note: %1").arg(notes), font(8, false, true),
                    QRectF(cell.left(), y, frameW, bottom - y));
    }
}

} // namespace

bool PdfBoards::validPanelCount(int panels) {
    return panels == 1 || panels == 2 || panels == 3 || panels == 4 || panels == 6 || panels == 9;
}

int PdfBoards::pageCount(int shots, int panelsPerPage) {
    return 1 + (shots + panelsPerPage - 1) / panelsPerPage;
}

Result<ExportSummary> PdfBoards::write(const ExportSnapshot &snapshot, const QString &path,
                                       const PdfBoardsOptions &options, const ExportControl &control) {
    using R = Result<ExportSummary>;
    if (!validPanelCount(options.panelsPerPage))
        return R::failure(QStringLiteral("panels per page must be 1, 2, 3, 4, 6 or 9"));
    const double fps = snapshot.info.fps > 0 ? snapshot.info.fps : 24.0;
    const double aspect = std::clamp(snapshot.info.aspectRatio, 0.2, 5.0);
    QSaveFile file(path);
    // Like every other format, a new folder in the chosen path is made rather than refused.
    if (!QDir().mkpath(QFileInfo(path).absolutePath()) || !file.open(QIODevice::WriteOnly))
        return R::failure(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));

    const int pages = pageCount(int(snapshot.shots.size()), options.panelsPerPage);
    const QSize cells = grid(options.panelsPerPage, options.orientation);
    {
        QPdfWriter writer(&file);
        writer.setResolution(options.resolution);
        writer.setTitle(snapshot.info.title);
        writer.setCreator(QStringLiteral("Shotcraft"));
        writer.setPageLayout(QPageLayout(QPageSize(options.pageSize), options.orientation,
                                         QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter));
        QPainter painter(&writer);
        if (!painter.isActive())
            return R::failure(QStringLiteral("cannot start the PDF %1").arg(path));
        painter.setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform);
        const QRectF page(QPointF(0, 0), QSizeF(writer.width(), writer.height()));
        const double footer = QFontMetricsF(font(8), &writer).lineSpacing() * 1.6;
        auto drawFooter = [&](int number) {
            painter.setPen(kDim);
            painter.setFont(font(8));
            painter.drawText(QRectF(page.left(), page.bottom() - footer * 0.7, page.width(), footer * 0.7),
                             Qt::AlignLeft | Qt::AlignVCenter, snapshot.info.title);
            painter.drawText(QRectF(page.left(), page.bottom() - footer * 0.7, page.width(), footer * 0.7),
                             Qt::AlignRight | Qt::AlignVCenter,
                             QStringLiteral("Page %1 of %2").arg(number).arg(pages));
        };
        drawTitlePage(painter, snapshot, page.adjusted(0, 0, 0, -footer), fps);
        drawFooter(1);

        const double gap = page.width() * 0.025;
        const double cellW = (page.width() - gap * (cells.width() - 1)) / cells.width();
        const double cellH = (page.height() - footer - gap * (cells.height() - 1)) / cells.height();
        const QSize framePixels(int(cellW), int(cellW / aspect));
        for (int first = 0, number = 2; first < snapshot.shots.size();
             first += options.panelsPerPage, ++number) {
            if (control.isCancelled())
                return R::failure(cancelledMessage());
            const QList<ExportShot> onPage = snapshot.shots.mid(first, options.panelsPerPage);
            // Frames of a page are decoded and scaled on the pool; the painter stays on this thread.
            const QList<QImage> frames = QtConcurrent::blockingMapped(
                onPage, [framePixels](const ExportShot &shot) { return renderFrame(shot, framePixels); });
            writer.newPage();
            for (int i = 0; i < onPage.size(); ++i) {
                const QRectF cell(page.left() + (i % cells.width()) * (cellW + gap),
                                  page.top() + (i / cells.width()) * (cellH + gap), cellW, cellH);
                drawPanel(painter, onPage[i], frames[i], cell, aspect, i == 0);
            }
            drawFooter(number);
            control.report(first + onPage.size(), snapshot.shots.size());
        }
        painter.end();
    }
    if (!file.commit())
        return R::failure(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    ExportSummary summary;
    summary.format = QStringLiteral("pdf");
    summary.path = path;
    summary.shots = int(snapshot.shots.size());
    summary.placeholders = snapshot.placeholders();
    summary.pages = pages;
    summary.fps = fps;
    summary.frames = snapshot.totalFrames(fps);
    summary.seconds = summary.frames / fps;
    return summary;
}

} // namespace shotcraft::exporting
