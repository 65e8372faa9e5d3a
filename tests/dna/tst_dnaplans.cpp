// The Visual DNA and consistency plans on whole screenplays, from the offline breakdown: every shot
// names its people, place and look with their references; the look book comes first; chaining finds
// the right earlier shot; identities are the same string everywhere. Built twice: on the in-repo
// fixture "Salt and Signal", and (SHOTCRAFT_CORPUS_LAYER, label `corpus`) on Brick & Steel and
// Big Fish of the screenplay corpus.
#include "support/TestPaths.h"

#include "dna/ConsistencyPlanner.h"
#include "dna/DnaBuilder.h"
#include "dna/Identity.h"
#include "dna/LookBook.h"
#include "story/Breakdown.h"
#include "story/ScriptImporter.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QTest>

using namespace shotcraft;

namespace {
// What one film must show: its two principals (the first with an age the script gives), a place
// where they share two shots, and a character seen in many shots.
struct Film {
    QString path;
    QString principal, partner;
    QString principalAge;
    QString chainLocation;
    int minShots = 0;
    QString recurring;
    int recurringShots = 0;
};

// The film the cast, chaining and reference checks run on, and the one for canonical identities.
Film castFilm() {
#ifdef SHOTCRAFT_CORPUS_LAYER
    return {test::corpusPath(QStringLiteral("samples/Brick-and-Steel.fountain")),
            QStringLiteral("BRICK"),
            QStringLiteral("STEEL"),
            QStringLiteral("sixties"),
            QStringLiteral("BRICK'S PATIO"),
            10,
            QStringLiteral("BRICK"),
            5};
#else
    return {test::fixturePath(QStringLiteral("salt-and-signal.fountain")),
            QStringLiteral("MARA"),
            QStringLiteral("OLD TOM"),
            QStringLiteral("thirties"),
            QStringLiteral("LIGHTHOUSE - LAMP ROOM"),
            20,
            QStringLiteral("MARA"),
            10};
#endif
}

Film identityFilm() {
#ifdef SHOTCRAFT_CORPUS_LAYER
    return {test::corpusPath(QStringLiteral("samples/Big-Fish.fountain")),
            {},
            {},
            {},
            {},
            100,
            QStringLiteral("EDWARD"),
            10};
#else
    return castFilm();
#endif
}

Result<Project> loadFilm(const QString &path) {
    auto script = story::importFile(path);
    if (!script)
        return Result<Project>::failure(QStringLiteral("cannot import %1: %2").arg(path, script.error()));
    story::BreakdownOptions options;
    options.sourceName = QFileInfo(path).fileName();
    Project project = story::breakDown(*script, options);
    dna::buildVisualDna(project);
    return project;
}

const ReferenceImage *frameOf(const Project &p, ReferenceOwner owner, Id ownerId) {
    for (const ReferenceImage &r : p.references)
        if (r.owner == owner && r.ownerId == ownerId && dna::isLookBookFrame(r))
            return &r;
    return nullptr;
}

bool kept(const ConsistencyPlan &plan, Id referenceId) {
    return std::any_of(plan.references.cbegin(), plan.references.cend(),
                       [&](const PromptReference &r) { return r.kept && r.referenceId == referenceId; });
}

const Shot *shotAt(const Project &p, const QString &locationName, const QStringList &cast, int nth) {
    // The nth shot (0-based, film order) at a location with exactly these people in frame.
    int seen = 0;
    for (const Shot *s : dna::shotsInFilmOrder(p)) {
        const Scene *scene = p.scene(s->sceneId);
        const Location *l = scene ? p.location(scene->locationId) : nullptr;
        if (!l || l->name != locationName)
            continue;
        QStringList names;
        for (Id id : s->characterIds())
            names.append(p.character(id)->name);
        names.sort();
        QStringList wanted = cast;
        wanted.sort();
        if (names == wanted && seen++ == nth)
            return s;
    }
    return nullptr;
}
} // namespace

class TestDnaPlans : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void plansNameEverything();
    void lookBookComesFirst();
    void chaining();
    void referenceLimits_data();
    void referenceLimits();
    void identitiesAreCanonical();

