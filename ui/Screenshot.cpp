#include "Screenshot.h"

#include "GenerationController.h"
#include "MainWindow.h"
#include "StalenessTracker.h"
#include "StoryboardView.h"
#include "ThumbnailCache.h"
#include "models/ProjectDocument.h"

#include <QBuffer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QImageWriter>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

namespace shotcraft::ui {

namespace {
int fail(const QString &message) {
    std::fprintf(stderr, "shotcraft: %s\n", qPrintable(message));
    return 1;
}

QByteArray encodePng(const QImage &image) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    writer.setQuality(0); // the PNG handler maps quality 0 to zlib level 9
    writer.write(image.convertToFormat(QImage::Format_RGB32));
    return bytes;
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
    window.resize(options.windowSize);
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
        // As `shotcraft run` does: the look book (character sheets, location plates) and every shot
        // without a take, through the generation queue.
        QList<Id> frames;
        for (const ReferenceImage &r : doc->project().references)
            if (r.imageId == 0 && !r.userSupplied)
                frames.append(r.id);
        QList<Id> missing;
        for (const Shot &s : doc->project().shots)
            if (s.approvedTakeId == 0)
                missing.append(s.id);
        if (!frames.isEmpty())
            if (Status st = window.generator()->generateLookBook(frames); !st)
                return fail(st.error());
        if (!missing.isEmpty())
            if (Status st = window.generator()->regenerate(missing); !st)
                return fail(st.error());
        waitUntil([&] { return !window.generator()->isBusy(); }, options.timeoutMs);
    }
    // The STALE badges come from a pass over the finished takes.
    waitUntil([&] { return !window.staleness()->isPending(); }, 10000);
    if (doc && !doc->project().shots.isEmpty())
        window.storyboard()->selectShot(doc->project().shots.first().id);
    // Paint once so visible cards ask for their thumbnails, then wait for the decodes.
    window.storyboard()->viewport()->repaint();
    waitUntil([&] { return window.thumbnails()->pendingCount() == 0; }, 10000);
    const QImage image = window.grab().toImage();
    QByteArray png = encodePng(image);
    // Fewer pixels until it fits: a smooth scale keeps the text readable down to about two thirds.
    for (double scale = 0.95; options.maxBytes > 0 && png.size() > options.maxBytes && scale > 0.5;
         scale -= 0.05)
        png = encodePng(image.scaledToWidth(qRound(image.width() * scale), Qt::SmoothTransformation));
    QFile out(options.outputPath);
    if (!out.open(QIODevice::WriteOnly) || out.write(png) != png.size())
        return fail(QStringLiteral("cannot write %1").arg(options.outputPath));
    out.close();
    std::fprintf(stdout, "%s\n", qPrintable(QFileInfo(options.outputPath).absoluteFilePath()));
    return 0;
}

} // namespace shotcraft::ui
