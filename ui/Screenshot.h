// `shotcraft --screenshot OUT.png [PROJECT]`: renders the studio window with a project to a PNG
// (offscreen), for the README and for checking the look without a display.
#pragma once

#include <QString>

namespace shotcraft::ui {

class MainWindow;

struct ScreenshotOptions {
    QString outputPath;
    QString projectPath;       // empty: the demo story, imported into a temporary project
    QString demoScriptPath;    // the script the demo is made from
    bool generateTakes = true; // render missing takes with the window's image engine first
    int timeoutMs = 120000;
};

// Returns 0 on success; prints a one-line reason to stderr and returns 1 otherwise.
int takeScreenshot(MainWindow &window, const ScreenshotOptions &options);

} // namespace shotcraft::ui