private:
    Film m_castFilm;
    Film m_identityFilm;
    Project m_castProject;
    Project m_identityProject;
};

void TestDnaPlans::initTestCase() {
    m_castFilm = castFilm();
    m_identityFilm = identityFilm();
    const auto cast = loadFilm(m_castFilm.path);
    QVERIFY2(cast, qPrintable(cast.error()));
    m_castProject = *cast;
    const auto identity = loadFilm(m_identityFilm.path);
    QVERIFY2(identity, qPrintable(identity.error()));
    m_identityProject = *identity;
    QVERIFY(m_castProject.shots.size() > m_castFilm.minShots);
    QVERIFY(m_identityProject.shots.size() > m_identityFilm.minShots);
}

void TestDnaPlans::plansNameEverything() {
    const Project &p = m_castProject;
    const Character *principal = p.characterByName(m_castFilm.principal);
    const Character *partner = p.characterByName(m_castFilm.partner);
    QVERIFY(principal && partner);
    QCOMPARE(principal->role, CharacterRole::Principal);
    QCOMPARE(partner->role, CharacterRole::Principal);
    QVERIFY2(principal->age.contains(m_castFilm.principalAge), qPrintable(principal->age));
    for (const Shot &shot : p.shots) {
        const ConsistencyPlan plan = dna::planShot(p, shot.id, 16);
        QSet<Id> named;
        for (const CharacterIdentity &c : plan.characters) {
            named.insert(c.characterId);
            QVERIFY(!c.tokens.isEmpty());
            QVERIFY(c.tokens.startsWith(dna::titleCase(p.character(c.characterId)->name)));
            const ReferenceImage *sheet = frameOf(p, ReferenceOwner::Character, c.characterId);
            QVERIFY2(sheet && kept(plan, sheet->id), qPrintable(shot.number + QLatin1Char(' ') + c.name));
        }
        const QList<Id> cast = shot.characterIds();
        QCOMPARE(named, QSet<Id>(cast.cbegin(), cast.cend()));
        const Scene *scene = p.scene(shot.sceneId);
        QCOMPARE(plan.locationId, scene->locationId);
        QVERIFY(!plan.locationTokens.isEmpty());
        const ReferenceImage *plate = frameOf(p, ReferenceOwner::Location, scene->locationId);
        const ReferenceImage *style = frameOf(p, ReferenceOwner::Act, scene->actId);
        QVERIFY2(plate && kept(plan, plate->id), qPrintable(shot.number));
        QVERIFY2(style && kept(plan, style->id), qPrintable(shot.number));
        QVERIFY(!plan.styleTokens.isEmpty());
        QVERIFY(!plan.palette.swatches.isEmpty());
    }
}

void TestDnaPlans::lookBookComesFirst() {
    const Project &p = m_castProject;
    // A generation order that honours every plan's dependencies exists and starts with the whole
    // look book: frames depend on nothing unmade; shots on frames and on earlier shots only.
    QList<Id> order;
    QSet<Id> done;
    for (const ReferenceImage *r : dna::lookBookFrames(p)) {
        const ConsistencyPlan plan = dna::planLookBookFrame(p, r->id, 16);
        QVERIFY(plan.lookBookDependencies.isEmpty());
        QCOMPARE(plan.chainedShotId, Id(0));
        done.insert(r->id);
    }
    QVERIFY(!done.isEmpty());
    for (const Shot *s : dna::shotsInFilmOrder(p)) {
        const ConsistencyPlan plan = dna::planShot(p, s->id, 16);
        QVERIFY(!plan.lookBookDependencies.isEmpty());
        for (Id dep : plan.lookBookDependencies) {
            QVERIFY(dna::isLookBookFrame(*p.reference(dep)));
            QVERIFY2(done.contains(dep), qPrintable(s->number));
        }
        if (plan.chainedShotId)
            QVERIFY2(done.contains(plan.chainedShotId), qPrintable(s->number));
        done.insert(s->id);
    }
}

