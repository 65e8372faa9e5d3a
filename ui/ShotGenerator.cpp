#include "ShotGenerator.h"

#include "models/ProjectDocument.h"

#include <QDateTime>
#include <QtConcurrent>

namespace shotcraft::ui {

ShotGenerator::ShotGenerator(QObject *parent)
    : QObject(parent)
    , m_builder(&ShotGenerator::defaultRequest) {
}

void ShotGenerator::setDocument(models::ProjectDocument *document) {
    cancelAll();
    m_document = document;
}

void ShotGenerator::setProvider(providers::ImageProvider *provider) {
    m_provider = provider;
}

providers::ImageRequest ShotGenerator::defaultRequest(const Project &project, const Shot &shot,
                                                      const QString &changes) {
    providers::ImageRequest request;
    request.project = project;
    request.shot = shot;
    PromptPackage &package = request.package;
    const Take *last = nullptr;
    for (const Take &t : project.takes)
        if (t.shotId == shot.id)
            last = &t;
    if (last) {
        package = last->package;
    } else {
        package.positive = QStringLiteral("%1 %2, %3 angle, %4mm lens. %5")
                               .arg(enumName(shot.size), enumName(shot.purpose), enumName(shot.angle))
                               .arg(shot.lens.focalLengthMm)
                               .arg(shot.description);
    }
    package.shotId = shot.id;
    // The frame follows the project's aspect ratio, which can have changed since the last take.
    const double aspect = project.info.aspectRatio > 0.1 ? project.info.aspectRatio : 16.0 / 9.0;
    package.params.width = 1344;
    package.params.height = std::max(64, int(std::lround(1344 / aspect / 8.0)) * 8);
    package.params.seed = project.info.baseSeed + shot.id;
    if (!changes.trimmed().isEmpty()) {
        package.positive += QStringLiteral(", ") + changes.trimmed();
        package.modifications.append(QStringLiteral("user: ") + changes.trimmed());
    }
    request.plan.shotId = shot.id;
    request.plan.seed = package.params.seed;
    return request;
}

Job *ShotGenerator::job(Id jobId) {
    if (!m_document)
        return nullptr;
    for (const Job &j : m_document->project().jobs)
        if (j.id == jobId)
            return const_cast<Job *>(&j);
    return nullptr;
}

Status ShotGenerator::regenerate(const QList<Id> &shotIds, const QString &changes) {
    if (!m_document)
        return Status::failure(tr("no project is open"));
    if (!m_provider)
        return Status::failure(tr("no image engine is available"));
    if (!isBusy()) {
        m_total = 0;
        m_done = 0;
        m_clock.start();
    }
    for (Id shotId : shotIds) {
        if (!m_document->shot(shotId))
            continue;
        Result<Id> id = m_document->allocateId();
        if (!id)
            return Status::failure(id.error());
        Job j;
        j.id = *id;
        j.shotId = shotId;
        j.provider = m_provider->name();
        j.idempotencyKey = QStringLiteral("ui-%1-%2").arg(shotId).arg(*id);
        j.createdAt = j.updatedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        if (Status st = m_document->saveJob(j); !st)
            return st;
        m_document->setFailure(shotId, {});
        m_document->setProgress(shotId, 0.0);
        m_waiting.append({j.id, shotId, changes});
        m_changes.insert(j.id, changes);
        ++m_total;
    }
    emitProgress();
    pump();
    return Status::success();
}

void ShotGenerator::pump() {
    const int cap = m_provider ? std::max(1, m_provider->caps().maxConcurrency) : 1;
    while (m_provider && m_active.size() < cap && !m_waiting.isEmpty())
        start(m_waiting.takeFirst());
}

void ShotGenerator::start(const Pending &pending) {
    const Shot *shot = m_document ? m_document->shot(pending.shotId) : nullptr;
    Job *j = job(pending.jobId);
    if (!shot || !j)
        return;
    Job running = *j;
    running.state = JobState::Running;
    ++running.attempts;
    running.updatedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    (void)m_document->saveJob(running);
    const providers::ImageRequest imageRequest = m_builder(m_document->project(), *shot, pending.changes);
    Pending inFlight = pending;
    inFlight.package = imageRequest.package;
    providers::ImageJob *request = m_provider->generate(imageRequest);
    m_active.insert(pending.jobId, request);
    m_activeInfo.insert(pending.jobId, inFlight);
    const Id shotId = pending.shotId, jobId = pending.jobId;
    connect(request, &providers::ImageJob::progress, this, [this, shotId](double f) {
        if (m_document)
            m_document->setProgress(shotId, f);
    });
    connect(request, &providers::ImageJob::finished, this,
            [this, jobId](const providers::ImageResult &result) { finish(jobId, result); });
}

void ShotGenerator::finish(Id jobId, const providers::ImageResult &result) {
    const Pending pending = m_activeInfo.take(jobId);
    m_active.remove(jobId);
    if (!m_document) {
        return;
    }
    if (!result.ok()) {
        const bool cancelled = result.failure == providers::FailureKind::Cancelled;
        complete(jobId, cancelled ? JobState::Cancelled : JobState::Failed, result.error);
        m_document->setFailure(pending.shotId, cancelled ? QString() : result.error);
        Q_EMIT shotFinished(pending.shotId, false);
        pump();
        return;
    }
    // The thumbnail is CPU work: made on the pool, stored back on this thread.
    Take take;
    take.shotId = pending.shotId;
    take.jobId = jobId;
    take.provider = m_provider ? m_provider->name() : QString();
    take.model = result.model;
    take.seed = result.seedUsed;
    take.referencesUsed = result.referencesUsed;
    take.costUsd = result.costUsd;
    take.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    take.package = pending.package;
    take.dnaHash = pending.package.dnaHash;
    QPointer<models::ProjectDocument> document = m_document;
    QtConcurrent::run([bytes = result.encoded] {
        return storage::ProjectStore::makeThumbnail(bytes);
    }).then(this, [this, document, take, jobId, bytes = result.encoded](const QByteArray &thumbnail) {
        if (!document)
            return;
        Result<Take> stored = document->addTake(take, bytes, thumbnail);
        if (!stored) {
            complete(jobId, JobState::Failed, stored.error());
            document->setFailure(take.shotId, stored.error());
            Q_EMIT shotFinished(take.shotId, false);
        } else {
            if (const Shot *s = document->shot(take.shotId)) {
                Shot circled = *s;
                circled.approvedTakeId = stored->id;
                (void)document->saveShot(circled);
            }
            Job *j = job(jobId);
            if (j) {
                Job done = *j;
                done.takeId = stored->id;
                (void)document->saveJob(done);
            }
            complete(jobId, JobState::Succeeded, {});
            Q_EMIT shotFinished(take.shotId, true);
        }
        pump();
    });
}

void ShotGenerator::complete(Id jobId, JobState state, const QString &error) {
    if (Job *j = job(jobId)) {
        Job done = *j;
        done.state = state;
        done.lastError = error;
        done.updatedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        (void)m_document->saveJob(done);
        m_document->setProgress(done.shotId, -1);
    }
    ++m_done;
    emitProgress();
    if (!isBusy())
        Q_EMIT idle();
}

void ShotGenerator::emitProgress() {
    qint64 eta = -1;
    if (m_done > 0 && m_total > m_done)
        eta = m_clock.elapsed() / m_done * (m_total - m_done);
    else if (m_total == m_done)
        eta = 0;
    Q_EMIT progressChanged(m_done, m_total, eta);
}

void ShotGenerator::cancel(Id jobId) {
    for (qsizetype i = 0; i < m_waiting.size(); ++i) {
        if (m_waiting[i].jobId == jobId) {
            const Id shotId = m_waiting.takeAt(i).shotId;
            complete(jobId, JobState::Cancelled, {});
            Q_EMIT shotFinished(shotId, false);
            return;
        }
    }
    if (QPointer<providers::ImageJob> request = m_active.value(jobId))
        request->cancel(); // finished(Cancelled) follows
}

void ShotGenerator::cancelAll() {
    const QList<Pending> waiting = m_waiting;
    for (const Pending &p : waiting)
        cancel(p.jobId);
    const QList<Id> active = m_active.keys();
    for (Id id : active)
        cancel(id);
}

Status ShotGenerator::retry(Id jobId) {
    const Job *j = job(jobId);
    if (!j)
        return Status::failure(tr("no job with id %1").arg(jobId));
    if (j->state != JobState::Failed && j->state != JobState::Cancelled)
        return Status::failure(tr("only a failed or cancelled job can be retried"));
    if (!m_provider)
        return Status::failure(tr("no image engine is available"));
    Job again = *j;
    again.state = JobState::Queued;
    again.lastError.clear();
    if (Status st = m_document->saveJob(again); !st)
        return st;
    if (!isBusy()) {
        m_total = 0;
        m_done = 0;
        m_clock.start();
    }
    ++m_total;
    m_document->setFailure(again.shotId, {});
    m_document->setProgress(again.shotId, 0.0);
    m_waiting.append({again.id, again.shotId, m_changes.value(again.id)});
    emitProgress();
    pump();
    return Status::success();
}

} // namespace shotcraft::ui
