// The generation queue against an in-process stand-in service: sliding window, dependencies, every
// failure path, takes and approval, resume after an interruption, cancel.
#include "QueueRig.h"
#include "ScriptedImageProvider.h"
#include "pipeline/GenerationQueue.h"
#include "storage/ProjectStore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace shotcraft;
using namespace shotcraft::pipeline;
using shotcraft::test::ScriptedImageProvider;
using shotcraft::test::ScriptedServer;

namespace {

// The queue over the in-process stand-in; the queue goes before the provider it holds.
struct Rig : test::QueueRig {
    std::unique_ptr<ScriptedImageProvider> provider;

    Rig(const Project &film, const ScriptedServer &server, test::PlanRules rules = {})
        : QueueRig(film, std::move(rules), fastOptions())
        , provider(std::make_unique<ScriptedImageProvider>(server)) {
        queue->addProvider(provider.get());
    }
    ~Rig() { queue.reset(); }
    bool run(int timeoutMs = 20000) { return QueueRig::run(timeoutMs); }
};

} // namespace

class TestGenerationQueue : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void slidingWindowFillsEveryShot_data();
    void slidingWindowFillsEveryShot();
    void dependenciesOrderOnlyWhatNeedsIt();
    void permanentFailureIsReportedAndOthersContinue();
    void contentPolicyRetriesOnceWithSoftenedPrompt();
    void overloadShrinksWindowAndLosesNothing();
    void transientFailureGivesUpAfterBoundedAttempts();
    void resumeNeverResendsAStoredTake();
    void userApprovalIsKept();
    void lookBookFramesFillOrRegenerate();
    void cancelOneAndAll();
    void progressReportsEta();
};

void TestGenerationQueue::slidingWindowFillsEveryShot_data() {
    QTest::addColumn<int>("shots");
    QTest::addColumn<int>("providerCap");
    QTest::addColumn<int>("userCap");
    QTest::addColumn<int>("expectedMax");
    QTest::newRow("provider cap") << 16 << 4 << 0 << 4;
    QTest::newRow("user cap below provider") << 16 << 8 << 3 << 3;
    QTest::newRow("one at a time") << 5 << 1 << 0 << 1;
}

void TestGenerationQueue::slidingWindowFillsEveryShot() {
    QFETCH(int, shots);
    QFETCH(int, providerCap);
    QFETCH(int, userCap);
    QFETCH(int, expectedMax);
    ScriptedServer server;
    server.maxConcurrency = providerCap;
    Rig rig(test::makeFilm(shots), server);
    QueueOptions options = rig.queue->options();
    options.concurrency = userCap;
    rig.queue->setOptions(options);
    const auto jobs = rig.queue->enqueueShots(rig.allShots(), server.name);
    QVERIFY2(jobs.ok(), qPrintable(jobs.error()));
    QCOMPARE(jobs->size(), shots);
    QVERIFY(rig.run());

    QCOMPARE(rig.provider->maxInFlight(), expectedMax);
    QCOMPARE(rig.provider->requests(), shots);
    const RunSummary summary = rig.queue->summary();
    QCOMPARE(summary.succeeded, shots);
    QCOMPARE(summary.failed, 0);

    // What the file holds, not only memory: one take per shot, approved, with its provenance.
    const Project stored = *rig.store->load();
    QCOMPARE(stored.takes.size(), qsizetype(shots));
    for (const Shot &shot : stored.shots) {
        const QList<const Take *> takes = stored.takesOfShot(shot.id);
        QCOMPARE(takes.size(), qsizetype(1));
        const Take &take = *takes.first();
        QCOMPARE(shot.approvedTakeId, take.id);
        QCOMPARE(take.provider, server.name);
        QCOMPARE(take.model, QStringLiteral("scripted-1"));
        QCOMPARE(take.seed, qint64(1000 + shot.id));
        QCOMPARE(take.dnaHash, QStringLiteral("dna-shot-%1").arg(shot.id));
        QCOMPARE(take.width, 64);
        QVERIFY(!take.createdAt.isEmpty());
        QVERIFY(take.imageId != 0);
        QVERIFY(!rig.store->thumbnailData(take.imageId)->isEmpty());
        const Job job = *rig.store->job(take.jobId);
        QCOMPARE(job.state, JobState::Succeeded);
        QCOMPARE(job.takeId, take.id);
        QCOMPARE(job.shotId, shot.id);
    }
}

