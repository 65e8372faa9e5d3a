// A shot's frame at a given size: its take letterboxed onto black, or, for a shot not generated
// yet, a placeholder card with its number and camera line, so no export ever leaves a shot out.
// Needs a QGuiApplication (fonts). Safe on any thread.
#pragma once

#include <QImage>

namespace shotcraft::exporting {

struct ExportShot;

struct FrameOptions {
    bool burnIn = false; // shot number top left, the excerpt as a caption at the bottom
};

// The take decoded at its own size (a placeholder of `fallback` when there is none or it is unreadable).
QImage nativeFrame(const ExportShot &shot, QSize fallback);
QImage renderFrame(const ExportShot &shot, QSize size, const FrameOptions &options = {});
// A size `width` pixels wide at `aspect`, both sides even (what H.264 wants).
QSize frameSize(int width, double aspect);

} // namespace shotcraft::exporting
