#include "models/StoryboardModel.h"

#include <QDataStream>
#include <QIODevice>
#include <QMimeData>

#include <algorithm>

namespace shotcraft::models {

StoryboardModel::StoryboardModel(QObject *parent)
    : QAbstractListModel(parent) {
}

void StoryboardModel::setDocument(ProjectDocument *document) {
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    beginResetModel();
    m_document = document;
    rebuild();
    endResetModel();
    if (!m_document)
        return;
    connect(m_document, &ProjectDocument::shotChanged, this, &StoryboardModel::onShotChanged);
    connect(m_document, &ProjectDocument::shotStateChanged, this, &StoryboardModel::onShotChanged);
    connect(m_document, &ProjectDocument::shotMoved, this, &StoryboardModel::onShotMoved);
    connect(m_document, &ProjectDocument::takeAdded, this, &StoryboardModel::onTakeAdded);
    connect(m_document, &QObject::destroyed, this, [this] {
        beginResetModel();
        m_document = nullptr;
        rebuild();
        endResetModel();
    });
}

void StoryboardModel::rebuild() {
    m_rows.clear();
    m_shotRow.clear();
    if (!m_document)
        return;
    const Project &p = m_document->project();
    QHash<Id, QList<const Shot *>> byScene;
    for (const Shot &s : p.shots)
        byScene[s.sceneId].append(&s);
    m_rows.reserve(p.shots.size() + 2 * p.scenes.size());
    Id currentAct = -1;
    for (const Scene &scene : p.scenes) {
        if (scene.actId != currentAct && scene.actId != 0) {
            m_rows.append({RowKind::Act, scene.actId});
        }
        currentAct = scene.actId;
        m_rows.append({RowKind::Scene, scene.id});
        QList<const Shot *> shots = byScene.value(scene.id);
        std::stable_sort(shots.begin(), shots.end(),
                         [](const Shot *a, const Shot *b) { return a->order < b->order; });
        for (const Shot *s : shots) {
            m_shotRow.insert(s->id, int(m_rows.size()));
            m_rows.append({RowKind::Shot, s->id});
        }
    }
}

int StoryboardModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

namespace {
QString lensLabel(const Lens &lens) {
    return QStringLiteral("%1mm f/%2").arg(lens.focalLengthMm, 0, 'f', 0).arg(lens.aperture, 0, 'g', 2);
}

QString excerptOf(const Shot &shot) {
    const QString text = shot.dialogueExcerpt.isEmpty()
                             ? shot.description
                             : QStringLiteral("\u201C%1\u201D").arg(shot.dialogueExcerpt);
    return text.simplified();
}
} // namespace

QVariant StoryboardModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_document)
        return {};
    const Row &row = m_rows[index.row()];
    if (role == KindRole)
        return int(row.kind);
    if (role == IdRole)
        return row.id;
    const Project &p = m_document->project();
    switch (row.kind) {
    case RowKind::Act: {
        const Act *act = p.act(row.id);
        if (role == Qt::DisplayRole)
            return act ? tr("ACT %1 \u2014 %2").arg(act->number).arg(act->title.toUpper()) : QString();
        return {};
    }
    case RowKind::Scene: {
        const Scene *scene = m_document->scene(row.id);
        if (!scene)
            return {};
        if (role == Qt::DisplayRole)
            return QStringLiteral("%1  %2").arg(scene->number, scene->heading);
        if (role == SceneIdRole)
            return scene->id;
        if (role == Qt::ToolTipRole)
            return scene->summary;
        return {};
    }
    case RowKind::Shot:
        break;
    }
    const Shot *shot = m_document->shot(row.id);
    if (!shot)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case ShotNumberRole:
        return shot->number;
    case Qt::ToolTipRole:
        return shot->description;
    case SceneIdRole:
        return shot->sceneId;
    case SizeRole:
        return enumName(shot->size);
    case AngleRole:
        return enumName(shot->angle);
    case MovementRole:
        return enumName(shot->movement);
    case LensRole:
        return lensLabel(shot->lens);
    case DurationRole:
        return shot->durationSec;
    case ExcerptRole:
        return excerptOf(*shot);
    case ImageIdRole:
        return m_document->approvedImageId(shot->id);
    case ProgressRole:
        return m_document->progress(shot->id);
    case StaleRole:
        return m_document->isStale(shot->id);
    case FailureRole:
        return m_document->failure(shot->id);
    case TakeCountRole:
        return int(m_document->takesOfShot(shot->id).size());
    default:
        return {};
    }
}

