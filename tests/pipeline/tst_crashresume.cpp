// Kill -9 at random moments, then resume: every shot ends with exactly one take, no request is sent
// for a job whose take was already stored, and look-book frames and chained shots come first.
// The child (pipeline_worker) generates either through the real OpenAI Images client against the
// test image server in this process, which counts the requests of every run, killed or not, per
// job key; or on the previz engine, writing each dispatched job key through to a log file.
#include "PipelineFixture.h"
#include "WireImageServer.h"
#include "providers/Secrets.h"
#include "storage/ProjectStore.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace shotcraft;

namespace {

QString workerPath() {
    const QString fromEnv = qEnvironmentVariable("SHOTCRAFT_PIPELINE_WORKER");
    return fromEnv.isEmpty() ? QCoreApplication::applicationDirPath() + QStringLiteral("/pipeline_worker")
                             : fromEnv;
}

bool stopped(const QProcess &p) {
    return p.state() == QProcess::NotRunning;
}

// Keys of the jobs whose take is in the file.
QSet<QString> storedKeys(const QString &projectPath) {
    QSet<QString> keys;
    auto store = storage::ProjectStore::open(projectPath);
    if (!store)
        return keys;
    const Project p = *(*store)->load();
    for (const Take &take : p.takes)
        for (const Job &job : p.jobs)
            if (job.id == take.jobId)
                keys.insert(job.idempotencyKey);
    return keys;
}

} // namespace

class TestCrashResume : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void killAndResume_data();
    void killAndResume();
};

void TestCrashResume::killAndResume_data() {
    QTest::addColumn<bool>("previz");
    QTest::newRow("openai-images-wire") << false;
    QTest::newRow("previz") << true;
}

