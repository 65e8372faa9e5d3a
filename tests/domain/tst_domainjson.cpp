// Every domain type survives a JSON round trip unchanged, and unknown or missing fields are
// tolerated (files written by other versions still load).
#include "domain/ConsistencyPlan.h"
#include "domain/Project.h"

#include <QTest>

using namespace shotcraft;

namespace {
template <typename T> bool roundTrips(const T &value) {
    const Json json = value;
    const T back = Json::parse(json.dump()).get<T>();
    return back == value;
}

Shot sampleShot() {
    Shot s;
    s.id = 42;
    s.sceneId = 7;
    s.number = QStringLiteral("12A");
    s.order = 3;
    s.purpose = ShotPurpose::OverTheShoulder;
    s.description = QStringLiteral("Mara over Elias's shoulder — «rain»");
    s.size = ShotSize::MediumCloseUp;
    s.angle = CameraAngle::OverTheShoulder;
    s.movement = CameraMovement::DollyIn;
    s.lens = {85.0, 2.0, Sensor::FullFrame};
    s.composition = CompositionRule::ShortSiding;
    s.compositionNote = QStringLiteral("short-sided to unsettle");
    s.staging = {QStringLiteral("Elias's shoulder"), QStringLiteral("Mara"), QStringLiteral("storm")};
    s.blocking = {
        {1, 0.3, Facing::Right, DepthPlane::Foreground, QStringLiteral("Mara"), {}},
        {2, 0.66, Facing::Left, DepthPlane::Midground, QStringLiteral("Elias"), QStringLiteral("pleads")}};
    s.lighting = QStringLiteral("low-key, practical lamp");
    s.paletteHint = QStringLiteral("amber against slate");
    s.mood = QStringLiteral("dread");
    s.weather = Weather::Storm;
    s.timeOfDay = TimeOfDay::Night;
    s.durationSec = 4.5;
    s.dialogueExcerpt = QStringLiteral("Nobody crosses in this.");
    s.notes = QStringLiteral("match eyeline with 12B");
    s.approvedTakeId = 99;
    return s;
}

PromptPackage samplePackage() {
    PromptPackage p;
    p.shotId = 42;
    p.dialect = PromptDialect::Sdxl;
    p.positive = QStringLiteral("(mara:1.2), storm");
    p.negative = QStringLiteral("extra limbs");
    p.params = {1216, 832, 28, 7.0, QStringLiteral("euler"), 4242};
    p.references = {{5, 6, 0, ReferenceRole::CharacterSheet, 0.8, 0, true, QStringLiteral("Mara"), {}},
                    {8, 0, 77, ReferenceRole::ChainedTake, 0.5, 3, false, {}, QStringLiteral("over limit")}};
    p.identityTokens = {QStringLiteral("Mara Quinn, 30s, mustard oilskin")};
    p.rationale = {{QStringLiteral("lens"), QStringLiteral("85mm f/2"), QStringLiteral("isolate")}};
    p.dnaHash = QStringLiteral("abc");
    p.modifications = {QStringLiteral("blood -> red paint")};
    p.enhanced = true;
    return p;
}
} // namespace

class TestDomainJson : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void missingFieldsTakeDefaults();
    void enumNames();
};

void TestDomainJson::roundTrip_data() {
    QTest::addColumn<QString>("type");
    for (const char *type :
         {"Project", "ProjectInfo", "Act", "Scene", "Shot", "Character", "Location", "Palette", "StyleToken",
          "ReferenceImage", "Take", "Job", "ChatMessage", "PromptPackage", "ConsistencyPlan"})
        QTest::newRow(type) << QString::fromLatin1(type);
}

