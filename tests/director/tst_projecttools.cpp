// The director's tools on a project made from the demo story: answers, one-line errors for bad
// input, before/after values that undo an edit exactly, and spend actions that are only described.
#include "director/EditList.h"
#include "director/ProjectAccess.h"
#include "director/ProjectTools.h"
#include "director/ToolCatalog.h"
#include "pipeline/ProjectFactory.h"
#include "storage/ProjectStore.h"
#include "support/TestPaths.h"

#include <QTemporaryDir>
#include <QTest>

using namespace shotcraft;
using namespace shotcraft::director;

class TestProjectTools : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void catalogSchemasAreObjects();
    void readTools_data();
    void readTools();
    void badInputIsAClearError_data();
    void badInputIsAClearError();
    void editReturnsBeforeAndAfterAndUndoes();
    void editIsWrittenToTheFile();
    void spendIsOnlyDescribed();

private:
    ToolOutcome run(const char *name, Json args) {
        return m_tools->run({QStringLiteral("t1"), QString::fromLatin1(name), std::move(args)});
    }
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<storage::ProjectStore> m_store;
    Project m_project;
    std::unique_ptr<StoreAccess> m_access;
    std::unique_ptr<ProjectTools> m_tools;
};

void TestProjectTools::init() {
    Result<Project> made = pipeline::createProjectFromScript(test::demoStoryPath());
    QVERIFY2(made, qPrintable(made.error()));
    m_tools.reset();
    m_access.reset();
    m_store.reset();
    m_path = m_dir.filePath(QStringLiteral("demo-%1.shotcraft").arg(QDateTime::currentMSecsSinceEpoch()));
    auto store = storage::ProjectStore::create(m_path, *made);
    QVERIFY2(store, qPrintable(store.error()));
    m_store = std::move(*store);
    m_project = *made;
    m_access = std::make_unique<StoreAccess>(*m_store, m_project);
    m_tools = std::make_unique<ProjectTools>(*m_access);
    QVERIFY(m_project.shots.size() >= 6);
}

void TestProjectTools::catalogSchemasAreObjects() {
    QCOMPARE(toolCatalog().size(), 12);
    for (const ToolSpec &spec : toolCatalog()) {
        QCOMPARE(spec.parameters.at("type").get<std::string>(), std::string("object"));
        QVERIFY(!spec.description.isEmpty());
    }
    QCOMPARE(findTool(QStringLiteral("regenerate_shots"))->risk, RiskClass::Spend);
    QCOMPARE(findTool(QStringLiteral("update_shot"))->risk, RiskClass::Edit);
    QCOMPARE(findTool(QStringLiteral("list_shots"))->risk, RiskClass::Read);
    QVERIFY(!findTool(QStringLiteral("delete_shot")));
}

void TestProjectTools::readTools_data() {
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<QString>("expectKey");
    QTest::newRow("list all") << "list_shots"
                              << "{}"
                              << "shots";
    QTest::newRow("list scene 1") << "list_shots"
                                  << R"({"scene":"1"})"
                                  << "shots";
    QTest::newRow("list Mara") << "list_shots"
                               << R"({"character":"Mara"})"
                               << "shots";
    QTest::newRow("get shot") << "get_shot"
                              << R"({"shot":"1A"})"
                              << "prompt";
    QTest::newRow("dna") << "get_dna"
                         << "{}"
                         << "characters";
    QTest::newRow("explain") << "explain_prompt"
                             << R"({"shot":"1A"})"
                             << "rationale";
    QTest::newRow("find") << "find_shots"
                          << R"({"query":"ferry"})"
                          << "shots";
}

