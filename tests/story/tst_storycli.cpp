// `shotcraft parse` and `shotcraft new` through the real executable, and the one project factory
// they share with `shotcraft run` and the window.
#include "pipeline/ProjectFactory.h"
#include "storage/ProjectStore.h"
#include "support/CliRunner.h"
#include "support/TestPaths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace shotcraft;

namespace {

using Run = test::CliOutcome;

Run runCli(const QStringList &args) {
    return test::runShotcraft(args);
}

} // namespace

class TestStoryCli : public QObject {
    Q_OBJECT
private slots:
    void parseJson() {
        const Run r =
            runCli({QStringLiteral("parse"), test::fixturePath(QStringLiteral("salt-and-signal.fdx")),
                    QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        const QJsonArray scenes = o.value(QStringLiteral("scenes")).toArray();
        QCOMPARE(scenes.size(), 10);
        const QJsonObject first = scenes.first().toObject();
        QCOMPARE(first.value(QStringLiteral("heading")).toString(),
                 QStringLiteral("EXT. HARBOUR WALL - DAWN"));
        QCOMPARE(first.value(QStringLiteral("intExt")).toString(), QStringLiteral("EXT"));
        QCOMPARE(first.value(QStringLiteral("location")).toString(), QStringLiteral("HARBOUR WALL"));
        QCOMPARE(first.value(QStringLiteral("timeOfDay")).toString(), QStringLiteral("dawn"));
        QVERIFY(first.value(QStringLiteral("lineStart")).toInt() > 0);
        QVERIFY(first.value(QStringLiteral("lineEnd")).toInt() >
                first.value(QStringLiteral("lineStart")).toInt());
        QCOMPARE(first.value(QStringLiteral("characters")).toArray().size(), 2);
        QVERIFY(first.value(QStringLiteral("dialogueCount")).toInt() >= 4);
        const QJsonArray characters = o.value(QStringLiteral("characters")).toArray();
        QVERIFY(!characters.isEmpty());
        QVERIFY(characters.first().toObject().value(QStringLiteral("dialogueCount")).toInt() > 0);
        const QJsonObject counts = o.value(QStringLiteral("elementCounts")).toObject();
        QCOMPARE(counts.value(QStringLiteral("scene-heading")).toInt(), 10);
        QVERIFY(counts.value(QStringLiteral("dialogue")).toInt() > 0);
    }

    void parseRefusesBinary() {
        // A small binary file (an executable's worth of NULs and control bytes), not a screenplay.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("program.bin"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray bytes("\x7f"
                         "ELF\x02\x01\x01",
                         7);
        for (int i = 0; i < 4096; ++i)
            bytes.append(char(i % 7 == 0 ? 0 : (i * 31) % 256));
        file.write(bytes);
        file.close();
        const Run r = runCli({QStringLiteral("parse"), path});
        QCOMPARE(r.exitCode, 1);
        // Qt may add its own notes on stderr; the reason is the one "shotcraft:" line.
        const QList<QByteArray> reasons = r.err.split('\n');
        const auto count = std::count_if(reasons.cbegin(), reasons.cend(), [](const QByteArray &line) {
            return line.startsWith("shotcraft: ");
        });
        QCOMPARE(count, 1);
        QVERIFY2(r.err.contains("binary"), r.err.constData());
    }

    void newCreatesProject() {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("salt.shotcraft"));
        const Run r =
            runCli({QStringLiteral("new"), test::fixturePath(QStringLiteral("salt-and-signal.fountain")),
                    QStringLiteral("-o"), project, QStringLiteral("--genre"), QStringLiteral("action"),
                    QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        auto store = storage::ProjectStore::open(project);
        QVERIFY2(store.ok(), qPrintable(store.error()));
        const auto loaded = (*store)->load();
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->scenes.size(), 10);
        QCOMPARE(loaded->acts.size(), 3);
        QCOMPARE(loaded->info.genre, QStringLiteral("action"));
        QCOMPARE(loaded->info.sourceName, QStringLiteral("salt-and-signal.fountain"));
        QVERIFY(loaded->shots.size() > loaded->scenes.size());
        // The same as the factory makes in process.
        const auto direct = pipeline::createProjectFromScript(
            test::fixturePath(QStringLiteral("salt-and-signal.fountain")), {QStringLiteral("action"), {}});
        QVERIFY(direct.ok());
        QCOMPARE(loaded->shots.size(), direct->shots.size());
        // An existing project is never overwritten.
        const Run again =
            runCli({QStringLiteral("new"), test::fixturePath(QStringLiteral("salt-and-signal.fountain")),
                    QStringLiteral("-o"), project});
        QCOMPARE(again.exitCode, 1);
    }

    void reimportKeepsUnchangedScenes() {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("ferry.shotcraft"));
        const QString script = test::demoStoryPath();
        QCOMPARE(runCli({QStringLiteral("new"), script, QStringLiteral("-o"), project}).exitCode, 0);
        Project before;
        {
            auto store = storage::ProjectStore::open(project);
            QVERIFY(store.ok());
            before = *(*store)->load();
        }
        QFile in(script);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(in.readAll());
        // A scene written in between two others: only it is new.
        const QString nextHeading = QStringLiteral("INT. LIGHTHOUSE LANTERN ROOM - DAWN");
        QVERIFY(text.contains(nextHeading));
        text.replace(
            nextHeading,
            QStringLiteral("EXT. FERRY SLIPWAY - DAWN\n\nThe empty slipway, gulls on the rail.\n\n") +
                nextHeading);
        const QString edited = dir.filePath(QStringLiteral("ferry-v2.fountain"));
        QFile out(edited);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(text.toUtf8());
        out.close();
        const Run r = runCli({QStringLiteral("new"), edited, QStringLiteral("-o"), project,
                              QStringLiteral("--reimport"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("added")).toArray().size(), 1);
        QCOMPARE(o.value(QStringLiteral("removed")).toArray().size(), 0);
        QCOMPARE(o.value(QStringLiteral("changed")).toArray().size(), 0);
        QCOMPARE(o.value(QStringLiteral("unchanged")).toInt(), int(before.scenes.size()));
        auto store = storage::ProjectStore::open(project);
        QVERIFY(store.ok());
        const Project after = *(*store)->load();
        QCOMPARE(after.scenes.size(), before.scenes.size() + 1);
        QCOMPARE(after.scenes.first().id, before.scenes.first().id);
        QCOMPARE(after.shots.first().id, before.shots.first().id);
    }

    void factoryRefusesBadScripts() {
        QVERIFY(!pipeline::createProjectFromScript(QStringLiteral("/nonexistent/script.fountain")).ok());
        const auto empty = pipeline::createProjectFromScript(test::shotcraftExecutable());
        QVERIFY(!empty.ok());
        QVERIFY(!empty.error().contains(u'\n'));
    }
};

QTEST_GUILESS_MAIN(TestStoryCli)
#include "tst_storycli.moc"
