// One whole generation run to completion, for the headless commands (`generate`, `run`): resumes
// what an earlier, interrupted run left, queues the requested look-book frames and shots, waits on
// the event loop until every job is done, and reports progress and a summary that names every
// failure. The window drives GenerationQueue directly instead.
#pragma once

#include "domain/Json.h"
#include "pipeline/GenerationQueue.h"

#include <functional>

namespace shotcraft::pipeline {

struct GenerationRequest {
    QList<Id> shots;            // shots to give a new take (unfinished jobs are reused, not doubled)
    bool wholeLookBook = false; // also every look-book frame that has no image yet
    int concurrency = 0;        // --concurrency; 0: the provider's cap
};

using ProgressCallback = std::function<void(int done, int total, qint64 etaMs)>;

// Runs on the calling thread's event loop (the store's thread) and returns when the run is over.
Result<RunSummary> runGeneration(storage::ProjectStore &store, Project &project,
                                 providers::ImageProvider &provider, const GenerationRequest &request,
                                 const ProgressCallback &progress = {},
                                 const RequestBuilder &builder = defaultRequestBuilder());

// "12 takes in 4.2 s; 1 failed: shot 3B: HTTP 400 ..." lines for a terminal.
QStringList summaryLines(const RunSummary &summary);
Json summaryJson(const RunSummary &summary);
// "1:05" / "12 s" for an ETA.
QString formatDuration(qint64 ms);

} // namespace shotcraft::pipeline