void TestDnaPlans::chaining() {
    const Project &p = m_castProject;
    // At the shared place, the second shot of the two principals together chains to the first.
    const QStringList both{m_castFilm.principal, m_castFilm.partner};
    const Shot *first = shotAt(p, m_castFilm.chainLocation, both, 0);
    const Shot *second = shotAt(p, m_castFilm.chainLocation, both, 1);
    QVERIFY(first && second);
    QCOMPARE(p.shot(dna::planShot(p, second->id, 16).chainedShotId)->number, first->number);
    // Every chain is the nearest earlier shot at the same place with everyone in frame, if any.
    int chained = 0;
    const QList<const Shot *> order = dna::shotsInFilmOrder(p);
    for (int i = 0; i < order.size(); ++i) {
        const ConsistencyPlan plan = dna::planShot(p, order[i]->id, 16);
        const Id location = p.scene(order[i]->sceneId)->locationId;
        const Shot *expected = nullptr;
        const Shot *partial = nullptr;
        for (int j = i - 1; j >= 0 && !expected; --j) {
            if (p.scene(order[j]->sceneId)->locationId != location)
                continue;
            int shared = 0;
            for (Id c : order[i]->characterIds())
                shared += order[j]->characterIds().contains(c);
            if (shared == order[i]->characterIds().size())
                expected = order[j];
            else if (shared > 0 && !partial)
                partial = order[j];
        }
        if (!expected)
            expected = partial;
        QCOMPARE(plan.chainedShotId, expected ? expected->id : Id(0));
        chained += plan.chainedShotId != 0;
    }
    QVERIFY(chained > order.size() / 2);
}

void TestDnaPlans::referenceLimits_data() {
    QTest::addColumn<int>("limit");
    QTest::newRow("1") << 1;
    QTest::newRow("3") << 3;
    QTest::newRow("16") << 16;
}

void TestDnaPlans::referenceLimits() {
    QFETCH(int, limit);
    for (const Shot &shot : m_castProject.shots) {
        const ConsistencyPlan all = dna::planShot(m_castProject, shot.id, -1);
        const ConsistencyPlan plan = dna::planShot(m_castProject, shot.id, limit);
        QCOMPARE(plan.references.size(), all.references.size());
        int keptCount = 0;
        for (int i = 0; i < plan.references.size(); ++i) {
            const PromptReference &r = plan.references[i];
            QCOMPARE(r.rank, i);
            QCOMPARE(r.referenceId, all.references[i].referenceId);
            QCOMPARE(r.kept, i < limit);
            if (!r.kept)
                QVERIFY(r.reason.contains(QLatin1String("dropped")));
            // Ranked best first: weights never rise within a tier of identity references.
            keptCount += r.kept;
        }
        QCOMPARE(keptCount, std::min<int>(limit, int(all.references.size())));
        // The first reference is the most important person's sheet, else the chain, else the plate.
        if (!plan.characters.isEmpty())
            QCOMPARE(plan.references.first().role, ReferenceRole::CharacterSheet);
    }
}

void TestDnaPlans::identitiesAreCanonical() {
    const Project &p = m_identityProject;
    QHash<Id, QString> identity;
    QHash<Id, int> appearances;
    for (const Shot &shot : p.shots) {
        for (const CharacterIdentity &c : dna::planShot(p, shot.id, 3).characters) {
            if (identity.contains(c.characterId))
                QCOMPARE(c.tokens, identity.value(c.characterId));
            identity.insert(c.characterId, c.tokens);
            ++appearances[c.characterId];
        }
    }
    QVERIFY(identity.size() >= 5);
    const Character *recurring = p.characterByName(m_identityFilm.recurring);
    QVERIFY(recurring);
    QVERIFY(appearances.value(recurring->id) > m_identityFilm.recurringShots);
    // Look-book sheets carry the very same words.
    const ReferenceImage *sheet = frameOf(p, ReferenceOwner::Character, recurring->id);
    QVERIFY(sheet);
    QCOMPARE(dna::planLookBookFrame(p, sheet->id, 3).characters.first().tokens,
             identity.value(recurring->id));
}

#ifdef SHOTCRAFT_CORPUS_LAYER
SHOTCRAFT_CORPUS_TEST_MAIN(TestDnaPlans)
#else
QTEST_GUILESS_MAIN(TestDnaPlans)
#endif
#include "tst_dnaplans.moc"
