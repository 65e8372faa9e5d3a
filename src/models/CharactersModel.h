// The film's characters for the Visual DNA panel: name, role, portrait image and reference count.
#pragma once

#include "models/ProjectDocument.h"

#include <QAbstractListModel>

namespace shotcraft::models {

class CharactersModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Roles { IdRole = Qt::UserRole + 1, RoleRole, PortraitImageIdRole, ReferenceCountRole, WardrobeRole };

    explicit CharactersModel(QObject *parent = nullptr);
    void setDocument(ProjectDocument *document);
    Id characterIdAt(int row) const;
    QModelIndex indexOfCharacter(Id id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void reload();
    void onCharacterChanged(Id id);
    Id portraitImageId(Id characterId) const;

    ProjectDocument *m_document = nullptr;
    QList<Id> m_ids;
};

} // namespace shotcraft::models
