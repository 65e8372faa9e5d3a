#include "pipeline/GenerationQueue.h"

#include "domain/Logging.h"
#include "storage/ProjectStore.h"

#include <QBuffer>
#include <QDateTime>
#include <QFutureWatcher>
#include <QImageReader>
#include <QRandomGenerator>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <map>

namespace shotcraft::pipeline {

namespace {

QString nowIso() {
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

bool unfinished(JobState state) {
    return state == JobState::Queued || state == JobState::Running;
}

// Decoded off the main thread: the stored thumbnail and the real pixel size.
struct DecodedImage {
    QByteArray thumbnail;
    int width = 0;
    int height = 0;
};

DecodedImage decode(const QByteArray &encoded) {
    DecodedImage out;
    QBuffer buffer;
    buffer.setData(encoded);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    const QSize size = reader.size();
    out.width = size.width();
    out.height = size.height();
    out.thumbnail = storage::ProjectStore::makeThumbnail(encoded);
    return out;
}

} // namespace

GenerationQueue::GenerationQueue(storage::ProjectStore &store, Project &project, RequestBuilder builder,
                                 QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_project(project)
    , m_builder(std::move(builder)) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &GenerationQueue::schedule);
}

GenerationQueue::~GenerationQueue() {
    // Requests still in flight belong to their providers; stop listening and let them go.
    for (auto it = m_runtime.begin(); it != m_runtime.end(); ++it) {
        if (it->request) {
            disconnect(it->request, nullptr, this, nullptr);
            it->request->cancel();
        }
    }
}

void GenerationQueue::setOptions(const QueueOptions &options) {
    m_options = options;
    for (auto &[name, slot] : m_providers) {
        int cap = slot.provider ? slot.provider->caps().maxConcurrency : 1;
        if (m_options.concurrency > 0)
            cap = std::min(cap, m_options.concurrency);
        slot.window.setCap(cap);
    }
}

void GenerationQueue::addProvider(providers::ImageProvider *provider) {
    ProviderSlot &slot = m_providers[provider->name()];
    slot.provider = provider;
    int cap = std::max(1, provider->caps().maxConcurrency);
    if (m_options.concurrency > 0)
        cap = std::min(cap, m_options.concurrency);
    slot.window.setCap(cap);
}

GenerationQueue::ProviderSlot *GenerationQueue::slotFor(const QString &name) {
    auto it = m_providers.find(name);
    if (it == m_providers.end() || !it->second.provider)
        return nullptr;
    return &it->second;
}

const Job *GenerationQueue::job(Id jobId) const {
    for (const Job &j : m_project.jobs)
        if (j.id == jobId)
            return &j;
    return nullptr;
}

Job *GenerationQueue::mutableJob(Id jobId) {
    for (Job &j : m_project.jobs)
        if (j.id == jobId)
            return &j;
    return nullptr;
}

Status GenerationQueue::persist(Job &job) {
    job.updatedAt = nowIso();
    return m_store.save(job);
}

Status GenerationQueue::createJob(Job &job) {
    Result<Id> id = m_store.allocateId();
    if (!id)
        return Status::failure(id.error());
    job.id = *id;
    m_project.nextId = std::max(m_project.nextId, job.id + 1);
    // One key per intended take; the take stored for it carries the job id (ProjectStore::takeForJob).
    job.idempotencyKey = QStringLiteral("%1-%2-job-%3")
                             .arg(job.kind == JobKind::Shot ? QStringLiteral("shot") : QStringLiteral("look"))
                             .arg(job.kind == JobKind::Shot ? job.shotId : job.referenceId)
                             .arg(job.id);
    job.createdAt = nowIso();
    return persist(job);
}

QString GenerationQueue::labelOf(const Job &job) const {
    if (job.kind == JobKind::LookBook) {
        const ReferenceImage *ref = m_project.reference(job.referenceId);
        return QStringLiteral("look-book frame '%1'")
            .arg(ref && !ref->label.isEmpty() ? ref->label : QString::number(job.referenceId));
    }
    const Shot *shot = m_project.shot(job.shotId);
    return QStringLiteral("shot %1").arg(shot && !shot->number.isEmpty() ? shot->number
                                                                         : QString::number(job.shotId));
}

Result<QList<Id>> GenerationQueue::enqueueLookBook(const QList<Id> &referenceIds, const QString &provider,
                                                   LookBookFill fill) {
    if (Status locked = holdWriterLock(); !locked)
        return Result<QList<Id>>::failure(locked.error());
    QList<Id> ids;
    QList<Job> created;
    const Status st = m_store.transaction([&]() -> Status {
        for (Id refId : referenceIds) {
            const ReferenceImage *ref = m_project.reference(refId);
            if (!ref)
                return Status::failure(QStringLiteral("no look-book frame with id %1").arg(refId));
            if (ref->imageId != 0 && fill == LookBookFill::MissingOnly)
                continue;
            const auto pending =
                std::find_if(m_project.jobs.cbegin(), m_project.jobs.cend(), [&](const Job &j) {
                    return j.kind == JobKind::LookBook && j.referenceId == refId && unfinished(j.state);
                });
            if (pending != m_project.jobs.cend()) {
                ids.append(pending->id);
                continue;
            }
            Job job;
            job.kind = JobKind::LookBook;
            job.referenceId = refId;
            job.provider = provider;
            if (Status s = createJob(job); !s)
                return s;
            created.append(job);
            ids.append(job.id);
        }
        return Status::success();
    });
    if (!st)
        return Result<QList<Id>>::failure(st.error());
    m_project.jobs.append(created);
    for (Id id : ids)
        if (!m_runJobs.contains(id))
            m_runJobs.append(id);
    scheduleSoon();
    return ids;
}

Result<QList<Id>> GenerationQueue::enqueueShots(const QList<Id> &shotIds, const QString &provider) {
    using R = Result<QList<Id>>;
    if (Status locked = holdWriterLock(); !locked)
        return R::failure(locked.error());
    ProviderSlot *slot = slotFor(provider);
    const int referenceLimit = slot ? slot->provider->caps().maxReferences : 0;

    // Look-book frames first, so shot jobs can name them as dependencies.
    QList<Id> framesNeeded;
    QHash<Id, ConsistencyPlan> plans;
    for (Id shotId : shotIds) {
        if (!m_project.shot(shotId))
            return R::failure(QStringLiteral("no shot with id %1").arg(shotId));
        Job probe;
        probe.kind = JobKind::Shot;
        probe.shotId = shotId;
        probe.provider = provider;
        const ConsistencyPlan plan =
            m_builder.plan ? m_builder.plan(m_project, probe, referenceLimit) : ConsistencyPlan{};
        plans.insert(shotId, plan);
        for (Id refId : plan.lookBookDependencies) {
            const ReferenceImage *ref = m_project.reference(refId);
            if (ref && ref->imageId == 0 && !framesNeeded.contains(refId))
                framesNeeded.append(refId);
        }
    }
    const R frames = enqueueLookBook(framesNeeded, provider);
    if (!frames)
        return frames;

    auto pendingJobFor = [this](JobKind kind, Id targetId) -> const Job * {
        for (const Job &j : m_project.jobs)
            if (j.kind == kind && unfinished(j.state) &&
                (kind == JobKind::Shot ? j.shotId : j.referenceId) == targetId)
                return &j;
        return nullptr;
    };

    QList<Id> ids;
    QList<Job> created;
    const Status st = m_store.transaction([&]() -> Status {
        QHash<Id, Id> jobOfShot; // shot -> its job in this call, for chaining
        for (Id shotId : shotIds) {
            if (const Job *pending = pendingJobFor(JobKind::Shot, shotId)) {
                ids.append(pending->id);
                jobOfShot.insert(shotId, pending->id);
                continue;
            }
            const ConsistencyPlan &plan = plans[shotId];
            Job job;
            job.kind = JobKind::Shot;
            job.shotId = shotId;
            job.provider = provider;
            for (Id refId : plan.lookBookDependencies)
                if (const Job *frameJob = pendingJobFor(JobKind::LookBook, refId))
                    job.dependsOn.append(frameJob->id);
            if (plan.chainedShotId != 0) {
                if (jobOfShot.contains(plan.chainedShotId))
                    job.dependsOn.append(jobOfShot.value(plan.chainedShotId));
                else if (const Job *chained = pendingJobFor(JobKind::Shot, plan.chainedShotId))
                    job.dependsOn.append(chained->id);
            }
            if (Status s = createJob(job); !s)
                return s;
            created.append(job);
            ids.append(job.id);
            jobOfShot.insert(shotId, job.id);
        }
        return Status::success();
    });
    if (!st)
        return R::failure(st.error());
    m_project.jobs.append(created);
    for (Id id : ids)
        if (!m_runJobs.contains(id))
            m_runJobs.append(id);
    scheduleSoon();
    return ids;
}

Status GenerationQueue::markRecovered(Job &job, const Take &take) {
    // The take and the job's success are written together, so this only repairs files written by
    // older code paths; still, never request a job whose take exists.
    job.state = JobState::Succeeded;
    job.takeId = take.id;
    job.lastError.clear();
    if (Status s = persist(job); !s)
        return s;
    if (!m_project.take(take.id))
        m_project.takes.append(take);
    ++m_recovered;
    return Status::success();
}

Status GenerationQueue::holdWriterLock() {
    if (m_writerLock)
        return Status::success();
    auto lock = storage::WriterLock::acquire(m_store.path());
    if (!lock)
        return Status::failure(lock.error());
    m_writerLock = std::move(*lock);
    return Status::success();
}

Status GenerationQueue::resume() {
    if (Status locked = holdWriterLock(); !locked)
        return locked;
    // Look-book jobs first: shots depend on them.
    QList<Id> order;
    for (const Job &j : m_project.jobs)
        if (unfinished(j.state) && j.kind == JobKind::LookBook)
            order.append(j.id);
    for (const Job &j : m_project.jobs)
        if (unfinished(j.state) && j.kind == JobKind::Shot)
            order.append(j.id);
    for (Id id : order) {
        Job *job = mutableJob(id);
        if (std::optional<Take> take = m_store.takeForJob(id)) {
            if (Status s = markRecovered(*job, *take); !s)
                return s;
            continue;
        }
        if (job->state == JobState::Running) {
            qCInfo(lcPipeline) << "resuming" << labelOf(*job) << "after an interrupted run";
            job->state = JobState::Queued;
            if (Status s = persist(*job); !s)
                return s;
        }
        if (!m_runJobs.contains(id))
            m_runJobs.append(id);
    }
    scheduleSoon();
    return Status::success();
}

void GenerationQueue::start() {
    if (m_started && !m_done)
        return;
    m_started = true;
    m_done = false;
    m_clock.start();
    emitProgress();
    schedule();
}

void GenerationQueue::scheduleSoon() {
    if (!m_started || m_done || m_scheduleQueued)
        return;
    m_scheduleQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this]() {
            m_scheduleQueued = false;
            schedule();
        },
        Qt::QueuedConnection);
}

