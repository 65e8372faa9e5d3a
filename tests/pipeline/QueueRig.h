// A project file in a temporary folder with a generation queue over it, built by the scripted
// request builder: what the queue tests and bench_pipeline share. The provider is the caller's
// (an in-process stand-in, the OpenAI Images client against the wire server, previz).
#pragma once

#include "PipelineFixture.h"
#include "pipeline/GenerationQueue.h"
#include "storage/ProjectStore.h"

#include <QSignalSpy>
#include <QTemporaryDir>

#include <memory>

namespace shotcraft::test {

struct QueueRig {
    QTemporaryDir dir;
    std::unique_ptr<storage::ProjectStore> store;
    Project project;
    std::unique_ptr<pipeline::GenerationQueue> queue;

    QueueRig(const Project &film, PlanRules rules, const pipeline::QueueOptions &options) {
        auto created = storage::ProjectStore::create(dir.filePath(QStringLiteral("film.shotcraft")), film);
        if (!created)
            qFatal("cannot create the project file: %s", qPrintable(created.error()));
        store = std::move(*created);
        project = *store->load();
        queue =
            std::make_unique<pipeline::GenerationQueue>(*store, project, scriptedBuilder(std::move(rules)));
        queue->setOptions(options);
    }

    // Short backoffs, so that retries do not dominate a test's time.
    static pipeline::QueueOptions fastOptions(int maxAttempts = 0) {
        pipeline::QueueOptions options;
        options.backoffBaseMs = 5;
        options.backoffMaxMs = 40;
        if (maxAttempts > 0)
            options.maxAttempts = maxAttempts;
        return options;
    }

    QList<Id> allShots() const {
        QList<Id> ids;
        for (const Shot &s : project.shots)
            ids.append(s.id);
        return ids;
    }

    // Starts the queue and waits for finished(); false on timeout.
    bool run(int timeoutMs) {
        QSignalSpy done(queue.get(), &pipeline::GenerationQueue::finished);
        queue->start();
        return done.count() > 0 || done.wait(timeoutMs);
    }

    QString keyOf(Id jobId) const { return queue->job(jobId)->idempotencyKey; }
};

} // namespace shotcraft::test
