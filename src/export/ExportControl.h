// What an export reports while it runs and how it is asked to stop. The formats call it from the
// pool; the CLI and the window hand in callbacks that are safe to call from any thread.
#pragma once

#include <QString>

#include <functional>

namespace shotcraft::exporting {

struct ExportControl {
    std::function<void(qint64 done, qint64 total)> progress;
    std::function<bool()> cancelled;

    void report(qint64 done, qint64 total) const {
        if (progress)
            progress(done, total);
    }
    bool isCancelled() const { return cancelled && cancelled(); }
};

// What an export wrote, for the CLI's --json and the window's "done" line.
struct ExportSummary {
    QString format;
    QString path;
    int shots = 0;
    int placeholders = 0; // shots without a take, exported as placeholder frames
    int files = 0;        // images written (sequences, timeline media)
    int pages = 0;        // PDF boards
    qint64 frames = 0;    // at the export's frame rate
    double fps = 0;
    double seconds = 0; // running time
};

inline QString cancelledMessage() {
    return QStringLiteral("export cancelled");
}

} // namespace shotcraft::exporting