bool GenerationQueue::dependenciesDone(const Job &job) const {
    for (Id dep : job.dependsOn) {
        const Job *d = this->job(dep);
        // A failed or cancelled dependency does not hold the shot back: it goes ahead without that
        // reference (the planner drops references that have no image).
        if (d && unfinished(d->state))
            return false;
    }
    return true;
}

void GenerationQueue::schedule() {
    if (!m_started || m_done)
        return;
    const qint64 now = m_clock.elapsed();
    qint64 nextWake = -1;
    for (Id id : std::as_const(m_runJobs)) {
        Job *job = mutableJob(id);
        if (!job || job->state != JobState::Queued)
            continue;
        Runtime &rt = m_runtime[id];
        if (rt.request || rt.storing || rt.enhancing)
            continue;
        if (rt.notBeforeMs > now) {
            nextWake = nextWake < 0 ? rt.notBeforeMs : std::min(nextWake, rt.notBeforeMs);
            continue;
        }
        if (!dependenciesDone(*job))
            continue;
        ProviderSlot *slot = slotFor(job->provider);
        if (!slot) {
            finishJob(*job, JobState::Failed,
                      QStringLiteral("no image provider named '%1' is available").arg(job->provider));
            continue;
        }
        if (!slot->window.canSend())
            continue;
        dispatch(*job, *slot);
    }
    if (nextWake >= 0)
        m_timer.start(int(std::max<qint64>(0, nextWake - now)));
    checkDone();
}

