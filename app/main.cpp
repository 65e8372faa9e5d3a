// Shotcraft's entry point: a sub-command runs headless through the core's CLI; no argument opens
// the studio window; an existing project or script argument opens it; anything else is answered
// on the command line; --screenshot renders the window to a PNG (scaled down, if need be, to stay
// under 390 KB). Without a display the window is refused with one line rather than an abort.
#include "MainWindow.h"
#include "Screenshot.h"
#include "cli/Cli.h"
#include "pipeline/ImageProviderFactory.h"

#include <QApplication>
#include <QGuiApplication>

#include <cstdio>

int main(int argc, char *argv[]) {
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));

    const bool screenshot = args.value(0) == QLatin1String("--screenshot");
    if (!screenshot && shotcraft::cli::isHeadless(args)) {
        // Headless commands still draw (previz, contact sheets): they need fonts, not a display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        shotcraft::cli::installHeadlessMessageFilter();
        QGuiApplication app(argc, argv);
        shotcraft::cli::setApplicationInfo(QStringLiteral(SHOTCRAFT_VERSION));
        return shotcraft::cli::run(args);
    }

    if (screenshot && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (!shotcraft::cli::hasDisplay()) {
        fprintf(stderr, "%s\n", qPrintable(shotcraft::cli::noDisplayMessage()));
        return 1;
    }
    if (screenshot)
        shotcraft::cli::installHeadlessMessageFilter();
    QApplication app(argc, argv);
    shotcraft::cli::setApplicationInfo(QStringLiteral(SHOTCRAFT_VERSION));
    shotcraft::ui::MainWindow window;
    // Regenerate works offline from the start; a network profile can replace it in the settings.
    window.setImageProvider(shotcraft::pipeline::createImageProvider(QStringLiteral("previz")));

    if (screenshot) {
        if (args.size() < 2) {
            fprintf(stderr, "usage: shotcraft --screenshot OUT.png [PROJECT]\n");
            return 2;
        }
        shotcraft::ui::ScreenshotOptions options;
        options.outputPath = args[1];
        options.projectPath = args.value(2);
        options.demoScriptPath = QStringLiteral(":/demo/the-last-ferry.fountain");
        options.maxBytes = 390 * 1024; // small enough for a README
        return shotcraft::ui::takeScreenshot(window, options);
    }

    window.show();
    if (!args.isEmpty())
        (void)window.openProject(args.first()); // a failure shows in the window's message bar
    return app.exec();
}
