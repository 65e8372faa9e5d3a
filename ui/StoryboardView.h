// The storyboard: a wrapping QListView of shot cards under act and scene headings. Virtualised by
// QListView (only visible cards are painted). Drag reorders shots within their scene; the view
// only asks for the move (moveRequested) so the window can make it an undoable command.
#pragma once

#include "domain/CinemaTypes.h"

#include <QListView>

namespace shotcraft::models {
class StoryboardModel;
}

namespace shotcraft::ui {

class ShotCardDelegate;
class ThumbnailCache;

class StoryboardView : public QListView {
    Q_OBJECT
public:
    StoryboardView(ThumbnailCache *cache, QWidget *parent = nullptr);

    void setStoryboardModel(models::StoryboardModel *model);
    models::StoryboardModel *storyboardModel() const { return m_model; }
    ShotCardDelegate *cardDelegate() const { return m_delegate; }

    void setCardWidth(int width);
    int cardWidth() const;
    void setAspectRatio(double ratio);
    QList<Id> selectedShotIds() const;
    Id currentShotId() const;
    void selectShot(Id shotId);

Q_SIGNALS:
    void moveRequested(shotcraft::Id shotId, int newOrder);
    void currentShotChanged(shotcraft::Id shotId);

protected:
    void startDrag(Qt::DropActions supportedActions) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;

private:
    void relayout();

    models::StoryboardModel *m_model = nullptr;
    ShotCardDelegate *m_delegate;
};

} // namespace shotcraft::ui
