// The Cinematic Prompt Engine on a hand-built project: every package carries lens, composition,
// staging, blocking, palette, lighting, identity and negative prompt; a crossed axis is flagged;
// genres change palette and lens with reasons; tag dialects stay in the CLIP budget; packages are
// deterministic and match the golden files (regenerate with SHOTCRAFT_UPDATE_GOLDEN=1).
#include "CinemaFixture.h"
#include "cinema/DialectRenderer.h"
#include "cinema/KnowledgeBase.h"
#include "cinema/LensChoice.h"
#include "cinema/PromptEngine.h"
#include "support/TestPaths.h"

#include <QFile>

#include <QRegularExpression>
#include <QTest>
#include <algorithm>

using namespace shotcraft;
using namespace shotcraft::cinema;

namespace {

PromptPackage build(const Project &p, Id shotId, PromptDialect dialect = PromptDialect::Natural,
                    const QList<QSize> &sizes = {}, int maxChunks = 0) {
    const Shot *shot = p.shot(shotId);
    PromptOptions options;
    options.dialect = dialect;
    options.allowedSizes = sizes;
    options.maxClipChunks = maxChunks;
    return buildPrompt(p, *shot, test::cinemaFixturePlan(p, *shot), options);
}

QList<RationaleEntry> entries(const PromptPackage &p, const QString &aspect) {
    QList<RationaleEntry> out;
    for (const RationaleEntry &e : p.rationale)
        if (e.aspect == aspect)
            out.append(e);
    return out;
}

QString choice(const PromptPackage &p, const QString &aspect) {
    const auto list = entries(p, aspect);
    return list.isEmpty() ? QString() : list.first().choice;
}

} // namespace

class TestPromptEngine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyShotCarriesEveryField_data();
    void everyShotCarriesEveryField();
    void crossedAxisIsFlagged();
    void genresChangePaletteAndLens();
    void theShotsLensAndFramingAreHonoured();
    void emotionMovesTheLensInItsRange();
    void emotionShiftsThePalette();
    void tagDialectsStayInBudget_data();
    void tagDialectsStayInBudget();
    void tightBudgetDropsByPriority();
    void frameSizeFitsProvider_data();
    void frameSizeFitsProvider();
    void periodAndShotNegatives();
    void deterministic();
    void goldenFiles_data();
    void goldenFiles();
    void lookBookPrompts();
    void softenedRetry();
    void clipTokenApproximation();
};

void TestPromptEngine::everyShotCarriesEveryField_data() {
    QTest::addColumn<Id>("shotId");
    QTest::addColumn<PromptDialect>("dialect");
    const Project p = test::cinemaFixture();
    for (const Shot &s : p.shots)
        for (PromptDialect d : {PromptDialect::Natural, PromptDialect::Sdxl, PromptDialect::Sd15})
            QTest::addRow("%s-%s", qPrintable(s.number), qPrintable(enumName(d))) << s.id << d;
}

