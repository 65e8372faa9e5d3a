// A running export as a row in the queue dock: what it writes, a progress bar, Cancel, and an
// "Open folder" link when it is done. The export runs on the pool (Exporter::start); the pool
// reports into atomics that a timer on this thread draws.
#pragma once

#include "export/Exporter.h"

#include <QFutureWatcher>
#include <QWidget>

#include <atomic>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

namespace shotcraft::ui {

class ExportTask : public QWidget {
    Q_OBJECT
public:
    explicit ExportTask(QWidget *parent = nullptr);
    ~ExportTask() override;

    bool isRunning() const;
    void start(exporting::ExportSnapshot snapshot, exporting::ExportRequest request);
    void cancel();
    QProgressBar *progressBar() const { return m_bar; }
    QPushButton *cancelButton() const { return m_cancel; }
    QLabel *statusLabel() const { return m_status; }

Q_SIGNALS:
    void finished(const exporting::ExportOutcome &outcome);

private:
    void onFinished();
    void drawProgress();

    struct Shared {
        std::atomic<qint64> done{0};
        std::atomic<qint64> total{0};
        std::atomic<bool> cancelled{false};
    };
    std::shared_ptr<Shared> m_shared;
    QFutureWatcher<exporting::ExportOutcome> m_watcher;
    QString m_path;
    QLabel *m_status;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
    QTimer *m_timer;
};

} // namespace shotcraft::ui
