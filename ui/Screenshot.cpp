#include "Screenshot.h"

#include "GenerationController.h"
#include "MainWindow.h"
#include "StalenessTracker.h"
#include "StoryboardView.h"
#include "ThumbnailCache.h"
#include "models/ProjectDocument.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

namespace shotcraft::ui {

namespace {
int fail(const QString &message) {
    std::fprintf(stderr, "shotcraft: %s\n", qPrintable(message));
    return 1;
}

// Runs the event loop until `done` holds or the deadline passes (the window keeps working meanwhile).
void waitUntil(const std::function<bool()> &done, int timeoutMs) {
    QEventLoop loop;
    QTimer check;
    QTimer deadline;
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    check.start(50);
    deadline.setSingleShot(true);
    deadline.start(timeoutMs);
    if (!done())
        loop.exec();
}
} // namespace

int takeScreenshot(MainWindow &window, const ScreenshotOptions &options) {
    QTemporaryDir scratch;
    window.resize(1600, 1000);
    if (!options.projectPath.isEmpty()) {
        if (Status st = window.openProject(options.projectPath); !st)
            return fail(st.error());
    } else {
        const QString project = QDir(scratch.path()).filePath(QStringLiteral("demo.shotcraft"));
        if (Status st = window.newProjectFromScript(options.demoScriptPath, project); !st)
            return fail(st.error());
    }
    window.show();
    models::ProjectDocument *doc = window.document();
    if (options.generateTakes && doc && window.generator()->provider()) {
        QList<Id> missing;
        for (const Shot &s : doc->project().shots)
            if (s.approvedTakeId == 0)
                missing.append(s.id);
        if (!missing.isEmpty()) {
            if (Status st = window.generator()->regenerate(missing); !st)
                return fail(st.error());
            waitUntil([&] { return !window.generator()->isBusy(); }, options.timeoutMs);
        }
    }
    // The STALE badges come from a pass over the finished takes.
    waitUntil([&] { return !window.staleness()->isPending(); }, 10000);
    if (doc && !doc->project().shots.isEmpty())
        window.storyboard()->selectShot(doc->project().shots.first().id);
    // Paint once so visible cards ask for their thumbnails, then wait for the decodes.
    window.storyboard()->viewport()->repaint();
    waitUntil([&] { return window.thumbnails()->pendingCount() == 0; }, 10000);
    const QImage image = window.grab().toImage();
    if (!image.save(options.outputPath))
        return fail(QStringLiteral("cannot write %1").arg(options.outputPath));
    std::fprintf(stdout, "%s\n", qPrintable(QFileInfo(options.outputPath).absoluteFilePath()));
    return 0;
}

} // namespace shotcraft::ui
