// The generation queue as a table: what each job makes, its state, live progress, attempts and the
// last error. Persistent jobs come from the project; progress is the document's transient state.
#pragma once

#include "models/ProjectDocument.h"

#include <QAbstractTableModel>

namespace shotcraft::models {

class JobsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TargetColumn, StateColumn, ProgressColumn, AttemptsColumn, ErrorColumn, ColumnCount };
    enum Roles { IdRole = Qt::UserRole + 1, StateRole, ProgressRole };

    explicit JobsModel(QObject *parent = nullptr);
    void setDocument(ProjectDocument *document);
    Id jobIdAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void reload();
    void onJobChanged(Id jobId);
    void onShotStateChanged(Id shotId);
    const Job *job(int row) const;

    ProjectDocument *m_document = nullptr;
    QList<Id> m_ids;
    QHash<Id, int> m_row;
};

} // namespace shotcraft::models
