#include "MainWindow.h"

#include <QLabel>

namespace shotcraft::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent) {
    setWindowTitle(QStringLiteral("Shotcraft"));
    auto *placeholder = new QLabel(tr("Open a project or a screenplay to begin."), this);
    placeholder->setAlignment(Qt::AlignCenter);
    setCentralWidget(placeholder);
    resize(1280, 800);
}

} // namespace shotcraft::ui