void TestPromptEngine::everyShotCarriesEveryField() {
    QFETCH(Id, shotId);
    QFETCH(PromptDialect, dialect);
    const Project p = test::cinemaFixture();
    const Shot &shot = *p.shot(shotId);
    const ConsistencyPlan plan = test::cinemaFixturePlan(p, shot);
    const PromptPackage pkg = build(p, shotId, dialect);
    const bool natural = dialect == PromptDialect::Natural;
    QCOMPARE(pkg.shotId, shotId);
    QCOMPARE(pkg.dialect, dialect);
    // SD 1.5's three chunks cannot hold everything for three people: what gives is reported.
    const auto dropped = [&pkg](const char *aspect) {
        const auto budget = entries(pkg, QStringLiteral("budget"));
        return std::any_of(budget.cbegin(), budget.cend(), [aspect](const RationaleEntry &e) {
            return e.choice.startsWith(QStringLiteral("dropped %1:").arg(QLatin1String(aspect)));
        });
    };

    // Lens: focal length and aperture, and their consequence.
    const QRegularExpression focal(natural ? QStringLiteral("\\b(\\d+) mm lens at T([\\d.]+)")
                                           : QStringLiteral("\\b(\\d+)mm lens\\b.*\\bf/([\\d.]+)"));
    const auto m = focal.match(pkg.positive);
    QVERIFY2(m.hasMatch(), qPrintable(pkg.positive));
    QVERIFY(m.captured(1).toInt() >= 14 && m.captured(1).toInt() <= 150);
    QVERIFY(pkg.positive.contains(QLatin1String("depth of field")) ||
            pkg.positive.contains(QLatin1String("deep focus")));
    QVERIFY(!choice(pkg, QStringLiteral("lens")).isEmpty());
    QVERIFY(!choice(pkg, QStringLiteral("depth of field")).isEmpty());

    // Composition rule, named in the prompt and explained.
    const QString rule = choice(pkg, QStringLiteral("composition"));
    QVERIFY(!rule.isEmpty());
    QVERIFY2(pkg.positive.contains(rule), qPrintable(rule));
    QVERIFY(!entries(pkg, QStringLiteral("composition")).first().reason.isEmpty());

    // Staging: all three planes.
    for (const char *plane : {"oreground", "idground", "ackground"})
        QVERIFY2(pkg.positive.contains(QLatin1String(plane)) ||
                     (dialect == PromptDialect::Sd15 && dropped("staging")),
                 plane);
    const QString staging = choice(pkg, QStringLiteral("staging"));
    QVERIFY(!staging.contains(QLatin1String("fg:  |")) && !staging.contains(QLatin1String("| mg:  |")));
    QVERIFY(!staging.endsWith(QLatin1String("bg: ")));

    // Blocking: one entry per character in frame, each named with a screen position.
    const auto blocking = entries(pkg, QStringLiteral("blocking"));
    QCOMPARE(blocking.size(), shot.blocking.size());
    for (const CharacterIdentity &c : plan.characters) {
        QVERIFY2(pkg.positive.contains(c.name + QStringLiteral(" at the")) ||
                     pkg.positive.contains(c.name + QLatin1Char(' ')),
                 qPrintable(c.name));
    }
    for (const RationaleEntry &b : blocking)
        QVERIFY(b.choice.contains(QLatin1String("third")) || b.choice.contains(QLatin1String("centre")) ||
                b.choice.contains(QLatin1String("far ")));

    // Palette: named colours in the prompt, with hex in prose.
    const QString palette = choice(pkg, QStringLiteral("palette"));
    QVERIFY(palette.contains(QRegularExpression(QStringLiteral("#[0-9a-f]{6}"))));
    QVERIFY2(pkg.positive.contains(QLatin1String("barn shadow")) ||
                 pkg.positive.contains(QLatin1String("apple red")) ||
                 (dialect == PromptDialect::Sd15 && dropped("palette")),
             qPrintable(pkg.positive));
    if (natural)
        QVERIFY(pkg.positive.contains(QRegularExpression(QStringLiteral("\\w+ \\(#[0-9a-f]{6}\\)"))));

    // Lighting.
    QVERIFY(pkg.positive.contains(QLatin1String("lighting"), Qt::CaseInsensitive) ||
            (dialect == PromptDialect::Sd15 && dropped("lighting")));
    QVERIFY(!choice(pkg, QStringLiteral("lighting")).isEmpty());

    // Identity tokens verbatim; references and seed straight from the plan.
    QCOMPARE(pkg.identityTokens.size(), plan.characters.size());
    // In a tag budget only the two leads are guaranteed; anyone else dropped is reported.
    for (qsizetype i = 0; i < plan.characters.size(); ++i)
        QVERIFY2(pkg.positive.contains(plan.characters.at(i).tokens) ||
                     (i >= 2 && !natural && dropped("identity")),
                 qPrintable(plan.characters.at(i).tokens));
    QCOMPARE(pkg.references, plan.references);
    QCOMPARE(pkg.params.seed, plan.seed);
    QCOMPARE(pkg.dnaHash, plan.dnaHash);
    QVERIFY(pkg.positive.contains(plan.locationTokens));

    // Negative prompt: base list at least; prose models get it in words too.
    QVERIFY(pkg.negative.contains(QLatin1String("watermark")));
    QVERIFY(pkg.negative.contains(QLatin1String("extra limbs")));
    if (natural)
        QVERIFY(pkg.positive.contains(QLatin1String("Keep the image free of")));
    else
        QVERIFY(!pkg.positive.contains(QLatin1String("free of")));

    // Every rationale entry has all three parts.
    for (const RationaleEntry &e : pkg.rationale)
        QVERIFY2(!e.aspect.isEmpty() && !e.choice.isEmpty() && !e.reason.isEmpty(), qPrintable(e.aspect));
}

