// The consistency plan on a hand-built project: identity strings, ranked references cut to a
// provider's limit, reference chaining, seed policies, wardrobe changes and look-book frames.
#include "DnaFixture.h"

#include "dna/ConsistencyPlanner.h"
#include "dna/DnaBuilder.h"
#include "dna/Identity.h"
#include "dna/LookBook.h"

#include <QSet>
#include <QTest>

using namespace shotcraft;

namespace {
const ReferenceImage *frameOf(const Project &p, ReferenceOwner owner, Id ownerId) {
    for (const ReferenceImage &r : p.references)
        if (r.owner == owner && r.ownerId == ownerId && dna::isLookBookFrame(r))
            return &r;
    return nullptr;
}

QList<Id> keptIds(const ConsistencyPlan &plan) {
    QList<Id> out;
    for (const PromptReference &r : plan.references)
        if (r.kept)
            out.append(r.referenceId ? r.referenceId : -r.takeId);
    return out;
}
} // namespace

class TestConsistencyPlan : public QObject {
    Q_OBJECT
private slots:
    void namesEveryoneInFrame();
    void identityIsCanonical();
    void referencesRankedAndCut_data();
    void referencesRankedAndCut();
    void chainsToNearestEarlierShot_data();
    void chainsToNearestEarlierShot();
    void chainUsesApprovedTake();
    void seedPolicies();
    void wardrobeChangeAppliesFromItsSceneOn();
    void paletteVariantFallsBack();
    void lookBookFramePlans();
    void dnaHashCoversExactlyTheUsedParts();
};

void TestConsistencyPlan::namesEveryoneInFrame() {
    test::DnaFixture f;
    dna::buildVisualDna(f.project);
    for (const Shot &shot : f.project.shots) {
        const ConsistencyPlan plan = dna::planShot(f.project, shot.id, 16);
        QCOMPARE(plan.shotId, shot.id);
        QCOMPARE(plan.characters.size(), shot.blocking.size());
        for (const CharacterIdentity &ci : plan.characters) {
            QVERIFY(shot.characterIds().contains(ci.characterId));
            QVERIFY(!ci.tokens.isEmpty());
            const ReferenceImage *sheet = frameOf(f.project, ReferenceOwner::Character, ci.characterId);
            QVERIFY(sheet);
            QVERIFY(keptIds(plan).contains(sheet->id));
            QVERIFY(plan.lookBookDependencies.contains(sheet->id));
        }
        const Scene *scene = f.project.scene(shot.sceneId);
        QCOMPARE(plan.locationId, scene->locationId);
        QVERIFY(plan.locationTokens.startsWith(dna::titleCase(f.project.location(scene->locationId)->name)));
        const ReferenceImage *plate = frameOf(f.project, ReferenceOwner::Location, scene->locationId);
        const ReferenceImage *style = frameOf(f.project, ReferenceOwner::Act, scene->actId);
        QVERIFY(keptIds(plan).contains(plate->id));
        QVERIFY(keptIds(plan).contains(style->id));
        QVERIFY(plan.lookBookDependencies.contains(plate->id));
        QVERIFY(plan.lookBookDependencies.contains(style->id));
        QVERIFY(!plan.styleTokens.isEmpty());
        QCOMPARE(plan.palette.scope, PaletteScope::Scene);
        QCOMPARE(plan.palette.scopeId, scene->id);
        QVERIFY(plan.dnaHash.startsWith(QLatin1String("dna1;")));
    }
}

void TestConsistencyPlan::identityIsCanonical() {
    test::DnaFixture f;
    dna::buildVisualDna(f.project);
    QHash<Id, QString> seen;
    for (const Shot &shot : f.project.shots) {
        for (const CharacterIdentity &ci : dna::planShot(f.project, shot.id, 3).characters) {
            if (seen.contains(ci.characterId))
                QCOMPARE(ci.tokens, seen.value(ci.characterId));
            seen.insert(ci.characterId, ci.tokens);
        }
    }
    const QString brick = seen.value(f.brick);
    QVERIFY2(brick.startsWith(QLatin1String("Brick, in his sixties")), qPrintable(brick));
    QVERIFY(brick.contains(QLatin1String("wearing a faded hawaiian shirt")));
    QVERIFY(brick.contains(QLatin1String("scar over his left eye")));
    QVERIFY(brick.contains(QLatin1String("signature colours ")));
}