void TestCrashResume::killAndResume() {
    QFETCH(bool, previz);
    providers::Secrets::setKeychainEnabled(false);
    if (qEnvironmentVariableIsEmpty("SHOTCRAFT_OPENAI_API_KEY"))
        qputenv("SHOTCRAFT_OPENAI_API_KEY", "sk-local-test-key"); // inherited by the worker
    QVERIFY2(QFile::exists(workerPath()), qPrintable(workerPath()));
    const int kills = std::max(20, qEnvironmentVariableIntValue("SHOTCRAFT_PIPELINE_KILLS"));
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("film.shotcraft"));
    test::WireServerConfig config;
    config.meanLatencyMs = 25;
    test::WireImageServer server(config);
    QVERIFY(server.listen());
    const QString url = server.baseUrl().toString();
    const QString dispatchLog = dir.filePath(QStringLiteral("dispatched.log"));
    const QStringList workerArgs =
        previz ? QStringList{project, QStringLiteral("--previz"), dispatchLog} : QStringList{project, url};
    // Every job key sent to the engine so far, in order, over all runs.
    const auto sentKeys = [&]() -> QStringList {
        if (!previz)
            return server.keysInOrder();
        QFile log(dispatchLog);
        if (!log.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(log.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    };
    const int shotCount = 12;
    QVERIFY(storage::ProjectStore::create(project, test::makeFilm(shotCount, 2)).ok());

    QRandomGenerator random(20261127);
    QSet<QString> storedBefore; // keys with a stored take before the current run
    int violations = 0, killsDone = 0, runs = 0;
    QStringList violationKeys;
    bool finishedEarly = false;
    while (killsDone < kills) {
        const qsizetype logOffset = sentKeys().size();
        QProcess worker;
        worker.start(workerPath(), workerArgs);
        QVERIFY(worker.waitForStarted(10000));
        ++runs;
        // Kill somewhere between start-up and the end of generation (a few before "running"). The
        // waits run this thread's event loop: the server answering the child lives here.
        const bool early = random.bounded(5) == 0;
        if (!early)
            QVERIFY(QTest::qWaitFor([&] { return worker.canReadLine() || stopped(worker); }, 10000));
        const int delayMs = int(random.bounded(early ? 60 : 250));
        if (QTest::qWaitFor([&] { return stopped(worker); }, delayMs)) {
            finishedEarly = true; // everything was done before the kill landed
        } else {
            worker.kill(); // SIGKILL
            QVERIFY(worker.waitForFinished(10000));
            ++killsDone;
        }
        QTest::qWait(20); // requests the child finished writing before it died reach the server
        // What this run sent: nothing whose take was stored before it started.
        const QStringList lines = sentKeys();
        for (qsizetype i = logOffset; i < lines.size(); ++i) {
            if (storedBefore.contains(lines[i])) {
                ++violations;
                violationKeys.append(lines[i]);
            }
        }
        storedBefore = storedKeys(project);
        if (finishedEarly) {
            // Start over with a fresh film so that every kill lands in a live run.
            finishedEarly = false;
            QVERIFY(QFile::remove(project));
            QFile::remove(project + QStringLiteral("-wal"));
            QFile::remove(project + QStringLiteral("-shm"));
            QVERIFY(storage::ProjectStore::create(project, test::makeFilm(shotCount, 2)).ok());
            storedBefore.clear();
        }
    }
    // Finish the interrupted film.
    const qsizetype logOffset = sentKeys().size();
    QProcess worker;
    worker.start(workerPath(), workerArgs);
    QVERIFY(QTest::qWaitFor([&] { return stopped(worker); }, 60000));
    QVERIFY2(worker.exitCode() == 0, worker.readAllStandardError().constData());
    const QStringList lines = sentKeys();
    for (qsizetype i = logOffset; i < lines.size(); ++i)
        if (storedBefore.contains(lines[i]))
            ++violations;
    QVERIFY2(violations == 0, qPrintable(violationKeys.join(QLatin1Char(' '))));
    qInfo("%d kills over %d runs, %lld requests", killsDone, runs, qlonglong(lines.size()));

    auto store = std::move(*storage::ProjectStore::open(project));
    const Project p = *store->load();
    for (const Shot &shot : p.shots) {
        const auto takes = p.takesOfShot(shot.id);
        QVERIFY2(takes.size() == 1,
                 qPrintable(QStringLiteral("shot %1 has %2 takes").arg(shot.number).arg(takes.size())));
        QCOMPARE(shot.approvedTakeId, takes.first()->id);
    }
    for (const Job &job : p.jobs)
        QVERIFY2(job.state == JobState::Succeeded || job.state == JobState::Failed,
                 qPrintable(enumName(job.state)));
    // Every job that succeeded has exactly one take, and each take names a succeeded job.
    for (const Take &take : p.takes) {
        const auto job = store->job(take.jobId);
        QVERIFY(job.ok());
        QCOMPARE(job->state, JobState::Succeeded);
        QCOMPARE(job->takeId, take.id);
        QCOMPARE(take.provider, previz ? QStringLiteral("previz") : QStringLiteral("openai-wire"));
        const Result<QByteArray> image = store->imageData(take.imageId);
        QVERIFY(image.ok() && !image->isEmpty());
    }
    // Dependencies: the frames were filled before the shots that need them were planned, and chained
    // shots were planned on the earlier shot's approved take; each went out as an edit carrying
    // as many reference images as it needs.
    for (Id frame : {Id(51), Id(52)})
        QVERIFY(p.reference(frame)->imageId != 0);
    const auto planned = [&](Id shotId) {
        return p.takesOfShot(shotId).first()->package.references;
    };
    const auto usesFrame = [&](Id shotId, Id frame) {
        for (const PromptReference &r : planned(shotId))
            if (r.referenceId == frame && r.imageId == p.reference(frame)->imageId)
                return true;
        return false;
    };
    const auto chainsTo = [&](Id shotId, Id earlier) {
        for (const PromptReference &r : planned(shotId))
            if (r.role == ReferenceRole::ChainedTake && r.takeId == p.shot(earlier)->approvedTakeId)
                return true;
        return false;
    };
    QVERIFY(usesFrame(101, 51));
    QVERIFY(usesFrame(102, 51) && usesFrame(102, 52));
    QVERIFY(usesFrame(108, 52));
    QVERIFY(chainsTo(104, 103));
    QVERIFY(chainsTo(105, 104));
    QVERIFY(chainsTo(110, 109));
    if (previz)
        return;
    // The last request for each dependent shot went to /v1/images/edits with its references.
    QHash<QString, test::OpenAiImageCall> lastCall;
    for (const test::OpenAiImageCall &call : server.server().calls())
        lastCall.insert(test::ScriptedImageProvider::keyOf(call.prompt), call);
    const auto keyOfShot = [&](Id shotId) {
        return store->job(p.takesOfShot(shotId).first()->jobId)->idempotencyKey;
    };
    const std::pair<Id, int> expected[] = {{101, 1}, {102, 2}, {108, 1}, {104, 1},
                                           {105, 1}, {110, 1}, {103, 0}};
    for (const auto &[shotId, images] : expected) {
        const test::OpenAiImageCall call = lastCall.value(keyOfShot(shotId));
        QCOMPARE(call.endpoint, QByteArray(images ? "edits" : "generations"));
        QCOMPARE(int(call.images.size()), images);
    }
}

QTEST_GUILESS_MAIN(TestCrashResume)
#include "tst_crashresume.moc"