void TestProjectTools::readTools() {
    QFETCH(QString, tool);
    QFETCH(QString, arguments);
    QFETCH(QString, expectKey);
    const Project before = m_project;
    const ToolOutcome o = run(tool.toLatin1().constData(), Json::parse(arguments.toStdString()));
    QVERIFY2(o.ok, qPrintable(o.error));
    QVERIFY(o.result.contains(expectKey.toStdString()));
    QVERIFY(o.edits.isEmpty());
    QVERIFY(!o.spend);
    QCOMPARE(m_project, before);
    if (tool == QLatin1String("list_shots") && arguments == QLatin1String("{}"))
        QCOMPARE(o.result.at("count").get<int>(), m_project.shots.size());
    if (tool == QLatin1String("list_shots") && arguments.contains(QLatin1String("scene"))) {
        for (const Json &s : o.result.at("shots"))
            QCOMPARE(s.at("scene").get<QString>(), QStringLiteral("1"));
        QVERIFY(o.result.at("count").get<int>() > 0);
    }
    if (tool == QLatin1String("get_dna")) {
        QStringList names;
        for (const Json &c : o.result.at("characters"))
            names.append(c.at("name").get<QString>());
        QVERIFY2(names.contains(QStringLiteral("MARA")), qPrintable(names.join(u',')));
    }
}

void TestProjectTools::badInputIsAClearError_data() {
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown tool") << "delete_shot"
                                  << R"({"shot":"1A"})"
                                  << "there is no tool 'delete_shot'";
    QTest::newRow("no such shot") << "get_shot"
                                  << R"({"shot":"99Z"})"
                                  << "no shot '99Z'";
    QTest::newRow("edit no such shot") << "update_shot"
                                       << R"({"shot":"99Z","angle":"low"})"
                                       << "no shot '99Z'";
    QTest::newRow("bad angle") << "update_shot"
                               << R"({"shot":"1A","angle":"sideways"})"
                               << "angle";
    QTest::newRow("bad size") << "list_shots"
                              << R"({"size":"huge"})"
                              << "size";
    QTest::newRow("lens out of range") << "update_shot"
                                       << R"({"shot":"1A","focal_length_mm":5000})"
                                       << "focal_length_mm";
    QTest::newRow("wrong type") << "update_shot"
                                << R"({"shot":"1A","aperture":"wide open"})"
                                << "aperture";
    QTest::newRow("unknown field") << "update_shot"
                                   << R"({"shot":"1A","colour":"red"})"
                                   << "colour";
    QTest::newRow("missing shot") << "update_shot"
                                  << R"({"angle":"low"})"
                                  << "shot";
    QTest::newRow("nothing to change") << "update_shot"
                                       << R"({"shot":"1A"})"
                                       << "nothing to change";
    QTest::newRow("no character") << "update_character"
                                  << R"({"name":"NOBODY","wardrobe":"grey coat"})"
                                  << "no character 'NOBODY'";
    QTest::newRow("no scene") << "regenerate_shots"
                              << R"({"scene":"42"})"
                              << "no scene '42'";
    QTest::newRow("regenerate nothing") << "regenerate_shots"
                                        << "{}"
                                        << "say which shots";
    QTest::newRow("take not of shot") << "approve_take"
                                      << R"({"shot":"1A","take":123456})"
                                      << "take";
}

void TestProjectTools::badInputIsAClearError() {
    QFETCH(QString, tool);
    QFETCH(QString, arguments);
    QFETCH(QString, message);
    const Project before = m_project;
    const ToolOutcome o = run(tool.toLatin1().constData(), Json::parse(arguments.toStdString()));
    QVERIFY(!o.ok);
    QVERIFY2(o.error.contains(message), qPrintable(o.error));
    QVERIFY2(!o.error.contains(u'\n'), qPrintable(o.error));
    QVERIFY(o.resultText().startsWith(QLatin1String("error: ")));
    QVERIFY(o.edits.isEmpty());
    QVERIFY(!o.spend);
    QCOMPARE(m_project, before);
    QCOMPARE(*storage::ProjectStore::read(m_path), before);
}

