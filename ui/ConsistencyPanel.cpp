#include "ConsistencyPanel.h"

#include "GenerationController.h"
#include "models/ProjectDocument.h"
#include "storage/ProjectStore.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <optional>

namespace shotcraft::ui {

namespace {

// Takes read from the store per trip to the pool: small enough that the GUI thread never holds
// more than a few images' bytes or blocks on more than a few reads at once.
constexpr int kBatchSize = 6;
constexpr int kShotIdRole = Qt::UserRole + 1;

enum Column { ShotColumn, ScoreColumn, PaletteColumn, ToneColumn, PresenceColumn, NotesColumn };

QString percent(double share) {
    return QStringLiteral("%1%").arg(qRound(share * 100.0));
}

QString valueText(const review::Measure &m) {
    if (m.verdict == review::Verdict::NotMeasurable)
        return QStringLiteral("\u2014");
    const int decimals = m.value < 1.0 ? 2 : 1;
    QString text = QStringLiteral("%1 %2").arg(m.value, 0, 'f', decimals).arg(m.unit);
    if (m.verdict == review::Verdict::Outlier)
        text += QStringLiteral(" > %1").arg(m.threshold, 0, 'f', decimals);
    return text;
}

void styleMeasure(QTreeWidgetItem *item, int column, const review::Measure &m, const QPalette &palette) {
    item->setText(column, valueText(m));
    item->setToolTip(column, m.reason);
    if (m.verdict == review::Verdict::Outlier) {
        item->setForeground(column, QColor(0xe0, 0x5a, 0x4a));
        QFont bold = item->font(column);
        bold.setBold(true);
        item->setFont(column, bold);
    } else if (m.verdict == review::Verdict::NotMeasurable) {
        item->setForeground(column, palette.color(QPalette::PlaceholderText));
    }
}

// What a repair changed, measure by measure: "repaired: palette 31.2 → 12.4 ΔE00".
QString repairNote(const review::TakeReview &before, const review::TakeReview &after) {
    QStringList changes;
    const QList<const review::Measure *> was = before.measures(), now = after.measures();
    for (int i = 0; i < was.size(); ++i)
        if (was[i]->verdict == review::Verdict::Outlier && now[i]->verdict != review::Verdict::NotMeasurable)
            changes.append(QStringLiteral("%1 %2 \u2192 %3 %4")
                               .arg(was[i]->name)
                               .arg(was[i]->value, 0, 'f', 1)
                               .arg(now[i]->value, 0, 'f', 1)
                               .arg(now[i]->unit));
    return changes.isEmpty() ? QString() : QStringLiteral("repaired: ") + changes.join(QStringLiteral(", "));
}

} // namespace

struct ConsistencyPanel::Batch {
    Take take;
    QByteArray bytes;                           // read here, decoded on the pool
    std::optional<review::PixelMeasure> pixels; // or the image's pixels as measured before
};

struct ConsistencyPanel::Run {
    std::shared_ptr<const Project> project; // what the pool measures against
    QList<Take> takes;                      // to measure, in film order
    QSet<Id> shotIds;                       // empty: the whole film
    QHash<Id, Id> imageOfTake;
    qsizetype next = 0;
    BatchResult results;
    bool cancelled = false;
};

ConsistencyPanel::ConsistencyPanel(GenerationController *generator, QWidget *parent)
    : QWidget(parent)
    , m_generator(generator)
    , m_summary(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_review(new QPushButton(tr("Review"), this))
    , m_cancel(new QPushButton(tr("Stop"), this))
    , m_selectOutliers(new QPushButton(tr("Select Outliers"), this))
    , m_repair(new QPushButton(tr("Repair Selected"), this))
    , m_tree(new QTreeWidget(this)) {
    setObjectName(QStringLiteral("consistencyPanel"));
    // One core is left to the window and the generation queue.
    m_pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
    m_summary->setObjectName(QStringLiteral("consistencySummary"));
    m_summary->setWordWrap(true);
    m_progress->setVisible(false);
    m_progress->setMaximumHeight(14);
    m_progress->setTextVisible(false);
    m_cancel->setVisible(false);
    m_review->setToolTip(tr("Measure every circled take against the Visual DNA again"));
    m_repair->setToolTip(tr("Regenerate the selected outliers with their measured deviation as "
                            "prompt changes; the new takes are measured when they land"));
    m_repair->setObjectName(QStringLiteral("repairButton"));

    m_tree->setObjectName(QStringLiteral("consistencyTree"));
    m_tree->setColumnCount(6);
    m_tree->setHeaderLabels(
        {tr("Shot"), tr("Score"), tr("Palette"), tr("Tone"), tr("Presence"), tr("Notes")});
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(m_progress);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_review);
    buttons->addWidget(m_selectOutliers);
    buttons->addWidget(m_repair);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(buttons);
    layout->addWidget(m_tree, 1);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    connect(&m_debounce, &QTimer::timeout, this, &ConsistencyPanel::onTimer);
    connect(&m_watcher, &QFutureWatcher<BatchResult>::finished, this, &ConsistencyPanel::onBatchMeasured);
    connect(m_review, &QPushButton::clicked, this, &ConsistencyPanel::reviewFilm);
    connect(m_cancel, &QPushButton::clicked, this, &ConsistencyPanel::cancelReview);
    connect(m_selectOutliers, &QPushButton::clicked, this, &ConsistencyPanel::selectOutliers);
    connect(m_repair, &QPushButton::clicked, this, &ConsistencyPanel::repairSelected);
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &ConsistencyPanel::updateButtons);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && item->data(0, kShotIdRole).toLongLong() != 0 && !m_tree->signalsBlocked())
            Q_EMIT shotActivated(item->data(0, kShotIdRole).toLongLong());
    });
    setDocument(nullptr);
}

