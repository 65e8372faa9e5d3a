#include "QueuePanel.h"

#include "GenerationController.h"
#include "models/JobsModel.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace shotcraft::ui {

namespace {
// Draws the progress column as a progress bar.
class ProgressDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override {
        QStyleOptionProgressBar bar;
        bar.rect = option.rect.adjusted(2, 3, -2, -3);
        bar.minimum = 0;
        bar.maximum = 100;
        bar.progress = qRound(index.data(models::JobsModel::ProgressRole).toDouble() * 100);
        bar.text = index.data().toString();
        bar.textVisible = true;
        bar.state = option.state | QStyle::State_Horizontal;
        QApplication::style()->drawControl(QStyle::CE_ProgressBar, &bar, painter);
    }
};

QString formatDuration(qint64 ms) {
    const qint64 s = (ms + 999) / 1000;
    return s >= 60 ? QStringLiteral("%1 min %2 s").arg(s / 60).arg(s % 60) : QStringLiteral("%1 s").arg(s);
}
} // namespace

QueuePanel::QueuePanel(GenerationController *generator, QWidget *parent)
    : QWidget(parent)
    , m_generator(generator)
    , m_model(new models::JobsModel(this))
    , m_table(new QTableView(this))
    , m_overall(new QProgressBar(this))
    , m_eta(new QLabel(this)) {
    setObjectName(QStringLiteral("queuePanel"));
    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(models::JobsModel::ProgressColumn, new ProgressDelegate(this));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_overall->setRange(0, 1);
    m_overall->setValue(0);
    m_overall->setFormat(tr("%v of %m jobs"));
    auto *cancel = new QPushButton(tr("Cancel"), this);
    auto *cancelAll = new QPushButton(tr("Cancel all"), this);
    auto *retry = new QPushButton(tr("Retry"), this);
    m_resume = new QPushButton(tr("Resume"), this);
    m_resume->setObjectName(QStringLiteral("resumeButton"));
    m_resume->setToolTip(tr("Take up the jobs an earlier session left unfinished"));
    connect(m_resume, &QPushButton::clicked, this, [this] {
        if (Status st = m_generator->resumeInterrupted(); !st)
            Q_EMIT error(st.error());
        updateResume();
    });
    // Whether there is anything to resume changes with the jobs and with each run's end.
    connect(m_model, &QAbstractItemModel::modelReset, this, &QueuePanel::updateResume);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &QueuePanel::updateResume);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &QueuePanel::updateResume);
    connect(m_generator, &GenerationController::idle, this, &QueuePanel::updateResume);
    connect(cancel, &QPushButton::clicked, this, [this] {
        for (Id id : selectedJobIds())
            m_generator->cancel(id);
    });
    connect(cancelAll, &QPushButton::clicked, m_generator, &GenerationController::cancelAll);
    connect(retry, &QPushButton::clicked, this, [this] {
        for (Id id : selectedJobIds())
            if (Status st = m_generator->retry(id); !st)
                Q_EMIT error(st.error());
    });
    connect(m_generator, &GenerationController::progressChanged, this, &QueuePanel::onProgress);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_overall, 1);
    buttons->addWidget(m_eta);
    buttons->addWidget(cancel);
    buttons->addWidget(cancelAll);
    buttons->addWidget(retry);
    buttons->addWidget(m_resume);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
}

void QueuePanel::setDocument(models::ProjectDocument *document) {
    m_model->setDocument(document);
    updateResume();
}

void QueuePanel::updateResume() {
    m_resume->setEnabled(!m_generator->isBusy() && !m_generator->interruptedJobs().isEmpty());
}

QList<Id> QueuePanel::selectedJobIds() const {
    QList<Id> ids;
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows())
        ids.append(m_model->jobIdAt(row.row()));
    return ids;
}

void QueuePanel::onProgress(int done, int total, qint64 etaMs) {
    m_overall->setRange(0, std::max(1, total));
    m_overall->setValue(done);
    if (total == 0 || done >= total)
        m_eta->setText(total == 0 ? QString() : tr("done"));
    else
        m_eta->setText(etaMs < 0 ? tr("ETA \u2026") : tr("ETA %1").arg(formatDuration(etaMs)));
}

QString QueuePanel::etaText() const {
    return m_eta->text();
}

} // namespace shotcraft::ui
