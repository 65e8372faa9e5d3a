// Crash safety: a child process writing edits in a loop is SIGKILLed at random moments (50 times
// here; the soak target does 1,000). After every kill the file passes integrity_check and holds
// every edit the child reported as committed.
#include "storage/ProjectStore.h"
#include "support/SampleProject.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <SQLiteCpp/Database.h>

using namespace shotcraft;

class TestCrashSafety : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void killedWriterLosesNothingReported();
};

void TestCrashSafety::killedWriterLosesNothingReported() {
    const QString writer = qEnvironmentVariable("SHOTCRAFT_EDIT_WRITER");
    QVERIFY2(QFileInfo(writer).isExecutable(), "SHOTCRAFT_EDIT_WRITER must name the writer executable");
    const int kills = qEnvironmentVariableIntValue("SHOTCRAFT_CRASH_KILLS") > 0
                          ? qEnvironmentVariableIntValue("SHOTCRAFT_CRASH_KILLS")
                          : 50;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("crash.shotcraft"));
    QVERIFY(storage::ProjectStore::create(path, test::sampleProject()));

    QSet<QString> reported;
    QRandomGenerator rng(20261127);
    int killedMidWrite = 0;
    for (int run = 0; run < kills; ++run) {
        QProcess child;
        child.start(writer, {path, QString::number(run)});
        QVERIFY(child.waitForStarted());
        // A random moment: sometimes while it is still opening the file, mostly mid-loop.
        QThread::msleep(rng.bounded(5, 90));
        child.kill(); // SIGKILL
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        const QList<QByteArray> lines = child.readAllStandardOutput().split('\n');
        for (const QByteArray &line : lines)
            if (line.startsWith("committed "))
                reported.insert(QString::fromLatin1(line.mid(10)));
        if (!lines.isEmpty())
            ++killedMidWrite;

        SQLite::Database db(path.toStdString(), SQLite::OPEN_READONLY);
        QCOMPARE(QString::fromStdString(db.execAndGet("PRAGMA integrity_check").getString()),
                 QStringLiteral("ok"));
        auto store = storage::ProjectStore::open(path);
        QVERIFY2(store, qPrintable(store.error()));
        const Result<Project> project = (*store)->load();
        QVERIFY(project);
        QSet<QString> present;
        for (const ChatMessage &m : project->chat)
            present.insert(m.content);
        for (const QString &edit : std::as_const(reported))
            QVERIFY2(present.contains(edit),
                     qPrintable(QStringLiteral("edit %1 was reported committed but is lost").arg(edit)));
    }
    qInfo("%d kills, %lld committed edits checked", kills, qlonglong(reported.size()));
    QVERIFY2(reported.size() > kills, "the writer should have committed edits in most runs");
    Q_UNUSED(killedMidWrite);
}

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
