// Staleness on a project with takes: every take records the DNA hash of its plan; editing one
// part of the DNA marks exactly the takes that used it, with the reason.
#include "DnaFixture.h"

#include "dna/ConsistencyPlanner.h"
#include "dna/DnaBuilder.h"
#include "dna/LookBook.h"
#include "dna/Staleness.h"

#include <QSet>
#include <QTest>

using namespace shotcraft;

namespace {
// The fixture with the DNA built, every look-book frame and every shot generated once.
struct GeneratedProject : test::DnaFixture {
    GeneratedProject() {
        dna::buildVisualDna(project);
        for (const ReferenceImage *r : dna::lookBookFrames(project))
            addTake(0, r->id, dna::planLookBookFrame(project, r->id, 3).dnaHash);
        for (const Shot &s : project.shots)
            addTake(s.id, 0, dna::planShot(project, s.id, 3).dnaHash);
    }
    Id addTake(Id shotId, Id referenceId, const QString &hash) {
        Take t;
        t.id = project.allocateId();
        t.shotId = shotId;
        t.referenceId = referenceId;
        t.imageId = 1000 + t.id;
        t.dnaHash = hash;
        project.takes.append(t);
        return t.id;
    }
    Character &character(Id id) {
        for (Character &c : project.characters)
            if (c.id == id)
                return c;
        Q_UNREACHABLE();
    }
    // The takes that used a character: shots with them in frame and their character sheet.
    QSet<Id> takesUsing(Id characterId) const {
        QSet<Id> out;
        for (const Take &t : project.takes) {
            const Shot *s = project.shot(t.shotId);
            const ReferenceImage *r = project.reference(t.referenceId);
            if ((s && s->characterIds().contains(characterId)) ||
                (r && r->owner == ReferenceOwner::Character && r->ownerId == characterId))
                out.insert(t.id);
        }
        return out;
    }
    QSet<Id> staleIds() const {
        QSet<Id> out;
        for (const dna::StaleTake &s : dna::findStaleTakes(project))
            out.insert(s.takeId);
        return out;
    }
};
} // namespace

class TestStaleness : public QObject {
    Q_OBJECT
private slots:
    void freshTakesAreNotStale();
    void wardrobeEditMarksExactlyThatCharactersTakes_data();
    void wardrobeEditMarksExactlyThatCharactersTakes();
    void reasonsNameThePart();
    void locationEditMarksItsShotsAndPlate();
    void paletteEditMarksOnlyThatScene();
    void styleEditMarksEverything();
    void sceneWardrobeChangeMarksOnlyLaterScenes();
    void currentTakeAndStaleShots();
    void takeWithoutHashIsStale();
};

void TestStaleness::freshTakesAreNotStale() {
    GeneratedProject g;
    QVERIFY(g.project.takes.size() > 10);
    QVERIFY(dna::findStaleTakes(g.project).isEmpty());
    QVERIFY(dna::staleShots(g.project).isEmpty());
}

void TestStaleness::wardrobeEditMarksExactlyThatCharactersTakes_data() {
    QTest::addColumn<QString>("who");
    QTest::newRow("Brick") << "BRICK";
    QTest::newRow("Steel") << "STEEL";
    QTest::newRow("Dan") << "DAN";
    QTest::newRow("Jack") << "JACK";
}

void TestStaleness::wardrobeEditMarksExactlyThatCharactersTakes() {
    QFETCH(QString, who);
    GeneratedProject g;
    const Id id = g.project.characterByName(who)->id;
    g.character(id).wardrobe = QStringLiteral("a powder-blue leisure suit");
    const QSet<Id> expected = g.takesUsing(id);
    QVERIFY(expected.size() >= 2); // at least one shot and the sheet
    QCOMPARE(g.staleIds(), expected);
}

void TestStaleness::reasonsNameThePart() {
    GeneratedProject g;
    g.character(g.steel).wardrobe = QStringLiteral("a powder-blue leisure suit");
    const QList<dna::StaleTake> stale = dna::findStaleTakes(g.project);
    QVERIFY(!stale.isEmpty());
    for (const dna::StaleTake &s : stale) {
        QCOMPARE(s.reasons, QStringList{QStringLiteral("character Steel: wardrobe changed")});
        QVERIFY(!s.subject.isEmpty());
        QVERIFY(s.current);
    }
    g.character(g.steel).hair = QStringLiteral("a silver pompadour");
    g.character(g.steel).signatureColours = {QStringLiteral("#ff0000")};
    QCOMPARE(dna::staleReasons(g.project, *g.project.take(stale.first().takeId)),
             QStringList{QStringLiteral("character Steel: appearance, wardrobe, signature colours changed")});
    // JSON form for the CLI.
    const Json json = stale.first();
    QCOMPARE(json.at("reasons").size(), size_t(1));
    QCOMPARE(json.at("takeId").get<Id>(), stale.first().takeId);
}

