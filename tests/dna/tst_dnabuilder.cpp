// Building the Visual DNA from a breakdown: roles, appearance read from the script, signature
// colours, palettes with an emotional arc, style tokens and the look book.
#include "DnaFixture.h"

#include "cinema/KnowledgeBase.h"
#include "dna/CharacterProfiler.h"
#include "dna/ColourTools.h"
#include "dna/DnaBuilder.h"
#include "dna/LookBook.h"
#include "dna/PaletteDesigner.h"
#include "dna/StyleDesigner.h"

#include <QTest>

using namespace shotcraft;

class TestDnaBuilder : public QObject {
    Q_OBJECT
private slots:
    void readsAppearance_data();
    void readsAppearance();
    void rolesFollowDialogue();
    void fillsEveryCharacterField();
    void signatureColoursAreDistinctAndHarmonised();
    void locationsFromHeadingsAndAction();
    void palettesFormAnEmotionalArc();
    void styleTokensFollowProjectAndGenre();
    void lookBookHasSheetsPlatesAndStyleFrames();
    void rebuildKeepsEdits();
};

void TestDnaBuilder::readsAppearance_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("description");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected"); // a fragment the field must contain

    QTest::newRow("age 40's") << "EDWARD BLOOM"
                              << "his father EDWARD BLOOM, 40's and handsome, tells the story."
                              << "age"
                              << "his forties";
    QTest::newRow("handsome face") << "EDWARD BLOOM"
                                   << "EDWARD BLOOM, 40's and handsome, tells the story."
                                   << "face"
                                   << "handsome";
    QTest::newRow("now 17") << "WILL"
                            << "WILL, now 17 with braces, is fuming and ready to leave."
                            << "age"
                            << "teenager";
    QTest::newRow("braces") << "WILL"
                            << "WILL, now 17 with braces, is fuming and ready to leave."
                            << "marks"
                            << "braces";
    QTest::newRow("child 8") << "RUTHIE MACKLIN"
                             << "Redheaded RUTHIE MACKLIN, 8, is happy just to be there."
                             << "age"
                             << "child of about 8";
    QTest::newRow("redheaded") << "RUTHIE MACKLIN"
                               << "Redheaded RUTHIE MACKLIN, 8, is happy just to be there."
                               << "hair"
                               << "redheaded";
    QTest::newRow("parenthesis 30") << "NORTHER WINSLOW"
                                    << "NORTHER WINSLOW (30), who fancies himself a cultured artist."
                                    << "age"
                                    << "his thirties";
    QTest::newRow("retired") << "BRICK BRADDOCK"
                             << "BRICK BRADDOCK, retired police detective, is sitting."
                             << "age"
                             << "sixties";
    QTest::newRow("tall woman") << "ROSA"
                                << "ROSA, a tall woman with long silver hair, wearing a red trench coat."
                                << "build"
                                << "tall";
    QTest::newRow("silver hair") << "ROSA"
                                 << "ROSA, a tall woman with long silver hair, wearing a red trench coat."
                                 << "hair"
                                 << "long silver hair";
    QTest::newRow("her age") << "ROSA"
                             << "ROSA, late forties, a tall woman with long silver hair."
                             << "age"
                             << "in her late forties";
    QTest::newRow("wearing") << "ROSA"
                             << "ROSA, a tall woman with long silver hair, wearing a red trench coat."
                             << "wardrobe"
                             << "red trench coat";
    QTest::newRow("shaved head") << "KARL"
                                 << "With his shaved head and giant club, he seems more ogre than man."
                                 << "hair"
                                 << "shaved head";
    QTest::newRow("scar") << "BRICK"
                          << "BRICK sits with a scar over his left eye."
                          << "marks"
                          << "scar over his left eye";
}

void TestDnaBuilder::readsAppearance() {
    QFETCH(QString, name);
    QFETCH(QString, description);
    QFETCH(QString, field);
    QFETCH(QString, expected);
    const dna::AppearanceTraits t = dna::readAppearance(name, description);
    const QHash<QString, QString> fields{
        {QStringLiteral("age"), t.age},           {QStringLiteral("build"), t.build},
        {QStringLiteral("face"), t.face},         {QStringLiteral("hair"), t.hair},
        {QStringLiteral("wardrobe"), t.wardrobe}, {QStringLiteral("marks"), t.marks}};
    const QString value = fields.value(field);
    QVERIFY2(value.contains(expected, Qt::CaseInsensitive), qPrintable(field + QStringLiteral(": ") + value));
}

void TestDnaBuilder::rolesFollowDialogue() {
    test::DnaFixture f;
    dna::buildVisualDna(f.project);
    QCOMPARE(f.project.character(f.brick)->role, CharacterRole::Principal);
    QCOMPARE(f.project.character(f.steel)->role, CharacterRole::Principal);
    QCOMPARE(f.project.character(f.dan)->role, CharacterRole::Supporting);
    QCOMPARE(f.project.character(f.jack)->role, CharacterRole::Minor);
    QCOMPARE(f.project.character(f.waiter)->role, CharacterRole::Minor);
}

