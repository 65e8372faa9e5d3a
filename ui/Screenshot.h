// `shotcraft --screenshot OUT.png [PROJECT]`: renders the studio window with a project to a PNG
// (offscreen), for the README and for checking the look without a display.
#pragma once

#include <QSize>
#include <QString>

namespace shotcraft::ui {

class MainWindow;

struct ScreenshotOptions {
    QString outputPath;
    QString projectPath;       // empty: the demo story, imported into a temporary project
    QString demoScriptPath;    // the script the demo is made from
    bool generateTakes = true; // generate the missing look book and takes through the window's queue first
    int timeoutMs = 120000;
    QSize windowSize{1440, 900};
    qint64 maxBytes = 0; // > 0: the PNG is scaled down until it fits (for the README)
};

// Returns 0 on success; prints a one-line reason to stderr and returns 1 otherwise.
int takeScreenshot(MainWindow &window, const ScreenshotOptions &options);

} // namespace shotcraft::ui