ConsistencyPanel::~ConsistencyPanel() {
    // The pool's tasks hold their own copies of the project; nothing here is touched after this.
    m_pool.clear();
    m_pool.waitForDone();
}

void ConsistencyPanel::setDocument(models::ProjectDocument *document) {
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_run.reset(); // a batch still on the pool lands nowhere
    m_document = document;
    m_film = {};
    m_pixels.clear();
    m_imagesRead = 0;
    m_repairedFrom.clear();
    m_staleShots.clear();
    m_filmStale = true;
    if (document) {
        using Doc = models::ProjectDocument;
        connect(document, &Doc::shotChanged, this, [this](Id id) { scheduleShots({id}); });
        connect(document, &Doc::takeAdded, this, [this](const Take &take) {
            if (take.shotId != 0)
                scheduleShots({take.shotId});
        });
        // The continuity flags read each shot against the one before it: a move touches its scene.
        connect(document, &Doc::shotMoved, this, [this](Id id) {
            QList<Id> ids;
            if (const Shot *moved = m_document->shot(id))
                for (const Shot *s : m_document->project().shotsOfScene(moved->sceneId))
                    ids.append(s->id);
            scheduleShots(ids);
        });
        for (auto signal : {&Doc::paletteChanged, &Doc::locationChanged, &Doc::characterChanged})
            connect(document, signal, this, &ConsistencyPanel::scheduleWholeFilm);
        connect(document, &Doc::infoChanged, this, &ConsistencyPanel::scheduleWholeFilm);
    }
    rebuildTree();
    updateSummary();
    updateButtons();
    if (document && m_active)
        m_debounce.start(0);
}

void ConsistencyPanel::setActive(bool active) {
    m_active = active;
    if (active && m_document && (m_filmStale || !m_staleShots.isEmpty()))
        m_debounce.start(0);
}

void ConsistencyPanel::scheduleShots(const QList<Id> &shotIds) {
    for (Id id : shotIds)
        m_staleShots.insert(id);
    if (m_active)
        m_debounce.start();
}

void ConsistencyPanel::scheduleWholeFilm() {
    m_filmStale = true;
    if (m_active)
        m_debounce.start();
}

void ConsistencyPanel::onTimer() {
    if (!m_document || m_run) // a running review picks up what is stale when it ends
        return;
    if (m_filmStale)
        startRun({});
    else if (!m_staleShots.isEmpty())
        startRun(m_staleShots);
}

void ConsistencyPanel::reviewFilm() {
    if (!m_document)
        return;
    m_filmStale = true;
    if (!m_run)
        startRun({});
}

void ConsistencyPanel::cancelReview() {
    if (m_run)
        m_run->cancelled = true;
}

void ConsistencyPanel::startRun(QSet<Id> shotIds) {
    m_run = std::make_unique<Run>();
    m_run->project = std::make_shared<const Project>(m_document->project());
    const bool wholeFilm = shotIds.isEmpty();
    if (wholeFilm) {
        m_filmStale = false;
        m_staleShots.clear();
    } else {
        m_run->shotIds = shotIds;
        m_staleShots.subtract(shotIds);
    }
    for (const Take *take : review::ConsistencyReviewer::approvedTakes(*m_run->project))
        if (wholeFilm || shotIds.contains(take->shotId)) {
            m_run->takes.append(*take);
            m_run->imageOfTake.insert(take->id, take->imageId);
        }
    m_progress->setRange(0, int(m_run->takes.size()));
    m_progress->setValue(0);
    m_progress->setVisible(wholeFilm && !m_run->takes.isEmpty());
    m_cancel->setVisible(!m_progress->isHidden());
    m_review->setEnabled(false);
    updateSummary();
    readNextBatch();
}