void TestDnaBuilder::fillsEveryCharacterField() {
    test::DnaFixture f;
    dna::buildVisualDna(f.project);
    for (const Character &c : f.project.characters) {
        QVERIFY2(!c.age.isEmpty() && !c.build.isEmpty() && !c.face.isEmpty() && !c.hair.isEmpty() &&
                     !c.wardrobe.isEmpty(),
                 qPrintable(c.name));
    }
    const Character *brick = f.project.character(f.brick);
    QVERIFY(brick->age.contains(QLatin1String("sixties")));
    QVERIFY(brick->wardrobe.contains(QLatin1String("hawaiian shirt")));
    QVERIFY(brick->distinctiveMarks.contains(QLatin1String("scar")));
    QVERIFY(f.project.character(f.steel)->build.contains(QLatin1String("tall")));
    QVERIFY(f.project.character(f.dan)->age.contains(QLatin1String("twenties")));
    // Marks are never invented.
    QVERIFY(f.project.character(f.jack)->distinctiveMarks.isEmpty());
    // Defaults differ between characters the script does not describe.
    QVERIFY(f.project.character(f.jack)->hair != f.project.character(f.waiter)->hair ||
            f.project.character(f.jack)->face != f.project.character(f.waiter)->face);
}

void TestDnaBuilder::signatureColoursAreDistinctAndHarmonised() {
    test::DnaFixture f;
    dna::buildVisualDna(f.project);
    QList<QColor> all;
    for (const Character &c : f.project.characters) {
        QCOMPARE(c.signatureColours.size(), c.role == CharacterRole::Principal ? 2 : 1);
        for (const QString &hex : c.signatureColours) {
            QVERIFY(QColor(hex).isValid());
            all.append(QColor(hex));
        }
    }
    for (int i = 0; i < all.size(); ++i)
        for (int j = i + 1; j < all.size(); ++j)
            QVERIFY2(dna::colourDistance(all[i], all[j]) > 0.15,
                     qPrintable(all[i].name() + QStringLiteral(" vs ") + all[j].name()));
    // Harmonised: each colour's hue sits on a harmonic angle (multiple of 30 degrees) of a palette hue.
    const Palette *film = dna::paletteFor(f.project, 0);
    QVERIFY(film);
    for (const QColor &c : all) {
        bool harmonic = false;
        for (const Swatch &s : film->swatches) {
            const QColor p(s.hex);
            if (p.hslSaturationF() <= 0.08)
                continue;
            const double d = std::fmod(std::fabs(c.hslHueF() * 360.0 - p.hslHueF() * 360.0), 30.0);
            harmonic = harmonic || d < 2.0 || d > 28.0;
        }
        QVERIFY2(harmonic, qPrintable(c.name()));
    }
}

void TestDnaBuilder::locationsFromHeadingsAndAction() {
    test::DnaFixture f;
    dna::buildVisualDna(f.project);
    const Location *patio = f.project.location(f.patio);
    QVERIFY(patio->description.contains(QLatin1String("exterior")));
    QVERIFY(patio->description.contains(QLatin1String("day")));
    QVERIFY(patio->description.contains(QLatin1String("night")));
    QVERIFY(patio->setDressing.contains(QLatin1String("patio furniture")));
    QVERIFY(patio->lightSources.contains(QLatin1String("daylight")));
    QVERIFY(patio->lightSources.contains(QLatin1String("moonlight")));
    const Location *trailer = f.project.location(f.trailer);
    QVERIFY(trailer->architecture.contains(QLatin1String("mobile home")));
    QVERIFY2(trailer->setDressing.contains(QLatin1String("strewn about the table")),
             qPrintable(trailer->setDressing));
    QVERIFY(trailer->lightSources.contains(QLatin1String("daylight through windows")));
}