void TestGenerationQueue::dependenciesOrderOnlyWhatNeedsIt() {
    // Shots 1 and 2 need look-book frame 51; shot 4 chains to shot 3; shots 5..8 need nothing.
    test::PlanRules rules;
    rules.lookBook.insert(101, {51});
    rules.lookBook.insert(102, {51});
    rules.chain.insert(104, 103);
    ScriptedServer server;
    server.maxConcurrency = 8;
    server.meanLatencyMs = 60;
    Rig rig(test::makeFilm(8, 1), server, rules);
    const auto jobs = rig.queue->enqueueShots(rig.allShots(), server.name);
    QVERIFY2(jobs.ok(), qPrintable(jobs.error()));
    QCOMPARE(rig.queue->jobIds().size(), qsizetype(9)); // the frame's job was added first
    const Id frameJob = rig.queue->jobIds().first();
    QCOMPARE(rig.queue->job(frameJob)->kind, JobKind::LookBook);
    QVERIFY(rig.queue->job(jobs->at(0))->dependsOn.contains(frameJob));
    QVERIFY(rig.queue->job(jobs->at(3))->dependsOn.contains(jobs->at(2)));
    QVERIFY(rig.queue->job(jobs->at(4))->dependsOn.isEmpty());
    QVERIFY(rig.run());
    QCOMPARE(rig.queue->summary().succeeded, 9);

    auto started = [&](Id job) {
        return rig.provider->startedAt(rig.keyOf(job)).first();
    };
    auto finished = [&](Id job) {
        return rig.provider->finishedAt(rig.keyOf(job)).first();
    };
    QVERIFY(started(jobs->at(0)) >= finished(frameJob));
    QVERIFY(started(jobs->at(1)) >= finished(frameJob));
    QVERIFY(started(jobs->at(3)) >= finished(jobs->at(2)));
    // No barrier: independent shots went out before the frame came back.
    for (int i = 4; i < 8; ++i)
        QVERIFY(started(jobs->at(i)) < finished(frameJob));
    QVERIFY(started(jobs->at(2)) < finished(frameJob));

    // The frame's take filled its reference, and the shots received it as a reference image.
    const Project stored = *rig.store->load();
    const ReferenceImage *frame = stored.reference(51);
    QVERIFY(frame && frame->imageId != 0);
    const Take *shotTake = stored.takesOfShot(101).first();
    QVERIFY(shotTake->referencesUsed.contains(51));
    // The chained shot received the earlier shot's take.
    const Take *chained = stored.takesOfShot(104).first();
    QVERIFY(chained->referencesUsed.contains(stored.shot(103)->approvedTakeId));
}

void TestGenerationQueue::permanentFailureIsReportedAndOthersContinue() {
    Project film = test::makeFilm(6);
    film.shots[2].description = QStringLiteral("A shot the model cannot make [fail]");
    ScriptedServer server;
    Rig rig(film, server);
    QVERIFY(rig.queue->enqueueShots(rig.allShots(), server.name).ok());
    QVERIFY(rig.run());
    const RunSummary summary = rig.queue->summary();
    QCOMPARE(summary.succeeded, 5);
    QCOMPARE(summary.failed, 1);
    QCOMPARE(summary.failures.size(), qsizetype(1));
    QCOMPARE(summary.failures.first().shotId, Id(103));
    QVERIFY(summary.failures.first().label.contains(QStringLiteral("1.3")));
    QVERIFY2(summary.failures.first().reason.contains(QStringLiteral("model does not exist")),
             qPrintable(summary.failures.first().reason));
    QCOMPARE(rig.provider->requests(), 6); // a permanent failure is not retried
    const Project stored = *rig.store->load();
    QVERIFY(stored.takesOfShot(103).isEmpty());
    const auto failedJob = rig.store->job(summary.failures.first().jobId);
    QCOMPARE(failedJob->state, JobState::Failed);
    QVERIFY(failedJob->lastError.contains(QStringLiteral("model does not exist")));
}