void ConsistencyPanel::readNextBatch() {
    Run &run = *m_run;
    if (run.cancelled || run.next >= run.takes.size())
        return finishRun();
    // Pixels depend on the image alone: only images not measured before are read and decoded.
    QList<Batch> batch;
    int reads = 0;
    for (; run.next < run.takes.size(); ++run.next) {
        const Take &take = run.takes[run.next];
        if (const auto known = m_pixels.constFind(take.imageId); known != m_pixels.constEnd()) {
            batch.append({take, {}, *known});
            continue;
        }
        if (reads == kBatchSize)
            break;
        ++reads;
        ++m_imagesRead;
        if (Result<QByteArray> bytes = m_document->store().imageData(take.imageId))
            batch.append({take, std::move(*bytes), std::nullopt});
    }
    m_watcher.setFuture(QtConcurrent::run(
        &m_pool, [project = run.project, batch = std::move(batch), reviewer = m_reviewer]() {
            BatchResult measured;
            for (const Batch &b : batch) {
                if (b.pixels) {
                    measured.append(reviewer.reviewTake(*project, b.take, *b.pixels));
                } else if (const QImage image = QImage::fromData(b.bytes); !image.isNull()) {
                    measured.append(reviewer.reviewTake(*project, b.take, image));
                }
            }
            return measured;
        }));
}

void ConsistencyPanel::onBatchMeasured() {
    if (!m_run || !m_document)
        return; // the document changed while the pool measured
    const BatchResult measured = m_watcher.result();
    for (const review::TakeReview &r : measured) {
        const Id imageId = m_run->imageOfTake.value(r.takeId);
        if (!m_pixels.contains(imageId))
            m_pixels.insert(imageId, r.pixels);
    }
    m_run->results.append(measured);
    m_progress->setValue(int(m_run->next));
    updateSummary();
    readNextBatch();
}

void ConsistencyPanel::finishRun() {
    const std::unique_ptr<Run> run = std::move(m_run);
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    m_review->setEnabled(true);
    if (run->cancelled) {
        if (run->shotIds.isEmpty())
            m_filmStale = true;
        else
            m_staleShots.unite(run->shotIds);
        updateSummary();
        m_summary->setText(tr("Review stopped. ") + m_summary->text());
        return;
    }
    // A take whose bytes could not be read or decoded is not measured.
    const int unmeasured = int(run->takes.size() - run->results.size());
    if (run->shotIds.isEmpty()) {
        m_film.takes = run->results;
    } else {
        m_film.takes.erase(
            std::remove_if(m_film.takes.begin(), m_film.takes.end(),
                           [&](const review::TakeReview &t) { return run->shotIds.contains(t.shotId); }),
            m_film.takes.end());
        m_film.takes.append(run->results);
    }
    // Film order of the project as it is now; takes of shots since deleted or uncircled drop out.
    const Project &project = m_document->project();
    QHash<Id, int> position;
    for (const Take *take : review::ConsistencyReviewer::approvedTakes(project))
        position.insert(take->id, int(position.size()));
    m_film.takes.erase(
        std::remove_if(m_film.takes.begin(), m_film.takes.end(),
                       [&](const review::TakeReview &t) { return !position.contains(t.takeId); }),
        m_film.takes.end());
    std::stable_sort(m_film.takes.begin(), m_film.takes.end(),
                     [&](const review::TakeReview &a, const review::TakeReview &b) {
                         return position.value(a.takeId) < position.value(b.takeId);
                     });
    review::ConsistencyReviewer::score(project, m_film);
    rebuildTree();
    updateSummary();
    if (unmeasured > 0)
        Q_EMIT error(
            (unmeasured == 1
                 ? tr("1 take could not be measured: its image could not be read.")
                 : tr("%1 takes could not be measured: their images could not be read.").arg(unmeasured)));
    Q_EMIT reviewed();
    if (m_filmStale || !m_staleShots.isEmpty())
        m_debounce.start(0);
}

QTreeWidgetItem *ConsistencyPanel::itemOfShot(Id shotId) const {
    return m_items.value(shotId);
}

