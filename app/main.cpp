// Shotcraft's entry point: a sub-command runs headless through the core's CLI; no argument opens
// the studio window.
#include "MainWindow.h"
#include "cli/Cli.h"

#include <QApplication>
#include <QGuiApplication>

int main(int argc, char *argv[]) {
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));

    if (shotcraft::cli::isHeadless(args)) {
        // Headless commands still draw (previz, contact sheets): they need fonts, not a display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QGuiApplication app(argc, argv);
        shotcraft::cli::setApplicationInfo(QStringLiteral(SHOTCRAFT_VERSION));
        return shotcraft::cli::run(args);
    }

    QApplication app(argc, argv);
    shotcraft::cli::setApplicationInfo(QStringLiteral(SHOTCRAFT_VERSION));
    shotcraft::ui::MainWindow window;
    window.show();
    return app.exec();
}
