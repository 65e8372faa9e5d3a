// The generation queue's failure paths over the real wire: the OpenAI Images client against the
// test image server, which answers 400 moderation_blocked, 400 invalid_request_error and 429 with
// retry-after-ms as the service does.
#include "QueueRig.h"
#include "WireImageServer.h"
#include "pipeline/GenerationQueue.h"
#include "providers/RetryPolicy.h"
#include "providers/Secrets.h"
#include "storage/ProjectStore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace shotcraft;
using namespace shotcraft::pipeline;

namespace {

// The queue over the OpenAI Images client and the wire server; the queue goes before the provider.
struct WireRig : test::QueueRig {
    test::WireImageServer server;
    std::unique_ptr<providers::OpenAiImagesProvider> provider;

    WireRig(const Project &film, const test::WireServerConfig &config, int maxConcurrency = 4)
        : QueueRig(film, {}, fastOptions(8))
        , server(config) {
        if (!server.listen())
            qFatal("the test image server cannot listen");
        provider = std::make_unique<providers::OpenAiImagesProvider>(
            test::openAiProfile(server.baseUrl(), maxConcurrency));
        queue->addProvider(provider.get());
    }
    ~WireRig() { queue.reset(); }

    Result<QList<Id>> enqueueAll() { return queue->enqueueShots(allShots(), provider->name()); }
    bool run(int timeoutMs = 30000) { return QueueRig::run(timeoutMs); }
};

} // namespace

class TestGenerationQueueWire : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void moderationBlockedRetriesOnceWithSoftenedPrompt();
    void invalidRequestFailsOneShotOnly();
    void rateLimitedLosesNothing();
};

void TestGenerationQueueWire::initTestCase() {
    providers::RetryPolicy::setTimeScale(0.2);
    providers::Secrets::setKeychainEnabled(false);
    if (qEnvironmentVariableIsEmpty("SHOTCRAFT_OPENAI_API_KEY"))
        qputenv("SHOTCRAFT_OPENAI_API_KEY", "sk-local-test-key");
}

void TestGenerationQueueWire::moderationBlockedRetriesOnceWithSoftenedPrompt() {
    Project film = test::makeFilm(4);
    film.shots[1].description = QStringLiteral("The body on the deck, gore on the rail");
    WireRig rig(film, {});
    const auto jobs = rig.enqueueAll();
    QVERIFY(jobs.ok());
    QVERIFY(rig.run());

    const QString key = rig.keyOf(jobs->at(1));
    QCOMPARE(rig.server.requestsFor(key), 2); // the refusal, then exactly one softened retry
    QVERIFY(rig.server.promptsFor(key).at(0).contains(QStringLiteral("gore")));
    QVERIFY(rig.server.promptsFor(key).at(1).contains(QStringLiteral("aftermath")));
    for (int i : {0, 2, 3})
        QCOMPARE(rig.server.requestsFor(rig.keyOf(jobs->at(i))), 1);
    const Project stored = *rig.store->load();
    const auto takes = stored.takesOfShot(102);
    QCOMPARE(takes.size(), qsizetype(1));
    QCOMPARE(takes.first()->package.modifications,
             QStringList{QStringLiteral("softened 'gore' to 'aftermath'")});
    QVERIFY(takes.first()->package.positive.contains(QStringLiteral("aftermath")));
    const RunSummary summary = rig.queue->summary();
    QCOMPARE(summary.softened, 1);
    QCOMPARE(summary.succeeded, 4);
    QCOMPARE(summary.failed, 0);
}

void TestGenerationQueueWire::invalidRequestFailsOneShotOnly() {
    Project film = test::makeFilm(6);
    film.shots[2].description = QStringLiteral("A shot the service rejects [fail]");
    WireRig rig(film, {});
    const auto jobs = rig.enqueueAll();
    QVERIFY(jobs.ok());
    QVERIFY(rig.run());
    const RunSummary summary = rig.queue->summary();
    QCOMPARE(summary.succeeded, 5);
    QCOMPARE(summary.failed, 1);
    QCOMPARE(summary.failures.size(), qsizetype(1));
    QCOMPARE(summary.failures.first().shotId, Id(103));
    QVERIFY(summary.failures.first().label.contains(QStringLiteral("1.3")));
    QVERIFY2(summary.failures.first().reason.contains(QStringLiteral("Invalid value")),
             qPrintable(summary.failures.first().reason));
    QCOMPARE(rig.server.requestsFor(rig.keyOf(jobs->at(2))), 1); // a 400 is not sent again
    QCOMPARE(rig.server.requests(), 6);
    const Project stored = *rig.store->load();
    QVERIFY(stored.takesOfShot(103).isEmpty());
    QCOMPARE(stored.takes.size(), qsizetype(5));
    QCOMPARE(rig.store->job(jobs->at(2))->state, JobState::Failed);
}

void TestGenerationQueueWire::rateLimitedLosesNothing() {
    test::WireServerConfig config;
    config.concurrencyLimit = 3;
    config.meanLatencyMs = 15;
    const int shots = 30;
    WireRig rig(test::makeFilm(shots), config, 8);
    const auto jobs = rig.enqueueAll();
    QVERIFY(jobs.ok());
    QVERIFY(rig.run());
    QVERIFY(rig.server.overloads() > 0); // the limit was hit and answered 429
    const RunSummary summary = rig.queue->summary();
    QCOMPARE(summary.succeeded, shots);
    QCOMPARE(summary.failed, 0);
    const Project stored = *rig.store->load();
    QCOMPARE(stored.takes.size(), qsizetype(shots));
    for (const Shot &shot : stored.shots)
        QCOMPARE(stored.takesOfShot(shot.id).size(), qsizetype(1));
}

QTEST_GUILESS_MAIN(TestGenerationQueueWire)
#include "tst_generationqueuewire.moc"