void TestConsistencyPlan::referencesRankedAndCut_data() {
    QTest::addColumn<int>("limit");
    QTest::newRow("1") << 1;
    QTest::newRow("3") << 3;
    QTest::newRow("16") << 16;
    QTest::newRow("0") << 0;
}

void TestConsistencyPlan::referencesRankedAndCut() {
    QFETCH(int, limit);
    test::DnaFixture f;
    dna::buildVisualDna(f.project);
    // Give Brick a user-supplied face photo too, so shot 3B has more references than 3 can hold.
    ReferenceImage face;
    face.id = f.project.allocateId();
    face.owner = ReferenceOwner::Character;
    face.ownerId = f.brick;
    face.role = ReferenceRole::Face;
    face.imageId = 999;
    face.userSupplied = true;
    face.label = QStringLiteral("Brick — face photo");
    f.project.references.append(face);

    const Id shot = f.shotId(QStringLiteral("3B"));
    const ConsistencyPlan all = dna::planShot(f.project, shot, -1);
    const ConsistencyPlan plan = dna::planShot(f.project, shot, limit);
    // Ranking: both sheets, the chained take of 1B, the plate, the style frame, then the face photo.
    QCOMPARE(all.references.size(), 6);
    QCOMPARE(all.references[0].role, ReferenceRole::CharacterSheet);
    QCOMPARE(all.references[1].role, ReferenceRole::CharacterSheet);
    QCOMPARE(all.references[2].role, ReferenceRole::ChainedTake);
    QCOMPARE(all.references[3].role, ReferenceRole::LocationPlate);
    QCOMPARE(all.references[4].role, ReferenceRole::StyleFrame);
    QCOMPARE(all.references[5].referenceId, face.id);
    // Principals, with Brick ahead of Steel (blocking order breaks the tie).
    QCOMPARE(all.references[0].referenceId, frameOf(f.project, ReferenceOwner::Character, f.brick)->id);

    QCOMPARE(plan.referenceLimit, limit);
    QCOMPARE(plan.references.size(), all.references.size());
    for (int i = 0; i < plan.references.size(); ++i) {
        const PromptReference &r = plan.references[i];
        QCOMPARE(r.rank, i);
        QCOMPARE(r.referenceId, all.references[i].referenceId);
        QCOMPARE(r.kept, i < limit);
        if (!r.kept)
            QVERIFY2(r.reason.contains(QStringLiteral("dropped: the provider takes %1").arg(limit)),
                     qPrintable(r.reason));
    }
    // Only kept look-book frames are dependencies; the chain only when its reference is kept.
    for (Id dep : plan.lookBookDependencies)
        QVERIFY(keptIds(plan).contains(dep));
    QCOMPARE(plan.chainedShotId, limit > 2 ? f.shotId(QStringLiteral("1B")) : Id(0));
}

void TestConsistencyPlan::chainsToNearestEarlierShot_data() {
    QTest::addColumn<QString>("shot");
    QTest::addColumn<QString>("chained"); // empty: no chain
    QTest::newRow("establishing, first at the place") << "1A"
                                                      << "";
    QTest::newRow("two-shot, nobody earlier") << "1B"
                                              << "";
    QTest::newRow("Steel single after the two-shot") << "1C"
                                                     << "1B";
    QTest::newRow("Brick single skips Steel's single") << "1D"
                                                       << "1B";
    QTest::newRow("Jack after Dan and Jack") << "2B"
                                             << "2A";
    QTest::newRow("back at the patio a scene later") << "3A"
                                                     << "1D";
    QTest::newRow("two-shot prefers full cast over nearer partial") << "3B"
                                                                    << "1B";
    QTest::newRow("garage, first time") << "4A"
                                        << "";
}

void TestConsistencyPlan::chainsToNearestEarlierShot() {
    QFETCH(QString, shot);
    QFETCH(QString, chained);
    test::DnaFixture f;
    dna::buildVisualDna(f.project);
    const ConsistencyPlan plan = dna::planShot(f.project, f.shotId(shot), 16);
    if (chained.isEmpty()) {
        QCOMPARE(plan.chainedShotId, Id(0));
        return;
    }
    QCOMPARE(f.project.shot(plan.chainedShotId)->number, chained);
    QCOMPARE(plan.chainedTakeId, Id(0)); // no takes yet: the dependency is still recorded
    bool listed = false;
    for (const PromptReference &r : plan.references)
        listed = listed || (r.role == ReferenceRole::ChainedTake && r.label.contains(chained));
    QVERIFY(listed);
}