void TestDomainJson::roundTrip() {
    QFETCH(QString, type);
    Project p;
    p.info.title = QStringLiteral("The Last Ferry");
    p.info.aspectRatio = 2.39;
    p.info.seedPolicy = SeedPolicy::PerCharacter;
    p.acts = {{1, 1, QStringLiteral("Setup"), QStringLiteral("the pier")}};
    Scene scene{7,
                1,
                3,
                QStringLiteral("1A"),
                0,
                QStringLiteral("EXT. HARBOUR PIER - DUSK"),
                InteriorExterior::Exterior,
                TimeOfDay::Dusk,
                Weather::Rain,
                QStringLiteral("urgent"),
                QStringLiteral("Mara begs a crossing"),
                {1, 2},
                {QStringLiteral("Nobody crosses in this.")},
                QStringLiteral("mustard on black"),
                14,
                31,
                QStringLiteral("h1")};
    p.scenes = {scene};
    p.shots = {sampleShot()};
    Character mara{1,
                   QStringLiteral("MARA QUINN"),
                   {QStringLiteral("MARA")},
                   CharacterRole::Principal,
                   QStringLiteral("oilskin coat"),
                   QStringLiteral("30s"),
                   QStringLiteral("wiry"),
                   QStringLiteral("freckled"),
                   QStringLiteral("dark bob"),
                   QStringLiteral("mustard oilskin"),
                   {{2, 0, QStringLiteral("wet wool blanket")}},
                   {QStringLiteral("#c9a227")},
                   QStringLiteral("red scarf"),
                   9};
    p.characters = {mara};
    p.locations = {{3, QStringLiteral("HARBOUR PIER"), InteriorExterior::Exterior, QStringLiteral("rusted"),
                    QStringLiteral("timber"), QStringLiteral("ropes"), QStringLiteral("sodium lamps")}};
    p.palettes = {{10,
                   QStringLiteral("Act 1"),
                   PaletteScope::Act,
                   1,
                   {{QStringLiteral("storm slate"), QStringLiteral("#3b4a54"), SwatchRole::Shadow}},
                   4300,
                   0.7,
                   QStringLiteral("grief")}};
    p.styleTokens = {{11, StyleCategory::FilmStock, QStringLiteral("Kodak Vision3 500T"), 1.0}};
    p.references = {
        {12, ReferenceOwner::Character, 1, ReferenceRole::Face, 13, 0.9, true, QStringLiteral("face")}};
    Take take;
    take.id = 20;
    take.shotId = 42;
    take.imageId = 13;
    take.package = samplePackage();
    take.provider = QStringLiteral("previz");
    take.seed = 4242;
    take.referencesUsed = {12};
    take.createdAt = QStringLiteral("2026-11-27T10:00:00Z");
    take.costUsd = 0.04;
    p.takes = {take};
    Job job{30,
            JobKind::LookBook,
            0,
            12,
            JobState::Failed,
            2,
            QStringLiteral("HTTP 500"),
            QStringLiteral("lb-12-1"),
            {29},
            QStringLiteral("comfy"),
            0,
            {},
            {}};
    p.jobs = {job};
    p.chat = {{40, ChatRole::Assistant, QStringLiteral("Done."), QStringLiteral("[]"), {}, {}}};
    p.nextId = 41;

    ConsistencyPlan plan;
    plan.shotId = 42;
    plan.characters = {
        {1, QStringLiteral("MARA QUINN"), QStringLiteral("Mara Quinn, 30s"), {QStringLiteral("#c9a227")}}};
    plan.palette = p.palettes.first();
    plan.references = samplePackage().references;
    plan.seed = 7;
    plan.lookBookDependencies = {12};
    plan.chainedTakeId = 20;

    bool ok = false;
    if (type == QLatin1String("Project"))
        ok = roundTrips(p);
    else if (type == QLatin1String("ProjectInfo"))
        ok = roundTrips(p.info);
    else if (type == QLatin1String("Act"))
        ok = roundTrips(p.acts.first());
    else if (type == QLatin1String("Scene"))
        ok = roundTrips(scene);
    else if (type == QLatin1String("Shot"))
        ok = roundTrips(sampleShot());
    else if (type == QLatin1String("Character"))
        ok = roundTrips(mara);
    else if (type == QLatin1String("Location"))
        ok = roundTrips(p.locations.first());
    else if (type == QLatin1String("Palette"))
        ok = roundTrips(p.palettes.first());
    else if (type == QLatin1String("StyleToken"))
        ok = roundTrips(p.styleTokens.first());
    else if (type == QLatin1String("ReferenceImage"))
        ok = roundTrips(p.references.first());
    else if (type == QLatin1String("Take"))
        ok = roundTrips(take);
    else if (type == QLatin1String("Job"))
        ok = roundTrips(job);
    else if (type == QLatin1String("ChatMessage"))
        ok = roundTrips(p.chat.first());
    else if (type == QLatin1String("PromptPackage"))
        ok = roundTrips(samplePackage());
    else if (type == QLatin1String("ConsistencyPlan"))
        ok = roundTrips(plan);
    else
        QFAIL("unknown type");
    QVERIFY2(ok, qPrintable(type + QStringLiteral(" changed in the round trip")));
}

void TestDomainJson::missingFieldsTakeDefaults() {
    const Shot shot = Json::parse(R"({"id": 5, "size": "CU", "futureField": [1, 2]})").get<Shot>();
    QCOMPARE(shot.id, Id(5));
    QCOMPARE(shot.size, ShotSize::CloseUp);
    QCOMPARE(shot.angle, CameraAngle::EyeLevel);
    QCOMPARE(shot.lens, Lens{});
}

void TestDomainJson::enumNames() {
    QCOMPARE(enumName(ShotSize::ExtremeCloseUp), QStringLiteral("ECU"));
    QCOMPARE(enumFromName<ShotSize>(QStringLiteral("WS")), std::optional(ShotSize::Wide));
    QCOMPARE(enumFromName<ShotSize>(QStringLiteral("nonsense")), std::nullopt);
    QCOMPARE(enumName(CameraMovement::DollyIn), QStringLiteral("dolly-in"));
}

QTEST_GUILESS_MAIN(TestDomainJson)
#include "tst_domainjson.moc"
