#include "pipeline/GenerationRun.h"

#include <QEventLoop>

namespace shotcraft::pipeline {

Result<RunSummary> runGeneration(storage::ProjectStore &store, Project &project,
                                 providers::ImageProvider &provider, const GenerationRequest &request,
                                 const ProgressCallback &progress, const RequestBuilder &builder) {
    using R = Result<RunSummary>;
    GenerationQueue queue(store, project, builder);
    QueueOptions options;
    options.concurrency = request.concurrency;
    queue.setOptions(options);
    queue.addProvider(&provider);
    if (progress)
        QObject::connect(&queue, &GenerationQueue::progressChanged, &queue, progress);
    if (Status s = queue.resume(); !s)
        return R::failure(s.error());
    // A resumed job may name another provider; it fails with a clear reason rather than silently
    // switching engines. Fresh jobs go to the provider asked for.
    if (request.wholeLookBook) {
        QList<Id> frames;
        for (const ReferenceImage &ref : project.references)
            if (ref.imageId == 0 && !ref.userSupplied)
                frames.append(ref.id);
        if (auto queued = queue.enqueueLookBook(frames, provider.name()); !queued)
            return R::failure(queued.error());
    }
    if (auto queued = queue.enqueueShots(request.shots, provider.name()); !queued)
        return R::failure(queued.error());
    if (queue.jobIds().isEmpty())
        return queue.summary();
    QEventLoop loop;
    QObject::connect(&queue, &GenerationQueue::finished, &loop, &QEventLoop::quit);
    queue.start();
    if (queue.isActive())
        loop.exec();
    return queue.summary();
}

QString formatDuration(qint64 ms) {
    const qint64 seconds = (ms + 500) / 1000;
    if (seconds < 60)
        return QStringLiteral("%1 s").arg(seconds);
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

QStringList summaryLines(const RunSummary &s) {
    QStringList lines;
    QString head = QStringLiteral("%1 of %2 jobs succeeded in %3 (%4 requests")
                       .arg(s.succeeded)
                       .arg(s.total)
                       .arg(formatDuration(s.wallMs))
                       .arg(s.requests);
    if (s.softened > 0)
        head += QStringLiteral(", %1 retried with a softened prompt").arg(s.softened);
    if (s.recovered > 0)
        head += QStringLiteral(", %1 recovered from an interrupted run").arg(s.recovered);
    head += QLatin1Char(')');
    lines.append(head);
    if (s.cancelled > 0)
        lines.append(QStringLiteral("%1 cancelled").arg(s.cancelled));
    if (s.failed > 0) {
        lines.append(QStringLiteral("%1 failed:").arg(s.failed));
        for (const JobFailure &f : s.failures)
            lines.append(QStringLiteral("  %1: %2").arg(f.label, f.reason));
    }
    return lines;
}

Json summaryJson(const RunSummary &s) {
    Json failures = Json::array();
    for (const JobFailure &f : s.failures)
        failures.push_back({{"jobId", f.jobId},
                            {"shotId", f.shotId},
                            {"referenceId", f.referenceId},
                            {"label", f.label},
                            {"reason", f.reason}});
    return {{"total", s.total},         {"succeeded", s.succeeded}, {"failed", s.failed},
            {"cancelled", s.cancelled}, {"requests", s.requests},   {"softened", s.softened},
            {"recovered", s.recovered}, {"wallMs", s.wallMs},       {"failures", failures}};
}

} // namespace shotcraft::pipeline
