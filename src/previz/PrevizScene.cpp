#include "previz/PrevizScene.h"

#include "cinema/Optics.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace shotcraft::previz {

namespace {

constexpr double kReferenceHeightM = 1.75; // the figure the framing is measured against

bool mentions(const QString &text, const char *pattern) {
    const QRegularExpression re(QLatin1String(pattern), QRegularExpression::CaseInsensitiveOption);
    return re.match(text).hasMatch();
}

QColor mix(const QColor &a, const QColor &b, double t) {
    t = std::clamp(t, 0.0, 1.0);
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

QColor hex(const char *text) {
    return QColor(QLatin1String(text));
}

// A colour that stays the same for a name in every frame when the DNA gave none.
QColor stableColour(const QString &name, int salt) {
    const size_t h = qHash(name, size_t(1469598103u + salt));
    return QColor::fromHsv(int(h % 360), 120 + int((h >> 9) % 80), 110 + int((h >> 17) % 90));
}

// Where the top of the midground subject's head sits (fraction of the frame height) for each
// size: the ECU crops the forehead, close shots keep a little headroom, wides stand the figure on
// the lower third.
double headTopFraction(ShotSize size, double personFraction) {
    switch (size) {
    case ShotSize::ExtremeCloseUp:
        return -0.12;
    case ShotSize::CloseUp:
        return 0.08;
    case ShotSize::MediumCloseUp:
    case ShotSize::Medium:
        return 0.1;
    case ShotSize::MediumWide:
        return 0.08;
    case ShotSize::Wide:
        return 0.9 - personFraction;
    case ShotSize::ExtremeWide:
        return 0.8 - personFraction;
    case ShotSize::Insert:
        return 0.1;
    }
    return 0.1;
}

double cameraHeightFor(CameraAngle angle) {
    switch (angle) {
    case CameraAngle::Low:
        return 0.45;
    case CameraAngle::High:
        return 2.9;
    case CameraAngle::Overhead:
        return 8.0;
    default:
        return 1.6; // eye level, Dutch, over-the-shoulder and POV all shoot from the eyes
    }
}

struct Sky {
    const char *top;
    const char *horizon;
};

Sky skyFor(TimeOfDay time) {
    switch (time) {
    case TimeOfDay::Dawn:
        return {"#3e4f7a", "#f2b58a"};
    case TimeOfDay::Morning:
        return {"#6d9cc9", "#e8dcc4"};
    case TimeOfDay::Dusk:
        return {"#2c2a55", "#e8845a"};
    case TimeOfDay::Evening:
        return {"#2e3b66", "#c98b6b"};
    case TimeOfDay::Night:
        return {"#060a18", "#1c2842"};
    default:
        return {"#4a7fb5", "#c4d9e8"};
    }
}

PrevizTerrain terrainFor(const Location *location, bool studio) {
    if (studio)
        return PrevizTerrain::Studio;
    if (!location)
        return PrevizTerrain::Urban;
    const QString text = location->name + u' ' + location->description;
    if (mentions(text, "\\b(sea|ocean|harbou?r|ferry|dock|pier|river|lake|beach|bay|boat|shore|quay)"))
        return PrevizTerrain::Water;
    if (mentions(text, "\\b(forest|wood|park|field|garden|meadow|farm|mountain|hill|desert|country|jungle)"))
        return PrevizTerrain::Nature;
    return PrevizTerrain::Urban;
}

PrevizLightStyle lightStyleFor(const QString &lighting, bool night) {
    if (mentions(lighting, "backlit|silhouette|contre|rim light"))
        return PrevizLightStyle::Backlit;
    if (mentions(lighting, "low[- ]?key|noir|chiaroscuro|hard|dark|shadow|single source"))
        return PrevizLightStyle::LowKey;
    if (mentions(lighting, "high[- ]?key|soft|bright|even|flat|diffuse"))
        return PrevizLightStyle::HighKey;
    return night ? PrevizLightStyle::LowKey : PrevizLightStyle::Normal;
}

// The warm/cool shift of a colour temperature, as a tint to blend towards.
QColor temperatureTint(int kelvin) {
    if (kelvin < 5600)
        return hex("#ffb060");
    return hex("#70a0ff");
}

struct Grade {
    QColor tint;
    double tintAmount = 0.0;
    double saturation = 1.0;
    QColor apply(const QColor &c) const {
        QColor out = mix(c, tint, tintAmount);
        float h, s, v, a;
        out.getHsvF(&h, &s, &v, &a);
        return QColor::fromHsvF(h, std::clamp(float(s * saturation), 0.0f, 1.0f), v);
    }
};

const Palette *paletteFor(const Project &project, const Scene *scene, const ConsistencyPlan &plan) {
    if (!plan.palette.swatches.isEmpty())
        return &plan.palette;
    const Palette *film = nullptr;
    const Palette *act = nullptr;
    for (const Palette &p : project.palettes) {
        if (scene && p.scope == PaletteScope::Scene && p.scopeId == scene->id)
            return &p;
        if (scene && p.scope == PaletteScope::Act && p.scopeId == scene->actId)
            act = &p;
        if (p.scope == PaletteScope::Film)
            film = &p;
    }
    return act ? act : film;
}

QColor swatch(const Palette *palette, SwatchRole role) {
    if (!palette)
        return {};
    for (const Swatch &s : palette->swatches)
        if (s.role == role && QColor(s.hex).isValid())
            return QColor(s.hex);
    return {};
}

PrevizLook lookFor(const Project &project, const Scene *scene, const ConsistencyPlan &plan, const Shot &shot,
                   PrevizTerrain terrain, TimeOfDay time, Weather weather, Id lightSeedId) {
    PrevizLook look;
    const Palette *palette = paletteFor(project, scene, plan);
    Grade grade;
    if (palette) {
        grade.tint = temperatureTint(palette->temperatureK);
        grade.tintAmount = std::min(0.25, std::abs(palette->temperatureK - 5600) / 12000.0);
        grade.saturation = std::clamp(palette->saturation, 0.2, 1.6);
        for (const Swatch &s : palette->swatches)
            if (QColor(s.hex).isValid())
                look.swatches.append(QColor(s.hex));
    }
    look.night = time == TimeOfDay::Night;
    const Sky sky = skyFor(time);
    QColor skyTop = hex(sky.top);
    QColor skyHorizon = hex(sky.horizon);
    const double nightDim =
        look.night ? 0.3 : (time == TimeOfDay::Dusk || time == TimeOfDay::Evening ? 0.7 : 1.0);
    if (weather == Weather::Overcast || weather == Weather::Rain || weather == Weather::Snow) {
        skyTop = mix(skyTop, hex("#8d949c"), 0.7 * nightDim);
        skyHorizon = mix(skyHorizon, hex("#b4b8bc"), 0.7 * nightDim);
    } else if (weather == Weather::Storm) {
        skyTop = mix(skyTop, hex("#33383f"), 0.85);
        skyHorizon = mix(skyHorizon, hex("#5c636b"), 0.8);
    } else if (weather == Weather::Fog || weather == Weather::Haze) {
        skyHorizon = mix(skyHorizon, hex("#d6d8d6"), 0.6 * nightDim);
        skyTop = mix(skyTop, skyHorizon, 0.6);
    }

    QColor ground;
    switch (terrain) {
    case PrevizTerrain::Urban:
        ground = hex("#6e6a62");
        break;
    case PrevizTerrain::Nature:
        ground = hex("#5f7045");
        break;
    case PrevizTerrain::Water:
        ground = hex("#3d6a80");
        break;
    case PrevizTerrain::Studio:
        ground = hex("#b9b6b0");
        break;
    }
    const QColor keySwatch = swatch(palette, SwatchRole::Key);
    const QColor background = swatch(palette, SwatchRole::Background);
    if (keySwatch.isValid())
        ground = mix(ground, keySwatch, 0.25);
    QColor wall = background.isValid() ? mix(hex("#b8a58a"), background, 0.6) : hex("#b8a58a");
    QColor scenery = background.isValid() ? mix(hex("#7c7872"), background, 0.5) : hex("#7c7872");
    if (terrain == PrevizTerrain::Nature)
        scenery = mix(hex("#3f5a34"), scenery, 0.25);
    if (terrain == PrevizTerrain::Studio) {
        skyTop = skyHorizon = wall = mix(hex("#d8d6d2"), wall, 0.15);
    }
    const double dim = terrain == PrevizTerrain::Studio ? 1.0 : nightDim;
    auto dimmed = [&](const QColor &c) {
        return mix(hex("#05060a"), c, dim);
    };

    look.skyTop = grade.apply(skyTop);
    look.skyHorizon = grade.apply(skyHorizon);
    look.window = look.skyHorizon;
    look.ground = grade.apply(dimmed(ground));
    look.groundLine = grade.apply(dimmed(ground.darker(135)));
    look.wall = grade.apply(look.night ? mix(hex("#05060a"), wall, 0.45) : wall);
    look.wallShade = look.wall.darker(140);
    look.floor = grade.apply(look.night ? hex("#2a2119") : hex("#6b5440"));
    look.ceiling = look.wall.lighter(112);
    look.scenery = grade.apply(dimmed(scenery));
    look.sceneryFar = mix(look.scenery, look.skyHorizon, 0.55);
    look.atmosphere = look.skyHorizon;
    const QColor highlight = swatch(palette, SwatchRole::Highlight);
    look.keyLight =
        grade.apply(highlight.isValid() ? highlight : (look.night ? hex("#ffcf8a") : hex("#fff4dc")));
    const QColor shadow = swatch(palette, SwatchRole::Shadow);
    look.shadow = shadow.isValid() ? shadow.darker(180) : hex("#0b0d14");
    const QColor accent = swatch(palette, SwatchRole::Accent);
    look.accent = grade.apply(accent.isValid() ? accent : hex("#a8432f"));

    look.light = lightStyleFor(shot.lighting + u' ' + (scene ? scene->mood : QString()), look.night);
    switch (look.light) {
    case PrevizLightStyle::LowKey:
        look.shadowStrength = 0.62;
        look.vignette = 0.55;
        break;
    case PrevizLightStyle::HighKey:
        look.shadowStrength = 0.14;
        look.vignette = 0.1;
        break;
    case PrevizLightStyle::Backlit:
        look.shadowStrength = 0.5;
        look.vignette = 0.35;
        break;
    case PrevizLightStyle::Normal:
        look.shadowStrength = 0.32;
        look.vignette = 0.28;
        break;
    }
    if (weather != Weather::Clear && weather != Weather::Haze)
        look.shadowStrength *= 0.6; // a grey sky's soft light fills the shadows
    if (mentions(shot.lighting, "(from|camera|screen|frame) left|left side"))
        look.keyFromLeft = true;
    else if (mentions(shot.lighting, "(from|camera|screen|frame) right|right side"))
        look.keyFromLeft = false;
    else
        look.keyFromLeft = (qHash(lightSeedId) & 1u) == 0; // the same side for the whole scene
    look.haze = weather == Weather::Fog ? 0.7 : weather == Weather::Haze ? 0.4 : 0.15;
    return look;
}

PrevizHair hairStyleFor(const QString &hair) {
    if (mentions(hair, "bald|shaved head|shaven"))
        return PrevizHair::None;
    if (mentions(hair, "ponytail|bun|braid|plait"))
        return PrevizHair::Ponytail;
    if (mentions(hair, "curl|afro|frizz|wavy"))
        return PrevizHair::Curly;
    if (mentions(hair, "long|shoulder|flowing|mane"))
        return PrevizHair::Long;
    if (mentions(hair, "buzz|crew|cropped|short|close"))
        return PrevizHair::Short;
    return hair.isEmpty() ? PrevizHair::Short : PrevizHair::Medium;
}

QColor hairColourFor(const QString &hair) {
    static const std::pair<const char *, const char *> table[] = {
        {"platinum", "#e8e0c8"}, {"white", "#e6e4de"},          {"silver", "#c0c0c8"},
        {"salt", "#8a8784"},     {"gr[ae]y", "#9a9a98"},        {"blond|fair", "#d8b96a"},
        {"auburn", "#7a3218"},   {"red|ginger", "#a0461e"},     {"black|jet", "#1c1a19"},
        {"dark", "#2b2119"},     {"brown|brunette", "#5a3a22"},
    };
    for (const auto &[pattern, colour] : table)
        if (mentions(hair, pattern))
            return hex(colour);
    return hex("#3a2a1e");
}

QColor skinFor(const Character &c, const QColor &paletteSkin) {
    const QString text = c.face + u' ' + c.description;
    if (mentions(text, "\\b(pale|fair[- ]skinned|pallid|ashen)"))
        return hex("#ead2c0");
    if (mentions(text, "\\b(dark[- ]skinned|black|ebony|deep brown)"))
        return hex("#6e4630");
    if (mentions(text, "\\b(olive|tanned|tan|bronzed|brown[- ]skinned|weathered)"))
        return hex("#b98660");
    return paletteSkin.isValid() ? paletteSkin : hex("#d9a88c");
}

QString wardrobeFor(const Character &c, const Scene *scene) {
    QString text = c.wardrobe;
    for (const WardrobeChange &w : c.wardrobeChanges) {
        if (scene &&
            ((w.sceneId != 0 && w.sceneId == scene->id) || (w.sceneId == 0 && w.actId == scene->actId)))
            text = w.wardrobe;
    }
    return text;
}

PrevizFigure figureFor(const Project &project, const Scene *scene, const ConsistencyPlan &plan,
                       const Blocking &b, const QColor &paletteSkin) {
    PrevizFigure f;
    f.characterId = b.characterId;
    f.facing = b.facing;
    f.plane = b.plane;
    const Character *c = project.character(b.characterId);
    QStringList colours;
    for (const CharacterIdentity &identity : plan.characters)
        if (identity.characterId == b.characterId) {
            colours = identity.signatureColours;
            f.name = identity.name;
        }
    if (colours.isEmpty() && c)
        colours = c->signatureColours;
    if (f.name.isEmpty())
        f.name = c ? c->name : QStringLiteral("?");
    QList<QColor> parsed;
    for (const QString &s : colours)
        if (QColor(s).isValid())
            parsed.append(QColor(s));
    f.wardrobe = parsed.value(0, stableColour(f.name, 1));
    f.lower = parsed.size() > 1 ? parsed[1] : f.wardrobe.darker(170);
    f.accent = parsed.size() > 2 ? parsed[2] : (parsed.size() > 1 ? parsed[1] : f.wardrobe.lighter(135));
    if (!c) {
        f.hairColour = hex("#3a2a1e");
        f.skin = paletteSkin.isValid() ? paletteSkin : hex("#d9a88c");
        return f;
    }
    f.hair = hairStyleFor(c->hair);
    f.hairColour = hairColourFor(c->hair);
    f.skin = skinFor(*c, paletteSkin);
    const QString body = c->build + u' ' + c->description;
    if (mentions(body, "heavy|stocky|broad|burly|big|large|muscular|portly|barrel"))
        f.widthScale = 1.25;
    else if (mentions(body, "slight|thin|wiry|slim|petite|skinny|lean|gaunt|slender"))
        f.widthScale = 0.84;
    if (mentions(body, "\\btall|towering|lanky"))
        f.heightM = 1.9;
    else if (mentions(body, "\\bshort\\b|petite|small"))
        f.heightM = 1.6;
    bool ok = false;
    const int age = QRegularExpression(QStringLiteral("\\d+")).match(c->age).captured().toInt(&ok);
    if ((ok && age > 0 && age < 13) || mentions(c->age + u' ' + c->description, "\\b(child|boy|girl|kid)\\b"))
        f.heightM = 1.25;
    const QString wardrobe = wardrobeFor(*c, scene);
    f.longCoat = mentions(wardrobe, "coat|dress|gown|robe|cloak|cassock|habit");
    f.hat = mentions(wardrobe, "\\b(hat|cap|fedora|helmet|beanie|hood|bowler|beret)");
    const QString face = c->face + u' ' + c->distinctiveMarks + u' ' + c->description;
    f.glasses = mentions(face, "glasses|spectacles|goggles");
    f.beard = mentions(face, "beard|stubble|moustache|mustache|goatee");
    return f;
}

// A look-book frame has no shot: it gets one made from what it shows (a character sheet stands
// the character in a studio; a location plate shows the empty place).
Shot lookBookShot(const ImageRequest &request, bool *studio, Id *locationId) {
    Shot shot;
    shot.size = ShotSize::Wide;
    shot.lens = {32.0, 4.0, Sensor::Super35};
    shot.lighting = QStringLiteral("soft even");
    *studio = false;
    *locationId = request.plan.locationId;
    const ReferenceImage *ref = request.project.reference(request.plan.referenceTargetId);
    if (!ref)
        return shot;
    if (ref->owner == ReferenceOwner::Character) {
        *studio = true;
        if (ref->role == ReferenceRole::Face)
            shot.size = ShotSize::CloseUp;
        if (ref->role == ReferenceRole::Turnaround || ref->role == ReferenceRole::CharacterSheet) {
            const Facing facings[] = {Facing::Camera, Facing::ThreeQuarterRight, Facing::Right, Facing::Away};
            for (int i = 0; i < 4; ++i)
                shot.blocking.append(
                    {ref->ownerId, 0.2 + 0.2 * i, facings[i], DepthPlane::Midground, {}, {}});
        } else {
            shot.blocking.append({ref->ownerId, 0.5, Facing::Camera, DepthPlane::Midground, {}, {}});
        }
    } else if (ref->owner == ReferenceOwner::Location) {
        *locationId = ref->ownerId;
        shot.size = ShotSize::ExtremeWide;
        shot.lens = {24.0, 5.6, Sensor::Super35};
    }
    return shot;
}

} // namespace

double previzFramedSpanM(ShotSize size) {
    switch (size) {
    case ShotSize::ExtremeCloseUp:
        return 0.2;
    case ShotSize::CloseUp:
        return 0.35;
    case ShotSize::MediumCloseUp:
        return 0.6;
    case ShotSize::Medium:
        return 0.9;
    case ShotSize::MediumWide:
        return 1.3;
    case ShotSize::Wide:
        return 2.5;
    case ShotSize::ExtremeWide:
        return 8.0;
    case ShotSize::Insert:
        return 0.35;
    }
    return 0.9;
}

double previzBlurPx(const PrevizCamera &camera, double distanceM, double focusM, int frameWidth) {
    const double f = camera.focalMm;
    const double s = std::max(focusM * 1000.0, f * 1.5);
    const double d = std::max(distanceM * 1000.0, f * 1.5);
    const double cocMm = f * f / (std::max(0.7, camera.aperture) * (s - f)) * std::abs(d - s) / d;
    return std::min(cocMm / camera.sensorWidthMm * frameWidth, frameWidth * 0.025);
}

double PrevizCamera::depthOf(DepthPlane plane) const {
    switch (plane) {
    case DepthPlane::Foreground:
        return std::max(0.35, subjectDistanceM * 0.55);
    case DepthPlane::Background:
        return subjectDistanceM + std::max(2.5, subjectDistanceM * 0.6);
    case DepthPlane::Midground:
        break;
    }
    return subjectDistanceM;
}

PrevizLightStyle previzLightStyle(const QString &lightingAndMood, bool night) {
    return lightStyleFor(lightingAndMood, night);
}

QList<FigurePlacement> PrevizScene::placements() const {
    QList<FigurePlacement> out;
    const QTransform roll = rollTransform();
    for (const PrevizFigure &f : figures)
        out.append({f.characterId, roll.map(f.anchor(size.height())).x() / std::max(1, size.width())});
    return out;
}

QTransform PrevizScene::rollTransform() const {
    QTransform roll;
    const double degrees = camera.rollDeg;
    if (degrees == 0.0)
        return roll;
    const double W = size.width();
    const double H = size.height();
    const double t = std::abs(degrees) * M_PI / 180.0;
    const double cover =
        std::max((W * std::cos(t) + H * std::sin(t)) / W, (W * std::sin(t) + H * std::cos(t)) / H);
    roll.translate(W / 2, H / 2);
    roll.rotate(degrees);
    roll.scale(cover, cover);
    roll.translate(-W / 2, -H / 2);
    return roll;
}

PrevizScene PrevizScene::fromRequest(const ImageRequest &request, QSize size) {
    PrevizScene out;
    out.size = size;
    const Project &project = request.project;
    out.seed = quint64(request.package.params.seed != 0 ? request.package.params.seed : request.plan.seed);

    bool studio = false;
    Id locationId = request.plan.locationId;
    const Shot shot = request.shot.id != 0 || request.plan.referenceTargetId == 0
                          ? request.shot
                          : lookBookShot(request, &studio, &locationId);
    const Scene *scene = project.scene(shot.sceneId);
    if (scene && scene->locationId != 0)
        locationId = scene->locationId;
    const Location *location = project.location(locationId);

    const InteriorExterior intExt = scene      ? scene->intExt
                                    : location ? location->intExt
                                               : InteriorExterior::Exterior;
    out.set =
        studio || intExt == InteriorExterior::Interior ? PrevizSetKind::Interior : PrevizSetKind::Exterior;
    out.terrain = terrainFor(location, studio);
    out.timeOfDay = shot.timeOfDay;
    if ((out.timeOfDay == TimeOfDay::Unknown || out.timeOfDay == TimeOfDay::Continuous) && scene)
        out.timeOfDay = scene->timeOfDay;
    if (out.timeOfDay == TimeOfDay::Unknown || out.timeOfDay == TimeOfDay::Continuous || studio)
        out.timeOfDay = TimeOfDay::Day;
    out.weather = shot.weather != Weather::Clear ? shot.weather : scene ? scene->weather : Weather::Clear;
    if (out.set == PrevizSetKind::Interior && out.weather != Weather::Clear &&
        out.weather != Weather::Overcast)
        out.weather =
            out.weather == Weather::Haze || out.weather == Weather::Fog ? Weather::Haze : Weather::Clear;

    // The camera.
    const double W = size.width();
    const double H = size.height();
    PrevizCamera &cam = out.camera;
    cam.focalMm = std::clamp(shot.lens.focalLengthMm, 6.0, 1200.0);
    cam.aperture = std::clamp(shot.lens.aperture, 0.7, 64.0);
    // The frame is extracted across the sensor's full width at the project's aspect ratio.
    cam.sensorWidthMm = cinema::sensorFormat(shot.lens.sensor).widthMm;
    cam.sensorHeightMm = cam.sensorWidthMm * H / W;
    cam.hfovDeg =
        cinema::optics::fieldOfView(cam.focalMm, cam.sensorWidthMm, cam.sensorHeightMm).horizontalDeg;
    cam.focalPx = cam.focalMm / cam.sensorWidthMm * W;
    const double span = previzFramedSpanM(shot.size);
    cam.subjectDistanceM = cam.focalMm * span / cam.sensorHeightMm; // s = f·h / sensor height
    cam.cameraHeightM = cameraHeightFor(shot.angle);
    cam.overhead = shot.angle == CameraAngle::Overhead;
    cam.rollDeg =
        shot.angle == CameraAngle::Dutch || shot.composition == CompositionRule::DutchTilt ? 11.0 : 0.0;
    const double personFraction = kReferenceHeightM / span;
    const double feetY = (headTopFraction(shot.size, personFraction) + personFraction) * H;
    // The horizon lies at camera height: the ground under the subject sits fpx·h/s below it.
    cam.horizonY = feetY - H * cam.cameraHeightM / span;

    // The look.
    out.look = lookFor(project, scene, request.plan, shot, out.terrain, out.timeOfDay, out.weather,
                       scene ? scene->id : locationId);
    const QColor paletteSkin = swatch(paletteFor(project, scene, request.plan), SwatchRole::Skin);

    // The figures, back to front.
    out.insert = shot.size == ShotSize::Insert;
    out.subject = shot.subject;
    QList<Blocking> blocking = shot.blocking;
    std::stable_sort(blocking.begin(), blocking.end(),
                     [](const Blocking &a, const Blocking &b) { return int(a.plane) > int(b.plane); });
    for (const Blocking &b : blocking) {
        PrevizFigure f = figureFor(project, scene, request.plan, b, paletteSkin);
        f.x = std::clamp(b.screenX, 0.0, 1.0) * W;
        const double d = cam.depthOf(b.plane);
        if (cam.overhead) {
            // Plan view: depth planes become rows, near the bottom of frame.
            f.pxPerMetre = std::min(H / (span * 1.2), H * 0.6 / 0.5);
            f.feetY = b.plane == DepthPlane::Foreground   ? 0.78 * H
                      : b.plane == DepthPlane::Background ? 0.32 * H
                                                          : 0.55 * H;
        } else {
            f.pxPerMetre = cam.focalPx / d;
            f.feetY = cam.horizonY + cam.focalPx * cam.cameraHeightM / d;
        }
        f.handOnly = out.insert;
        out.figures.append(f);
    }

    // A Dutch roll turns the whole scene; shift each figure so its chest still lands on its
    // blocked screen position.
    if (cam.rollDeg != 0.0) {
        const QTransform roll = out.rollTransform();
        for (PrevizFigure &f : out.figures) {
            const QPointF mapped = roll.map(f.anchor(H));
            f.x += (f.x - mapped.x()) / std::max(0.1, roll.m11());
        }
    }

    // Depth of field: focus on the midground subject, or the first blocked character.
    out.focusPlane = DepthPlane::Midground;
    if (!shot.blocking.isEmpty()) {
        const bool anyMid = std::any_of(shot.blocking.cbegin(), shot.blocking.cend(),
                                        [](const Blocking &b) { return b.plane == DepthPlane::Midground; });
        if (!anyMid)
            out.focusPlane = shot.blocking.first().plane;
    }
    const double focus = cam.depthOf(out.focusPlane);
    for (DepthPlane p : {DepthPlane::Foreground, DepthPlane::Midground, DepthPlane::Background})
        out.blurPx[int(p)] = previzBlurPx(cam, cam.depthOf(p), focus, size.width());
    const double backdropDistance = out.set == PrevizSetKind::Interior
                                        ? cam.depthOf(DepthPlane::Background) + 1.5
                                        : cam.subjectDistanceM + 40.0;
    out.backdropBlurPx = cam.overhead ? 0.0 : previzBlurPx(cam, backdropDistance, focus, size.width());

    // Caption.
    out.shotNumber = shot.number;
    out.sizeLabel = enumName(shot.size);
    out.lensLabel = QStringLiteral("%1MM T%2").arg(cam.focalMm, 0, 'g', 4).arg(cam.aperture, 0, 'g', 3);
    out.angleLabel = enumName(shot.angle).toUpper();
    out.heading = scene ? scene->heading : location ? location->name : QString();
    return out;
}

} // namespace shotcraft::previz