void TestGenerationQueue::contentPolicyRetriesOnceWithSoftenedPrompt() {
    Project film = test::makeFilm(4);
    film.shots[0].description = QStringLiteral("The body on the deck, gore on the rail");
    film.shots[1].description = QStringLiteral("Unsoftenable gore! everywhere");
    ScriptedServer server;
    Rig rig(film, server);
    const auto jobs = rig.queue->enqueueShots(rig.allShots(), server.name);
    QVERIFY(jobs.ok());
    QVERIFY(rig.run());

    // Softenable: exactly two requests, the second with the changed prompt, recorded on the take.
    const QString key = rig.keyOf(jobs->at(0));
    QCOMPARE(rig.provider->requestsFor(key), 2);
    QVERIFY(rig.provider->promptsFor(key).at(0).contains(QStringLiteral("gore")));
    QVERIFY(rig.provider->promptsFor(key).at(1).contains(QStringLiteral("aftermath")));
    const Project stored = *rig.store->load();
    const Take *take = stored.takesOfShot(101).first();
    QCOMPARE(take->package.modifications, QStringList{QStringLiteral("softened 'gore' to 'aftermath'")});
    QVERIFY(take->package.positive.contains(QStringLiteral("aftermath")));

    // Still refused after softening: exactly one retry, then failed with the reason.
    QCOMPARE(rig.provider->requestsFor(rig.keyOf(jobs->at(1))), 2);
    const RunSummary summary = rig.queue->summary();
    QCOMPARE(summary.softened, 2);
    QCOMPARE(summary.failed, 1);
    QVERIFY(summary.failures.first().reason.contains(QStringLiteral("content")));
    QCOMPARE(summary.succeeded, 3);
}

void TestGenerationQueue::overloadShrinksWindowAndLosesNothing() {
    ScriptedServer server;
    server.maxConcurrency = 8;
    server.serverLimit = 3;
    server.meanLatencyMs = 15;
    Rig rig(test::makeFilm(40), server);
    QVERIFY(rig.queue->enqueueShots(rig.allShots(), server.name).ok());
    int smallestLimit = 8;
    connect(rig.queue.get(), &GenerationQueue::jobStateChanged, rig.queue.get(),
            [&]() { smallestLimit = std::min(smallestLimit, rig.queue->windowLimit(server.name)); });
    QVERIFY(rig.run());
    QVERIFY(rig.provider->overloads() > 0);
    QVERIFY2(smallestLimit <= 3, qPrintable(QString::number(smallestLimit)));
    // Overload answers cost a slot each; the window keeps them rare.
    QVERIFY2(rig.provider->overloads() < 20, qPrintable(QString::number(rig.provider->overloads())));
    QCOMPARE(rig.queue->summary().succeeded, 40);
    QCOMPARE(rig.store->load()->takes.size(), qsizetype(40));
}

void TestGenerationQueue::transientFailureGivesUpAfterBoundedAttempts() {
    Project film = test::makeFilm(3);
    film.shots[1].description = QStringLiteral("Always unavailable [busy]");
    ScriptedServer server;
    Rig rig(film, server);
    QueueOptions options = rig.queue->options();
    options.maxAttempts = 3;
    rig.queue->setOptions(options);
    const auto jobs = rig.queue->enqueueShots(rig.allShots(), server.name);
    QVERIFY(jobs.ok());
    QVERIFY(rig.run());
    QCOMPARE(rig.provider->requestsFor(rig.keyOf(jobs->at(1))), 3);
    const auto busy = rig.store->job(jobs->at(1));
    QCOMPARE(busy->state, JobState::Failed);
    QCOMPARE(busy->attempts, 3);
    const RunSummary summary = rig.queue->summary();
    QCOMPARE(summary.succeeded, 2);
    QCOMPARE(summary.failures.size(), qsizetype(1));
    QVERIFY2(summary.failures.first().reason.contains(QStringLiteral("gave up after 3 attempts")),
             qPrintable(summary.failures.first().reason));
    QVERIFY(summary.failures.first().reason.contains(QStringLiteral("503")));
}