void TestPromptEngine::crossedAxisIsFlagged() {
    const Project p = test::cinemaFixture();
    const PromptPackage ots = build(p, 22);   // 2B: Ada left, Tom right, as in the master
    const PromptPackage cross = build(p, 23); // 2C: the sides swapped
    const auto okEntries = entries(ots, QStringLiteral("continuity"));
    QCOMPARE(okEntries.size(), 1);
    QCOMPARE(okEntries.first().choice, QStringLiteral("ok"));
    QVERIFY(okEntries.first().reason.contains(QLatin1String("2A")));

    const auto flagged = entries(cross, QStringLiteral("continuity"));
    QCOMPARE(flagged.size(), 1);
    QVERIFY(flagged.first().choice.contains(QLatin1String("VIOLATION: 180-degree rule")));
    QVERIFY(flagged.first().reason.contains(QLatin1String("2B")));
    QVERIFY(flagged.first().reason.contains(QLatin1String("ADA")));
    // Flagged, not silently changed: Ada is still drawn on the right as blocked.
    QVERIFY(cross.positive.contains(QLatin1String("Ada at the right third")));

    // A Steadicam move carries the audience across the line legitimately.
    Project moved = p;
    moved.shot(23)->movement = CameraMovement::Steadicam;
    QCOMPARE(choice(build(moved, 23), QStringLiteral("continuity")), QStringLiteral("ok"));
}

void TestPromptEngine::genresChangePaletteAndLens() {
    // Without palette DNA the palette comes from the genre; a project made in another genre gets
    // that genre's lenses.
    Project drama = test::cinemaFixture();
    Project horror = drama;
    horror.info.genre = QStringLiteral("Horror");
    chooseLensAndComposition(horror);
    const Shot &shot = *drama.shot(22);
    ConsistencyPlan plan = test::cinemaFixturePlan(drama, shot);
    plan.palette = {};
    const PromptPackage a = buildPrompt(drama, shot, plan, {});
    const PromptPackage b = buildPrompt(horror, *horror.shot(22), plan, {});
    QVERIFY(choice(a, QStringLiteral("palette")) != choice(b, QStringLiteral("palette")));
    QVERIFY(choice(a, QStringLiteral("lens")) != choice(b, QStringLiteral("lens")));
    const auto reason = [](const PromptPackage &p, const char *aspect) {
        return entries(p, QString::fromLatin1(aspect)).first().reason;
    };
    QVERIFY(reason(a, "palette").contains(QLatin1String("drama")));
    QVERIFY(reason(b, "palette").contains(QLatin1String("horror")));
    QVERIFY(reason(a, "lens").contains(QLatin1String("drama lens set")));
    QVERIFY(reason(b, "lens").contains(QLatin1String("horror lens set")));
    QCOMPARE(choice(b, QStringLiteral("genre")), QStringLiteral("horror"));
    // The horror palette's colours reach the prompt.
    const GenreProfile &h = KnowledgeBase::instance().genre(QStringLiteral("horror"));
    bool found = false;
    for (const GenrePalette &gp : h.palettes)
        for (const Swatch &s : gp.swatches)
            found = found || (s.role == SwatchRole::Shadow && b.positive.contains(s.name));
    QVERIFY(found);
}

