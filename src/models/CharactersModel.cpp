#include "models/CharactersModel.h"

namespace shotcraft::models {

CharactersModel::CharactersModel(QObject *parent)
    : QAbstractListModel(parent) {
}

void CharactersModel::setDocument(ProjectDocument *document) {
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    reload();
    if (!m_document)
        return;
    connect(m_document, &ProjectDocument::characterChanged, this, &CharactersModel::onCharacterChanged);
    connect(m_document, &ProjectDocument::referencesChanged, this, [this] {
        if (!m_ids.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_ids.size()) - 1),
                               {PortraitImageIdRole, ReferenceCountRole});
    });
    connect(m_document, &QObject::destroyed, this, [this] {
        m_document = nullptr;
        reload();
    });
}

void CharactersModel::reload() {
    beginResetModel();
    m_ids.clear();
    if (m_document)
        for (const Character &c : m_document->project().characters)
            m_ids.append(c.id);
    endResetModel();
}

void CharactersModel::onCharacterChanged(Id id) {
    const QModelIndex existing = indexOfCharacter(id);
    if (existing.isValid()) {
        Q_EMIT dataChanged(existing, existing);
        return;
    }
    const int row = int(m_ids.size());
    beginInsertRows({}, row, row);
    m_ids.append(id);
    endInsertRows();
}

Id CharactersModel::characterIdAt(int row) const {
    return row >= 0 && row < m_ids.size() ? m_ids[row] : 0;
}

QModelIndex CharactersModel::indexOfCharacter(Id id) const {
    const qsizetype row = m_ids.indexOf(id);
    return row < 0 ? QModelIndex() : index(int(row));
}

Id CharactersModel::portraitImageId(Id characterId) const {
    // A face reference is the best portrait; any stored character image will do otherwise.
    Id fallback = 0;
    for (const ReferenceImage *r : m_document->referencesOf(ReferenceOwner::Character, characterId)) {
        if (r->imageId == 0)
            continue;
        if (r->role == ReferenceRole::Face)
            return r->imageId;
        if (fallback == 0)
            fallback = r->imageId;
    }
    return fallback;
}

int CharactersModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_ids.size());
}

QVariant CharactersModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_document)
        return {};
    const Character *c = m_document->character(m_ids[index.row()]);
    if (!c)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return c->name;
    case Qt::ToolTipRole:
        return c->description;
    case IdRole:
        return c->id;
    case RoleRole:
        return enumName(c->role);
    case PortraitImageIdRole:
        return portraitImageId(c->id);
    case ReferenceCountRole:
        return int(m_document->referencesOf(ReferenceOwner::Character, c->id).size());
    case WardrobeRole:
        return c->wardrobe;
    default:
        return {};
    }
}

QHash<int, QByteArray> CharactersModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "id"},
                  {RoleRole, "role"},
                  {PortraitImageIdRole, "portraitImageId"},
                  {ReferenceCountRole, "referenceCount"},
                  {WardrobeRole, "wardrobe"}});
    return names;
}

} // namespace shotcraft::models