Qt::ItemFlags StoryboardModel::flags(const QModelIndex &index) const {
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    if (m_rows[index.row()].kind != RowKind::Shot)
        return Qt::ItemIsEnabled; // headings: not selectable, not draggable
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled;
}

QHash<int, QByteArray> StoryboardModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{KindRole, "kind"},
                  {IdRole, "id"},
                  {SceneIdRole, "sceneId"},
                  {ShotNumberRole, "number"},
                  {SizeRole, "size"},
                  {AngleRole, "angle"},
                  {LensRole, "lens"},
                  {MovementRole, "movement"},
                  {DurationRole, "duration"},
                  {ExcerptRole, "excerpt"},
                  {ImageIdRole, "imageId"},
                  {ProgressRole, "progress"},
                  {StaleRole, "stale"},
                  {FailureRole, "failure"},
                  {TakeCountRole, "takeCount"}});
    return names;
}

QStringList StoryboardModel::mimeTypes() const {
    return {QLatin1String(shotIdsMimeType)};
}

QMimeData *StoryboardModel::mimeData(const QModelIndexList &indexes) const {
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    QList<Id> ids;
    for (const QModelIndex &index : indexes)
        if (index.isValid() && m_rows[index.row()].kind == RowKind::Shot)
            ids.append(m_rows[index.row()].id);
    if (ids.isEmpty())
        return nullptr;
    out << ids;
    auto *mime = new QMimeData;
    mime->setData(QLatin1String(shotIdsMimeType), bytes);
    return mime;
}

QList<Id> StoryboardModel::shotIdsFromMime(const QMimeData *mime) {
    QList<Id> ids;
    if (!mime || !mime->hasFormat(QLatin1String(shotIdsMimeType)))
        return ids;
    QDataStream in(mime->data(QLatin1String(shotIdsMimeType)));
    in >> ids;
    return ids;
}

QModelIndex StoryboardModel::indexOfShot(Id shotId) const {
    const auto it = m_shotRow.constFind(shotId);
    return it == m_shotRow.cend() ? QModelIndex() : index(*it);
}

Id StoryboardModel::shotIdAt(int row) const {
    if (row < 0 || row >= m_rows.size() || m_rows[row].kind != RowKind::Shot)
        return 0;
    return m_rows[row].id;
}

void StoryboardModel::onShotChanged(Id shotId) {
    const QModelIndex index = indexOfShot(shotId);
    if (index.isValid())
        Q_EMIT dataChanged(index, index);
}

void StoryboardModel::onTakeAdded(const Take &take) {
    onShotChanged(take.shotId);
}

void StoryboardModel::onShotMoved(Id shotId, int fromOrder, int toOrder) {
    const auto it = m_shotRow.constFind(shotId);
    if (it == m_shotRow.cend())
        return;
    const int fromRow = *it;
    const int firstRow = fromRow - fromOrder;
    const int toRow = firstRow + toOrder;
    if (!beginMoveRows({}, fromRow, fromRow, {}, toRow > fromRow ? toRow + 1 : toRow))
        return;
    m_rows.move(fromRow, toRow);
    for (int r = std::min(fromRow, toRow); r <= std::max(fromRow, toRow); ++r)
        m_shotRow.insert(m_rows[r].id, r);
    endMoveRows();
}

} // namespace shotcraft::models