void TestPromptEngine::theShotsLensAndFramingAreHonoured() {
    // What the card shows is what every prompt says: the genre's choice with its reasons, or a
    // hand-set lens and rule with what the genre would have taken.
    Project p = test::cinemaFixture();
    const Shot chosen = *p.shot(22);
    const PromptPackage genreChoice = build(p, 22);
    QCOMPARE(choice(genreChoice, QStringLiteral("lens")),
             QStringLiteral("%1 mm %2 on %3")
                 .arg(chosen.lens.focalLengthMm)
                 .arg(stopName(chosen.lens.aperture), sensorName(chosen.lens.sensor)));
    QVERIFY(entries(genreChoice, QStringLiteral("lens"))
                .first()
                .reason.contains(QLatin1String("drama lens set")));

    Shot &edited = *p.shot(22);
    edited.lens = {135.0, 1.4, Sensor::FullFrame};
    edited.composition = chosen.composition == CompositionRule::DutchTilt ? CompositionRule::GoldenRatio
                                                                          : CompositionRule::DutchTilt;
    const PromptPackage byHand = build(p, 22);
    QVERIFY2(byHand.positive.contains(QLatin1String("135 mm lens at T1.4 on full frame")),
             qPrintable(byHand.positive));
    const QString lensReason = entries(byHand, QStringLiteral("lens")).first().reason;
    QVERIFY2(lensReason.contains(
                 QStringLiteral("the drama lens set would take %1 mm").arg(chosen.lens.focalLengthMm)),
             qPrintable(lensReason));
    QVERIFY(entries(byHand, QStringLiteral("aperture"))
                .first()
                .reason.contains(QLatin1String("shot's own stop")));
    const QString rule = KnowledgeBase::instance().composition(edited.composition).name;
    QCOMPARE(choice(byHand, QStringLiteral("composition")), rule);
    QVERIFY(byHand.positive.contains(rule));
    QVERIFY(entries(byHand, QStringLiteral("composition"))
                .first()
                .reason.contains(QLatin1String("shot's own framing")));

    // Choosing again leaves the genre's choice where it was and is deterministic.
    Project again = test::cinemaFixture();
    chooseLensAndComposition(again);
    for (int i = 0; i < again.shots.size(); ++i) {
        QCOMPARE(again.shots.at(i).lens, test::cinemaFixture().shots.at(i).lens);
        QCOMPARE(again.shots.at(i).composition, test::cinemaFixture().shots.at(i).composition);
    }
}

void TestPromptEngine::emotionMovesTheLensInItsRange() {
    // Tension reaches for compression and wonder for space, inside the size's range and the
    // genre's lens set; a neutral beat sits in the middle.
    const KnowledgeBase &kb = KnowledgeBase::instance();
    const GenreProfile &drama = kb.genre(QStringLiteral("drama"));
    const ShotSizeProfile &ms = kb.shotSize(ShotSize::Medium);
    const Shot shot{.size = ShotSize::Medium};
    const LensDecision tense = chooseLens(drama, ms, shot, kb.emotionFor(QStringLiteral("tense")));
    const LensDecision neutral = chooseLens(drama, ms, shot, kb.emotionFor(QString()));
    const LensDecision wonder = chooseLens(drama, ms, shot, kb.emotionFor(QStringLiteral("awe")));
    QCOMPARE(neutral.lens.focalLengthMm, 40.0); // 32-50 mm: the set's nearest to the middle
    QCOMPARE(tense.lens.focalLengthMm, 50.0);
    QCOMPARE(wonder.lens.focalLengthMm, 32.0);
    QVERIFY2(tense.focalReason.contains(QLatin1String("tension leans to the long end")),
             qPrintable(tense.focalReason));
    QVERIFY2(wonder.focalReason.contains(QLatin1String("wonder leans to the wide end")),
             qPrintable(wonder.focalReason));
    QVERIFY(!neutral.focalReason.contains(QLatin1String("leans")));
}

void TestPromptEngine::emotionShiftsThePalette() {
    const Project p = test::cinemaFixture();
    // 2C's own mood (grief) differs from the scene's (tension): the DNA palette is pushed cooler.
    const PromptPackage grief = build(p, 23);
    QCOMPARE(choice(grief, QStringLiteral("emotion")), QStringLiteral("grief"));
    QVERIFY(entries(grief, QStringLiteral("palette"))
                .first()
                .reason.contains(QLatin1String("pushed for this shot's grief")));
    QVERIFY(grief.positive.contains(QLatin1String("rain blue"))); // grief's accent
    QVERIFY(grief.positive.contains(QLatin1String("about 4300 K")));
    // 2B plays in the scene's mood: the scene variant as the DNA graded it.
    const PromptPackage tense = build(p, 22);
    QCOMPARE(choice(tense, QStringLiteral("emotion")), QStringLiteral("tension"));
    QVERIFY(tense.positive.contains(QLatin1String("faded teal (#4d7c7a)")));
    QVERIFY(tense.positive.contains(QLatin1String("about 3400 K")));
}