void GenerationQueue::dispatch(Job &job, ProviderSlot &slot) {
    const providers::ImageProviderCaps caps = slot.provider->caps();
    Runtime &rt = m_runtime[job.id];
    providers::ImageRequest request;
    rt.referencesSent.clear();
    rt.plan = m_builder.plan ? m_builder.plan(m_project, job, caps.maxReferences) : ConsistencyPlan{};
    if (rt.softenedPackage) {
        rt.package = *rt.softenedPackage;
    } else if (rt.enhancedPackage) {
        rt.package = *rt.enhancedPackage;
    } else {
        rt.package = m_builder.prompt ? m_builder.prompt(m_project, job, rt.plan, caps) : PromptPackage{};
        const Id jobId = job.id;
        auto enhanced = [this, jobId](PromptPackage package) {
            Runtime &r = m_runtime[jobId];
            r.enhancing = false;
            r.enhancedPackage = std::move(package);
            scheduleSoon();
        };
        if (m_builder.enhance && m_builder.enhance(m_project, job, rt.package, this, enhanced)) {
            rt.enhancing = true; // still queued; dispatched again with the enhanced package
            return;
        }
    }

    for (const PromptReference &ref : rt.package.keptReferences()) {
        Id imageId = ref.imageId;
        if (imageId == 0 && ref.takeId != 0)
            if (const Take *take = m_project.take(ref.takeId))
                imageId = take->imageId;
        if (imageId == 0 && ref.referenceId != 0)
            if (const ReferenceImage *image = m_project.reference(ref.referenceId))
                imageId = image->imageId;
        if (imageId == 0)
            continue;
        Result<QByteArray> bytes = m_store.imageData(imageId);
        if (!bytes) {
            qCWarning(lcPipeline) << "reference image" << imageId << "unreadable:" << bytes.error();
            continue;
        }
        providers::ReferenceData data;
        data.reference = ref;
        data.reference.imageId = imageId;
        data.encoded = *bytes;
        request.referenceData.append(data);
        rt.referencesSent.append(ref.referenceId != 0 ? ref.referenceId : ref.takeId);
    }
    request.package = rt.package;
    request.plan = rt.plan;
    request.project = m_project;
    // The engine needs the film's settings and entities, not its history.
    request.project.takes.clear();
    request.project.jobs.clear();
    request.project.chat.clear();
    if (job.kind == JobKind::Shot)
        if (const Shot *shot = m_project.shot(job.shotId))
            request.shot = *shot;

    // Running is kept in memory only: resume() treats queued and running alike, so a disk write per
    // dispatch would buy nothing but a synchronous fsync on the main thread. The attempt count
    // reaches the file with the job's next state.
    job.state = JobState::Running;
    ++job.attempts;
    job.updatedAt = nowIso();
    Q_EMIT jobStateChanged(job.id, job.state);

    rt.ticket = slot.window.acquire();
    ++m_requests;
    const Id jobId = job.id;
    const QString providerName = job.provider;
    providers::ImageJob *request_ = slot.provider->generate(request);
    rt.request = request_;
    connect(request_, &providers::ImageJob::progress, this,
            [this, jobId](double fraction) { Q_EMIT jobProgress(jobId, fraction); });
    connect(request_, &providers::ImageJob::finished, this,
            [this, jobId, providerName](const providers::ImageResult &result) {
                onRequestFinished(jobId, providerName, result);
            });
}

