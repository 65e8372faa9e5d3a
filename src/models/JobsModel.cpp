#include "models/JobsModel.h"

namespace shotcraft::models {

JobsModel::JobsModel(QObject *parent)
    : QAbstractTableModel(parent) {
}

void JobsModel::setDocument(ProjectDocument *document) {
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    reload();
    if (!m_document)
        return;
    connect(m_document, &ProjectDocument::jobChanged, this, &JobsModel::onJobChanged);
    connect(m_document, &ProjectDocument::shotStateChanged, this, &JobsModel::onShotStateChanged);
    connect(m_document, &QObject::destroyed, this, [this] {
        m_document = nullptr;
        reload();
    });
}

void JobsModel::reload() {
    beginResetModel();
    m_ids.clear();
    m_row.clear();
    if (m_document) {
        for (const Job &j : m_document->project().jobs) {
            m_row.insert(j.id, int(m_ids.size()));
            m_ids.append(j.id);
        }
    }
    endResetModel();
}

void JobsModel::onJobChanged(Id jobId) {
    const auto it = m_row.constFind(jobId);
    if (it != m_row.cend()) {
        Q_EMIT dataChanged(index(*it, 0), index(*it, ColumnCount - 1));
        return;
    }
    const int row = int(m_ids.size());
    beginInsertRows({}, row, row);
    m_row.insert(jobId, row);
    m_ids.append(jobId);
    endInsertRows();
}

void JobsModel::onShotStateChanged(Id shotId) {
    for (int row = 0; row < m_ids.size(); ++row) {
        const Job *j = job(row);
        if (j && j->shotId == shotId && (j->state == JobState::Running || j->state == JobState::Queued))
            Q_EMIT dataChanged(index(row, ProgressColumn), index(row, ProgressColumn));
    }
}

const Job *JobsModel::job(int row) const {
    if (!m_document || row < 0 || row >= m_ids.size())
        return nullptr;
    // Jobs are few (one per request in flight or recent); a scan is fine.
    for (const Job &j : m_document->project().jobs)
        if (j.id == m_ids[row])
            return &j;
    return nullptr;
}

Id JobsModel::jobIdAt(int row) const {
    return row >= 0 && row < m_ids.size() ? m_ids[row] : 0;
}

int JobsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_ids.size());
}

int JobsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TargetColumn:
        return tr("Job");
    case StateColumn:
        return tr("State");
    case ProgressColumn:
        return tr("Progress");
    case AttemptsColumn:
        return tr("Attempts");
    case ErrorColumn:
        return tr("Last error");
    default:
        return {};
    }
}

QVariant JobsModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Job *j = job(index.row());
    if (!j)
        return {};
    const double progress = j->state == JobState::Succeeded ? 1.0
                            : j->state == JobState::Running ? std::max(0.0, m_document->progress(j->shotId))
                                                            : 0.0;
    if (role == IdRole)
        return j->id;
    if (role == StateRole)
        return int(j->state);
    if (role == ProgressRole)
        return progress;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case TargetColumn: {
        if (j->kind == JobKind::LookBook) {
            const ReferenceImage *r = m_document->project().reference(j->referenceId);
            return tr("Look book: %1").arg(r ? r->label : QString::number(j->referenceId));
        }
        const Shot *s = m_document->shot(j->shotId);
        return tr("Shot %1").arg(s ? s->number : QString::number(j->shotId));
    }
    case StateColumn:
        return enumName(j->state);
    case ProgressColumn:
        return QStringLiteral("%1%").arg(qRound(progress * 100));
    case AttemptsColumn:
        return j->attempts;
    case ErrorColumn:
        return j->lastError;
    default:
        return {};
    }
}

} // namespace shotcraft::models