void TestPromptEngine::tagDialectsStayInBudget_data() {
    QTest::addColumn<PromptDialect>("dialect");
    QTest::addColumn<int>("chunks");
    QTest::newRow("sdxl") << PromptDialect::Sdxl << 0;
    QTest::newRow("sd15") << PromptDialect::Sd15 << 0;
    QTest::newRow("sd15 two chunks") << PromptDialect::Sd15 << 2;
}

void TestPromptEngine::tagDialectsStayInBudget() {
    QFETCH(PromptDialect, dialect);
    QFETCH(int, chunks);
    const Project p = test::cinemaFixture();
    const int budget = chunks > 0 ? chunks : defaultMaxChunks(dialect);
    for (const Shot &s : p.shots) {
        const PromptPackage pkg = build(p, s.id, dialect, {}, chunks);
        const QStringList parts = pkg.positive.split(QStringLiteral(" BREAK "));
        QVERIFY(parts.size() <= budget);
        for (const QString &part : parts)
            QVERIFY2(clipTokenCount(part) <= kClipChunkTokens, qPrintable(part));
        for (const QString &part : pkg.negative.split(QStringLiteral(" BREAK ")))
            QVERIFY(clipTokenCount(part) <= kClipChunkTokens);
        QVERIFY(pkg.positive.contains(QRegularExpression(QStringLiteral("\\([^()]+:1\\.1\\)"))));
        QVERIFY(!pkg.positive.contains(QLatin1String("\n")));
    }
}

void TestPromptEngine::tightBudgetDropsByPriority() {
    const Project p = test::cinemaFixture();
    const PromptPackage one = build(p, 21, PromptDialect::Sd15, {}, 1);
    QVERIFY(!one.positive.contains(QLatin1String(" BREAK ")));
    QVERIFY(clipTokenCount(one.positive) <= kClipChunkTokens);
    const auto dropped = entries(one, QStringLiteral("budget"));
    QVERIFY(!dropped.isEmpty());
    // The shot size survives (priority 0); the style (lowest) goes first.
    QVERIFY(one.positive.startsWith(QLatin1String("medium shot")));
    QVERIFY(std::any_of(dropped.cbegin(), dropped.cend(),
                        [](const RationaleEntry &e) { return e.choice.contains(QLatin1String("style:")); }));
}

void TestPromptEngine::frameSizeFitsProvider_data() {
    QTest::addColumn<double>("aspect");
    QTest::addColumn<PromptDialect>("dialect");
    QTest::addColumn<QList<QSize>>("allowed");
    QTest::addColumn<QSize>("expected");
    QTest::newRow("scope sdxl") << 2.39 << PromptDialect::Sdxl << QList<QSize>{} << QSize(1536, 640);
    QTest::newRow("16:9 sdxl") << 16.0 / 9.0 << PromptDialect::Sdxl << QList<QSize>{} << QSize(1344, 768);
    QTest::newRow("vertical sdxl") << 9.0 / 16.0 << PromptDialect::Sdxl << QList<QSize>{} << QSize(768, 1344);
    QTest::newRow("flat sd15") << 1.85 << PromptDialect::Sd15 << QList<QSize>{} << QSize(768, 512);
    QTest::newRow("gpt-image") << 2.39 << PromptDialect::Natural
                               << QList<QSize>{{1024, 1024}, {1536, 1024}, {1024, 1536}} << QSize(1536, 1024);
    QTest::newRow("square gpt-image")
        << 1.0 << PromptDialect::Natural << QList<QSize>{{1024, 1024}, {1536, 1024}, {1024, 1536}}
        << QSize(1024, 1024);
    QTest::newRow("any size 2.39") << 2.39 << PromptDialect::Natural << QList<QSize>{} << QSize(1584, 656);
}

