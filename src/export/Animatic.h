// The animatic: each shot's frame held for the shot's duration, encoded by the ffmpeg program as an
// H.264 MP4 at 24, 25 or 30 fps, with an optional burned-in shot number and caption and an
// optional audio track. Progress comes from ffmpeg's -progress output; cancelling stops ffmpeg and
// removes the partial file (it is written under a temporary name and renamed at the end).
#pragma once

#include "export/ExportControl.h"
#include "export/ExportSnapshot.h"

namespace shotcraft::exporting {

struct AnimaticOptions {
    int fps = 24;     // 24, 25 or 30
    int width = 1280; // the height follows the project's aspect ratio
    bool burnIn = false;
    QString audioPath; // empty: silent
    QString ffmpeg;    // the program; empty: found on PATH
};

class Animatic {
public:
    static bool validFps(int fps);
    // The ffmpeg to run (an explicit path, else PATH), or a message naming the package to install.
    static Result<QString> findFfmpeg(const QString &explicitPath = {});
    static Result<ExportSummary> write(const ExportSnapshot &snapshot, const QString &path,
                                       const AnimaticOptions &options = {},
                                       const ExportControl &control = {});
};

} // namespace shotcraft::exporting
