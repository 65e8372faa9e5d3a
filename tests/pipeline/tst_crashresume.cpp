// Kill -9 at random moments, then resume: every shot ends with exactly one take, no request is sent
// for a job whose take was already stored, and look-book frames and chained shots come first.
// The child (pipeline_worker) logs each request's job key before the stand-in server answers it.
#include "PipelineFixture.h"
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

QStringList logLines(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QStringList lines;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (!line.isEmpty())
            lines.append(QString::fromUtf8(line));
    return lines;
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
    void killAndResume();
};

void TestCrashResume::killAndResume() {
    QVERIFY2(QFile::exists(workerPath()), qPrintable(workerPath()));
    const int kills = std::max(20, qEnvironmentVariableIntValue("SHOTCRAFT_PIPELINE_KILLS"));
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("film.shotcraft"));
    const QString log = dir.filePath(QStringLiteral("requests.log"));
    const int shotCount = 12;
    QVERIFY(storage::ProjectStore::create(project, test::makeFilm(shotCount, 2)).ok());

    QRandomGenerator random(20261127);
    QSet<QString> storedBefore; // keys with a stored take before the current run
    int violations = 0, killsDone = 0, runs = 0;
    QStringList violationKeys;
    bool finishedEarly = false;
    while (killsDone < kills) {
        const qsizetype logOffset = logLines(log).size();
        QProcess worker;
        worker.start(workerPath(), {project, log, QStringLiteral("25")});
        QVERIFY(worker.waitForStarted(10000));
        ++runs;
        // Kill somewhere between start-up and the end of generation (a few before "running").
        const bool early = random.bounded(5) == 0;
        if (!early)
            QVERIFY(worker.waitForReadyRead(10000));
        const int delayMs = int(random.bounded(early ? 60 : 180));
        if (worker.waitForFinished(delayMs)) {
            finishedEarly = true; // everything was done before the kill landed
        } else {
            worker.kill(); // SIGKILL
            QVERIFY(worker.waitForFinished(10000));
            ++killsDone;
        }
        // What this run sent: nothing whose take was stored before it started.
        const QStringList lines = logLines(log);
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
    const qsizetype logOffset = logLines(log).size();
    QProcess worker;
    worker.start(workerPath(), {project, log, QStringLiteral("5")});
    QVERIFY(worker.waitForFinished(60000));
    QCOMPARE(worker.exitCode(), 0);
    const QStringList lines = logLines(log);
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
    }
    // Dependencies: the frames were filled, and the shots that need them received them; chained
    // shots received the earlier shot's take.
    for (Id frame : {Id(51), Id(52)})
        QVERIFY(p.reference(frame)->imageId != 0);
    QVERIFY(p.takesOfShot(101).first()->referencesUsed.contains(51));
    QVERIFY(p.takesOfShot(102).first()->referencesUsed.contains(52));
    QVERIFY(p.takesOfShot(108).first()->referencesUsed.contains(52));
    QVERIFY(p.takesOfShot(104).first()->referencesUsed.contains(p.shot(103)->approvedTakeId));
    QVERIFY(p.takesOfShot(105).first()->referencesUsed.contains(p.shot(104)->approvedTakeId));
    QVERIFY(p.takesOfShot(110).first()->referencesUsed.contains(p.shot(109)->approvedTakeId));
}

QTEST_GUILESS_MAIN(TestCrashResume)
#include "tst_crashresume.moc"
