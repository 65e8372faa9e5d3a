// A contact sheet: the frames of a board in a grid on one image, each with its shot number and a
// caption line, under a title. `shotcraft run` writes one beside the frames; it is the page a
// director prints to read the whole film at a glance.
#pragma once

#include "domain/Result.h"

#include <QColor>
#include <QImage>
#include <QList>
#include <QString>

namespace shotcraft::exporting {

struct ContactSheetFrame {
    QImage image;    // a null image draws as an empty "not generated" cell
    QString label;   // shot number, bold, e.g. "12A"
    QString caption; // one line, elided to the cell: "MCU · 50mm · Mara, Elias"
    QString mark;    // non-empty: the cell is outlined in `markColour` with this word on the frame
};

struct ContactSheetOptions {
    int columns = 4;
    int cellWidth = 320;             // pixels of each frame
    double frameAspect = 16.0 / 9.0; // cell shape; frames of another shape are letterboxed
    QString title;
    QString subtitle;
    QColor background = QColor(0x1b, 0x1c, 0x1f);
    QColor ink = QColor(0xee, 0xec, 0xe6);
    QColor markColour = QColor(0xe5, 0x3e, 0x2f);
};

class ContactSheet {
public:
    // The sheet as one image. Needs a QGuiApplication (fonts); fails with a reason otherwise, or for
    // no frames or an impossible layout.
    static Result<QImage> render(const QList<ContactSheetFrame> &frames,
                                 const ContactSheetOptions &options = {});
    // Writes the sheet (format from the extension: .png, .jpg).
    static Status save(const QImage &sheet, const QString &path);
};

} // namespace shotcraft::exporting
