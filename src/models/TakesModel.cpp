#include "models/TakesModel.h"

namespace shotcraft::models {

TakesModel::TakesModel(QObject *parent)
    : QAbstractListModel(parent) {
}

void TakesModel::setDocument(ProjectDocument *document) {
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_shotId = 0;
    reload();
    if (!m_document)
        return;
    connect(m_document, &ProjectDocument::takeAdded, this, &TakesModel::onTakeAdded);
    connect(m_document, &ProjectDocument::shotChanged, this, [this](Id shotId) {
        // The approved take may have changed: every row's ApprovedRole is affected.
        if (shotId == m_shotId && !m_takeIds.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_takeIds.size()) - 1),
                               {ApprovedRole, Qt::DecorationRole});
    });
    connect(m_document, &QObject::destroyed, this, [this] {
        m_document = nullptr;
        m_shotId = 0;
        reload();
    });
}

void TakesModel::setShot(Id shotId) {
    if (shotId == m_shotId)
        return;
    m_shotId = shotId;
    reload();
}

void TakesModel::reload() {
    beginResetModel();
    m_takeIds.clear();
    if (m_document)
        for (const Take *t : m_document->takesOfShot(m_shotId))
            m_takeIds.append(t->id);
    endResetModel();
}

void TakesModel::onTakeAdded(const Take &take) {
    if (take.shotId != m_shotId || m_shotId == 0)
        return;
    const int row = int(m_takeIds.size());
    beginInsertRows({}, row, row);
    m_takeIds.append(take.id);
    endInsertRows();
}

Id TakesModel::takeIdAt(int row) const {
    return row >= 0 && row < m_takeIds.size() ? m_takeIds[row] : 0;
}

int TakesModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_takeIds.size());
}

QVariant TakesModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_document)
        return {};
    const Take *take = m_document->take(m_takeIds[index.row()]);
    if (!take)
        return {};
    const Shot *shot = m_document->shot(m_shotId);
    const bool approved = shot && shot->approvedTakeId == take->id;
    switch (role) {
    case Qt::DisplayRole:
        return approved ? tr("Take %1 \u25EF").arg(index.row() + 1) : tr("Take %1").arg(index.row() + 1);
    case Qt::ToolTipRole:
        return tr("%1 \u00B7 seed %2 \u00B7 %3").arg(take->provider).arg(take->seed).arg(take->createdAt);
    case IdRole:
        return take->id;
    case ImageIdRole:
        return take->imageId;
    case ApprovedRole:
        return approved;
    case ProviderRole:
        return take->provider;
    case SeedRole:
        return take->seed;
    case CreatedRole:
        return take->createdAt;
    default:
        return {};
    }
}

QHash<int, QByteArray> TakesModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "id"},
                  {ImageIdRole, "imageId"},
                  {ApprovedRole, "approved"},
                  {ProviderRole, "provider"},
                  {SeedRole, "seed"},
                  {CreatedRole, "created"}});
    return names;
}

} // namespace shotcraft::models
