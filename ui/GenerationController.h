// The studio's side of the generation queue: regenerate (with or without the user's changes),
// cancel and retry go to a pipeline::GenerationQueue over the open project — the same queue the
// CLI's generate and run use, so jobs are persisted in the project file, look-book frames a shot
// needs are generated first, and failures are retried the same way. This object reports what the
// queue wrote to the document (takes, jobs) and turns job progress into the cards' placeholders.
// A take the user asked for becomes the shot's circled take.
#pragma once

#include "domain/Project.h"
#include "domain/Result.h"
#include "pipeline/GenerationQueue.h"
#include "providers/ImageProvider.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>

namespace shotcraft::models {
class ProjectDocument;
}

namespace shotcraft::ui {

class GenerationController : public QObject {
    Q_OBJECT
public:
    explicit GenerationController(QObject *parent = nullptr);
    ~GenerationController() override;

    // Cancels whatever runs for the previous document.
    void setDocument(models::ProjectDocument *document);
    // Not owned; must outlive its use here (setProvider(nullptr) before destroying it).
    void setProvider(providers::ImageProvider *provider);
    providers::ImageProvider *provider() const { return m_provider; }

    // Queues one job per shot (a shot's unfinished job is reused) and starts the queue.
    Status regenerate(const QList<Id> &shotIds, const QString &changes = {});
    // Queues the look-book frames that have no image yet, or, with Regenerate, every frame named.
    Status generateLookBook(
        const QList<Id> &referenceIds,
        pipeline::GenerationQueue::LookBookFill fill = pipeline::GenerationQueue::LookBookFill::MissingOnly);
    void cancel(Id jobId);
    void cancelAll();
    // A failed or cancelled job is asked for again (a new job, with the same changes); an unfinished
    // job left by an interrupted session is picked up.
    Status retry(Id jobId);
    // Jobs an earlier session or a crash left queued or running, outside this session's runs.
    QList<Id> interruptedJobs() const;
    // Takes them all up on this window's engine (jobs queued for another engine move to it), as
    // `shotcraft generate` does: a job whose take was stored is closed without a request, the rest
    // run. Not while a run is going.
    Status resumeInterrupted();
    bool isBusy() const;
    // The queue of the current (or last) run; nullptr before the first.
    pipeline::GenerationQueue *queue() const { return m_queue.get(); }

Q_SIGNALS:
    // Jobs finished (any outcome) of the current run; ETA -1 if unknown.
    void progressChanged(int done, int total, qint64 etaMs);
    void shotFinished(shotcraft::Id shotId, bool ok);
    void idle();

private:
    pipeline::GenerationQueue *ensureQueue();
    void dropQueue();
    const Job *job(Id jobId) const;
    void onJobStateChanged(Id jobId, JobState state);
    void onTakeStored(Id jobId, Id takeId);
    void reportNewJobs();

    QPointer<models::ProjectDocument> m_document;
    QPointer<providers::ImageProvider> m_provider;
    std::unique_ptr<pipeline::GenerationQueue> m_queue;
    QHash<Id, QString> m_changes; // job -> the user's "regenerate with changes" text
};

} // namespace shotcraft::ui
