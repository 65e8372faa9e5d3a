#include "pipeline/AiBreakdown.h"

#include "cinema/KnowledgeBase.h"
#include "domain/Logging.h"
#include "pipeline/SchemaValidator.h"
#include "providers/LlmRegistry.h"
#include "story/Breakdown.h"
#include "story/ScriptImporter.h"
#include "story/ShotPlanner.h"

#include <QEventLoop>
#include <QHash>
#include <QSet>

namespace shotcraft::pipeline {

using providers::LlmMessage;
using providers::LlmRequest;

namespace {

// ---- schema ---------------------------------------------------------------------------------

template <typename E> Json enumSchema(int count) {
    Json names = Json::array();
    for (int i = 0; i < count; ++i)
        names.push_back(Json(static_cast<E>(i))); // spelled exactly as the project file spells them
    return {{"type", "string"}, {"enum", names}};
}

using schema::arrayOf;
using schema::strictObject;
using schema::text;

Json texts() {
    return {{"type", "array"}, {"items", text()}};
}
Json number(double min, double max) {
    return {{"type", "number"}, {"minimum", min}, {"maximum", max}};
}

// ---- names ----------------------------------------------------------------------------------

QString key(const QString &name) {
    return name.simplified().toUpper();
}
QString str(const Json &j, const char *k) {
    return j.value(k, Json()).get<QString>();
}

QStringList strings(const Json &j, const char *k) {
    QStringList out;
    for (const Json &v : j.value(k, Json::array()))
        out.append(v.get<QString>());
    return out;
}

template <typename E> E enumValue(const Json &j, const char *k) {
    return enumFromName<E>(str(j, k)).value_or(E{});
}

void fill(QString &target, const QString &value) {
    if (target.trimmed().isEmpty())
        target = value.trimmed();
}

// Scenes of the answer in answer order, with the act number each sits in.
QList<std::pair<int, const Json *>> answerScenes(const Json &answer) {
    QList<std::pair<int, const Json *>> out;
    for (const Json &act : answer.at("acts"))
        for (const Json &scene : act.at("scenes"))
            out.append({act.at("number").get<int>(), &scene});
    return out;
}

QString focalRanges() {
    const cinema::KnowledgeBase &kb = cinema::KnowledgeBase::instance();
    QStringList out;
    for (int i = 0; i < 8; ++i) {
        const cinema::ShotSizeProfile &p = kb.shotSize(static_cast<ShotSize>(i));
        out.append(QStringLiteral("%1 %2-%3mm (%4)")
                       .arg(enumName(p.size))
                       .arg(p.minFocalMm)
                       .arg(p.maxFocalMm)
                       .arg(p.framing));
    }
    return out.join(QStringLiteral("; "));
}

// "long for tension, dread, ...; wide for wonder, isolation, ...": the engine's own emotional lean.
QString focalLeans() {
    const cinema::KnowledgeBase &kb = cinema::KnowledgeBase::instance();
    QStringList longer, wider;
    for (const QString &name : kb.emotionNames())
        if (const cinema::EmotionProfile *e = kb.emotion(name); e && !e->focalWhy.isEmpty())
            (e->focalLean > 0.5 ? longer : wider).append(name);
    return QStringLiteral("the long end for %1 (compression, isolation); the wide end for %2 (space, "
                          "distortion close in); the middle otherwise")
        .arg(longer.join(QStringLiteral(", ")), wider.join(QStringLiteral(", ")));
}

} // namespace

AiBreakdown::AiBreakdown(std::shared_ptr<providers::LlmProvider> provider, story::Screenplay script,
                         Project offline, AiBreakdownOptions options, QObject *parent)
    : QObject(parent)
    , m_provider(std::move(provider))
    , m_script(std::move(script))
    , m_options(options)
    , m_project(std::move(offline)) {
    // The AI breakdown replaces the story structure; settings and the id counter carry over.
    m_project.acts.clear();
    m_project.scenes.clear();
    m_project.shots.clear();
    m_project.characters.clear();
    m_project.locations.clear();
}

Json AiBreakdown::schema() {
    const Json lens = strictObject({{"focalLengthMm", number(8, 600)},
                                    {"aperture", number(0.7, 32)},
                                    {"sensor", enumSchema<Sensor>(3)}});
    const Json staging =
        strictObject({{"foreground", text()}, {"midground", text()}, {"background", text()}});
    const Json blocking = strictObject({{"character", text()},
                                        {"screenX", number(0, 1)},
                                        {"facing", enumSchema<Facing>(6)},
                                        {"plane", enumSchema<DepthPlane>(3)},
                                        {"eyeline", text()},
                                        {"action", text()}});
    const Json shot = strictObject({{"purpose", enumSchema<ShotPurpose>(8)},
                                    {"description", text()},
                                    {"subject", text()},
                                    {"size", enumSchema<ShotSize>(8)},
                                    {"angle", enumSchema<CameraAngle>(7)},
                                    {"movement", enumSchema<CameraMovement>(10)},
                                    {"lens", lens},
                                    {"composition", enumSchema<CompositionRule>(9)},
                                    {"compositionNote", text()},
                                    {"staging", staging},
                                    {"blocking", arrayOf(blocking)},
                                    {"lighting", text()},
                                    {"paletteHint", text()},
                                    {"mood", text()},
                                    {"durationSec", number(0.5, 60)},
                                    {"dialogueExcerpt", text()}});
    const Json scene = strictObject({{"number", text()},
                                     {"location", text()},
                                     {"intExt", enumSchema<InteriorExterior>(3)},
                                     {"timeOfDay", enumSchema<TimeOfDay>(8)},
                                     {"weather", enumSchema<Weather>(7)},
                                     {"mood", text()},
                                     {"summary", text()},
                                     {"characters", texts()},
                                     {"dialogueHints", texts()},
                                     {"paletteHint", text()},
                                     {"shots", arrayOf(shot, 1)}});
    const Json act = strictObject({{"number", {{"type", "integer"}, {"minimum", 1}, {"maximum", 9}}},
                                   {"title", text()},
                                   {"summary", text()},
                                   {"scenes", arrayOf(scene, 1)}});
    Json colour = text();
    colour["pattern"] = "^#[0-9a-fA-F]{6}$";
    const Json character = strictObject({{"name", text()},
                                         {"role", enumSchema<CharacterRole>(3)},
                                         {"description", text()},
                                         {"age", text()},
                                         {"build", text()},
                                         {"face", text()},
                                         {"hair", text()},
                                         {"wardrobe", text()},
                                         {"signatureColours", arrayOf(colour)},
                                         {"distinctiveMarks", text()}});
    const Json location = strictObject({{"name", text()},
                                        {"intExt", enumSchema<InteriorExterior>(3)},
                                        {"description", text()},
                                        {"architecture", text()},
                                        {"setDressing", text()},
                                        {"lightSources", text()}});
    return strictObject({{"visualLanguage", text()},
                         {"characters", arrayOf(character)},
                         {"locations", arrayOf(location)},
                         {"acts", arrayOf(act, 1)}});
}

QString AiBreakdown::systemPrompt(const ProjectInfo &info) {
    const cinema::KnowledgeBase &kb = cinema::KnowledgeBase::instance();
    const cinema::GenreProfile &g = kb.genre(info.genre);
    QString p;
    p += QStringLiteral(
             "You are the director of photography and storyboard artist of \"%1\", a %2 film%3. You break "
             "the screenplay down into acts, scenes and shots for a storyboard whose every frame must look "
             "like the same film.\n\n")
             .arg(info.title.isEmpty() ? QStringLiteral("Untitled") : info.title, g.name,
                  info.period.isEmpty() ? QString() : QStringLiteral(" set in ") + info.period);
    p += QStringLiteral("THE FILM'S VISUAL LANGUAGE (%1 cinematography)\n").arg(g.name);
    p += QStringLiteral(
             "- Contrast %1 of 1, saturation %2 (1 = natural). Film stock: %3; grain: %4; grade: %5.\n")
             .arg(g.contrast)
             .arg(g.saturation)
             .arg(g.filmStock, g.grain, g.grade);
    for (const cinema::GenrePalette &pal : g.palettes) {
        QStringList swatches;
        for (const Swatch &s : pal.swatches)
            swatches.append(s.name + u' ' + s.hex);
        p += QStringLiteral("- Palette \"%1\" (%2 K, saturation %3): %4. Use: %5.\n")
                 .arg(pal.name)
                 .arg(pal.temperatureK)
                 .arg(pal.saturation)
                 .arg(swatches.join(QStringLiteral(", ")), pal.use);
    }
    for (const cinema::LightingStyle &l : g.lighting)
        p += QStringLiteral("- Lighting \"%1\" (key:fill %2): %3. Use: %4.\n")
                 .arg(l.name, l.keyToFill, l.description, l.use);
    QStringList focals;
    for (double f : g.lenses.focalLengthsMm)
        focals.append(QString::number(f));
    p += QStringLiteral("- Lenses: %1, %2 mm, T%3 (shallow) to T%4 (deep), %5 sensor; %6.\n")
             .arg(g.lenses.name, focals.join(u'/'))
             .arg(g.lenses.apertureShallow)
             .arg(g.lenses.apertureDeep)
             .arg(enumName(g.lenses.sensor), g.lenses.character);
    for (const cinema::MovementHabit &m : g.movement)
        p += QStringLiteral("- Camera movement %1: %2.\n").arg(enumName(m.movement), m.why);
    QStringList comps;
    for (CompositionRule r : g.compositions)
        comps.append(enumName(r));
    p += QStringLiteral("- Favoured composition: %1.\n").arg(comps.join(QStringLiteral(", ")));
    if (!g.referenceFilms.isEmpty())
        p += QStringLiteral("- Reference films: %1.\n").arg(g.referenceFilms.join(QStringLiteral(", ")));
    p += QStringLiteral("- Focal length by shot size: %1.\n").arg(focalRanges());
    p += QStringLiteral("- Where the lens sits in that range follows the beat's emotion: %1.\n\n")
             .arg(focalLeans());
    p += QStringLiteral(
        "HOW TO BREAK IT DOWN\n"
        "- Organise the scenes into acts (setup, confrontation, resolution); continue act numbers across "
        "parts.\n"
        "- Give every scene the shots a director would cover it with: open on an establishing or master "
        "shot, "
        "then singles, over-the-shoulders, inserts and reactions on the beats that matter. 2-6 shots a "
        "scene.\n"
        "- Each shot names its purpose, size, angle, movement and lens (focal length inside the range for "
        "its "
        "size, from the film's lens set; aperture as a T-stop), a composition rule with a note on why, what "
        "stands "
        "in the foreground, midground and background, and the blocking of every character in frame (screenX "
        "0 = "
        "left edge, 1 = right edge; keep screen direction consistent within a scene, 180-degree rule).\n"
        "- Lighting, palette hint and mood follow the visual language above and the scene's emotion.\n"
        "- Describe every character once for the Visual DNA (age, build, face, hair, wardrobe, signature "
        "colours "
        "as #rrggbb, distinctive marks) and every location (architecture, set dressing, light sources), so "
        "that "
        "an image model draws them the same in every shot. Use the character names exactly as the script "
        "spells "
        "them, in capitals.\n"
        "- Keep scene numbers exactly as given. Keep text fields concise (one or two sentences).\n"
        "- Answer with one JSON object matching the schema, nothing else.\n");
    return p;
}

QList<QList<int>> AiBreakdown::chunkScenes(const story::Screenplay &script, int chunkChars, int maxScenes) {
    QList<QList<int>> chunks;
    QList<int> current;
    qsizetype size = 0;
    for (int i = 0; i < script.scenes.size(); ++i) {
        const qsizetype n = sceneText(script, i).size();
        if (!current.isEmpty() && (size + n > chunkChars || (maxScenes > 0 && current.size() >= maxScenes))) {
            chunks.append(current);
            current.clear();
            size = 0;
        }
        current.append(i);
        size += n;
    }
    if (!current.isEmpty())
        chunks.append(current);
    return chunks;
}

QString AiBreakdown::sceneText(const story::Screenplay &script, int sceneIndex) {
    using story::ElementType;
    const story::ScreenplayScene &scene = script.scenes.at(sceneIndex);
    QString out = scene.heading + u'\n';
    ElementType previous = ElementType::SceneHeading;
    for (int i = scene.firstElement + 1; i < scene.elementEnd && i < script.elements.size(); ++i) {
        const story::ScriptElement &e = script.elements.at(i);
        switch (e.type) {
        case ElementType::Action:
        case ElementType::Transition:
        case ElementType::Lyrics:
        case ElementType::Character:
            out += u'\n' + e.text + u'\n';
            break;
        case ElementType::Dialogue:
        case ElementType::Parenthetical:
            if (previous != ElementType::Character && previous != ElementType::Parenthetical &&
                previous != ElementType::Dialogue)
                out += u'\n';
            out += e.text + u'\n';
            break;
        case ElementType::Synopsis:
            out += QStringLiteral("\n(synopsis: %1)\n").arg(e.text);
            break;
        default:
            break; // sections and page breaks say nothing about the picture
        }
        previous = e.type;
    }
    return out;
}

QString AiBreakdown::chunkPrompt(const story::Screenplay &script, const QList<int> &scenes,
                                 const Project &sofar, const QString &visualLanguage, int part, int parts) {
    QString p = QStringLiteral("Part %1 of %2 of the screenplay.\n\n").arg(part).arg(parts);
    if (!visualLanguage.isEmpty())
        p += QStringLiteral("Visual language established so far (keep to it): %1\n\n").arg(visualLanguage);
    QStringList cast;
    for (const story::ScreenplayCharacter &c : script.characters)
        cast.append(c.name);
    if (!cast.isEmpty())
        p += QStringLiteral("Speaking characters of the whole script (use these exact names): %1\n\n")
                 .arg(cast.join(QStringLiteral(", ")));
    if (!sofar.characters.isEmpty()) {
        p += QStringLiteral(
            "Characters already described (reuse the names; list one again only to add what these "
            "scenes reveal, never to change it):\n");
        for (const Character &c : sofar.characters)
            p += QStringLiteral("- %1 (%2): %3; %4; wardrobe: %5\n")
                     .arg(c.name, enumName(c.role), c.description, c.face, c.wardrobe);
        p += u'\n';
    }
    if (!sofar.locations.isEmpty()) {
        p += QStringLiteral("Locations already described (reuse the names):\n");
        for (const Location &l : sofar.locations)
            p += QStringLiteral("- %1 (%2): %3\n").arg(l.name, enumName(l.intExt), l.description);
        p += u'\n';
    }
    if (!sofar.acts.isEmpty())
        p += QStringLiteral(
                 "The last act so far is act %1 \"%2\": continue from it (a new act may begin in these "
                 "scenes).\n\n")
                 .arg(sofar.acts.last().number)
                 .arg(sofar.acts.last().title);
    QStringList numbers;
    for (int i : scenes)
        numbers.append(script.scenes.at(i).number);
    p += QStringLiteral("Break down these %1 scenes, one entry each, numbered %2:\n")
             .arg(scenes.size())
             .arg(numbers.join(QStringLiteral(", ")));
    for (int i : scenes)
        p += QStringLiteral("\n=== Scene %1 ===\n").arg(script.scenes.at(i).number) + sceneText(script, i);
    return p;
}

QStringList AiBreakdown::checkChunk(const Json &answer, const QStringList &sceneNumbers,
                                    const Project &sofar) {
    QStringList errors;
    QSet<QString> characters;
    QSet<QString> locations;
    for (const Character &c : sofar.characters)
        characters.insert(key(c.name));
    for (const Location &l : sofar.locations)
        locations.insert(key(l.name));
    QSet<QString> seen;
    for (const Json &c : answer.at("characters")) {
        const QString name = key(str(c, "name"));
        if (name.isEmpty())
            errors.append(QStringLiteral("/characters: a character has no name"));
        else if (seen.contains(name))
            errors.append(QStringLiteral("/characters: %1 is listed twice").arg(name));
        seen.insert(name);
        characters.insert(name);
    }
    for (const Json &l : answer.at("locations"))
        locations.insert(key(str(l, "name")));

    int lastAct = sofar.acts.isEmpty() ? 1 : sofar.acts.last().number;
    QStringList got;
    int a = 0;
    for (const Json &act : answer.at("acts")) {
        const int n = act.at("number").get<int>();
        if (n < lastAct)
            errors.append(QStringLiteral("/acts/%1/number: act %2 comes after act %3; acts only move forward")
                              .arg(a)
                              .arg(n)
                              .arg(lastAct));
        lastAct = std::max(lastAct, n);
        ++a;
    }
    const auto scenes = answerScenes(answer);
    for (const auto &[actNumber, scene] : scenes) {
        const QString number = str(*scene, "number").trimmed();
        got.append(number);
        const QString where = QStringLiteral("scene %1").arg(number);
        if (!locations.contains(key(str(*scene, "location"))))
            errors.append(QStringLiteral("%1: location \"%2\" is not in the locations list")
                              .arg(where, str(*scene, "location")));
        for (const QString &name : strings(*scene, "characters"))
            if (!characters.contains(key(name)))
                errors.append(
                    QStringLiteral("%1: character \"%2\" is not in the characters list").arg(where, name));
        int s = 0;
        for (const Json &shot : scene->at("shots")) {
            for (const Json &b : shot.at("blocking"))
                if (!characters.contains(key(str(b, "character"))))
                    errors.append(
                        QStringLiteral("%1 shot %2: blocking names \"%3\", who is not in the characters list")
                            .arg(where)
                            .arg(s + 1)
                            .arg(str(b, "character")));
            ++s;
        }
    }
    if (got != sceneNumbers) {
        for (const QString &n : sceneNumbers)
            if (!got.contains(n))
                errors.append(QStringLiteral("scene %1 is missing").arg(n));
        for (const QString &n : std::as_const(got))
            if (!sceneNumbers.contains(n))
                errors.append(QStringLiteral("scene %1 was not asked for").arg(n));
            else if (got.count(n) > 1)
                errors.append(QStringLiteral("scene %1 appears more than once").arg(n));
        if (errors.isEmpty())
            errors.append(QStringLiteral("scenes must come in script order: %1")
                              .arg(sceneNumbers.join(QStringLiteral(", "))));
    }
    errors.removeDuplicates();
    return errors;
}

void AiBreakdown::mergeChunk(Project &project, const Json &answer, const story::Screenplay &script,
                             const QList<int> &sceneIndexes) {
    QHash<QString, Id> characterIds;
    for (const Character &c : project.characters)
        characterIds.insert(key(c.name), c.id);
    for (const Json &j : answer.at("characters")) {
        const QString name = key(str(j, "name"));
        Character *c = nullptr;
        if (const Id id = characterIds.value(name)) {
            for (Character &existing : project.characters)
                if (existing.id == id)
                    c = &existing;
        } else {
            Character fresh;
            fresh.id = project.allocateId();
            fresh.name = name;
            fresh.role = enumValue<CharacterRole>(j, "role");
            if (const story::ScreenplayCharacter *sc = script.character(name)) {
                fresh.aliases = sc->aliases;
                fresh.dialogueCount = sc->dialogueCount;
            }
            project.characters.append(fresh);
            characterIds.insert(name, fresh.id);
            c = &project.characters.last();
        }
        // A later chunk only adds what an earlier one left open: identity never drifts.
        fill(c->description, str(j, "description"));
        fill(c->age, str(j, "age"));
        fill(c->build, str(j, "build"));
        fill(c->face, str(j, "face"));
        fill(c->hair, str(j, "hair"));
        fill(c->wardrobe, str(j, "wardrobe"));
        fill(c->distinctiveMarks, str(j, "distinctiveMarks"));
        if (c->signatureColours.isEmpty())
            c->signatureColours = strings(j, "signatureColours");
    }
    QHash<QString, Id> locationIds;
    for (const Location &l : project.locations)
        locationIds.insert(key(l.name), l.id);
    for (const Json &j : answer.at("locations")) {
        const QString name = key(str(j, "name"));
        if (locationIds.contains(name)) {
            for (Location &l : project.locations) {
                if (l.id != locationIds.value(name))
                    continue;
                fill(l.description, str(j, "description"));
                fill(l.architecture, str(j, "architecture"));
                fill(l.setDressing, str(j, "setDressing"));
                fill(l.lightSources, str(j, "lightSources"));
            }
            continue;
        }
        Location l;
        l.id = project.allocateId();
        l.name = name;
        l.intExt = enumValue<InteriorExterior>(j, "intExt");
        l.description = str(j, "description");
        l.architecture = str(j, "architecture");
        l.setDressing = str(j, "setDressing");
        l.lightSources = str(j, "lightSources");
        project.locations.append(l);
        locationIds.insert(name, l.id);
    }

    for (const Json &actJson : answer.at("acts")) {
        const int number = actJson.at("number").get<int>();
        Id actId = 0;
        for (const Act &a : project.acts)
            if (a.number == number)
                actId = a.id;
        if (!actId) {
            Act act;
            act.id = actId = project.allocateId();
            act.number = number;
            act.title = str(actJson, "title");
            act.summary = str(actJson, "summary");
            project.acts.append(act);
        }
        for (const Json &sj : actJson.at("scenes")) {
            const QString number = str(sj, "number").trimmed();
            int index = -1;
            for (int i : sceneIndexes)
                if (script.scenes.at(i).number == number)
                    index = i;
            const story::ScreenplayScene &ss = script.scenes.at(index); // checkChunk guarantees it
            Scene scene;
            scene.id = project.allocateId();
            scene.actId = actId;
            scene.locationId = locationIds.value(key(str(sj, "location")));
            scene.number = ss.number;
            scene.order = index + 1;
            scene.heading = ss.heading; // the script's own words, not the model's
            scene.intExt = enumValue<InteriorExterior>(sj, "intExt");
            scene.timeOfDay = enumValue<TimeOfDay>(sj, "timeOfDay");
            scene.weather = enumValue<Weather>(sj, "weather");
            scene.mood = str(sj, "mood");
            scene.summary = str(sj, "summary");
            for (const QString &name : strings(sj, "characters"))
                if (const Id id = characterIds.value(key(name)); id && !scene.characterIds.contains(id))
                    scene.characterIds.append(id);
            scene.dialogueHints = strings(sj, "dialogueHints");
            scene.paletteHint = str(sj, "paletteHint");
            scene.lineStart = ss.lineStart;
            scene.lineEnd = ss.lineEnd;
            scene.contentHash = story::sceneContentHash(script, ss);
            project.scenes.append(scene);

            int order = 0;
            for (const Json &shotJson : sj.at("shots")) {
                Shot shot;
                shot.id = project.allocateId();
                shot.sceneId = scene.id;
                shot.number = scene.number + story::shotLetters(order);
                shot.order = ++order;
                shot.purpose = enumValue<ShotPurpose>(shotJson, "purpose");
                shot.description = str(shotJson, "description");
                shot.subject = str(shotJson, "subject");
                shot.size = enumValue<ShotSize>(shotJson, "size");
                shot.angle = enumValue<CameraAngle>(shotJson, "angle");
                shot.movement = enumValue<CameraMovement>(shotJson, "movement");
                const Json &lens = shotJson.at("lens");
                shot.lens = {lens.at("focalLengthMm").get<double>(), lens.at("aperture").get<double>(),
                             enumValue<Sensor>(lens, "sensor")};
                shot.composition = enumValue<CompositionRule>(shotJson, "composition");
                shot.compositionNote = str(shotJson, "compositionNote");
                const Json &staging = shotJson.at("staging");
                shot.staging = {str(staging, "foreground"), str(staging, "midground"),
                                str(staging, "background")};
                for (const Json &b : shotJson.at("blocking")) {
                    Blocking blocking;
                    blocking.characterId = characterIds.value(key(str(b, "character")));
                    blocking.screenX = b.at("screenX").get<double>();
                    blocking.facing = enumValue<Facing>(b, "facing");
                    blocking.plane = enumValue<DepthPlane>(b, "plane");
                    blocking.eyeline = str(b, "eyeline");
                    blocking.action = str(b, "action");
                    shot.blocking.append(blocking);
                }
                shot.lighting = str(shotJson, "lighting");
                shot.paletteHint = str(shotJson, "paletteHint");
                shot.mood = str(shotJson, "mood");
                shot.weather = scene.weather;
                shot.timeOfDay = scene.timeOfDay;
                shot.durationSec = shotJson.at("durationSec").get<double>();
                shot.dialogueExcerpt = str(shotJson, "dialogueExcerpt");
                project.shots.append(shot);
            }
        }
    }
}

Result<Project> AiBreakdown::breakDownScript(const QString &scriptPath, const Project &offline,
                                             const QString &profileName, const AiBreakdownOptions &options,
                                             AiBreakdownStats *stats) {
    auto script = story::importFile(scriptPath);
    if (!script)
        return Result<Project>::failure(script.error());
    auto provider = providers::LlmRegistry::create(profileName);
    if (!provider)
        return Result<Project>::failure(provider.error());
    AiBreakdown ai(*provider, *script, offline, options);
    QEventLoop loop;
    connect(&ai, &AiBreakdown::finished, &loop, &QEventLoop::quit);
    QMetaObject::invokeMethod(&ai, &AiBreakdown::start, Qt::QueuedConnection);
    loop.exec();
    if (stats)
        *stats = ai.stats();
    if (!ai.succeeded())
        return Result<Project>::failure(ai.error());
    return ai.project();
}

void AiBreakdown::start() {
    if (m_script.scenes.isEmpty()) {
        finish(false, QStringLiteral("the script has no scenes to break down"));
        return;
    }
    // At about three characters a token, a context's worth of tokens in characters is a third of it:
    // room is left for the system prompt, what is carried across chunks and a long answer.
    const int chunkChars =
        m_options.chunkChars > 0 ? m_options.chunkChars : std::max(2000, m_provider->caps().contextTokens);
    m_chunks = chunkScenes(m_script, chunkChars, m_options.maxScenesPerChunk);
    m_stats.chunks = int(m_chunks.size());
    m_next = 0;
    Q_EMIT progress(0, int(m_chunks.size()));
    runChunk();
}

void AiBreakdown::cancel() {
    if (m_call)
        m_call->cancel();
    else
        finish(false, QStringLiteral("cancelled"));
}

void AiBreakdown::runChunk() {
    const QList<int> &scenes = m_chunks.at(m_next);
    QStringList numbers;
    for (int i : scenes)
        numbers.append(m_script.scenes.at(i).number);
    LlmRequest request;
    request.system = systemPrompt(m_project.info);
    request.messages.append(LlmMessage::user(
        chunkPrompt(m_script, scenes, m_project, m_visualLanguage, m_next + 1, int(m_chunks.size()))));
    request.schemaName = QStringLiteral("storyboard_breakdown");
    request.schema = schema();
    request.temperature = m_options.temperature;
    request.seed = m_options.seed;
    request.maxTokens = m_options.maxTokens;
    const Project sofar = m_project;
    m_call = new JsonRepairingCall(
        m_provider, request,
        [numbers, sofar](const Json &answer) { return checkChunk(answer, numbers, sofar); },
        m_options.maxReasks, this);
    connect(m_call, &JsonRepairingCall::finished, this, &AiBreakdown::onChunkDone);
    m_call->start();
}

void AiBreakdown::onChunkDone() {
    const JsonCallOutcome outcome = m_call->outcome();
    m_call->deleteLater();
    m_call = nullptr;
    m_stats.requests += outcome.requests;
    m_stats.reasks += outcome.reasks;
    if (outcome.repaired)
        ++m_stats.repairedAnswers;
    for (const QString &r : outcome.repairs)
        if (!m_stats.repairs.contains(r))
            m_stats.repairs.append(r);
    if (!outcome.ok()) {
        finish(false, QStringLiteral("AI breakdown of part %1 of %2 failed: %3")
                          .arg(m_next + 1)
                          .arg(m_chunks.size())
                          .arg(outcome.error));
        return;
    }
    mergeChunk(m_project, *outcome.value, m_script, m_chunks.at(m_next));
    if (m_visualLanguage.isEmpty())
        m_visualLanguage = outcome.value->at("visualLanguage").get<QString>();
    ++m_next;
    Q_EMIT progress(m_next, int(m_chunks.size()));
    if (m_next < m_chunks.size())
        runChunk();
    else
        finish(true, {});
}

void AiBreakdown::finish(bool ok, const QString &error) {
    if (m_done)
        return;
    m_done = true;
    m_succeeded = ok;
    m_error = error;
    if (!ok) {
        m_project = Project(); // fail closed: nothing half-made is handed out
        qCInfo(lcPipeline) << "AI breakdown failed:" << error;
    }
    Q_EMIT finished();
}

} // namespace shotcraft::pipeline
