// The takes of one shot, oldest first (the take history strip and the prompt diff pick from it).
#pragma once

#include "models/ProjectDocument.h"

#include <QAbstractListModel>

namespace shotcraft::models {

class TakesModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Roles { IdRole = Qt::UserRole + 1, ImageIdRole, ApprovedRole, ProviderRole, SeedRole, CreatedRole };

    explicit TakesModel(QObject *parent = nullptr);
    void setDocument(ProjectDocument *document);
    void setShot(Id shotId);
    Id shotId() const { return m_shotId; }
    Id takeIdAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void reload();
    void onTakeAdded(const Take &take);

    ProjectDocument *m_document = nullptr;
    Id m_shotId = 0;
    QList<Id> m_takeIds;
};

} // namespace shotcraft::models
