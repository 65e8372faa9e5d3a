// The Consistency dock: every approved take measured against the Visual DNA from its pixels
// (review::ConsistencyReviewer), scenes with their scores and, under each, its takes with palette,
// tone and presence verdicts, the reasons and the continuity flags. Outliers can be selected and
// repaired: regenerated through the window's queue with the measured deviation as prompt changes;
// the new take is measured again when it lands.
//
// The review runs only while the dock is on screen (setActive, from the dock's visibilityChanged:
// a dock tabbed behind another stays "visible" to QWidget), on a pool one core short of the machine so the
// window stays responsive: image bytes are read from the store here on the GUI thread (it is not
// thread-safe) a few takes at a time, decoded and measured on the pool against a copy of the
// project. Edits re-measure only the shots they touch; a palette, location or character edit (or a
// new look) measures the whole film again. An image is read and decoded once: its pixel measure is
// kept, and what an edit changes is measured against it.
#pragma once

#include "domain/CinemaTypes.h"
#include "review/ConsistencyReviewer.h"

#include <QFutureWatcher>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QThreadPool>
#include <QTimer>
#include <QWidget>

#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace shotcraft::models {
class ProjectDocument;
}

namespace shotcraft::ui {

class GenerationController;

class ConsistencyPanel : public QWidget {
    Q_OBJECT
public:
    explicit ConsistencyPanel(GenerationController *generator, QWidget *parent = nullptr);
    ~ConsistencyPanel() override;

    void setDocument(models::ProjectDocument *document);
    // Whether the panel is on screen: measuring waits until it is.
    void setActive(bool active);
    bool isActive() const { return m_active; }
    // Measures every approved take again (the dock does this by itself when it is shown and the
    // last review is out of date).
    void reviewFilm();
    void cancelReview();
    bool isReviewing() const { return m_run != nullptr; }
    // Regenerates the selected outliers with their measured deviation as prompt changes.
    void repairSelected();
    void selectOutliers();

    const review::FilmReview &film() const { return m_film; }
    const review::ConsistencyReviewer &reviewer() const { return m_reviewer; }
    QTreeWidget *tree() const { return m_tree; }
    QLabel *summary() const { return m_summary; }
    QPushButton *repairButton() const { return m_repair; }
    // The tree item of a shot's take, or nullptr.
    QTreeWidgetItem *itemOfShot(Id shotId) const;
    // Images read from the store so far for this document (an image is read and measured once).
    int imagesRead() const { return m_imagesRead; }

Q_SIGNALS:
    void shotActivated(shotcraft::Id shotId);
    // A review (of the whole film or of the shots an edit touched) is in.
    void reviewed();
    void error(const QString &message);

private:
    struct Run;
    struct Batch;
    using BatchResult = QList<review::TakeReview>;

    // Empty: the whole film. By value: callers pass m_staleShots, which this updates.
    void startRun(QSet<Id> shotIds);
    void readNextBatch();
    void onBatchMeasured();
    void finishRun();
    void scheduleShots(const QList<Id> &shotIds);
    void scheduleWholeFilm();
    void onTimer();
    void rebuildTree();
    void updateSummary();
    void updateButtons();

    GenerationController *m_generator;
    QPointer<models::ProjectDocument> m_document;
    review::ConsistencyReviewer m_reviewer;
    review::FilmReview m_film;
    // Before-repair reviews of the shots a repair was asked for, to show what it changed.
    QHash<Id, review::TakeReview> m_repairedFrom;
    // Each image's pixels as measured: a DNA or shot edit measures again without reading it again.
    QHash<Id, review::PixelMeasure> m_pixels;
    int m_imagesRead = 0;
    QHash<Id, QTreeWidgetItem *> m_items; // shot -> its take's row
    bool m_filmStale = true;
    bool m_active = false;
    QSet<Id> m_staleShots;
    QThreadPool m_pool;
    QFutureWatcher<BatchResult> m_watcher;
    std::unique_ptr<Run> m_run;
    QTimer m_debounce;

    QLabel *m_summary;
    QProgressBar *m_progress;
    QPushButton *m_review;
    QPushButton *m_cancel;
    QPushButton *m_selectOutliers;
    QPushButton *m_repair;
    QTreeWidget *m_tree;
};

} // namespace shotcraft::ui