void GenerationQueue::onRequestFinished(Id jobId, const QString &providerName,
                                        const providers::ImageResult &result) {
    Runtime &rt = m_runtime[jobId];
    rt.request = nullptr;
    ProviderSlot *slot = slotFor(providerName);
    Job *job = mutableJob(jobId);
    if (!job)
        return;

    using providers::FailureKind;
    if (slot) {
        if (result.failure == FailureKind::None)
            slot->window.succeeded(rt.ticket);
        else if (result.failure == FailureKind::Transient)
            slot->window.overloaded(rt.ticket);
        else
            slot->window.released(rt.ticket);
    }

    if (rt.cancelRequested || result.failure == FailureKind::Cancelled) {
        finishJob(*job, JobState::Cancelled, QStringLiteral("cancelled"));
    } else if (result.failure == FailureKind::None) {
        // Decode and thumbnail on the pool; the store write comes back to this thread.
        rt.storing = true;
        const QByteArray encoded = result.encoded;
        QtConcurrent::run([encoded]() {
            return decode(encoded);
        }).then(this, [this, jobId, result](const DecodedImage &image) {
            storeTake(jobId, result, image.thumbnail, image.width, image.height);
        });
    } else if (result.failure == FailureKind::Transient) {
        if (job->attempts >= m_options.maxAttempts) {
            finishJob(*job, JobState::Failed,
                      QStringLiteral("%1 (gave up after %2 attempts)").arg(result.error).arg(job->attempts));
        } else {
            const int exponent = std::min(job->attempts - 1, 16);
            const qint64 base =
                std::min<qint64>(qint64(m_options.backoffBaseMs) << exponent, m_options.backoffMaxMs);
            const qint64 jitter = base > 1 ? QRandomGenerator::global()->bounded(base / 2 + 1) : 0;
            requeue(*job, base / 2 + jitter, result.error);
        }
    } else if (result.failure == FailureKind::ContentPolicy) {
        std::optional<PromptPackage> softer;
        if (!rt.softened && m_builder.soften)
            softer = m_builder.soften(rt.package, result.error);
        if (rt.softened) {
            finishJob(
                *job, JobState::Failed,
                QStringLiteral("refused by the content policy again after softening: %1").arg(result.error));
        } else if (!softer) {
            finishJob(
                *job, JobState::Failed,
                QStringLiteral("refused by the content policy (nothing to soften): %1").arg(result.error));
        } else {
            rt.softened = true;
            rt.softenedPackage = *softer;
            ++m_softened;
            qCInfo(lcPipeline) << labelOf(*job) << "refused; retrying once with" << softer->modifications;
            requeue(*job, 0, QStringLiteral("content policy: %1").arg(result.error));
        }
    } else {
        finishJob(*job, JobState::Failed, result.error.isEmpty() ? QStringLiteral("failed") : result.error);
    }
    scheduleSoon();
}

