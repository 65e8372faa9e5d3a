// The generation queue: turns jobs of the project file into takes. Lives on the main thread beside
// the ProjectStore. Jobs are persisted (so a crash or kill -9 resumes where it stopped); a take is
// stored together with its job's success in one transaction, and a job whose take is stored is
// never requested again. Look-book jobs run before the shots that reference them and a chained
// shot after the shot it chains to; nothing else waits. Each provider gets a sliding window of
// requests (ConcurrencyWindow). Failures: transient ones are re-queued with backoff up to a bounded
// number of attempts, a content-policy refusal is retried once with a softened prompt, a permanent
// one fails that job and the rest continue; the summary lists every failure and why.
#pragma once

#include "domain/Project.h"
#include "domain/Result.h"
#include "pipeline/ConcurrencyWindow.h"
#include "pipeline/RequestBuilder.h"
#include "providers/ImageProvider.h"
#include "storage/WriterLock.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace shotcraft::storage {
class ProjectStore;
}

namespace shotcraft::pipeline {

struct QueueOptions {
    int concurrency = 0;     // the user's cap (--concurrency); 0: the provider's own
    int maxAttempts = 5;     // requests per job before a transient failure becomes final
    int backoffBaseMs = 500; // first re-queue delay after a transient failure, doubled each time
    int backoffMaxMs = 8000;
};

struct JobFailure {
    Id jobId = 0;
    Id shotId = 0;
    Id referenceId = 0;
    QString label; // "shot 12A", "look-book frame 'Mara — face'"
    QString reason;
};

struct RunSummary {
    int total = 0;
    int succeeded = 0;
    int failed = 0;
    int cancelled = 0;
    int requests = 0;  // requests sent (retries included)
    int softened = 0;  // content-policy refusals retried with a softened prompt
    int recovered = 0; // jobs found already done (take stored) when resuming
    qint64 wallMs = 0;
    QList<JobFailure> failures;
};

class GenerationQueue : public QObject {
    Q_OBJECT
public:
    // `project` is the in-memory copy the caller shows; the queue keeps it in step with the file.
    GenerationQueue(storage::ProjectStore &store, Project &project, RequestBuilder builder,
                    QObject *parent = nullptr);
    ~GenerationQueue() override;

    void setOptions(const QueueOptions &options);
    const QueueOptions &options() const { return m_options; }
    // Makes a provider available to jobs naming it. Not owned; must outlive the queue.
    void addProvider(providers::ImageProvider *provider);

    // Persists (in one transaction) one job per shot, reusing a shot's unfinished job, plus a
    // look-book job for every frame those shots' plans need that has no image and no job yet.
    // Returns the shots' job ids.
    Result<QList<Id>> enqueueShots(const QList<Id> &shotIds, const QString &provider);
    // One job per look-book frame (reference): only the frames without an image, or, when the user
    // asks for it, every frame named (its new take becomes the frame's image; older takes are kept).
    enum class LookBookFill { MissingOnly, Regenerate };
    Result<QList<Id>> enqueueLookBook(const QList<Id> &referenceIds, const QString &provider,
                                      LookBookFill fill = LookBookFill::MissingOnly);

    // Takes up every unfinished job of the project: a job left running by a crash goes back to the
    // queue, and one whose take is already stored is marked succeeded without a request.
    Status resume();
    // Starts dispatching; finished() follows when no job is queued or running.
    void start();
    void cancel(Id jobId);
    void cancelAll();

    bool isActive() const { return m_started && !m_done; }
    RunSummary summary() const;
    // Jobs of this run in dispatch order.
    QList<Id> jobIds() const { return m_runJobs; }
    const Job *job(Id jobId) const;
    // Requests in flight per provider and the window's current limit (for the window and tests).
    int inFlight(const QString &provider) const;
    int windowLimit(const QString &provider) const;

Q_SIGNALS:
    void jobStateChanged(shotcraft::Id jobId, shotcraft::JobState state);
    void jobProgress(shotcraft::Id jobId, double fraction);
    void takeStored(shotcraft::Id jobId, shotcraft::Id takeId);
    // Overall: jobs finished (any outcome) of `total`, and the estimated time left (-1: unknown).
    void progressChanged(int done, int total, qint64 etaMs);
    void finished();

private:
    struct ProviderSlot {
        QPointer<providers::ImageProvider> provider;
        ConcurrencyWindow window;
    };
    struct Runtime {
        QPointer<providers::ImageJob> request;
        ConcurrencyWindow::Ticket ticket;
        qint64 notBeforeMs = 0;
        bool softened = false; // the one softened retry has been used
        std::optional<PromptPackage> softenedPackage;
        bool enhancing = false; // the builder's enhance pass is running; dispatched again after it
        std::optional<PromptPackage> enhancedPackage;
        PromptPackage package; // of the request in flight
        ConsistencyPlan plan;
        QList<Id> referencesSent;
        bool cancelRequested = false;
        bool storing = false;
    };

    Job *mutableJob(Id jobId);
    // Taken before the first job is queued or resumed, held until the queue goes: one job runner
    // per project file (storage::WriterLock).
    Status holdWriterLock();
    Status persist(Job &job);
    Status createJob(Job &job);
    QString labelOf(const Job &job) const;
    bool dependenciesDone(const Job &job) const;
    void scheduleSoon();
    void schedule();
    void dispatch(Job &job, ProviderSlot &slot);
    void onRequestFinished(Id jobId, const QString &providerName, const providers::ImageResult &result);
    void storeTake(Id jobId, const providers::ImageResult &result, const QByteArray &thumbnail, int width,
                   int height);
    void finishJob(Job &job, JobState state, const QString &reason = {});
    void requeue(Job &job, qint64 delayMs, const QString &reason);
    void emitProgress();
    void checkDone();
    Status markRecovered(Job &job, const Take &take);
    ProviderSlot *slotFor(const QString &name);

    storage::ProjectStore &m_store;
    Project &m_project;
    RequestBuilder m_builder;
    QueueOptions m_options;
    std::map<QString, ProviderSlot> m_providers;
    QList<Id> m_runJobs;
    QHash<Id, Runtime> m_runtime;
    QTimer m_timer;
    QElapsedTimer m_clock;
    bool m_started = false;
    bool m_done = false;
    bool m_scheduleQueued = false;
    int m_requests = 0;
    int m_softened = 0;
    int m_recovered = 0;
    qint64 m_wallMs = 0;
    std::unique_ptr<storage::WriterLock> m_writerLock;
};

} // namespace shotcraft::pipeline
