#include "review/ReviewRepair.h"

#include "pipeline/PromptChanges.h"
#include "storage/ProjectStore.h"

#include <QHash>
#include <QSet>

namespace shotcraft::review {

ConsistencyReviewer::ImageLoader storeImages(storage::ProjectStore &store) {
    return [&store](Id imageId) -> Result<QImage> {
        Result<QByteArray> bytes = store.imageData(imageId);
        if (!bytes)
            return Result<QImage>::failure(bytes.error());
        QImage image = QImage::fromData(*bytes);
        if (image.isNull())
            return Result<QImage>::failure(QStringLiteral("image %1 is not a readable picture").arg(imageId));
        return image;
    };
}

Result<QList<RepairOutcome>>
repairOutliers(storage::ProjectStore &store, Project &project, providers::ImageProvider &provider,
               const QList<TakeReview> &outliers, const ConsistencyReviewer &reviewer,
               const pipeline::RequestBuilder &base, const pipeline::ProgressCallback &progress) {
    QHash<Id, QString> changes;
    QHash<Id, double> scoreBefore;
    QList<RepairOutcome> outcomes;
    pipeline::GenerationRequest request;
    for (const TakeReview &t : outliers) {
        if (!t.outlier() || changes.contains(t.shotId))
            continue;
        changes.insert(t.shotId, t.changes);
        scoreBefore.insert(t.shotId, t.score());
        request.shots.append(t.shotId);
        outcomes.append({t.shotId, t.takeId, 0, t.changes, {}, false, {}});
    }
    if (request.shots.isEmpty())
        return outcomes;
    // Only a take this run stores counts as the repair (another process may add takes meanwhile).
    QSet<Id> existing;
    for (const Take &t : std::as_const(project.takes))
        existing.insert(t.id);
    const auto ran =
        pipeline::runGeneration(store, project, provider, request, progress,
                                pipeline::withPromptChanges(
                                    base, [&changes](const Job &job) { return changes.value(job.shotId); },
                                    QStringLiteral("review")));
    if (!ran)
        return Result<QList<RepairOutcome>>::failure(ran.error());

    const auto load = storeImages(store);
    for (RepairOutcome &o : outcomes) {
        const Take *newest = nullptr;
        for (const Take *t : project.takesOfShot(o.shotId))
            if (!existing.contains(t->id) && (!newest || t->id > newest->id))
                newest = t;
        if (!newest) {
            o.error = QStringLiteral("the regeneration produced no take");
            for (const pipeline::JobFailure &f : ran->failures)
                if (f.shotId == o.shotId)
                    o.error = f.reason;
            continue;
        }
        o.newTakeId = newest->id;
        Result<QImage> image = load(newest->imageId);
        if (!image) {
            o.error = image.error();
            continue;
        }
        o.after = reviewer.reviewTake(project, *newest, *image);
        if (o.after.outlier() && o.after.score() <= scoreBefore.value(o.shotId))
            continue;
        Shot *shot = project.shot(o.shotId);
        if (!shot)
            continue;
        Shot approved = *shot;
        approved.approvedTakeId = newest->id;
        if (Status s = store.save(approved); !s) {
            o.error = s.error();
            continue;
        }
        shot->approvedTakeId = newest->id;
        o.approved = true;
    }
    return outcomes;
}

void applyRepairs(const Project &project, FilmReview &film, const QList<RepairOutcome> &outcomes) {
    for (const RepairOutcome &o : outcomes) {
        if (!o.approved)
            continue;
        for (TakeReview &t : film.takes)
            if (t.shotId == o.shotId)
                t = o.after;
    }
    ConsistencyReviewer::score(project, film);
}

} // namespace shotcraft::review
