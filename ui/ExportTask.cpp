#include "ExportTask.h"

#include <QDesktopServices>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QUrl>

namespace shotcraft::ui {

ExportTask::ExportTask(QWidget *parent)
    : QWidget(parent)
    , m_status(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel export"), this))
    , m_timer(new QTimer(this)) {
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_status, 1);
    row->addWidget(m_bar);
    row->addWidget(m_cancel);
    m_status->setOpenExternalLinks(false);
    m_status->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_status, &QLabel::linkActivated, this,
            [](const QString &link) { QDesktopServices::openUrl(QUrl(link)); });
    connect(m_cancel, &QPushButton::clicked, this, &ExportTask::cancel);
    connect(m_timer, &QTimer::timeout, this, &ExportTask::drawProgress);
    connect(&m_watcher, &QFutureWatcher<exporting::ExportOutcome>::finished, this, &ExportTask::onFinished);
    setVisible(false);
}

ExportTask::~ExportTask() {
    // The pool must not outlive the window it reports to: stop and wait.
    if (m_shared)
        m_shared->cancelled = true;
    m_watcher.waitForFinished();
}

bool ExportTask::isRunning() const {
    return m_watcher.isRunning();
}

void ExportTask::start(exporting::ExportSnapshot snapshot, exporting::ExportRequest request) {
    m_shared = std::make_shared<Shared>();
    exporting::ExportControl control;
    control.progress = [shared = m_shared](qint64 done, qint64 total) {
        shared->done = done;
        shared->total = total;
    };
    control.cancelled = [shared = m_shared] {
        return shared->cancelled.load();
    };
    m_path = request.path;
    m_status->setText(
        tr("Exporting %1 to %2\u2026")
            .arg(exporting::Exporter::formatName(request.format), QFileInfo(m_path).fileName()));
    m_bar->setRange(0, 0);
    m_bar->setVisible(true);
    m_cancel->setVisible(true);
    m_cancel->setEnabled(true);
    setVisible(true);
    m_watcher.setFuture(
        exporting::Exporter::start(std::move(snapshot), std::move(request), std::move(control)));
    m_timer->start(200);
}

void ExportTask::cancel() {
    if (m_shared && isRunning()) {
        m_shared->cancelled = true;
        m_cancel->setEnabled(false);
        m_status->setText(tr("Cancelling\u2026"));
    }
}

void ExportTask::drawProgress() {
    const qint64 total = m_shared ? m_shared->total.load() : 0;
    if (total <= 0)
        return;
    m_bar->setRange(0, 1000);
    m_bar->setValue(int(1000 * m_shared->done.load() / total));
}

void ExportTask::onFinished() {
    m_timer->stop();
    m_bar->setVisible(false);
    m_cancel->setVisible(false);
    const exporting::ExportOutcome outcome = m_watcher.result();
    if (outcome.ok()) {
        const QFileInfo info(m_path);
        const QString folder = info.isDir() ? info.absoluteFilePath() : info.absolutePath();
        const QString line =
            tr("Exported %1 to %2%3")
                .arg(exporting::Exporter::counted(outcome.summary.shots, "shot"), info.fileName(),
                     exporting::Exporter::placeholderNote(outcome.summary.placeholders));
        m_status->setText(
            QStringLiteral("%1 \u2014 <a href=\"%2\">%3</a>")
                .arg(line.toHtmlEscaped(), QUrl::fromLocalFile(folder).toString(), tr("Open folder")));
    } else {
        m_status->setText(outcome.error.toHtmlEscaped());
    }
    emit finished(outcome);
}

} // namespace shotcraft::ui