void TestConsistencyPlan::chainUsesApprovedTake() {
    test::DnaFixture f;
    dna::buildVisualDna(f.project);
    Shot *b = f.project.shot(f.shotId(QStringLiteral("1B")));
    auto addTake = [&](Id imageId) {
        Take t;
        t.id = f.project.allocateId();
        t.shotId = b->id;
        t.imageId = imageId;
        f.project.takes.append(t);
        return t.id;
    };
    const Id first = addTake(501);
    const Id second = addTake(502);
    ConsistencyPlan plan = dna::planShot(f.project, f.shotId(QStringLiteral("1C")), 16);
    QCOMPARE(plan.chainedTakeId, second); // none approved: the latest
    b->approvedTakeId = first;
    plan = dna::planShot(f.project, f.shotId(QStringLiteral("1C")), 16);
    QCOMPARE(plan.chainedTakeId, first);
    for (const PromptReference &r : plan.references)
        if (r.role == ReferenceRole::ChainedTake)
            QCOMPARE(r.imageId, Id(501));
}

void TestConsistencyPlan::seedPolicies() {
    test::DnaFixture f;
    dna::buildVisualDna(f.project);
    auto seed = [&](const QString &n) {
        return dna::planShot(f.project, f.shotId(n), 16).seed;
    };

    f.project.info.seedPolicy = SeedPolicy::PerScene;
    QCOMPARE(seed(QStringLiteral("1A")), seed(QStringLiteral("1D")));
    QVERIFY(seed(QStringLiteral("1A")) != seed(QStringLiteral("2A")));
    const qint64 perScene = seed(QStringLiteral("1A"));

    f.project.info.seedPolicy = SeedPolicy::PerCharacter;
    QCOMPARE(seed(QStringLiteral("1D")), seed(QStringLiteral("3A"))); // Brick alone, two scenes apart
    QVERIFY(seed(QStringLiteral("1C")) != seed(QStringLiteral("1D")));
    QCOMPARE(seed(QStringLiteral("1A")), perScene); // nobody in frame: the scene's seed

    f.project.info.seedPolicy = SeedPolicy::PerShot;
    QSet<qint64> seeds;
    for (const Shot &s : f.project.shots)
        seeds.insert(seed(s.number));
    QCOMPARE(seeds.size(), f.project.shots.size());
    for (qint64 s : seeds)
        QVERIFY(s >= 0 && s <= 0x7fffffff);

    // Deterministic from the base seed.
    const qint64 before = seed(QStringLiteral("2B"));
    QCOMPARE(seed(QStringLiteral("2B")), before);
    f.project.info.baseSeed = 99;
    QVERIFY(seed(QStringLiteral("2B")) != before);
}

void TestConsistencyPlan::wardrobeChangeAppliesFromItsSceneOn() {
    test::DnaFixture f;
    dna::buildVisualDna(f.project);
    for (Character &c : f.project.characters)
        if (c.id == f.brick)
            c.wardrobeChanges.append(WardrobeChange{0, f.scene3, QStringLiteral("a black funeral suit")});
    auto brickTokens = [&](const QString &shot) {
        for (const CharacterIdentity &ci : dna::planShot(f.project, f.shotId(shot), 16).characters)
            if (ci.characterId == f.brick)
                return ci.tokens;
        return QString();
    };
    QVERIFY(brickTokens(QStringLiteral("1D")).contains(QLatin1String("hawaiian shirt")));
    QVERIFY(brickTokens(QStringLiteral("3A")).contains(QLatin1String("wearing a black funeral suit")));
    QCOMPARE(brickTokens(QStringLiteral("3A")), brickTokens(QStringLiteral("3B")));
    // An act-wide change from act 2 on, overridden by the later scene change.
    for (Character &c : f.project.characters)
        if (c.id == f.brick)
            c.wardrobeChanges.prepend(WardrobeChange{f.act2, 0, QStringLiteral("a tracksuit")});
    QVERIFY(brickTokens(QStringLiteral("3A")).contains(QLatin1String("funeral suit")));
    for (Character &c : f.project.characters)
        if (c.id == f.brick)
            c.wardrobeChanges.removeLast();
    QVERIFY(brickTokens(QStringLiteral("3A")).contains(QLatin1String("tracksuit")));
}

