// The storyboard as a flat list: an act-heading row, then per scene a scene-heading row followed
// by its shots in board order. Flat (not a tree) so a wrapping QListView can lay 10,000 cards out
// in one pass and virtualise painting. Moves and edits arrive from ProjectDocument as row moves
// and dataChanged, so selection and scroll position survive them.
#pragma once

#include "models/ProjectDocument.h"

#include <QAbstractListModel>

namespace shotcraft::models {

class StoryboardModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum class RowKind { Act, Scene, Shot };
    Q_ENUM(RowKind)
    enum Roles {
        KindRole = Qt::UserRole + 1, // RowKind as int
        IdRole,                      // act, scene or shot id
        SceneIdRole,                 // the scene a shot or scene heading belongs to
        ShotNumberRole,
        SizeRole,  // "CU"
        AngleRole, // "low"
        LensRole,  // "35mm f/2.8"
        MovementRole,
        DurationRole, // seconds, double
        ExcerptRole,  // dialogue excerpt or action description
        ImageIdRole,  // the approved take's image, 0 if none
        ProgressRole, // generation progress 0..1, or -1 when idle
        StaleRole,
        FailureRole, // last failure, empty if none
        TakeCountRole,
    };

    static constexpr const char *shotIdsMimeType = "application/x-shotcraft-shot-ids";

    explicit StoryboardModel(QObject *parent = nullptr);

    void setDocument(ProjectDocument *document);
    ProjectDocument *document() const { return m_document; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }

    QModelIndex indexOfShot(Id shotId) const;
    Id shotIdAt(int row) const;
    // Shot ids carried by a drag from the storyboard.
    static QList<Id> shotIdsFromMime(const QMimeData *mime);

private:
    struct Row {
        RowKind kind;
        Id id;
    };
    void rebuild();
    void onShotChanged(Id shotId);
    void onShotMoved(Id shotId, int fromOrder, int toOrder);
    void onTakeAdded(const Take &take);

    ProjectDocument *m_document = nullptr;
    QList<Row> m_rows;
    QHash<Id, int> m_shotRow;
};

} // namespace shotcraft::models