void ConsistencyPanel::rebuildTree() {
    QSet<Id> selected;
    for (QTreeWidgetItem *item : m_tree->selectedItems())
        selected.insert(item->data(0, kShotIdRole).toLongLong());
    const Id current = m_tree->currentItem() ? m_tree->currentItem()->data(0, kShotIdRole).toLongLong() : 0;
    const QSignalBlocker blocker(m_tree);
    m_tree->clear();
    m_items.clear();
    for (const review::SceneReview &scene : std::as_const(m_film.scenes)) {
        auto *sceneItem = new QTreeWidgetItem(m_tree);
        sceneItem->setText(ShotColumn, tr("Scene %1 \u00B7 %2").arg(scene.number, scene.heading));
        sceneItem->setText(ScoreColumn, percent(scene.score));
        if (scene.outliers > 0)
            sceneItem->setText(NotesColumn,
                               scene.outliers == 1 ? tr("1 outlier") : tr("%1 outliers").arg(scene.outliers));
        sceneItem->setFlags(Qt::ItemIsEnabled);
        QFont bold = sceneItem->font(ShotColumn);
        bold.setBold(true);
        sceneItem->setFont(ShotColumn, bold);
        for (const review::TakeReview &take : std::as_const(m_film.takes)) {
            if (take.sceneId != scene.sceneId)
                continue;
            auto *item = new QTreeWidgetItem(sceneItem);
            m_items.insert(take.shotId, item);
            item->setData(0, kShotIdRole, take.shotId);
            item->setText(ShotColumn, take.shotNumber);
            item->setText(ScoreColumn, percent(take.score()));
            styleMeasure(item, PaletteColumn, take.palette, palette());
            styleMeasure(item, ToneColumn, take.tone, palette());
            styleMeasure(item, PresenceColumn, take.presence, palette());
            QStringList notes;
            for (const review::Measure *m : take.measures())
                if (m->verdict == review::Verdict::Outlier)
                    notes.append(m->reason);
            if (auto it = m_repairedFrom.constFind(take.shotId);
                it != m_repairedFrom.constEnd() && it->takeId != take.takeId)
                if (const QString note = repairNote(*it, take); !note.isEmpty())
                    notes.append(note);
            notes.append(take.continuity);
            item->setText(NotesColumn, notes.join(QStringLiteral("; ")));
            item->setToolTip(NotesColumn, notes.join(QLatin1Char('\n')));
            item->setSelected(selected.contains(take.shotId));
            if (take.shotId == current)
                m_tree->setCurrentItem(item, 0, QItemSelectionModel::NoUpdate);
        }
        sceneItem->setExpanded(true);
    }
    updateButtons();
}

void ConsistencyPanel::updateSummary() {
    if (!m_document) {
        m_summary->setText(tr("Open a project to review its takes."));
        return;
    }
    if (m_run && m_run->shotIds.isEmpty()) {
        m_summary->setText(tr("Measuring %1 of %2 takes\u2026").arg(m_run->next).arg(m_run->takes.size()));
        return;
    }
    if (m_film.takes.isEmpty()) {
        m_summary->setText(m_filmStale ? tr("Not reviewed yet.")
                                       : tr("No circled take with an image to review yet."));
        return;
    }
    const int outliers = m_film.outliers();
    const QString film = percent(m_film.score);
    m_summary->setText(m_film.takes.size() == 1
                           ? tr("Film %1 \u00B7 %2 of 1 take outside the Visual DNA").arg(film).arg(outliers)
                           : tr("Film %1 \u00B7 %2 of %3 takes outside the Visual DNA")
                                 .arg(film)
                                 .arg(outliers)
                                 .arg(m_film.takes.size()));
}

void ConsistencyPanel::updateButtons() {
    bool repairable = false;
    for (QTreeWidgetItem *item : m_tree->selectedItems())
        if (const review::TakeReview *t = m_film.takeOfShot(item->data(0, kShotIdRole).toLongLong());
            t && t->outlier() && !t->changes.isEmpty())
            repairable = true;
    m_repair->setEnabled(repairable && m_document);
    m_selectOutliers->setEnabled(m_film.outliers() > 0);
    m_review->setEnabled(m_document && !m_run);
}

void ConsistencyPanel::selectOutliers() {
    m_tree->clearSelection();
    for (const review::TakeReview &take : std::as_const(m_film.takes))
        if (take.outlier())
            if (QTreeWidgetItem *item = itemOfShot(take.shotId))
                item->setSelected(true);
}

void ConsistencyPanel::repairSelected() {
    if (!m_document)
        return;
    for (QTreeWidgetItem *item : m_tree->selectedItems()) {
        const review::TakeReview *take = m_film.takeOfShot(item->data(0, kShotIdRole).toLongLong());
        if (!take || !take->outlier() || take->changes.isEmpty())
            continue;
        const review::TakeReview before = *take;
        if (Status st = m_generator->regenerate({before.shotId}, before.changes); !st) {
            Q_EMIT error(tr("Cannot repair shot %1: %2").arg(before.shotNumber, st.error()));
            return;
        }
        m_repairedFrom.insert(before.shotId, before);
    }
}

} // namespace shotcraft::ui
