// Repairs outliers of a review: each one is regenerated through the generation queue with its
// measured deviation appended to the prompt (the regenerate-with-changes path), and the new take is
// measured again. A new take that passes, or scores better than the old one, becomes the approved
// take; otherwise the old one stays approved and the new take is kept beside it.
#pragma once

#include "pipeline/GenerationRun.h"
#include "review/ConsistencyReviewer.h"

namespace shotcraft::storage {
class ProjectStore;
}

namespace shotcraft::review {

struct RepairOutcome {
    Id shotId = 0;
    Id oldTakeId = 0;
    Id newTakeId = 0; // 0 when the regeneration failed
    QString changes;
    TakeReview after;
    bool approved = false;
    QString error;
};

// Reads a stored image's pixels.
ConsistencyReviewer::ImageLoader storeImages(storage::ProjectStore &store);

// Regenerates every outlier of `outliers` once. Runs on the store's thread's event loop.
Result<QList<RepairOutcome>>
repairOutliers(storage::ProjectStore &store, Project &project, providers::ImageProvider &provider,
               const QList<TakeReview> &outliers, const ConsistencyReviewer &reviewer,
               const pipeline::RequestBuilder &base = pipeline::defaultRequestBuilder(),
               const pipeline::ProgressCallback &progress = {});

// `film` once `outcomes` are in: each approved repair's review in place of its old take's, and the
// scores again (the takes a repair did not touch are not measured twice).
void applyRepairs(const Project &project, FilmReview &film, const QList<RepairOutcome> &outcomes);

} // namespace shotcraft::review