void TestGenerationQueue::resumeNeverResendsAStoredTake() {
    ScriptedServer server;
    Project film = test::makeFilm(4);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("film.shotcraft"));
    QList<Id> jobIds;
    {
        // First run: jobs created, then the process "dies" before anything is sent.
        auto store = std::move(*storage::ProjectStore::create(path, film));
        Project project = *store->load();
        ScriptedImageProvider provider(server);
        GenerationQueue queue(*store, project, test::scriptedBuilder());
        queue.addProvider(&provider);
        jobIds = *queue.enqueueShots({101, 102, 103, 104}, server.name);
        // Job 1 was in flight when the process died; job 2's take reached the file but its job row
        // still says running (a file from an older writer).
        Job running = *store->job(jobIds[0]);
        running.state = JobState::Running;
        running.attempts = 1;
        QVERIFY(store->save(running).ok());
        Job stored = *store->job(jobIds[1]);
        stored.state = JobState::Running;
        QVERIFY(store->save(stored).ok());
        Take take;
        take.id = *store->allocateId();
        take.shotId = 102;
        take.jobId = jobIds[1];
        QVERIFY(store->save(take).ok());
    }
    auto store = std::move(*storage::ProjectStore::open(path));
    Project project = *store->load();
    ScriptedImageProvider provider(server);
    GenerationQueue queue(*store, project, test::scriptedBuilder());
    queue.addProvider(&provider);
    QVERIFY(queue.resume().ok());
    QCOMPARE(queue.jobIds().size(), qsizetype(3)); // the recovered job is done already
    QSignalSpy done(&queue, &GenerationQueue::finished);
    queue.start();
    QVERIFY(done.wait(10000));
    QCOMPARE(provider.requests(), 3);
    QCOMPARE(provider.requestsFor(store->job(jobIds[1])->idempotencyKey), 0);
    QCOMPARE(queue.summary().recovered, 1);
    const Project after = *store->load();
    for (Id shotId : {101, 102, 103, 104})
        QCOMPARE(after.takesOfShot(shotId).size(), qsizetype(1));
    QCOMPARE(store->job(jobIds[0])->attempts, 2); // the interrupted attempt still counts
    for (Id id : jobIds)
        QCOMPARE(store->job(id)->state, JobState::Succeeded);
}

void TestGenerationQueue::lookBookFramesFillOrRegenerate() {
    ScriptedServer server;
    Rig rig(test::makeFilm(1, 1), server);
    const auto first = rig.queue->enqueueLookBook({51}, server.name);
    QVERIFY2(first.ok(), qPrintable(first.error()));
    QCOMPARE(first->size(), 1);
    QVERIFY(rig.run());
    const Id firstImage = rig.store->load()->reference(51)->imageId;
    QVERIFY(firstImage != 0);
    // Filling what is missing leaves a frame that has its image alone...
    const auto none = rig.queue->enqueueLookBook({51}, server.name);
    QVERIFY(none.ok());
    QVERIFY(none->isEmpty());
    // ...and regenerating gives it a new take that becomes its image, keeping the old take.
    const auto again =
        rig.queue->enqueueLookBook({51}, server.name, GenerationQueue::LookBookFill::Regenerate);
    QVERIFY(again.ok());
    QCOMPARE(again->size(), 1);
    QVERIFY(again->first() != first->first());
    QVERIFY(rig.run());
    const Project stored = *rig.store->load();
    QVERIFY(stored.reference(51)->imageId != 0);
    QVERIFY(stored.reference(51)->imageId != firstImage);
    QList<Id> frameTakes;
    for (const Take &t : stored.takes)
        if (t.referenceId == 51)
            frameTakes.append(t.imageId);
    QCOMPARE(frameTakes, (QList<Id>{firstImage, stored.reference(51)->imageId}));
}