void TestProjectTools::editReturnsBeforeAndAfterAndUndoes() {
    const Project before = m_project;
    const Shot original = *m_project.findShot(QStringLiteral("1A"));
    const ToolOutcome o = run("update_shot", Json{{"shot", "1A"},
                                                  {"angle", "low"},
                                                  {"focal_length_mm", 85},
                                                  {"aperture", 1.8},
                                                  {"lighting", "warm practicals"}});
    QVERIFY2(o.ok, qPrintable(o.error));
    QCOMPARE(o.edits.size(), 1);
    const DirectorEdit &e = o.edits.first();
    QCOMPARE(e.before.get<Shot>(), original);
    const Shot edited = *m_project.findShot(QStringLiteral("1A"));
    QCOMPARE(e.after.get<Shot>(), edited);
    QCOMPARE(edited.angle, CameraAngle::Low);
    QCOMPARE(edited.lens.focalLengthMm, 85.0);
    QCOMPARE(edited.lens.aperture, 1.8);
    QCOMPARE(edited.lighting, QStringLiteral("warm practicals"));
    QVERIFY2(e.label.contains(QLatin1String("angle low")), qPrintable(e.label));

    // Setting what is already so makes no edit.
    QVERIFY(run("update_shot", Json{{"shot", "1A"}, {"angle", "low"}}).edits.isEmpty());

    const ToolOutcome wardrobe = run("update_character", Json{{"name", "mara"}, {"wardrobe", "grey coat"}});
    QVERIFY2(wardrobe.ok, qPrintable(wardrobe.error));
    QCOMPARE(m_project.characterByName(QStringLiteral("MARA"))->wardrobe, QStringLiteral("grey coat"));

    QList<DirectorEdit> all = o.edits + wardrobe.edits;
    QCOMPARE(undoText(all), QStringLiteral("Director: 2 edits"));
    QVERIFY(revertEdits(*m_access, all));
    QCOMPARE(m_project, before);
    QCOMPARE(*storage::ProjectStore::read(m_path), before);
    QVERIFY(reapplyEdits(*m_access, all));
    QCOMPARE(m_project.findShot(QStringLiteral("1A"))->angle, CameraAngle::Low);
}

void TestProjectTools::editIsWrittenToTheFile() {
    QVERIFY(run("update_shot", Json{{"shot", "1A"}, {"movement", "dolly-in"}}).ok);
    const Result<Project> onDisk = storage::ProjectStore::read(m_path);
    QVERIFY(onDisk);
    QCOMPARE(onDisk->findShot(QStringLiteral("1A"))->movement, CameraMovement::DollyIn);
}

void TestProjectTools::spendIsOnlyDescribed() {
    const Project before = m_project;
    m_tools->setDefaultProvider(QStringLiteral("comfyui-studio"));
    const ToolOutcome o =
        run("regenerate_shots", Json{{"shots", {"1A", "1B"}}, {"changes", "in a grey coat"}});
    QVERIFY2(o.ok, qPrintable(o.error));
    QVERIFY(o.spend);
    QCOMPARE(o.spend->shotIds.size(), 2);
    QCOMPARE(o.spend->changes, QStringLiteral("in a grey coat"));
    QCOMPARE(o.spend->provider, QStringLiteral("comfyui-studio"));
    QVERIFY2(
        o.spend->summary.startsWith(QLatin1String("Regenerate 2 shots (1A, 1B) on comfyui-studio, about 2")),
        qPrintable(o.spend->summary));
    QCOMPARE(o.result.at("status").get<QString>(), QStringLiteral("awaiting the user's confirmation"));
    // Nothing was queued or written.
    QCOMPARE(m_project, before);
    QCOMPARE(*storage::ProjectStore::read(m_path), before);

    const ToolOutcome scene = run("regenerate_shots", Json{{"scene", "1"}, {"provider", "previz"}});
    QVERIFY2(scene.ok, qPrintable(scene.error));
    QCOMPARE(scene.spend->shotIds.size(), m_project.shotsOfScene(m_project.scenes.first().id).size());
    QCOMPARE(scene.spend->provider, QStringLiteral("previz"));
}

QTEST_GUILESS_MAIN(TestProjectTools)
#include "tst_projecttools.moc"
