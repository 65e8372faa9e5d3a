// The studio window: storyboard in the centre, inspectors and queue in docks.
#pragma once

#include <QMainWindow>

namespace shotcraft::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace shotcraft::ui