void TestPromptEngine::frameSizeFitsProvider() {
    QFETCH(double, aspect);
    QFETCH(PromptDialect, dialect);
    QFETCH(QList<QSize>, allowed);
    QFETCH(QSize, expected);
    QCOMPARE(fitFrameSize(aspect, allowed, dialect), expected);
    Project p = test::cinemaFixture();
    p.info.aspectRatio = aspect;
    const PromptPackage pkg = build(p, 21, dialect, allowed);
    QCOMPARE(QSize(pkg.params.width, pkg.params.height), expected);
}

void TestPromptEngine::periodAndShotNegatives() {
    const Project p = test::cinemaFixture();
    const PromptPackage master = build(p, 21);
    QVERIFY(master.negative.contains(QLatin1String("smartphones")));     // 1950s
    QVERIFY(master.negative.contains(QLatin1String("malformed hands"))); // Tom grips a chair
    QVERIFY(
        entries(master, QStringLiteral("negative: period")).first().reason.contains(QLatin1String("1950s")));
    const PromptPackage insert = build(p, 24);
    QVERIFY(insert.negative.contains(QLatin1String("people")));
    const PromptPackage group = build(p, 25);
    QVERIFY(group.negative.contains(QLatin1String("duplicated faces")));
    const PromptPackage cu = build(p, 23);
    QVERIFY(cu.negative.contains(QLatin1String("asymmetric eyes")));
    Project modern = p;
    modern.info.period.clear();
    QVERIFY(!build(modern, 21).negative.contains(QLatin1String("smartphones")));
}

void TestPromptEngine::deterministic() {
    const Project p = test::cinemaFixture();
    for (const Shot &s : p.shots)
        for (PromptDialect d : {PromptDialect::Natural, PromptDialect::Sdxl}) {
            const QByteArray a = toJsonBytes(Json(build(p, s.id, d)), 2);
            const QByteArray b = toJsonBytes(Json(build(test::cinemaFixture(), s.id, d)), 2);
            QCOMPARE(a, b);
        }
}

void TestPromptEngine::goldenFiles_data() {
    QTest::addColumn<Id>("shotId");
    QTest::addColumn<PromptDialect>("dialect");
    QTest::addColumn<QString>("file");
    QTest::newRow("establishing natural") << Id(20) << PromptDialect::Natural << "shot-1A-natural.json";
    QTest::newRow("ots sdxl") << Id(22) << PromptDialect::Sdxl << "shot-2B-sdxl.json";
    QTest::newRow("crossed sd15") << Id(23) << PromptDialect::Sd15 << "shot-2C-sd15.json";
}

void TestPromptEngine::goldenFiles() {
    QFETCH(Id, shotId);
    QFETCH(PromptDialect, dialect);
    QFETCH(QString, file);
    const QByteArray actual = toJsonBytes(Json(build(test::cinemaFixture(), shotId, dialect)), 2) + '\n';
    const QString path = test::sourcePath(QStringLiteral("tests/cinema/golden/") + file);
    if (qEnvironmentVariableIntValue("SHOTCRAFT_UPDATE_GOLDEN") == 1) {
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(actual);
        qInfo("golden file rewritten: %s", qPrintable(path));
        return;
    }
    QFile in(path);
    QVERIFY2(in.open(QIODevice::ReadOnly),
             qPrintable(path + QStringLiteral(" (run with SHOTCRAFT_UPDATE_GOLDEN=1)")));
    const QByteArray expected = in.readAll();
    if (actual != expected) {
        const QList<QByteArray> a = actual.split('\n');
        const QList<QByteArray> e = expected.split('\n');
        for (int i = 0; i < std::min(a.size(), e.size()); ++i)
            if (a.at(i) != e.at(i))
                QFAIL(qPrintable(QStringLiteral("%1 line %2:\n  expected %3\n  actual   %4")
                                     .arg(file)
                                     .arg(i + 1)
                                     .arg(QString::fromUtf8(e.at(i)), QString::fromUtf8(a.at(i)))));
        QFAIL(qPrintable(file + QStringLiteral(": different length")));
    }
}

