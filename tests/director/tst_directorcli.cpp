// `shotcraft director` end to end on a project made from the demo story: a change and a regeneration
// in one message, spend actions held without --yes, --json, and plain answers for what it cannot do.
#include "pipeline/ProjectFactory.h"
#include "storage/ProjectStore.h"
#include "support/CliRunner.h"
#include "support/LlmTestServer.h"
#include "support/TestPaths.h"

#include <QTemporaryDir>
#include <QTest>

using namespace shotcraft;

class TestDirectorCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void changesAndHoldsTheRegeneration();
    void changesAndRegeneratesWithYes();
    void answersPlainlyWhatItCannotDo();
    void readsWithALanguageModel();
    void usageErrors_data();
    void usageErrors();

private:
    test::CliOutcome director(const QStringList &args) {
        return test::runShotcraft(QStringList{QStringLiteral("director"), m_path} + args,
                                  {{}, false, 120000});
    }
    QTemporaryDir m_dir;
    QString m_path;
    int m_serial = 0;
};

void TestDirectorCli::init() {
    Result<Project> made = pipeline::createProjectFromScript(test::demoStoryPath());
    QVERIFY2(made, qPrintable(made.error()));
    QVERIFY(made->findShot(QStringLiteral("1A")));
    m_path = m_dir.filePath(QStringLiteral("demo%1.shotcraft").arg(++m_serial));
    QVERIFY(storage::ProjectStore::create(m_path, *made));
}

void TestDirectorCli::changesAndHoldsTheRegeneration() {
    const test::CliOutcome o = director(
        {QStringLiteral("make 1A a low angle, warmer, and regenerate it"), QStringLiteral("--json")});
    QVERIFY2(o.exitCode == 0, o.err.constData());
    const Json turn = o.json();
    QVERIFY2(turn.is_object(), o.out.constData());
    QCOMPARE(turn.at("edits").size(), 1u);
    QCOMPARE(turn.at("pending").size(), 1u);
    QVERIFY(turn.at("ran").empty());
    QCOMPARE(turn.at("tool_calls")[0].at("name").get<QString>(), QStringLiteral("update_shot"));
    QCOMPARE(turn.at("tool_calls")[1].at("name").get<QString>(), QStringLiteral("regenerate_shots"));
    const Project p = *storage::ProjectStore::read(m_path);
    QCOMPARE(p.findShot(QStringLiteral("1A"))->angle, CameraAngle::Low);
    QCOMPARE(p.findShot(QStringLiteral("1A"))->paletteHint, QStringLiteral("warmer"));
    QVERIFY(p.takes.isEmpty());
    QVERIFY(p.jobs.isEmpty());
    QVERIFY(p.chat.size() >= 4);

    const test::CliOutcome text = director({QStringLiteral("regenerate 1A")});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("Not run (add --yes to run it): Regenerate 1 shot (1A) on previz"),
             text.out.constData());
}

void TestDirectorCli::changesAndRegeneratesWithYes() {
    const test::CliOutcome o =
        director({QStringLiteral("make 1A 85mm at f/1.8 and regenerate it with a gull on the rail"),
                  QStringLiteral("--yes")});
    QVERIFY2(o.exitCode == 0, o.err.constData());
    QVERIFY2(o.out.contains("Done: Regenerate 1 shot (1A) on previz"), o.out.constData());
    const Project p = *storage::ProjectStore::read(m_path);
    const Shot *shot = p.findShot(QStringLiteral("1A"));
    QCOMPARE(shot->lens.focalLengthMm, 85.0);
    QCOMPARE(shot->lens.aperture, 1.8);
    const QList<const Take *> takes = p.takesOfShot(shot->id);
    QCOMPARE(takes.size(), 1);
    QVERIFY2(takes.first()->package.positive.contains(QLatin1String("a gull on the rail")),
             qPrintable(takes.first()->package.positive));
    QCOMPARE(p.takes.size(), 1);
}

void TestDirectorCli::answersPlainlyWhatItCannotDo() {
    const Project before = *storage::ProjectStore::read(m_path);
    const test::CliOutcome o = director({QStringLiteral("sing me a sea shanty")});
    QCOMPARE(o.exitCode, 1);
    QVERIFY2(o.out.contains("I did not understand") && o.out.contains("Try, for example"), o.out.constData());
    const test::CliOutcome del = director({QStringLiteral("delete shot 1A"), QStringLiteral("--yes")});
    QCOMPARE(del.exitCode, 1);
    QVERIFY(del.out.contains("Deleting shots"));
    Project after = *storage::ProjectStore::read(m_path);
    QCOMPARE(after.shots, before.shots);
    QVERIFY(after.takes.isEmpty());
}

void TestDirectorCli::readsWithALanguageModel() {
    test::LlmTestServer server(test::LlmProtocol::Ollama);
    QVERIFY(server.listen());
    const test::CliOptions options{m_dir.filePath(QStringLiteral("settings")), false, 120000};
    const test::CliOutcome set = test::runShotcraft(
        {QStringLiteral("providers"), QStringLiteral("set"), QStringLiteral("local-llm"),
         QStringLiteral("--kind"), QStringLiteral("ollama"), QStringLiteral("--url"),
         server.baseUrl().toString(), QStringLiteral("--model"), QStringLiteral("llama3.1")},
        options);
    QVERIFY2(set.exitCode == 0, set.err.constData());
    test::LlmScriptedReply edit;
    edit.toolCalls = {
        {QStringLiteral("update_shot"), QStringLiteral(R"({"shot":"1A","movement":"dolly-in"})")},
        {QStringLiteral("regenerate_shots"), QStringLiteral(R"({"shots":["1A"]})")}};
    server.enqueue(edit);
    server.enqueue(test::LlmScriptedReply::text(QStringLiteral("1A now pushes in.")));
    const test::CliOutcome o =
        test::runShotcraft({QStringLiteral("director"), m_path,
                            QStringLiteral("push in on 1A "
                                           "and redo it"),
                            QStringLiteral("--llm"), QStringLiteral("local-llm"), QStringLiteral("--json")},
                           options);
    QVERIFY2(o.exitCode == 0, o.err.constData());
    const Json turn = o.json();
    QVERIFY2(turn.is_object(), o.out.constData());
    QVERIFY2(turn.at("reply").get<QString>().startsWith(QLatin1String("1A now pushes in.")),
             o.out.constData());
    QCOMPARE(turn.at("pending").size(), 1u);
    QCOMPARE(server.requests().size(), 2);
    const Project p = *storage::ProjectStore::read(m_path);
    QCOMPARE(p.findShot(QStringLiteral("1A"))->movement, CameraMovement::DollyIn);
    QVERIFY(p.takes.isEmpty());
}

void TestDirectorCli::usageErrors_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::newRow("no message") << QStringList{} << 2;
    QTest::newRow("empty message") << QStringList{QStringLiteral("  ")} << 2;
    QTest::newRow("unknown option") << QStringList{QStringLiteral("x"), QStringLiteral("--bogus")} << 2;
}

void TestDirectorCli::usageErrors() {
    QFETCH(QStringList, args);
    QFETCH(int, code);
    const test::CliOutcome o = director(args);
    QCOMPARE(o.exitCode, code);
    QVERIFY(o.err.startsWith("shotcraft: ") || o.err.contains("\nshotcraft: ") ||
            o.err.contains("Unknown option"));
}

QTEST_GUILESS_MAIN(TestDirectorCli)
#include "tst_directorcli.moc"
