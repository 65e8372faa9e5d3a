#include "GenerationController.h"

#include "CoreServices.h"
#include "models/ProjectDocument.h"
#include "pipeline/GenerationQueue.h"
#include "providers/ImageProvider.h"

namespace shotcraft::ui {

GenerationController::GenerationController(QObject *parent)
    : QObject(parent) {
}

GenerationController::~GenerationController() {
    dropQueue();
}

void GenerationController::setDocument(models::ProjectDocument *document) {
    // The queue works on the document's project: it must go before the document does.
    dropQueue();
    m_changes.clear();
    m_document = document;
}

void GenerationController::setProvider(providers::ImageProvider *provider) {
    dropQueue();
    m_provider = provider;
}

void GenerationController::dropQueue() {
    if (!m_queue)
        return;
    m_queue->disconnect(this);
    const bool wasBusy = m_queue->isActive();
    const QList<Id> ids = m_queue->jobIds();
    m_queue->cancelAll();
    m_queue.reset(); // stops listening to requests still in flight and cancels them
    if (!m_document)
        return;
    // Whatever the run left unfinished is recorded as cancelled; the cards drop their placeholders.
    for (Id id : ids) {
        const Job *j = job(id);
        if (!j)
            continue;
        if (j->state == JobState::Queued || j->state == JobState::Running) {
            Job cancelled = *j;
            cancelled.state = JobState::Cancelled;
            cancelled.lastError = QStringLiteral("cancelled");
            (void)m_document->saveJob(cancelled);
        } else {
            m_document->jobUpdated(id);
        }
        if (const Job *after = job(id); after && after->shotId != 0)
            m_document->setProgress(after->shotId, -1);
    }
    if (wasBusy)
        Q_EMIT idle();
}

const Job *GenerationController::job(Id jobId) const {
    if (!m_document)
        return nullptr;
    for (const Job &j : m_document->project().jobs)
        if (j.id == jobId)
            return &j;
    return nullptr;
}

pipeline::GenerationQueue *GenerationController::ensureQueue() {
    if (!m_document || !m_provider)
        return nullptr;
    // A finished run's queue is replaced, so the overall progress counts the new run only.
    if (m_queue && !m_queue->isActive())
        dropQueue();
    if (m_queue)
        return m_queue.get();
    m_queue = std::make_unique<pipeline::GenerationQueue>(
        m_document->store(), m_document->mutableProject(),
        studioRequestBuilder([this](Id jobId) { return m_changes.value(jobId); }));
    m_queue->addProvider(m_provider);
    pipeline::GenerationQueue *queue = m_queue.get();
    connect(queue, &pipeline::GenerationQueue::jobStateChanged, this,
            &GenerationController::onJobStateChanged);
    connect(queue, &pipeline::GenerationQueue::takeStored, this, &GenerationController::onTakeStored);
    connect(queue, &pipeline::GenerationQueue::jobProgress, this, [this](Id jobId, double fraction) {
        if (const Job *j = job(jobId); j && j->shotId != 0 && m_document)
            m_document->setProgress(j->shotId, fraction);
    });
    connect(queue, &pipeline::GenerationQueue::progressChanged, this, &GenerationController::progressChanged);
    connect(queue, &pipeline::GenerationQueue::finished, this, &GenerationController::idle);
    return queue;
}

void GenerationController::reportNewJobs() {
    if (!m_queue || !m_document)
        return;
    for (Id id : m_queue->jobIds())
        m_document->jobUpdated(id);
}

Status GenerationController::regenerate(const QList<Id> &shotIds, const QString &changes) {
    if (!m_document)
        return Status::failure(tr("no project is open"));
    if (!m_provider)
        return Status::failure(tr("no image engine is available"));
    pipeline::GenerationQueue *queue = ensureQueue();
    Result<QList<Id>> ids = queue->enqueueShots(shotIds, m_provider->name());
    if (!ids)
        return Status::failure(ids.error());
    for (Id id : std::as_const(*ids)) {
        if (!changes.trimmed().isEmpty())
            m_changes.insert(id, changes);
        if (const Job *j = job(id)) {
            m_document->setFailure(j->shotId, {});
            m_document->setProgress(j->shotId, 0.0); // the placeholder, until the first progress step
        }
    }
    reportNewJobs();
    queue->start();
    return Status::success();
}

Status GenerationController::generateLookBook(const QList<Id> &referenceIds,
                                              pipeline::GenerationQueue::LookBookFill fill) {
    if (!m_document)
        return Status::failure(tr("no project is open"));
    if (!m_provider)
        return Status::failure(tr("no image engine is available"));
    pipeline::GenerationQueue *queue = ensureQueue();
    Result<QList<Id>> ids = queue->enqueueLookBook(referenceIds, m_provider->name(), fill);
    if (!ids)
        return Status::failure(ids.error());
    reportNewJobs();
    queue->start();
    return Status::success();
}

void GenerationController::cancel(Id jobId) {
    // A job left unfinished by an earlier session can be cancelled without a run: the queue records it.
    if (!m_queue && !ensureQueue())
        return;
    m_queue->cancel(jobId);
}

void GenerationController::cancelAll() {
    if (m_queue)
        m_queue->cancelAll();
}

Status GenerationController::retry(Id jobId) {
    const Job *j = job(jobId);
    if (!j)
        return Status::failure(tr("no job with id %1").arg(jobId));
    if (j->state == JobState::Succeeded)
        return Status::failure(tr("only a failed, cancelled or interrupted job can be retried"));
    if (m_queue && m_queue->isActive() && m_queue->jobIds().contains(jobId) &&
        (j->state == JobState::Queued || j->state == JobState::Running))
        return Status::success(); // already on its way
    if (j->kind == JobKind::LookBook)
        return generateLookBook({j->referenceId}, pipeline::GenerationQueue::LookBookFill::Regenerate);
    return regenerate({j->shotId}, m_changes.value(jobId));
}

QList<Id> GenerationController::interruptedJobs() const {
    QList<Id> ids;
    if (!m_document)
        return ids;
    const QList<Id> running = m_queue ? m_queue->jobIds() : QList<Id>();
    for (const Job &j : m_document->project().jobs)
        if ((j.state == JobState::Queued || j.state == JobState::Running) && !running.contains(j.id))
            ids.append(j.id);
    return ids;
}

Status GenerationController::resumeInterrupted() {
    if (!m_document)
        return Status::failure(tr("no project is open"));
    if (!m_provider)
        return Status::failure(tr("no image engine is available"));
    if (isBusy())
        return Status::failure(tr("a generation run is going: let it finish or cancel it first"));
    const QList<Id> ids = interruptedJobs();
    if (ids.isEmpty())
        return Status::success();
    // The window has one engine: jobs queued for another (a CLI run on a service) move to it.
    for (Id id : ids) {
        if (const Job *j = job(id); j && j->provider != m_provider->name()) {
            Job moved = *j;
            moved.provider = m_provider->name();
            if (Status st = m_document->saveJob(moved); !st)
                return st;
        }
    }
    pipeline::GenerationQueue *queue = ensureQueue();
    if (Status st = queue->resume(); !st)
        return st;
    for (Id id : ids)
        if (const Job *j = job(id); j && j->shotId != 0 && j->state == JobState::Queued)
            m_document->setProgress(j->shotId, 0.0);
    reportNewJobs();
    queue->start();
    return Status::success();
}

bool GenerationController::isBusy() const {
    return m_queue && m_queue->isActive();
}

void GenerationController::onJobStateChanged(Id jobId, JobState state) {
    if (!m_document)
        return;
    m_document->jobUpdated(jobId);
    const Job *j = job(jobId);
    if (!j || j->shotId == 0)
        return;
    switch (state) {
    case JobState::Queued:
    case JobState::Running:
        if (m_document->progress(j->shotId) < 0)
            m_document->setProgress(j->shotId, 0.0);
        break;
    case JobState::Succeeded:
        m_document->setProgress(j->shotId, -1);
        Q_EMIT shotFinished(j->shotId, true);
        break;
    case JobState::Failed:
    case JobState::Cancelled: {
        const Id shotId = j->shotId;
        m_document->setProgress(shotId, -1);
        m_document->setFailure(shotId, state == JobState::Failed ? j->lastError : QString());
        Q_EMIT shotFinished(shotId, false);
        break;
    }
    }
}

void GenerationController::onTakeStored(Id jobId, Id takeId) {
    if (!m_document)
        return;
    m_document->takeStored(takeId);
    const Job *j = job(jobId);
    const Shot *shot = j ? m_document->shot(j->shotId) : nullptr;
    if (!shot)
        return;
    m_document->setProgress(shot->id, -1);
    // The user asked for this take: it becomes the circled one (the queue only circles a first take).
    if (shot->approvedTakeId != takeId) {
        Shot circled = *shot;
        circled.approvedTakeId = takeId;
        (void)m_document->saveShot(circled);
    }
}

} // namespace shotcraft::ui