void GenerationQueue::requeue(Job &job, qint64 delayMs, const QString &reason) {
    job.state = JobState::Queued;
    job.lastError = reason;
    if (Status s = persist(job); !s) {
        finishJob(job, JobState::Failed, s.error());
        return;
    }
    m_runtime[job.id].notBeforeMs = m_clock.elapsed() + delayMs;
    Q_EMIT jobStateChanged(job.id, job.state);
}

void GenerationQueue::storeTake(Id jobId, const providers::ImageResult &result, const QByteArray &thumbnail,
                                int width, int height) {
    Runtime &rt = m_runtime[jobId];
    rt.storing = false;
    Job *job = mutableJob(jobId);
    if (!job)
        return;
    if (rt.cancelRequested) {
        finishJob(*job, JobState::Cancelled, QStringLiteral("cancelled"));
        scheduleSoon();
        return;
    }

    Take take;
    take.shotId = job->kind == JobKind::Shot ? job->shotId : 0;
    take.referenceId = job->kind == JobKind::LookBook ? job->referenceId : 0;
    take.jobId = job->id;
    take.package = rt.package;
    take.provider = job->provider;
    take.model = result.model;
    take.seed = result.seedUsed != 0 ? result.seedUsed : rt.package.params.seed;
    // What the service reports it received, else what was sent.
    take.referencesUsed = result.referencesUsed.isEmpty() ? rt.referencesSent : result.referencesUsed;
    take.dnaHash = !rt.plan.dnaHash.isEmpty() ? rt.plan.dnaHash : rt.package.dnaHash;
    take.createdAt = nowIso();
    take.costUsd = result.costUsd;
    take.width = width > 0 ? width : result.width;
    take.height = height > 0 ? height : result.height;
    take.placementsReported = result.placementsReported;
    take.placements = result.placements;

    std::optional<Shot> approvedShot;
    std::optional<ReferenceImage> filledFrame;
    Job done = *job;
    const Status st = m_store.transaction([&]() -> Status {
        Result<storage::StoredImage> image = m_store.addImage(result.encoded, thumbnail);
        if (!image)
            return Status::failure(image.error());
        take.imageId = image->id;
        Result<Id> id = m_store.allocateId();
        if (!id)
            return Status::failure(id.error());
        take.id = *id;
        if (Status s = m_store.save(take); !s)
            return s;
        if (const Shot *shot = m_project.shot(take.shotId); shot && shot->approvedTakeId == 0) {
            // The first take of a shot becomes the approved one unless the user approved another.
            // One field, not the whole shot: another process may have edited it meanwhile.
            const Result<bool> approved = m_store.approveIfUnapproved(shot->id, take.id);
            if (!approved)
                return Status::failure(approved.error());
            if (*approved) {
                approvedShot = *shot;
                approvedShot->approvedTakeId = take.id;
            }
        }
        if (const ReferenceImage *ref = m_project.reference(take.referenceId)) {
            filledFrame = *ref;
            filledFrame->imageId = take.imageId;
            if (Status s = m_store.setReferenceImage(ref->id, take.imageId); !s)
                return s;
        }
        done.state = JobState::Succeeded;
        done.takeId = take.id;
        done.lastError.clear();
        done.updatedAt = nowIso();
        return m_store.save(done);
    });
    if (!st) {
        finishJob(*job, JobState::Failed, QStringLiteral("could not store the take: %1").arg(st.error()));
        scheduleSoon();
        return;
    }
    // Committed: bring the in-memory project in step.
    m_project.takes.append(take);
    m_project.nextId = std::max(m_project.nextId, take.id + 1);
    if (approvedShot)
        if (Shot *shot = m_project.shot(approvedShot->id))
            shot->approvedTakeId = take.id;
    if (filledFrame)
        for (ReferenceImage &ref : m_project.references)
            if (ref.id == filledFrame->id)
                ref.imageId = take.imageId;
    *job = done;
    Q_EMIT takeStored(jobId, take.id);
    Q_EMIT jobStateChanged(jobId, JobState::Succeeded);
    emitProgress();
    scheduleSoon();
}

