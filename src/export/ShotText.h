// The words every export prints about a shot: its number, its camera line, its excerpt, its frame
// name and timecodes. One place, so the PDF, the animatic's captions and the timelines agree.
#pragma once

#include <QString>

namespace shotcraft {
struct Shot;
struct Scene;
} // namespace shotcraft

namespace shotcraft::exporting {

struct ExportShot;

QString sceneLabel(const Scene &scene); // "3", or the running count when the script has none
QString shotLabel(const Shot &shot);    // "12A"
// "MCU · low · dolly-in · 50mm"
QString cameraLine(const Shot &shot);
// The line spoken in the shot, else what happens in it.
QString excerpt(const Shot &shot);
// "0007_sc02_sh3B.png": sorts in film order in any file browser.
QString defaultFrameName(const ExportShot &shot);
// Keeps a number readable in a file name: letters, digits, '.' and '-' only.
QString safeFilePart(const QString &text);
// SMPTE non-drop "HH:MM:SS:FF" at a whole frame rate.
QString timecode(qint64 frames, int fps);
// "2m 05s"
QString runningTime(double seconds);
QString seconds(double durationSec); // "3.5s"

} // namespace shotcraft::exporting