void TestDnaBuilder::palettesFormAnEmotionalArc() {
    test::DnaFixture f;
    dna::buildVisualDna(f.project);
    const auto &kb = cinema::KnowledgeBase::instance();
    int film = 0, acts = 0, scenes = 0;
    for (const Palette &p : f.project.palettes) {
        QVERIFY2(!p.rationale.isEmpty(), qPrintable(p.name));
        QVERIFY(!p.swatches.isEmpty());
        film += p.scope == PaletteScope::Film;
        acts += p.scope == PaletteScope::Act;
        scenes += p.scope == PaletteScope::Scene;
    }
    QCOMPARE(film, 1);
    QCOMPARE(acts, 2);
    QCOMPARE(scenes, 4);
    // The film palette comes from the genre's palettes.
    const Palette *filmPalette = dna::paletteFor(f.project, 0);
    bool fromGenre = false;
    for (const cinema::GenrePalette &g : kb.genre(QStringLiteral("action")).palettes)
        fromGenre = fromGenre || g.name == filmPalette->name;
    QVERIFY2(fromGenre, qPrintable(filmPalette->name));
    // Playful scene 1 is warmer and more saturated than the grieving scene 3.
    const Palette *s1 = dna::paletteFor(f.project, f.scene1);
    const Palette *s3 = dna::paletteFor(f.project, f.scene3);
    QCOMPARE(s1->scope, PaletteScope::Scene);
    QVERIFY2(s1->temperatureK < s3->temperatureK,
             qPrintable(s1->rationale + QLatin1Char('|') + s3->rationale));
    QVERIFY(s1->saturation > s3->saturation);
    QVERIFY(s3->rationale.contains(QLatin1String("grief")));
    // The dread of act 2 (two of two scenes are sad or dreadful) cools it against the film palette.
    const Palette *act2 = nullptr;
    for (const Palette &p : f.project.palettes)
        if (p.scope == PaletteScope::Act && p.scopeId == f.act2)
            act2 = &p;
    QVERIFY(act2);
    QVERIFY(act2->saturation < filmPalette->saturation);
}

void TestDnaBuilder::styleTokensFollowProjectAndGenre() {
    test::DnaFixture f;
    dna::buildVisualDna(f.project);
    const auto &genre = cinema::KnowledgeBase::instance().genre(QStringLiteral("action"));
    QHash<StyleCategory, QString> byCategory;
    for (const StyleToken &t : f.project.styleTokens)
        byCategory.insert(t.category, t.value);
    QCOMPARE(byCategory.value(StyleCategory::AspectRatio), QStringLiteral("2.39:1 anamorphic widescreen"));
    QCOMPARE(byCategory.value(StyleCategory::FilmStock), genre.filmStock);
    QCOMPARE(byCategory.value(StyleCategory::Grain), genre.grain);
    QCOMPARE(byCategory.value(StyleCategory::Grade), genre.grade);
    QVERIFY(byCategory.value(StyleCategory::LensCharacter).contains(genre.lenses.name));
    QVERIFY(byCategory.contains(StyleCategory::Format));
    // The aspect ratio follows the project setting on a rebuild.
    f.project.info.aspectRatio = 16.0 / 9.0;
    dna::buildVisualDna(f.project);
    QVERIFY(dna::styleTokenValues(f.project).contains(QStringLiteral("16:9 widescreen")));
}

void TestDnaBuilder::lookBookHasSheetsPlatesAndStyleFrames() {
    test::DnaFixture f;
    dna::buildVisualDna(f.project);
    const QList<const ReferenceImage *> frames = dna::lookBookFrames(f.project);
    auto has = [&](ReferenceOwner owner, Id id, ReferenceRole role) {
        return std::any_of(frames.cbegin(), frames.cend(), [&](const ReferenceImage *r) {
            return r->owner == owner && r->ownerId == id && r->role == role && r->imageId == 0;
        });
    };
    for (Id c : {f.brick, f.steel, f.dan, f.jack})
        QVERIFY(has(ReferenceOwner::Character, c, ReferenceRole::CharacterSheet));
    QVERIFY(!has(ReferenceOwner::Character, f.waiter, ReferenceRole::CharacterSheet)); // never in frame
    for (Id l : {f.patio, f.trailer, f.garage})
        QVERIFY(has(ReferenceOwner::Location, l, ReferenceRole::LocationPlate));
    for (Id a : {f.act1, f.act2})
        QVERIFY(has(ReferenceOwner::Act, a, ReferenceRole::StyleFrame));
    QCOMPARE(frames.size(), 4 + 3 + 2);
    // Sheets first, then plates, then style frames.
    QCOMPARE(frames.first()->owner, ReferenceOwner::Character);
    QCOMPARE(frames.last()->owner, ReferenceOwner::Act);
}

void TestDnaBuilder::rebuildKeepsEdits() {
    test::DnaFixture f;
    dna::buildVisualDna(f.project);
    const Project once = f.project;
    dna::buildVisualDna(f.project);
    QVERIFY(f.project == once); // idempotent

    Character *steel = nullptr;
    for (Character &c : f.project.characters)
        if (c.id == f.steel)
            steel = &c;
    steel->wardrobe = QStringLiteral("a white linen suit");
    steel->role = CharacterRole::Supporting;
    f.project.palettes.first().name = QStringLiteral("my palette");
    dna::buildVisualDna(f.project);
    QCOMPARE(f.project.character(f.steel)->wardrobe, QStringLiteral("a white linen suit"));
    QCOMPARE(f.project.character(f.steel)->role, CharacterRole::Supporting);
    QCOMPARE(f.project.palettes.first().name, QStringLiteral("my palette"));
    QCOMPARE(f.project.palettes.size(), once.palettes.size());
    QCOMPARE(f.project.references.size(), once.references.size());
}

QTEST_GUILESS_MAIN(TestDnaBuilder)
#include "tst_dnabuilder.moc"
