// kill -9 during generation: `shotcraft generate` on the demo project is SIGKILLed at random moments
// and started again (it resumes), on the previz engine and against the OpenAI Images wire server,
// until the storyboard is complete; then it starts over on a fresh copy. After every kill the file
// passes integrity_check, every take the run had reported done is still there, and no job has more
// than one take. When a storyboard completes, every shot has exactly one take, running `generate`
// once more sends nothing, and the paid requests exceed the takes by at most what was in flight at
// the kills (the cap per kill) — a take once stored is never paid for again.
//
// SHOTCRAFT_GENERATION_KILLS sets the kills per engine (default 25: the slice the default run and
// CI do; `ctest -L soak` does 500 per engine, 1,000 in all).
#include "domain/Project.h"
#include "storage/ProjectStore.h"
#include "support/CliRunner.h"
#include "support/OpenAiImageServer.h"
#include "support/TestPaths.h"

#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <SQLiteCpp/Database.h>

using namespace shotcraft;

namespace {

constexpr int kConcurrency = 2;

int killsPerEngine() {
    bool ok = false;
    const int n = qEnvironmentVariableIntValue("SHOTCRAFT_GENERATION_KILLS", &ok);
    return ok && n > 0 ? n : 25;
}

// The last "N/M" the progress bar printed: how many jobs of this run were done.
int lastReportedDone(const QByteArray &stderrText) {
    static const QRegularExpression progress(QStringLiteral("\\] (\\d+)/(\\d+)"));
    int done = 0;
    auto it = progress.globalMatch(QString::fromUtf8(stderrText));
    while (it.hasNext())
        done = it.next().captured(1).toInt();
    return done;
}

struct Counts {
    int takes = 0; // of shots and of look-book frames
    int shotsWithATake = 0;
    int shots = 0;
    int jobsWithTwoTakes = 0;
    int shotsWithTwoTakes = 0;
};

} // namespace

class TestGenerationCrash : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void killedGenerationResumesWhole_data();
    void killedGenerationResumesWhole();

private:
    // Integrity and the counts, or a failure message.
    QString check(const QString &path, Counts *counts);
    QTemporaryDir m_dir;
    QString m_template;
    QString m_settings;
};

void TestGenerationCrash::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_settings = m_dir.filePath(QStringLiteral("settings"));
    m_template = m_dir.filePath(QStringLiteral("template.shotcraft"));
    test::CliOptions options;
    options.settingsDir = m_settings;
    const test::CliOutcome made = test::runShotcraft(
        {QStringLiteral("new"), test::demoStoryPath(), QStringLiteral("-o"), m_template}, options);
    QVERIFY2(made.exitCode == 0, made.err.constData());
}

QString TestGenerationCrash::check(const QString &path, Counts *counts) {
    try {
        SQLite::Database db(path.toStdString(), SQLite::OPEN_READONLY);
        const std::string integrity = db.execAndGet("PRAGMA integrity_check").getString();
        if (integrity != "ok")
            return QStringLiteral("integrity_check: %1").arg(QString::fromStdString(integrity));
    } catch (const std::exception &e) {
        return QStringLiteral("cannot read the project after a kill: %1").arg(QString::fromUtf8(e.what()));
    }
    auto store = storage::ProjectStore::open(path);
    if (!store)
        return store.error();
    const Result<Project> project = (*store)->load();
    if (!project)
        return project.error();
    *counts = {};
    QHash<Id, int> perJob, perShot;
    for (const Take &take : project->takes) {
        ++counts->takes; // shots and look-book frames: a run's progress counts both
        if (take.jobId != 0)
            ++perJob[take.jobId];
        if (take.shotId != 0)
            ++perShot[take.shotId];
    }
    counts->shots = int(project->shots.size());
    counts->shotsWithATake = int(perShot.size());
    for (int n : std::as_const(perJob))
        counts->jobsWithTwoTakes += n > 1;
    for (int n : std::as_const(perShot))
        counts->shotsWithTwoTakes += n > 1;
    return {};
}

void TestGenerationCrash::killedGenerationResumesWhole_data() {
    QTest::addColumn<QString>("engine");
    QTest::newRow("previz") << QStringLiteral("previz");
    QTest::newRow("OpenAI Images wire server") << QStringLiteral("openai-images");
}

