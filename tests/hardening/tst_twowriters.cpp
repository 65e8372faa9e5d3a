// Two processes on one project. The contract (docs/reliability.md): edits from any number of
// processes are safe through SQLite's locking; only one process at a time runs generation jobs, and
// a second one is refused with the holder's pid, because both would take up the same unfinished
// jobs and pay for them twice (within one process, its queues share the lock). A holder killed with -9 leaves
// a stale lock the next run takes over. After every scenario the file passes integrity_check and no job has
// more than one take.
#include "pipeline/ProjectFactory.h"
#include "storage/ProjectStore.h"
#include "storage/WriterLock.h"
#include "support/CliRunner.h"
#include "support/TestPaths.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <SQLiteCpp/Database.h>

#include <signal.h>

using namespace shotcraft;

namespace {

// Every job has at most one take, every take names a job of the project, the file is intact.
void verifyFile(const QString &path) {
    {
        SQLite::Database db(path.toStdString(), SQLite::OPEN_READONLY);
        QCOMPARE(QString::fromStdString(db.execAndGet("PRAGMA integrity_check").getString()), u"ok"_qs);
    }
    auto store = storage::ProjectStore::open(path);
    QVERIFY2(store, qPrintable(store.error()));
    const Result<Project> project = (*store)->load();
    QVERIFY2(project, qPrintable(project.error()));
    QHash<Id, int> takesOfJob;
    for (const Take &t : project->takes)
        if (t.jobId != 0)
            ++takesOfJob[t.jobId];
    for (auto it = takesOfJob.cbegin(); it != takesOfJob.cend(); ++it)
        QVERIFY2(it.value() == 1,
                 qPrintable(QStringLiteral("job %1 has %2 takes").arg(it.key()).arg(it.value())));
    for (const Job &j : project->jobs)
        if (j.state == JobState::Succeeded)
            QVERIFY2(takesOfJob.value(j.id) == 1,
                     qPrintable(QStringLiteral("job %1 succeeded without a take").arg(j.id)));
}

} // namespace

class TestTwoWriters : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void oneProcessSharesItsLock();
    void staleLockOfADeadProcessIsTaken();
    void leftoverLockFilesAreTaken();
    void generateRefusesWhileAnotherHoldsIt();
    void editsFromAnotherProcessDuringGeneration();
    void killedRunnerIsResumedWithoutDoubles();

private:
    QString freshProject(const QString &name);
    QTemporaryDir m_dir;
};

void TestTwoWriters::initTestCase() {
    QVERIFY(m_dir.isValid());
}

QString TestTwoWriters::freshProject(const QString &name) {
    const QString path = m_dir.filePath(name);
    const Result<Project> project = pipeline::createProjectFromScript(test::demoStoryPath());
    if (!project)
        qWarning("%s", qPrintable(project.error()));
    auto store = storage::ProjectStore::create(path, *project);
    if (!store)
        qWarning("%s", qPrintable(store.error()));
    return path;
}

void TestTwoWriters::oneProcessSharesItsLock() {
    // Every queue of one process holds the same lock; it goes with the last of them.
    const QString path = freshProject(QStringLiteral("locked.shotcraft"));
    auto first = storage::WriterLock::acquire(path);
    QVERIFY2(first, qPrintable(first.error()));
    auto second = storage::WriterLock::acquire(path);
    QVERIFY2(second, qPrintable(second.error()));
    const QString lockPath = storage::WriterLock::lockPathFor(path);
    first = Result<std::unique_ptr<storage::WriterLock>>::failure(QStringLiteral("released"));
    QVERIFY(QFileInfo::exists(lockPath));
    second = Result<std::unique_ptr<storage::WriterLock>>::failure(QStringLiteral("released"));
    QVERIFY(!QFileInfo::exists(lockPath));
}

void TestTwoWriters::staleLockOfADeadProcessIsTaken() {
    const QString path = freshProject(QStringLiteral("stale.shotcraft"));
    // A holder that is gone: a child takes the lock and is killed with -9 while holding it.
    QProcess holder;
    holder.start(test::shotcraftExecutable(),
                 {QStringLiteral("generate"), path, QStringLiteral("--provider"), QStringLiteral("previz")});
    QVERIFY(holder.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(storage::WriterLock::lockPathFor(path)), 20000);
    ::kill(pid_t(holder.processId()), SIGKILL);
    QVERIFY(holder.waitForFinished());
    QVERIFY(QFileInfo::exists(storage::WriterLock::lockPathFor(path))); // left behind by the kill
    const auto lock = storage::WriterLock::acquire(path);
    QVERIFY2(lock, qPrintable(lock.error()));
}

