#include "StoryboardView.h"

#include "ShotCardDelegate.h"
#include "ThumbnailCache.h"
#include "models/StoryboardModel.h"

#include <QDrag>
#include <QDragEnterEvent>
#include <QMimeData>
#include <QScrollBar>

namespace shotcraft::ui {

using models::StoryboardModel;

StoryboardView::StoryboardView(ThumbnailCache *cache, QWidget *parent)
    : QListView(parent)
    , m_delegate(new ShotCardDelegate(cache, this)) {
    setObjectName(QStringLiteral("storyboard"));
    setItemDelegate(m_delegate);
    setViewMode(QListView::ListMode);
    setFlow(QListView::LeftToRight);
    setWrapping(true);
    setResizeMode(QListView::Adjust);
    setUniformItemSizes(false);
    // Batched layout keeps opening a 10,000-shot board responsive.
    setLayoutMode(QListView::Batched);
    setBatchSize(2000);
    setSpacing(4);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setDragEnabled(true);
    setAcceptDrops(true);
    setDropIndicatorShown(true);
    setDragDropMode(QAbstractItemView::DragDrop);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    verticalScrollBar()->setSingleStep(24);
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(cache, &ThumbnailCache::ready, viewport(), qOverload<>(&QWidget::update));
}

void StoryboardView::setStoryboardModel(StoryboardModel *model) {
    m_model = model;
    setModel(model);
}

void StoryboardView::setCardWidth(int width) {
    m_delegate->setCardWidth(std::clamp(width, 120, 640));
    relayout();
}

int StoryboardView::cardWidth() const {
    return m_delegate->cardWidth();
}

void StoryboardView::setAspectRatio(double ratio) {
    m_delegate->setAspectRatio(ratio);
    relayout();
}

void StoryboardView::relayout() {
    m_delegate->setRowWidth(std::max(200, viewport()->width() - 2 * spacing() - 2));
    // Item sizes changed: QListView caches them, so a fresh layout pass is needed.
    doItemsLayout();
    viewport()->update();
}

void StoryboardView::resizeEvent(QResizeEvent *event) {
    m_delegate->setRowWidth(std::max(200, viewport()->width() - 2 * spacing() - 2));
    QListView::resizeEvent(event);
}

QList<Id> StoryboardView::selectedShotIds() const {
    QList<Id> ids;
    if (!m_model)
        return ids;
    QModelIndexList rows = selectionModel()->selectedIndexes();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &index : rows)
        if (Id id = m_model->shotIdAt(index.row()))
            ids.append(id);
    return ids;
}

Id StoryboardView::currentShotId() const {
    return m_model ? m_model->shotIdAt(currentIndex().row()) : 0;
}

void StoryboardView::selectShot(Id shotId) {
    if (!m_model)
        return;
    const QModelIndex index = m_model->indexOfShot(shotId);
    if (!index.isValid())
        return;
    setCurrentIndex(index);
    scrollTo(index);
}

void StoryboardView::currentChanged(const QModelIndex &current, const QModelIndex &previous) {
    QListView::currentChanged(current, previous);
    Q_EMIT currentShotChanged(m_model ? m_model->shotIdAt(current.row()) : 0);
}

void StoryboardView::startDrag(Qt::DropActions supportedActions) {
    Q_UNUSED(supportedActions);
    const QModelIndexList indexes = selectedIndexes();
    QMimeData *mime = m_model ? m_model->mimeData(indexes) : nullptr;
    if (!mime)
        return;
    auto *drag = new QDrag(this);
    drag->setMimeData(mime);
    // The drop handler asks for the move itself; the view must not remove rows afterwards.
    drag->exec(Qt::MoveAction);
}

void StoryboardView::dragEnterEvent(QDragEnterEvent *event) {
    if (!event->mimeData()->hasFormat(QLatin1String(StoryboardModel::shotIdsMimeType))) {
        event->ignore(); // script files fall through to the window
        return;
    }
    QListView::dragEnterEvent(event);
    event->acceptProposedAction();
}

void StoryboardView::dragMoveEvent(QDragMoveEvent *event) {
    if (!event->mimeData()->hasFormat(QLatin1String(StoryboardModel::shotIdsMimeType))) {
        event->ignore();
        return;
    }
    QListView::dragMoveEvent(event);
    event->acceptProposedAction();
}

void StoryboardView::dropEvent(QDropEvent *event) {
    const QList<Id> ids = StoryboardModel::shotIdsFromMime(event->mimeData());
    if (ids.isEmpty() || !m_model || !m_model->document()) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::MoveAction);
    event->accept();
    setState(NoState);
    viewport()->update();
    const auto *doc = m_model->document();
    const Shot *moving = doc->shot(ids.first());
    const QModelIndex target = indexAt(event->position().toPoint());
    if (!moving || !target.isValid())
        return;
    const auto kind = StoryboardModel::RowKind(target.data(StoryboardModel::KindRole).toInt());
    const Id targetScene = target.data(StoryboardModel::SceneIdRole).toLongLong();
    // Shots reorder within their scene; moving a shot to another scene is a breakdown edit.
    if (targetScene != moving->sceneId)
        return;
    // Positions within the scene: rows after its heading row.
    auto positionInScene = [this](int row) {
        int r = row;
        while (r > 0 && StoryboardModel::RowKind(m_model->index(r).data(StoryboardModel::KindRole).toInt()) !=
                            StoryboardModel::RowKind::Scene)
            --r;
        return row - r - 1;
    };
    const int from = positionInScene(m_model->indexOfShot(moving->id).row());
    const int newOrder = kind == StoryboardModel::RowKind::Shot ? positionInScene(target.row()) : 0;
    if (newOrder != from)
        Q_EMIT moveRequested(moving->id, newOrder);
}

} // namespace shotcraft::ui