void GenerationQueue::finishJob(Job &job, JobState state, const QString &reason) {
    job.state = state;
    if (state != JobState::Succeeded)
        job.lastError = reason;
    if (Status s = persist(job); !s)
        qCWarning(lcPipeline) << "could not record" << labelOf(job) << ":" << s.error();
    if (state == JobState::Failed)
        qCWarning(lcPipeline) << labelOf(job) << "failed:" << reason;
    Q_EMIT jobStateChanged(job.id, state);
    emitProgress();
}

void GenerationQueue::cancel(Id jobId) {
    Job *job = mutableJob(jobId);
    if (!job || !unfinished(job->state))
        return;
    Runtime &rt = m_runtime[jobId];
    rt.cancelRequested = true;
    if (rt.request)
        rt.request->cancel(); // finished(Cancelled) follows
    else if (!rt.storing)
        finishJob(*job, JobState::Cancelled, QStringLiteral("cancelled"));
    scheduleSoon();
}

void GenerationQueue::cancelAll() {
    const QList<Id> ids = m_runJobs;
    for (Id id : ids)
        cancel(id);
}

int GenerationQueue::inFlight(const QString &provider) const {
    auto it = m_providers.find(provider);
    return it == m_providers.end() ? 0 : it->second.window.inFlight();
}

int GenerationQueue::windowLimit(const QString &provider) const {
    auto it = m_providers.find(provider);
    return it == m_providers.end() ? 0 : it->second.window.limit();
}

RunSummary GenerationQueue::summary() const {
    RunSummary s;
    s.total = int(m_runJobs.size());
    s.requests = m_requests;
    s.softened = m_softened;
    s.recovered = m_recovered;
    s.wallMs = m_done ? m_wallMs : (m_clock.isValid() ? m_clock.elapsed() : 0);
    for (Id id : m_runJobs) {
        const Job *j = job(id);
        if (!j)
            continue;
        switch (j->state) {
        case JobState::Succeeded:
            ++s.succeeded;
            break;
        case JobState::Failed:
            ++s.failed;
            s.failures.append(JobFailure{j->id, j->shotId, j->referenceId, labelOf(*j), j->lastError});
            break;
        case JobState::Cancelled:
            ++s.cancelled;
            break;
        default:
            break;
        }
    }
    return s;
}

void GenerationQueue::emitProgress() {
    int done = 0;
    for (Id id : std::as_const(m_runJobs))
        if (const Job *j = job(id); j && !unfinished(j->state))
            ++done;
    const int total = int(m_runJobs.size());
    qint64 eta = -1;
    if (done > 0 && m_clock.isValid())
        eta = done >= total ? 0 : m_clock.elapsed() * (total - done) / done;
    Q_EMIT progressChanged(done, total, eta);
}

void GenerationQueue::checkDone() {
    if (!m_started || m_done)
        return;
    for (Id id : std::as_const(m_runJobs)) {
        const Job *j = job(id);
        if (j && unfinished(j->state))
            return;
        if (m_runtime.value(id).storing)
            return;
    }
    m_done = true;
    m_wallMs = m_clock.elapsed();
    m_timer.stop();
    Q_EMIT finished();
}

} // namespace shotcraft::pipeline