void TestGenerationCrash::killedGenerationResumesWhole() {
    QFETCH(QString, engine);
    const int kills = killsPerEngine();
    test::OpenAiImageServer server;
    QString provider = QStringLiteral("previz");
    if (engine == QLatin1String("openai-images")) {
        QVERIFY(server.listen());
        server.http().faults().latencyMs = 30; // a paid request takes a while: kills land mid-flight
        provider = QStringLiteral("wire-openai");
        test::CliOptions options;
        options.settingsDir = m_settings;
        const test::CliOutcome set = test::runShotcraft(
            {QStringLiteral("providers"), QStringLiteral("set"), provider, QStringLiteral("--kind"),
             QStringLiteral("openai-images"), QStringLiteral("--url"), server.baseUrl().toString(),
             QStringLiteral("--model"), QStringLiteral("gpt-image-1")},
            options);
        QVERIFY2(set.exitCode == 0, set.err.constData());
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SHOTCRAFT_SETTINGS_DIR"), m_settings);

    QRandomGenerator rng(20261207 + quint32(engine.size()));
    QElapsedTimer clock;
    clock.start();
    int killed = 0, storyboards = 0, runs = 0, killsThisStoryboard = 0;
    int paidBefore = 0; // server calls before this storyboard began
    QString path;
    Counts counts;
    auto freshStoryboard = [&] {
        path = m_dir.filePath(QStringLiteral("%1-%2.shotcraft").arg(engine).arg(storyboards));
        QFile::remove(path);
        QVERIFY(QFile::copy(m_template, path));
        killsThisStoryboard = 0;
        paidBefore = int(server.calls().size());
    };
    freshStoryboard();
    while (killed < kills) {
        const int takesBefore = counts.takes;
        QProcess child;
        child.setProcessEnvironment(environment);
        child.start(test::shotcraftExecutable(),
                    {QStringLiteral("generate"), path, QStringLiteral("--provider"), provider,
                     QStringLiteral("--concurrency"), QString::number(kConcurrency)});
        QVERIFY(child.waitForStarted());
        ++runs;
        // Every fourth run is left to finish, so each storyboard completes; the rest die at a random
        // moment (the event loop turns, so the wire server answers meanwhile).
        const bool letFinish = runs % 4 == 0;
        bool crashed = false;
        if (!letFinish) {
            QTest::qWait(int(rng.bounded(40, 900)));
            if (child.state() != QProcess::NotRunning) {
                child.kill(); // SIGKILL
                crashed = true;
            }
        }
        QDeadlineTimer deadline(120000);
        while (child.state() != QProcess::NotRunning && !deadline.hasExpired())
            QTest::qWait(10);
        QVERIFY2(child.state() == QProcess::NotRunning, "generate did not end");
        const QByteArray err = child.readAllStandardError();
        if (!crashed && (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0))
            QFAIL(qPrintable(QStringLiteral("generate failed: %1").arg(QString::fromUtf8(err.right(400)))));
        if (crashed) {
            ++killed;
            ++killsThisStoryboard;
        }

        const QString problem = check(path, &counts);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(counts.jobsWithTwoTakes, 0);
        // Done means stored: every job the run reported done has its take in the file.
        QVERIFY2(counts.takes >= takesBefore + lastReportedDone(err),
                 qPrintable(QStringLiteral("%1 takes after a run that reported %2 done on top of %3")
                                .arg(counts.takes)
                                .arg(lastReportedDone(err))
                                .arg(takesBefore)));

        if (!crashed) {
            // A finished storyboard: one take per shot, and nothing left to pay for.
            QCOMPARE(counts.shotsWithATake, counts.shots);
            QCOMPARE(counts.shotsWithTwoTakes, 0);
            const int paidBeforeRerun = int(server.calls().size());
            test::CliOptions options;
            options.settingsDir = m_settings;
            const test::CliOutcome again =
                test::runShotcraft({QStringLiteral("generate"), path, QStringLiteral("--provider"), provider,
                                    QStringLiteral("--json")},
                                   options);
            QVERIFY2(again.exitCode == 0, again.err.constData());
            QCOMPARE(int(server.calls().size()), paidBeforeRerun);
            if (engine == QLatin1String("openai-images")) {
                const int paid = int(server.calls().size()) - paidBefore;
                QVERIFY2(paid <= counts.takes + killsThisStoryboard * kConcurrency,
                         qPrintable(QStringLiteral("%1 paid requests for %2 takes across %3 kills")
                                        .arg(paid)
                                        .arg(counts.takes)
                                        .arg(killsThisStoryboard)));
            }
            ++storyboards;
            counts = {};
            freshStoryboard();
        }
    }
    const QString summary =
        QStringLiteral("generation kills (%1): %2 kills over %3 runs, %4 storyboards "
                       "completed, in %5 s; integrity ok after every kill, 0 lost takes, 0 "
                       "jobs with two takes, 0 requests for stored takes")
            .arg(engine)
            .arg(killed)
            .arg(runs)
            .arg(storyboards)
            .arg(clock.elapsed() / 1000.0, 0, 'f', 1);
    fprintf(stdout, "%s\n", qPrintable(summary));
    fflush(stdout);
}

QTEST_GUILESS_MAIN(TestGenerationCrash)
#include "tst_generationcrash.moc"
