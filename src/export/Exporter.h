// One entry point for every format: what to write (ExportRequest), run on the pool with progress
// and cancel, from one snapshot. The CLI's `export`, `run` and the window's Export dialog use it.
#pragma once

#include "export/Animatic.h"
#include "export/ExportControl.h"
#include "export/ImageSequence.h"
#include "export/PdfBoards.h"

#include "domain/Json.h"

#include <QFuture>

namespace shotcraft::exporting {

enum class ExportFormat { Png, Jpeg, Pdf, Mp4, Otio, Edl, FcpXml, Csv };

struct ExportRequest {
    ExportFormat format = ExportFormat::Pdf;
    QString path; // a folder for png/jpeg, else the file (timelines put their frames beside it)
    ImageSequenceOptions images;
    PdfBoardsOptions pdf;
    AnimaticOptions animatic;
    bool csvByteOrderMark = false;
};

struct ExportOutcome {
    ExportSummary summary;
    QString error; // empty on success
    bool ok() const { return error.isEmpty(); }
};

class Exporter {
public:
    static QStringList formatNames(); // png jpeg pdf mp4 otio edl fcpxml csv
    static std::optional<ExportFormat> formatFromName(const QString &name);
    static QString formatName(ExportFormat format);
    // Where a timeline's frame files go: "cut.otio" -> "cut-frames/".
    static QString mediaFolder(const QString &timelinePath);
    // Runs on the calling thread (the formats fan out to the pool themselves).
    static Result<ExportSummary> run(const ExportSnapshot &snapshot, const ExportRequest &request,
                                     const ExportControl &control = {});
    // The same on the pool; progress and cancel through `control` (thread-safe callbacks).
    static QFuture<ExportOutcome> start(ExportSnapshot snapshot, ExportRequest request,
                                        ExportControl control);
    static Json toJson(const ExportSummary &summary);
    // "42 panels on 8 pages", "300 frames, 2m 05s at 24 fps": what the dialog says before starting.
    static QString preview(const ExportSnapshot &snapshot, const ExportRequest &request);
    // "1 page", "8 pages": counts as a sentence says them.
    static QString counted(qint64 n, const char *noun);
    // " (6 placeholder frames)" for shots exported before they were generated; empty for none.
    static QString placeholderNote(int placeholders);
};

} // namespace shotcraft::exporting