void TestGenerationQueue::userApprovalIsKept() {
    Project film = test::makeFilm(2);
    ScriptedServer server;
    Rig rig(film, server);
    QVERIFY(rig.queue->enqueueShots({101}, server.name).ok());
    QVERIFY(rig.run());
    const Id first = rig.store->shot(101)->approvedTakeId;
    QVERIFY(first != 0);
    // A second take of the same shot is kept beside the first, which stays approved.
    GenerationQueue again(*rig.store, rig.project, test::scriptedBuilder());
    again.addProvider(rig.provider.get());
    QVERIFY(again.enqueueShots({101}, server.name).ok());
    QSignalSpy done(&again, &GenerationQueue::finished);
    again.start();
    QVERIFY(done.wait(10000));
    const QList<Take> takes = rig.store->takesOfShot(101);
    QCOMPARE(takes.size(), qsizetype(2));
    QVERIFY(takes[0].id != takes[1].id && takes[0].imageId != takes[1].imageId);
    QCOMPARE(rig.store->shot(101)->approvedTakeId, first);
    QCOMPARE(rig.project.shot(101)->approvedTakeId, first);
}

void TestGenerationQueue::cancelOneAndAll() {
    ScriptedServer server;
    server.maxConcurrency = 2;
    server.meanLatencyMs = 100;
    Rig rig(test::makeFilm(10), server);
    const auto jobs = rig.queue->enqueueShots(rig.allShots(), server.name);
    QVERIFY(jobs.ok());
    rig.queue->cancel(jobs->at(9)); // queued: cancelled at once, never sent
    QCOMPARE(rig.queue->job(jobs->at(9))->state, JobState::Cancelled);
    QSignalSpy done(rig.queue.get(), &GenerationQueue::finished);
    QSignalSpy stored(rig.queue.get(), &GenerationQueue::takeStored);
    rig.queue->start();
    QVERIFY(stored.wait(5000));
    rig.queue->cancelAll(); // in flight and queued
    QVERIFY(done.count() > 0 || done.wait(5000));
    const RunSummary summary = rig.queue->summary();
    QCOMPARE(summary.succeeded + summary.cancelled, 10);
    QVERIFY(summary.cancelled >= 7);
    QCOMPARE(rig.provider->requestsFor(rig.keyOf(jobs->at(9))), 0);
    QCOMPARE(rig.store->job(jobs->at(9))->state, JobState::Cancelled);
    QCOMPARE(rig.provider->inFlight(), 0);
}

void TestGenerationQueue::progressReportsEta() {
    ScriptedServer server;
    server.maxConcurrency = 2;
    Rig rig(test::makeFilm(6), server);
    QVERIFY(rig.queue->enqueueShots(rig.allShots(), server.name).ok());
    QList<QList<qint64>> reports;
    connect(rig.queue.get(), &GenerationQueue::progressChanged, rig.queue.get(),
            [&](int done, int total, qint64 eta) {
                reports.append({done, total, eta});
            });
    QSignalSpy perJob(rig.queue.get(), &GenerationQueue::jobStateChanged);
    QVERIFY(rig.run());
    QVERIFY(reports.size() >= 6);
    QCOMPARE(reports.last(), (QList<qint64>{6, 6, 0}));
    bool sawEta = false;
    for (const auto &r : reports) {
        QCOMPARE(r[1], 6);
        if (r[0] > 0 && r[0] < 6)
            sawEta = sawEta || r[2] > 0;
    }
    QVERIFY(sawEta);
    QVERIFY(perJob.count() >= 12); // running and succeeded for each
}

QTEST_GUILESS_MAIN(TestGenerationQueue)
#include "tst_generationqueue.moc"
