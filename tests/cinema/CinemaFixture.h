// A small hand-built project for the prompt engine's tests: two scenes of a 1950s drama, three
// characters, an over-the-shoulder pair on the correct side of the line and one that crosses it,
// an insert and an establishing shot, and the consistency plan the DNA would give each shot.
// Lenses and composition rules are the engine's drama choices, as in a project made from a script.
#pragma once

#include "cinema/PromptEngine.h"
#include "domain/ConsistencyPlan.h"
#include "domain/Project.h"

#include <QHash>

namespace shotcraft::test {

inline Project cinemaFixture() {
    Project p;
    p.info.title = QStringLiteral("The Orchard Road");
    p.info.genre = QStringLiteral("drama");
    p.info.period = QStringLiteral("1950s");
    p.info.aspectRatio = 2.39;
    p.info.baseSeed = 4242;

    p.acts = {{1, 1, QStringLiteral("Homecoming"), QStringLiteral("Ada returns to the family orchard.")}};
    Character ada;
    ada.id = 2;
    ada.name = QStringLiteral("ADA");
    ada.role = CharacterRole::Principal;
    ada.signatureColours = {QStringLiteral("#8c2f39")};
    Character tom;
    tom.id = 3;
    tom.name = QStringLiteral("TOM");
    tom.role = CharacterRole::Principal;
    Character mae;
    mae.id = 4;
    mae.name = QStringLiteral("MAE");
    p.characters = {ada, tom, mae};

    Location kitchen;
    kitchen.id = 5;
    kitchen.name = QStringLiteral("FARMHOUSE KITCHEN");
    kitchen.intExt = InteriorExterior::Interior;
    kitchen.description = QStringLiteral("a low-ceilinged farmhouse kitchen");
    kitchen.architecture = QStringLiteral("whitewashed plank walls, a sash window over the sink");
    kitchen.setDressing = QStringLiteral("enamel coffee pot, oilcloth table, jars of preserves");
    kitchen.lightSources = QStringLiteral("a single hanging bulb, moonlight through the window");
    Location orchard;
    orchard.id = 6;
    orchard.name = QStringLiteral("ORCHARD");
    orchard.intExt = InteriorExterior::Exterior;
    orchard.description = QStringLiteral("rows of old apple trees on a slope");
    p.locations = {kitchen, orchard};

    Scene s1;
    s1.id = 10;
    s1.actId = 1;
    s1.locationId = 6;
    s1.number = QStringLiteral("1");
    s1.order = 0;
    s1.heading = QStringLiteral("EXT. ORCHARD - DAY");
    s1.intExt = InteriorExterior::Exterior;
    s1.timeOfDay = TimeOfDay::Day;
    s1.mood = QStringLiteral("nostalgic");
    s1.characterIds = {2};
    Scene s2;
    s2.id = 11;
    s2.actId = 1;
    s2.locationId = 5;
    s2.number = QStringLiteral("2");
    s2.order = 1;
    s2.heading = QStringLiteral("INT. FARMHOUSE KITCHEN - NIGHT");
    s2.timeOfDay = TimeOfDay::Night;
    s2.mood = QStringLiteral("tense");
    s2.characterIds = {2, 3, 4};
    p.scenes = {s1, s2};

    const auto shot = [&](Id id, Id scene, const char *number, int order) {
        Shot s;
        s.id = id;
        s.sceneId = scene;
        s.number = QString::fromLatin1(number);
        s.order = order;
        const Scene *sc = p.scene(scene);
        s.timeOfDay = sc->timeOfDay;
        return s;
    };
    Shot establishing = shot(20, 10, "1A", 0);
    establishing.purpose = ShotPurpose::Establishing;
    establishing.size = ShotSize::ExtremeWide;
    establishing.description =
        QStringLiteral("Ada walks up the slope between the apple trees toward the house");
    establishing.blocking = {
        {2, 0.35, Facing::Right, DepthPlane::Background, {}, QStringLiteral("walks uphill")}};

    Shot master = shot(21, 11, "2A", 0);
    master.purpose = ShotPurpose::TwoShot;
    master.size = ShotSize::Medium;
    master.description = QStringLiteral("Ada and Tom face each other across the kitchen table");
    master.blocking = {{2, 0.3, Facing::Right, DepthPlane::Midground, QStringLiteral("Tom"), {}},
                       {3, 0.7, Facing::Left, DepthPlane::Midground, QStringLiteral("Ada"),
                        QStringLiteral("grips the back of a chair")}};
    master.mood = QStringLiteral("tense");

    Shot ots = shot(22, 11, "2B", 1);
    ots.purpose = ShotPurpose::OverTheShoulder;
    ots.size = ShotSize::MediumCloseUp;
    ots.angle = CameraAngle::OverTheShoulder;
    ots.description = QStringLiteral("Over Tom's shoulder, Ada asks why he sold the north field");
    ots.blocking = {{3, 0.75, Facing::Left, DepthPlane::Foreground, QStringLiteral("Ada"), {}},
                    {2, 0.35, Facing::ThreeQuarterRight, DepthPlane::Midground, QStringLiteral("Tom"), {}}};
    ots.dialogueExcerpt = QStringLiteral("You sold it. Without asking me.");

    // The deliberate mistake: the reverse puts Tom on the left and Ada on the right.
    Shot crossed = shot(23, 11, "2C", 2);
    crossed.purpose = ShotPurpose::OverTheShoulder;
    crossed.size = ShotSize::CloseUp;
    crossed.angle = CameraAngle::OverTheShoulder;
    crossed.description = QStringLiteral("Tom answers, eyes down, his jaw tight");
    crossed.mood = QStringLiteral("grief, regret");
    crossed.blocking = {
        {2, 0.8, Facing::Left, DepthPlane::Foreground, QStringLiteral("Tom"), {}},
        {3, 0.3, Facing::ThreeQuarterRight, DepthPlane::Midground, QStringLiteral("Ada"), {}}};

    Shot insert = shot(24, 11, "2D", 3);
    insert.purpose = ShotPurpose::Insert;
    insert.size = ShotSize::Insert;
    insert.subject = QStringLiteral("the bill of sale on the oilcloth");
    insert.description = QStringLiteral("The bill of sale lies on the oilcloth, a coffee ring on it");

    Shot group = shot(25, 11, "2E", 4);
    group.purpose = ShotPurpose::Master;
    group.size = ShotSize::Wide;
    group.angle = CameraAngle::High;
    group.description = QStringLiteral("Mae stands in the doorway as Ada and Tom fall silent");
    group.blocking = {{2, 0.25, Facing::Right, DepthPlane::Midground, QStringLiteral("Tom"), {}},
                      {3, 0.6, Facing::Left, DepthPlane::Midground, QStringLiteral("Ada"), {}},
                      {4, 0.85, Facing::Camera, DepthPlane::Background, QStringLiteral("Ada"), {}}};
    p.shots = {establishing, master, ots, crossed, insert, group};

    Palette film;
    film.id = 30;
    film.name = QStringLiteral("orchard film palette");
    film.swatches = {{QStringLiteral("apple red"), QStringLiteral("#9b2d20"), SwatchRole::Key},
                     {QStringLiteral("barn shadow"), QStringLiteral("#2a2420"), SwatchRole::Shadow},
                     {QStringLiteral("cream linen"), QStringLiteral("#efe6d2"), SwatchRole::Highlight},
                     {QStringLiteral("faded teal"), QStringLiteral("#4d7c7a"), SwatchRole::Accent},
                     {QStringLiteral("sun-browned skin"), QStringLiteral("#b7835f"), SwatchRole::Skin}};
    p.palettes = {film};
    p.nextId = 100;
    cinema::chooseLensAndComposition(p); // as when a project is made from a script
    return p;
}

// The plan the consistency planner would give a shot: identities verbatim, location tokens, the
// scene's palette variant, style tokens, references and a seed.
inline ConsistencyPlan cinemaFixturePlan(const Project &p, const Shot &shot) {
    ConsistencyPlan plan;
    plan.shotId = shot.id;
    const QHash<Id, QString> tokens = {
        {2, QStringLiteral(
                "Ada Hale, woman in her thirties, dark bobbed hair, wide grey eyes, freckles, wearing a "
                "wine-red wool coat over a cream blouse")},
        {3, QStringLiteral(
                "Tom Hale, man in his forties, sunburnt face, close-cropped sandy hair, heavy brow, wearing "
                "faded denim overalls and a work shirt")},
        {4, QStringLiteral(
                "Mae Hale, elderly woman, silver hair in a bun, small round spectacles, wearing a floral "
                "housedress and apron")}};
    for (const Blocking &b : shot.blocking) {
        const Character *c = p.character(b.characterId);
        plan.characters.append(CharacterIdentity{b.characterId, c->name.left(1) + c->name.mid(1).toLower(),
                                                 tokens.value(b.characterId), c->signatureColours});
    }
    const Scene *scene = p.scene(shot.sceneId);
    plan.locationId = scene->locationId;
    plan.locationTokens =
        scene->locationId == 5
            ? QStringLiteral("low-ceilinged 1950s farmhouse kitchen, whitewashed plank walls")
            : QStringLiteral("old apple orchard on a slope, gnarled trees, long grass");
    plan.palette = p.palettes.first();
    plan.palette.scope = PaletteScope::Scene;
    plan.palette.scopeId = scene->id;
    plan.palette.name = scene->id == 10 ? QStringLiteral("orchard day") : QStringLiteral("kitchen night");
    plan.palette.temperatureK = scene->id == 10 ? 4800 : 3400;
    plan.styleTokens = {QStringLiteral("cinematic 1950s Super 35 drama film still"),
                        QStringLiteral("Kodak Vision3 250D"), QStringLiteral("fine 35mm grain")};
    PromptReference sheet;
    sheet.referenceId = 40;
    sheet.role = ReferenceRole::CharacterSheet;
    sheet.label = QStringLiteral("Ada sheet");
    sheet.reason = QStringLiteral("Ada in frame");
    PromptReference plate;
    plate.referenceId = 41;
    plate.role = ReferenceRole::LocationPlate;
    plate.rank = 1;
    plate.kept = false;
    plate.reason = QStringLiteral("over the limit");
    plan.references = {sheet, plate};
    plan.referenceLimit = 1;
    plan.seed = 4242 + scene->id;
    plan.dnaHash = QStringLiteral("dna-%1").arg(shot.id);
    return plan;
}

} // namespace shotcraft::test
