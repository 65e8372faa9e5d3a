// Storyboard boards as a PDF to print or pitch: a title page, then pages of 1 to 9 panels, each
// with its frame at the project's aspect ratio, shot number, camera line, the excerpt, duration
// and notes; scene headings where a scene starts; page numbers. All text is real PDF text
// (selectable, searchable) and wraps inside its panel, elided rather than spilling over.
#pragma once

#include "export/ExportControl.h"
#include "export/ExportSnapshot.h"

#include <QPageLayout>
#include <QPageSize>

namespace shotcraft::exporting {

struct PdfBoardsOptions {
    QPageSize::PageSizeId pageSize = QPageSize::A4;
    QPageLayout::Orientation orientation = QPageLayout::Landscape;
    int panelsPerPage = 6; // 1, 2, 3, 4, 6 or 9
    int resolution = 150;  // dpi of the frames drawn into the page
};

class PdfBoards {
public:
    static bool validPanelCount(int panels);
    // The title page and the board pages.
    static int pageCount(int shots, int panelsPerPage);
    static Result<ExportSummary> write(const ExportSnapshot &snapshot, const QString &path,
                                       const PdfBoardsOptions &options = {},
                                       const ExportControl &control = {});
};

} // namespace shotcraft::exporting
