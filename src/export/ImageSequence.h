// The storyboard as a numbered image sequence: one PNG or JPEG per shot in film order, named by a
// pattern ("{index:04}_sc{scene}_sh{shot}" by default) so an editor or a file browser sorts it
// right. Shots not generated yet are placeholder frames. Decoding and encoding run on the pool;
// the folder is written under a temporary name and renamed at the end.
#pragma once

#include "export/ExportControl.h"
#include "export/ExportSnapshot.h"

namespace shotcraft::exporting {

struct ImageSequenceOptions {
    enum class Format { Png, Jpeg } format = Format::Png;
    int quality = 90; // JPEG, 1..100
    int width = 0;    // 0: each take's own size
    QString pattern = defaultPattern();
    static QString defaultPattern() { return QStringLiteral("{index:04}_sc{scene}_sh{shot}"); }
};

class ImageSequence {
public:
    // Checks the pattern: known tokens only, no folder separators.
    static Status validatePattern(const QString &pattern);
    // The file names, in film order (unique: a repeat gets "-2", "-3").
    static QStringList fileNames(const ExportSnapshot &snapshot, const ImageSequenceOptions &options);
    static Result<ExportSummary> write(const ExportSnapshot &snapshot, const QString &directory,
                                       const ImageSequenceOptions &options = {},
                                       const ExportControl &control = {});
};

} // namespace shotcraft::exporting