void TestStaleness::locationEditMarksItsShotsAndPlate() {
    GeneratedProject g;
    for (Location &l : g.project.locations)
        if (l.id == g.trailer)
            l.setDressing = QStringLiteral("a velvet Elvis painting");
    QSet<Id> expected;
    for (const Take &t : g.project.takes) {
        const Shot *s = g.project.shot(t.shotId);
        const ReferenceImage *r = g.project.reference(t.referenceId);
        const bool usesTrailer = (s && g.project.scene(s->sceneId)->locationId == g.trailer) ||
                                 (r && r->owner == ReferenceOwner::Location && r->ownerId == g.trailer);
        if (usesTrailer)
            expected.insert(t.id);
    }
    QCOMPARE(expected.size(), 3); // 2A, 2B, the plate (act 1's style frame is set at the patio)
    QCOMPARE(g.staleIds(), expected);
    QCOMPARE(dna::findStaleTakes(g.project).first().reasons,
             QStringList{QStringLiteral("location Trailer Home changed")});
}

void TestStaleness::paletteEditMarksOnlyThatScene() {
    GeneratedProject g;
    for (Palette &p : g.project.palettes)
        if (p.scope == PaletteScope::Scene && p.scopeId == g.scene4)
            p.temperatureK += 1000;
    // Shot 4A, and the garage plate, which is graded like the first scene set there.
    QSet<Id> expected;
    for (const Take &t : g.project.takes) {
        const ReferenceImage *r = g.project.reference(t.referenceId);
        if (t.shotId == g.shotId(QStringLiteral("4A")) ||
            (r && r->owner == ReferenceOwner::Location && r->ownerId == g.garage))
            expected.insert(t.id);
    }
    QCOMPARE(expected.size(), 2);
    QCOMPARE(g.staleIds(), expected);
}

void TestStaleness::styleEditMarksEverything() {
    GeneratedProject g;
    g.project.styleTokens.first().value = QStringLiteral("shot on 16mm reversal");
    QCOMPARE(g.staleIds().size(), g.project.takes.size());
}

void TestStaleness::sceneWardrobeChangeMarksOnlyLaterScenes() {
    GeneratedProject g;
    g.character(g.brick).wardrobeChanges.append(
        WardrobeChange{0, g.scene3, QStringLiteral("a funeral suit")});
    QSet<Id> expected;
    for (const Take &t : g.project.takes)
        if (t.shotId == g.shotId(QStringLiteral("3A")) || t.shotId == g.shotId(QStringLiteral("3B")))
            expected.insert(t.id);
    QCOMPARE(g.staleIds(), expected); // not act 1's shots, not the sheet (base wardrobe)
}

void TestStaleness::currentTakeAndStaleShots() {
    GeneratedProject g;
    const Id shot = g.shotId(QStringLiteral("2B"));
    const Id old = g.project.takesOfShot(shot).first()->id;
    g.character(g.jack).wardrobe = QStringLiteral("a tracksuit");
    // Regenerated once under the new DNA: the old take stays stale but is no longer current.
    const Id fresh = g.addTake(shot, 0, dna::planShot(g.project, shot, 3).dnaHash);
    const QList<dna::StaleTake> stale = dna::findStaleTakes(g.project);
    bool sawOld = false;
    for (const dna::StaleTake &s : stale) {
        QVERIFY(s.takeId != fresh);
        if (s.takeId == old) {
            sawOld = true;
            QVERIFY(!s.current);
        }
    }
    QVERIFY(sawOld);
    QCOMPARE(dna::staleShots(g.project), QList<Id>{g.shotId(QStringLiteral("2A"))});
    // Approving the old take makes the shot stale again.
    g.project.shot(shot)->approvedTakeId = old;
    QCOMPARE(dna::staleShots(g.project), (QList<Id>{g.shotId(QStringLiteral("2A")), shot}));
}

void TestStaleness::takeWithoutHashIsStale() {
    GeneratedProject g;
    const Id t = g.addTake(g.shotId(QStringLiteral("1A")), 0, QString());
    const QList<dna::StaleTake> stale = dna::findStaleTakes(g.project);
    QCOMPARE(stale.size(), 1);
    QCOMPARE(stale.first().takeId, t);
    QCOMPARE(stale.first().reasons, QStringList{QStringLiteral("recorded without a DNA hash")});
}

QTEST_GUILESS_MAIN(TestStaleness)
#include "tst_staleness.moc"