void TestConsistencyPlan::paletteVariantFallsBack() {
    test::DnaFixture f;
    dna::buildVisualDna(f.project);
    const Id shot = f.shotId(QStringLiteral("2A"));
    QCOMPARE(dna::planShot(f.project, shot, 16).palette.scope, PaletteScope::Scene);
    f.project.palettes.removeIf([&](const Palette &p) { return p.scope == PaletteScope::Scene; });
    ConsistencyPlan plan = dna::planShot(f.project, shot, 16);
    QCOMPARE(plan.palette.scope, PaletteScope::Act);
    QCOMPARE(plan.palette.scopeId, f.act1);
    f.project.palettes.removeIf([&](const Palette &p) { return p.scope == PaletteScope::Act; });
    QCOMPARE(dna::planShot(f.project, shot, 16).palette.scope, PaletteScope::Film);
}

void TestConsistencyPlan::lookBookFramePlans() {
    test::DnaFixture f;
    dna::buildVisualDna(f.project);
    const ReferenceImage *sheet = frameOf(f.project, ReferenceOwner::Character, f.steel);
    ConsistencyPlan plan = dna::planLookBookFrame(f.project, sheet->id, 3);
    QCOMPARE(plan.referenceTargetId, sheet->id);
    QCOMPARE(plan.shotId, Id(0));
    QCOMPARE(plan.characters.size(), 1);
    // The same canonical string as in the shots (no wardrobe change).
    QCOMPARE(plan.characters.first().tokens,
             dna::planShot(f.project, f.shotId(QStringLiteral("1C")), 3).characters.first().tokens);
    QVERIFY(plan.lookBookDependencies.isEmpty());
    QCOMPARE(plan.palette.scope, PaletteScope::Film);

    const ReferenceImage *plate = frameOf(f.project, ReferenceOwner::Location, f.trailer);
    plan = dna::planLookBookFrame(f.project, plate->id, 3);
    QCOMPARE(plan.locationId, f.trailer);
    QVERIFY(plan.characters.isEmpty());
    QCOMPARE(plan.palette.scopeId, f.scene2);

    const ReferenceImage *style = frameOf(f.project, ReferenceOwner::Act, f.act2);
    plan = dna::planLookBookFrame(f.project, style->id, 3);
    QCOMPARE(plan.palette.scope, PaletteScope::Act);
    QCOMPARE(plan.palette.scopeId, f.act2);
    QCOMPARE(plan.locationId, f.patio); // act 2's most used place (tie: first seen)
    QVERIFY(!plan.dnaHash.isEmpty());
}

void TestConsistencyPlan::dnaHashCoversExactlyTheUsedParts() {
    test::DnaFixture f;
    dna::buildVisualDna(f.project);
    const Id shot = f.shotId(QStringLiteral("1C")); // Steel at the patio
    const QString before = dna::planShot(f.project, shot, 16).dnaHash;
    const QList<dna::DnaPart> parts = dna::parseDnaHash(before);
    QStringList keys;
    for (const dna::DnaPart &p : parts)
        keys.append(p.key);
    const Id scenePalette = dna::planShot(f.project, shot, 16).palette.id;
    QCOMPARE(keys, (QStringList{QStringLiteral("character:%1").arg(f.steel),
                                QStringLiteral("location:%1").arg(f.patio),
                                QStringLiteral("palette:%1").arg(scenePalette), QStringLiteral("style")}));
    QCOMPARE(dna::composeDnaHash(parts), before);
    // Editing someone not in frame, or the limit, changes nothing.
    for (Character &c : f.project.characters)
        if (c.id == f.brick)
            c.wardrobe = QStringLiteral("a tuxedo");
    QCOMPARE(dna::planShot(f.project, shot, 1).dnaHash, before);
    for (Character &c : f.project.characters)
        if (c.id == f.steel)
            c.hair = QStringLiteral("a silver pompadour");
    QVERIFY(dna::planShot(f.project, shot, 16).dnaHash != before);
}

QTEST_GUILESS_MAIN(TestConsistencyPlan)
#include "tst_consistencyplan.moc"