void TestPromptEngine::lookBookPrompts() {
    const Project p = test::cinemaFixture();
    ConsistencyPlan plan = test::cinemaFixturePlan(p, *p.shot(21));
    plan.shotId = 0;
    plan.referenceTargetId = 40;
    plan.characters = {plan.characters.first()}; // Ada alone

    ReferenceImage sheet{40,    ReferenceOwner::Character,  2, ReferenceRole::CharacterSheet, 0, 1.0,
                         false, QStringLiteral("Ada sheet")};
    const PromptPackage a = buildLookBookPrompt(p, sheet, plan, {});
    QCOMPARE(a.referenceTargetId, Id(40));
    QCOMPARE(a.shotId, Id(0));
    QVERIFY(a.positive.contains(QLatin1String("character reference sheet of Ada")));
    QVERIFY(a.positive.contains(plan.characters.first().tokens));
    QVERIFY(a.positive.contains(QLatin1String("#8c2f39"))); // her signature colour
    QVERIFY(a.positive.contains(QLatin1String("at T8")));
    QVERIFY(a.negative.contains(QLatin1String("busy background")));
    QVERIFY(!a.negative.contains(QLatin1String("figures")));

    plan.characters.clear();
    ReferenceImage plateRef{41, ReferenceOwner::Location, 5, ReferenceRole::LocationPlate, 0, 1.0, false, {}};
    const PromptPackage plate = buildLookBookPrompt(p, plateRef, plan, {PromptDialect::Sdxl, {}, 0});
    QVERIFY(plate.positive.contains(QLatin1String("location plate of FARMHOUSE KITCHEN")));
    QVERIFY(plate.positive.contains(plan.locationTokens));
    QVERIFY(plate.negative.contains(QLatin1String("people")));
    QVERIFY(plate.identityTokens.isEmpty());

    ReferenceImage frame{42, ReferenceOwner::Act, 1, ReferenceRole::StyleFrame, 0, 1.0, false, {}};
    const PromptPackage style = buildLookBookPrompt(p, frame, plan, {});
    QVERIFY(style.positive.contains(QLatin1String("act 1 \"Homecoming\"")));
    QVERIFY(style.positive.contains(QLatin1String("Kodak Vision3 250D")));
    QVERIFY(!entries(style, QStringLiteral("look book")).isEmpty());
}

void TestPromptEngine::softenedRetry() {
    Project p = test::cinemaFixture();
    p.shot(21)->description = QStringLiteral("Tom holds a gun, blood on his sleeve");
    const PromptPackage original = build(p, 21);
    QVERIFY(original.positive.contains(QLatin1String("gun")));
    const SoftenedPrompt soft =
        softenPrompt(original, QStringLiteral("rejected: the prompt mentions 'sleeve'"));
    QVERIFY(!soft.package.positive.contains(QRegularExpression(QStringLiteral("\\b(gun|blood|sleeve)\\b"))));
    QVERIFY(soft.package.positive.contains(QLatin1String("prop revolver")));
    QVERIFY(soft.changes.size() >= 3);
    QCOMPARE(soft.package.modifications, soft.changes);
    QVERIFY(soft.package.negative.contains(QLatin1String("graphic violence")));
    for (const QString &t : original.identityTokens)
        QVERIFY(soft.package.positive.contains(t));
    QCOMPARE(soft.package.params, original.params);
    // Nothing to soften: only the exclusion is added.
    const SoftenedPrompt clean = softenPrompt(build(test::cinemaFixture(), 22), QString());
    QCOMPARE(clean.changes.size(), 1);
}

void TestPromptEngine::clipTokenApproximation() {
    QCOMPARE(clipTokenCount(QStringLiteral("a red apple")), 3);
    QCOMPARE(clipTokenCount(QStringLiteral("(red apple:1.2)")), 2);
    QCOMPARE(clipTokenCount(QStringLiteral("50mm")), 3);
    QVERIFY(clipTokenCount(QStringLiteral("cinematographer")) >= 2);
    QCOMPARE(clipTokenCount(QStringLiteral("a, b")), 3);
}

QTEST_GUILESS_MAIN(TestPromptEngine)
#include "tst_promptengine.moc"