void TestTwoWriters::leftoverLockFilesAreTaken() {
    // What a holder killed at any moment can leave: an empty file (killed between creating it and
    // writing its pid), or one naming a pid that is gone. Neither holds the lock.
    const QString path = freshProject(QStringLiteral("leftover.shotcraft"));
    const QString lockPath = storage::WriterLock::lockPathFor(path);
    for (const QByteArray &content : {QByteArray(), QByteArray("2147483646\nelsewhere\n")}) {
        QFile leftover(lockPath);
        QVERIFY(leftover.open(QIODevice::WriteOnly));
        leftover.write(content);
        leftover.close();
        const auto lock = storage::WriterLock::acquire(path);
        QVERIFY2(lock, qPrintable(lock.error()));
    }
    QVERIFY(!QFileInfo::exists(lockPath)); // released with the last holder
}

void TestTwoWriters::generateRefusesWhileAnotherHoldsIt() {
    const QString path = freshProject(QStringLiteral("busy.shotcraft"));
    const QStringList args{QStringLiteral("generate"), path, QStringLiteral("--provider"),
                           QStringLiteral("previz")};
    {
        const auto held = storage::WriterLock::acquire(path);
        QVERIFY(held);
        const test::CliOutcome refused = test::runShotcraft(args);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("open in another Shotcraft (pid %1")
                                          .arg(QCoreApplication::applicationPid())
                                          .toUtf8()),
                 refused.err.constData());
        verifyFile(path);
        auto store = storage::ProjectStore::open(path);
        QVERIFY(store);
        QCOMPARE((*store)->load()->takes.size(), 0); // nothing ran
    }
    const test::CliOutcome ran = test::runShotcraft(args);
    QVERIFY2(ran.exitCode == 0, ran.err.constData());
    verifyFile(path);
}

void TestTwoWriters::editsFromAnotherProcessDuringGeneration() {
    // This process edits shot descriptions while a child generates every shot: both succeed (the
    // busy database is waited for, never reported as damage) and every acknowledged edit is kept.
    const QString path = freshProject(QStringLiteral("shared.shotcraft"));
    QProcess runner;
    runner.start(test::shotcraftExecutable(),
                 {QStringLiteral("generate"), path, QStringLiteral("--provider"), QStringLiteral("previz")});
    QVERIFY(runner.waitForStarted());
    QHash<Id, QString> written;
    {
        auto store = storage::ProjectStore::open(path);
        QVERIFY2(store, qPrintable(store.error()));
        Project project = *(*store)->load();
        int round = 0;
        while (runner.state() != QProcess::NotRunning || round < 5) {
            Shot shot = project.shots.at(round % project.shots.size());
            shot.description = QStringLiteral("edit %1 from the second writer").arg(round);
            const Status saved = (*store)->save(shot);
            QVERIFY2(saved, qPrintable(saved.error()));
            written.insert(shot.id, shot.description);
            ++round;
            runner.waitForFinished(20);
        }
    }
    QVERIFY(runner.state() == QProcess::NotRunning || runner.waitForFinished(120000));
    QVERIFY2(runner.exitCode() == 0, runner.readAllStandardError().constData());
    verifyFile(path);
    auto store = storage::ProjectStore::open(path);
    const Project after = *(*store)->load();
    for (auto it = written.cbegin(); it != written.cend(); ++it)
        QCOMPARE(after.shot(it.key())->description, it.value());
    int withTake = 0;
    for (const Shot &s : after.shots)
        withTake += std::any_of(after.takes.cbegin(), after.takes.cend(),
                                [&](const Take &t) { return t.shotId == s.id; });
    QCOMPARE(withTake, after.shots.size());
}

void TestTwoWriters::killedRunnerIsResumedWithoutDoubles() {
    const QString path = freshProject(QStringLiteral("resumed.shotcraft"));
    const QStringList args{QStringLiteral("generate"), path, QStringLiteral("--provider"),
                           QStringLiteral("previz")};
    QProcess runner;
    runner.setProcessChannelMode(QProcess::MergedChannels);
    runner.start(test::shotcraftExecutable(), args);
    QVERIFY(runner.waitForStarted());
    // Kill it once some takes are stored, so the next run has both finished and unfinished jobs.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            auto store = storage::ProjectStore::open(path);
            return store && (*store)->load() && !(*store)->load()->takes.isEmpty();
        }(),
        60000);
    ::kill(pid_t(runner.processId()), SIGKILL);
    QVERIFY(runner.waitForFinished());
    verifyFile(path);
    const test::CliOutcome again = test::runShotcraft(args);
    QVERIFY2(again.exitCode == 0, again.err.constData());
    verifyFile(path);
}

QTEST_GUILESS_MAIN(TestTwoWriters)
#include "tst_twowriters.moc"
