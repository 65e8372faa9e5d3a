// The generation queue dock: every job with its state and a progress bar, overall progress with
// an ETA, and cancel / retry for the selected jobs.
#pragma once

#include "domain/CinemaTypes.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace shotcraft::models {
class JobsModel;
class ProjectDocument;
} // namespace shotcraft::models

namespace shotcraft::ui {

class GenerationController;

class QueuePanel : public QWidget {
    Q_OBJECT
public:
    QueuePanel(GenerationController *generator, QWidget *parent = nullptr);
    void setDocument(models::ProjectDocument *document);
    models::JobsModel *jobsModel() const { return m_model; }
    QProgressBar *overallProgress() const { return m_overall; }
    QString etaText() const;
    QPushButton *resumeButton() const { return m_resume; }

Q_SIGNALS:
    void error(const QString &message);

private:
    QList<Id> selectedJobIds() const;
    void onProgress(int done, int total, qint64 etaMs);
    void updateResume();

    GenerationController *m_generator;
    models::JobsModel *m_model;
    QTableView *m_table;
    QProgressBar *m_overall;
    QLabel *m_eta;
    QPushButton *m_resume;
};

} // namespace shotcraft::ui
