#include "cinema/PromptEngine.h"

#include "cinema/ColourTheory.h"
#include "cinema/Composition.h"
#include "cinema/Continuity.h"
#include "cinema/DialectRenderer.h"
#include "cinema/KnowledgeBase.h"
#include "cinema/LensChoice.h"
#include "cinema/Lighting.h"
#include "cinema/NegativePrompt.h"
#include "cinema/PromptContent.h"

#include <QRegularExpression>

#include <cmath>

namespace shotcraft::cinema {

namespace {

// How many characters' identity and blocking rank with the shot itself in a tag budget.
constexpr int kLeadCharacters = 2;

QString sizeName(ShotSize size) {
    switch (size) {
    case ShotSize::ExtremeWide:
        return QStringLiteral("extreme wide shot");
    case ShotSize::Wide:
        return QStringLiteral("wide shot");
    case ShotSize::MediumWide:
        return QStringLiteral("medium wide shot");
    case ShotSize::Medium:
        return QStringLiteral("medium shot");
    case ShotSize::MediumCloseUp:
        return QStringLiteral("medium close-up");
    case ShotSize::CloseUp:
        return QStringLiteral("close-up");
    case ShotSize::ExtremeCloseUp:
        return QStringLiteral("extreme close-up");
    case ShotSize::Insert:
        return QStringLiteral("insert shot");
    }
    return QString();
}

struct Described {
    QString words;
    QString meaning;
};

Described angleWords(CameraAngle angle) {
    switch (angle) {
    case CameraAngle::EyeLevel:
        return {QStringLiteral("eye-level camera"), QStringLiteral("neutral, the audience as equal")};
    case CameraAngle::Low:
        return {QStringLiteral("low angle looking up"), QStringLiteral("power or threat")};
    case CameraAngle::High:
        return {QStringLiteral("high angle looking down"), QStringLiteral("vulnerability")};
    case CameraAngle::Overhead:
        return {QStringLiteral("overhead bird's-eye view"), QStringLiteral("fate, pattern")};
    case CameraAngle::Dutch:
        return {QStringLiteral("Dutch angle, horizon tilted"), QStringLiteral("unease")};
    case CameraAngle::OverTheShoulder:
        return {QStringLiteral("over-the-shoulder angle"),
                QStringLiteral("dialogue, one side of the conversation")};
    case CameraAngle::PointOfView:
        return {QStringLiteral("point-of-view angle"), QStringLiteral("subjectivity: we see what they see")};
    }
    return {};
}

Described movementWords(CameraMovement movement) {
    switch (movement) {
    case CameraMovement::Static:
        return {QStringLiteral("locked-off static camera"), QStringLiteral("stillness, observation")};
    case CameraMovement::Pan:
        return {QStringLiteral("panning camera"), QStringLiteral("following or revealing across the space")};
    case CameraMovement::Tilt:
        return {QStringLiteral("tilting camera"), QStringLiteral("revealing height")};
    case CameraMovement::DollyIn:
        return {QStringLiteral("slow dolly-in"), QStringLiteral("intensifies the moment")};
    case CameraMovement::DollyOut:
        return {QStringLiteral("slow dolly-out"), QStringLiteral("releases or isolates")};
    case CameraMovement::Truck:
        return {QStringLiteral("lateral tracking shot"), QStringLiteral("travels with the action")};
    case CameraMovement::Crane:
        return {QStringLiteral("rising crane move"), QStringLiteral("reveals scale")};
    case CameraMovement::Handheld:
        return {QStringLiteral("handheld camera with slight motion blur"),
                QStringLiteral("urgency, intimacy")};
    case CameraMovement::Steadicam:
        return {QStringLiteral("gliding Steadicam"), QStringLiteral("a flowing presence")};
    case CameraMovement::Zoom:
        return {QStringLiteral("slow zoom"), QStringLiteral("artifice, a 1970s look")};
    }
    return {};
}

QString capitalised(QString text) {
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

QString sentence(const QString &text) {
    QString s = capitalised(text.trimmed());
    if (!s.isEmpty() && !s.endsWith(QLatin1Char('.')) && !s.endsWith(QLatin1Char('!')) &&
        !s.endsWith(QLatin1Char('?')))
        s += QLatin1Char('.');
    return s;
}

QString withoutFinalStop(QString text) {
    text = text.trimmed();
    while (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text;
}

// The first words of a description, for tag dialects where every token counts.
QString shortened(const QString &text, int maxWords) {
    const QStringList words = withoutFinalStop(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return words.mid(0, maxWords).join(QLatin1Char(' '));
}

QString swatchNames(const Palette &palette, int count) {
    QStringList names;
    for (const Swatch &s : palette.swatches)
        if (names.size() < count && s.role != SwatchRole::Skin)
            names.append(s.name);
    return names.join(QStringLiteral(", "));
}

// Everything the builders share for one request.
struct Context {
    const KnowledgeBase &kb;
    const Project &project;
    const ConsistencyPlan &plan;
    const PromptOptions &options;
    const GenreProfile &genre;
    PromptContent content;
    QList<RationaleEntry> rationale;

    void note(const QString &aspect, const QString &choice, const QString &reason) {
        rationale.append({aspect, choice, reason});
    }
    void add(PromptElement element) { content.elements.append(std::move(element)); }

    void addIdentity() {
        QStringList tokens;
        for (const CharacterIdentity &c : plan.characters)
            if (!c.tokens.isEmpty())
                tokens.append(c.tokens);
        if (tokens.isEmpty())
            return;
        // In a crowd the leads keep their place in a tag budget; the others yield to lens and light.
        add({QStringLiteral("identity"),
             QStringLiteral("In frame: %1.").arg(tokens.join(QStringLiteral("; "))),
             tokens.mid(0, kLeadCharacters), 1.0, 1, true});
        if (tokens.size() > kLeadCharacters)
            add({QStringLiteral("identity"), QString(), tokens.mid(kLeadCharacters), 1.0, 6, true});
        for (const CharacterIdentity &c : plan.characters)
            note(QStringLiteral("identity"), c.name,
                 QStringLiteral(
                     "the Visual DNA's canonical description, verbatim in every prompt that shows %1")
                     .arg(c.name));
    }

    void addLocation(const QString &fallbackName) {
        const QString tokens = plan.locationTokens.isEmpty() ? fallbackName : plan.locationTokens;
        if (tokens.isEmpty())
            return;
        add({QStringLiteral("location"),
             QStringLiteral("Setting: %1.").arg(withoutFinalStop(tokens)),
             {tokens},
             1.0,
             3,
             !plan.locationTokens.isEmpty()});
        note(QStringLiteral("location"), tokens,
             plan.locationTokens.isEmpty()
                 ? QStringLiteral("no location DNA yet: the scene's place by name")
                 : QStringLiteral("the location's canonical tokens from the Visual DNA"));
    }

    void addStyle() {
        if (!plan.styleTokens.isEmpty()) {
            add({QStringLiteral("style"),
                 QStringLiteral("Look: %1.").arg(plan.styleTokens.join(QStringLiteral(", "))),
                 plan.styleTokens, 1.0, 5, true});
            note(QStringLiteral("style"), plan.styleTokens.join(QStringLiteral(", ")),
                 QStringLiteral("the film's style tokens from the Visual DNA, the same in every shot"));
        } else {
            const QStringList look = {genre.filmStock, genre.grain, genre.grade};
            add({QStringLiteral("style"), QStringLiteral("Look: %1.").arg(look.join(QStringLiteral(", "))),
                 look, 1.0, 7, false});
            note(QStringLiteral("style"), look.join(QStringLiteral(", ")),
                 QStringLiteral("no style DNA yet: the %1 film stock, grain and grade (as in %2)")
                     .arg(genre.name, genre.referenceFilms.join(QStringLiteral(", "))));
        }
    }

    void addLens(const LensDecision &lens) {
        QString text = QStringLiteral("Shot on a %1, subject about %2 m away: %3")
                           .arg(lens.lensPhrase)
                           .arg(lens.subjectDistanceM, 0, 'f', 1)
                           .arg(lens.focusPhrase);
        if (!lens.perspectivePhrase.isEmpty())
            text += QStringLiteral("; ") + lens.perspectivePhrase;
        QStringList tags = {QStringLiteral("%1mm lens").arg(lens.lens.focalLengthMm),
                            QStringLiteral("f/%1").arg(lens.lens.aperture, 0, 'g', 2),
                            lens.focusPhrase.section(QLatin1Char(' '), 0, 2).remove(QLatin1Char(':'))};
        if (lens.dof.farIsInfinite || lens.dof.totalM() > 20.0)
            tags[2] = QStringLiteral("deep focus");
        else if (lens.dof.totalM() < 2.0)
            tags[2] = QStringLiteral("shallow depth of field, bokeh background");
        else
            tags[2] = QStringLiteral("moderate depth of field");
        if (lens.s35EquivalentMm > 85.0)
            tags.append(QStringLiteral("telephoto compression"));
        else if (lens.s35EquivalentMm < 24.0)
            tags.append(QStringLiteral("wide-angle perspective"));
        add({QStringLiteral("lens"), sentence(text), tags, 1.1, 3, false});
        note(QStringLiteral("lens"),
             QStringLiteral("%1 mm %2 on %3")
                 .arg(lens.lens.focalLengthMm)
                 .arg(stopName(lens.lens.aperture), sensorName(lens.lens.sensor)),
             lens.focalReason);
        note(QStringLiteral("aperture"), stopName(lens.lens.aperture), lens.apertureReason);
        note(QStringLiteral("depth of field"),
             lens.dof.farIsInfinite
                 ? QStringLiteral("%1 m to infinity").arg(lens.dof.nearM, 0, 'f', 2)
                 : QStringLiteral("%1-%2 m").arg(lens.dof.nearM, 0, 'f', 2).arg(lens.dof.farM, 0, 'f', 2),
             QStringLiteral("hyperfocal %1 m, subject at %2 m (the size's framing span on this lens): %3")
                 .arg(lens.dof.hyperfocalM, 0, 'f', 1)
                 .arg(lens.subjectDistanceM, 0, 'f', 2)
                 .arg(lens.focusPhrase));
        note(QStringLiteral("perspective"),
             lens.perspectivePhrase.isEmpty() ? QStringLiteral("natural") : lens.perspectivePhrase,
             lens.perspectiveReason);
    }

    void addPalette(const Palette &palette, const QString &reason) {
        const QString text =
            QStringLiteral("Colour palette \"%1\": %2; %3, %4 saturation.")
                .arg(palette.name, describePalette(palette, true), temperaturePhrase(palette.temperatureK),
                     saturationPhrase(palette.saturation));
        add({QStringLiteral("palette"),
             text,
             {QStringLiteral("colour palette of %1").arg(swatchNames(palette, 4)),
              QStringLiteral("%1 grade").arg(saturationPhrase(palette.saturation))},
             1.1,
             5,
             false});
        note(QStringLiteral("palette"), describePalette(palette, true), reason);
    }

    void addNegative(const NegativeDecision &negative) {
        content.negative = negative.terms;
        rationale.append(negative.rationale);
    }

    PromptPackage finish(Id shotId, Id referenceTargetId) {
        PromptPackage p;
        p.shotId = shotId;
        p.referenceTargetId = referenceTargetId;
        p.dialect = options.dialect;
        const RenderedPrompt rendered = renderPrompt(content, options.dialect, options.maxClipChunks);
        p.positive = rendered.positive;
        p.negative = rendered.negative;
        if (options.dialect == PromptDialect::Natural) {
            note(QStringLiteral("dialect"), QStringLiteral("natural-language paragraphs"),
                 QStringLiteral(
                     "gpt-image and Flux read prose and take no negative prompt: exclusions are stated in "
                     "words"));
        } else {
            QStringList counts;
            for (int t : rendered.chunkTokens)
                counts.append(QString::number(t));
            note(QStringLiteral("dialect"),
                 QStringLiteral("%1 weighted tags in %2 of %3 CLIP chunks (%4 tokens)")
                     .arg(enumName(options.dialect))
                     .arg(rendered.chunkTokens.size())
                     .arg(rendered.maxChunks)
                     .arg(counts.join(QStringLiteral(" + "))),
                 QStringLiteral(
                     "CLIP reads 77-token chunks (75 usable); chunks joined with BREAK, most important "
                     "elements first"));
            for (const QString &d : rendered.dropped)
                note(QStringLiteral("budget"), QStringLiteral("dropped ") + d,
                     QStringLiteral("over the %1-chunk token budget; lower priority than what was kept")
                         .arg(rendered.maxChunks));
        }

        GenerationParams params = defaultParams(options.dialect);
        const QSize size = fitFrameSize(project.info.aspectRatio, options.allowedSizes, options.dialect);
        params.width = size.width();
        params.height = size.height();
        params.seed = plan.seed;
        p.params = params;
        note(QStringLiteral("frame size"), QStringLiteral("%1x%2").arg(size.width()).arg(size.height()),
             QStringLiteral("the project's %1:1 frame fitted to %2 (%3:1)")
                 .arg(project.info.aspectRatio, 0, 'f', 2)
                 .arg(options.allowedSizes.isEmpty() ? QStringLiteral("the dialect's usual sizes")
                                                     : QStringLiteral("the provider's allowed sizes"))
                 .arg(double(size.width()) / size.height(), 0, 'f', 2));
        note(QStringLiteral("sampling"),
             QStringLiteral("%1 steps, CFG %2, %3").arg(params.steps).arg(params.cfg).arg(params.sampler),
             QStringLiteral("the usual settings for %1 models").arg(enumName(options.dialect)));
        note(QStringLiteral("seed"), QString::number(plan.seed),
             QStringLiteral("from the consistency plan (the project's %1 seed policy)")
                 .arg(enumName(project.info.seedPolicy)));
        int kept = 0;
        for (const PromptReference &r : plan.references)
            kept += r.kept ? 1 : 0;
        note(QStringLiteral("references"),
             QStringLiteral("%1 kept, %2 dropped").arg(kept).arg(plan.references.size() - kept),
             QStringLiteral("copied unchanged from the consistency plan"));

        p.references = plan.references;
        for (const CharacterIdentity &c : plan.characters)
            if (!c.tokens.isEmpty())
                p.identityTokens.append(c.tokens);
        p.dnaHash = plan.dnaHash;
        p.rationale = rationale;
        return p;
    }
};

const GenrePalette &genrePaletteFor(const GenreProfile &genre, TimeOfDay time,
                                    const EmotionProfile &emotion) {
    static const GenrePalette none;
    if (genre.palettes.isEmpty())
        return none;
    return genre.palettes.at(genre.paletteIndexFor(time, emotion.name));
}

// The shot's own mood wins; a shot without one plays in the scene's.
bool hasOwnMood(const KnowledgeBase &kb, const Shot &shot, const Scene *scene) {
    return !shot.mood.trimmed().isEmpty() &&
           kb.emotionFor(shot.mood).name != kb.emotionFor(scene ? scene->mood : QString()).name;
}

const EmotionProfile &shotEmotion(const KnowledgeBase &kb, const Shot &shot, const Scene *scene) {
    return kb.emotionFor(hasOwnMood(kb, shot, scene) ? shot.mood : (scene ? scene->mood : QString()));
}

} // namespace

void chooseLensAndComposition(const Project &project, Shot &shot) {
    const KnowledgeBase &kb = KnowledgeBase::instance();
    const GenreProfile &genre = kb.genre(project.info.genre);
    const EmotionProfile &emotion = shotEmotion(kb, shot, project.scene(shot.sceneId));
    shot.lens = chooseLens(genre, kb.shotSize(shot.size), shot, emotion).lens;
    shot.composition = chooseComposition(kb, genre, shot, emotion).rule;
}

void chooseLensAndComposition(Project &project, const QSet<Id> &only) {
    for (Shot &shot : project.shots)
        if (only.isEmpty() || only.contains(shot.id))
            chooseLensAndComposition(project, shot);
}

PromptPackage buildPrompt(const Project &project, const Shot &shot, const ConsistencyPlan &plan,
                          const PromptOptions &options) {
    const KnowledgeBase &kb = KnowledgeBase::instance();
    const GenreProfile &genre = kb.genre(project.info.genre);
    Context ctx{kb, project, plan, options, genre, {}, {}};
    const Scene *scene = project.scene(shot.sceneId);
    const Location *location =
        project.location(plan.locationId ? plan.locationId : (scene ? scene->locationId : 0));
    ctx.note(
        QStringLiteral("genre"), genre.name,
        project.info.genre == genre.name
            ? QStringLiteral("the project's genre")
            : QStringLiteral("the project's genre \"%1\" read as %2").arg(project.info.genre, genre.name));

    const bool shotHasMood = hasOwnMood(kb, shot, scene);
    const EmotionProfile &emotion = shotEmotion(kb, shot, scene);
    const QString moodText = !shot.mood.isEmpty() ? shot.mood : (scene ? scene->mood : QString());

    // Shot: size, angle, movement.
    const ShotSizeProfile &size = kb.shotSize(shot.size);
    const Described angle = angleWords(shot.angle);
    const Described move = movementWords(shot.movement);
    QString subject = withoutFinalStop(shot.description);
    if (subject.isEmpty())
        subject =
            !shot.subject.isEmpty() ? shot.subject : (scene ? withoutFinalStop(scene->summary) : QString());
    if (!shot.subject.isEmpty() && !subject.contains(shot.subject, Qt::CaseInsensitive))
        subject += QStringLiteral(", on %1").arg(shot.subject);
    ctx.add({QStringLiteral("shot"),
             QStringLiteral("Cinematic film still, %1 (%2), %3, %4: %5.")
                 .arg(sizeName(shot.size), size.framing, angle.words, move.words, subject),
             {sizeName(shot.size), angle.words, move.words, shortened(subject, 12)},
             1.0,
             0,
             false});
    ctx.note(QStringLiteral("shot size"), sizeName(shot.size),
             QStringLiteral("%1: %2").arg(size.framing, size.use));
    ctx.note(QStringLiteral("angle"), angle.words, angle.meaning);
    QString moveReason = move.meaning;
    for (const MovementHabit &m : genre.movement)
        if (m.movement == shot.movement)
            moveReason = QStringLiteral("%1; a %2 habit: %3").arg(move.meaning, genre.name, m.why);
    ctx.note(QStringLiteral("movement"), move.words, moveReason);

    ctx.addIdentity();

    // Blocking and continuity.
    const QList<BlockingLine> blocking = describeBlocking(project, shot, plan);
    if (!blocking.isEmpty()) {
        QStringList phrases, tags;
        for (const BlockingLine &b : blocking) {
            phrases.append(b.phrase);
            tags.append(b.tag);
            ctx.note(QStringLiteral("blocking"), b.phrase,
                     QStringLiteral("%1's place in the scene's staging; lead room and eyeline follow it")
                         .arg(b.name));
        }
        ctx.add({QStringLiteral("blocking"),
                 QStringLiteral("Blocking: %1.").arg(phrases.join(QStringLiteral("; "))),
                 tags.mid(0, kLeadCharacters), 1.0, 2, false});
        if (tags.size() > kLeadCharacters)
            ctx.add({QStringLiteral("blocking"), QString(), tags.mid(kLeadCharacters), 1.0, 6, false});
    }
    const ContinuityReport continuity = checkContinuity(project, shot);
    if (continuity.issues.isEmpty()) {
        ctx.note(QStringLiteral("continuity"), QStringLiteral("ok"), continuity.summary);
    } else {
        for (const ContinuityIssue &issue : continuity.issues)
            ctx.note(QStringLiteral("continuity"), QStringLiteral("VIOLATION: ") + issue.rule,
                     issue.detail +
                         QStringLiteral(" (flagged, not changed: fix the blocking or add a neutral shot)"));
    }

    ctx.addLocation(location ? location->name : (scene ? scene->heading : QString()));

    const LensDecision lens = honourShotLens(genre, size, shot, emotion);
    ctx.addLens(lens);

    const CompositionDecision composition = honourShotComposition(kb, genre, shot, emotion);
    ctx.add({QStringLiteral("composition"),
             sentence(composition.phrase),
             {QStringLiteral("%1 composition").arg(kb.composition(composition.rule).name)},
             1.1,
             4,
             false});
    ctx.note(QStringLiteral("composition"), kb.composition(composition.rule).name, composition.reason);

    const StagingDecision staging = stageShot(project, shot, location, composition.rule);
    ctx.add({QStringLiteral("staging"),
             QStringLiteral("Foreground: %1; midground: %2; background: %3.")
                 .arg(staging.staging.foreground, staging.staging.midground, staging.staging.background),
             {QStringLiteral("foreground %1").arg(shortened(staging.staging.foreground, 8)),
              QStringLiteral("midground %1").arg(shortened(staging.staging.midground, 8)),
              QStringLiteral("background %1").arg(shortened(staging.staging.background, 8))},
             1.0,
             4,
             false});
    ctx.note(QStringLiteral("staging"),
             QStringLiteral("fg: %1 | mg: %2 | bg: %3")
                 .arg(staging.staging.foreground, staging.staging.midground, staging.staging.background),
             staging.reason);

    LightingDecision lighting = planLighting(genre, emotion, shot, location);
    const QString weather = weatherPhrase(shot.weather);
    if (!weather.isEmpty()) {
        lighting.phrase += QStringLiteral("; ") + weather;
        lighting.tag += QStringLiteral(", ") + weather.section(QLatin1Char(','), 0, 0);
    }
    ctx.add({QStringLiteral("lighting"),
             sentence(QStringLiteral("Lighting: ") + lighting.phrase),
             {lighting.tag},
             1.0,
             4,
             false});
    ctx.note(QStringLiteral("lighting"), lighting.styleName, lighting.reason);

    // Colour: the scene's palette variant from the DNA, pushed by the shot's emotion when the shot
    // feels differently from its scene (the scene variant already carries the scene's emotion).
    Palette palette;
    QString paletteReason;
    if (!plan.palette.swatches.isEmpty()) {
        palette = plan.palette;
        paletteReason = QStringLiteral("the %1 variant \"%2\" from the Visual DNA")
                            .arg(enumName(plan.palette.scope), plan.palette.name);
        if (shotHasMood) {
            palette = shiftPalette(palette, emotion);
            paletteReason +=
                QStringLiteral(", pushed for this shot's %1: %2 (%3 K, saturation x%4)")
                    .arg(emotion.name, emotion.why)
                    .arg(emotion.temperatureShiftK > 0 ? QStringLiteral("+%1").arg(emotion.temperatureShiftK)
                                                       : QString::number(emotion.temperatureShiftK))
                    .arg(emotion.saturationScale);
        } else {
            paletteReason += QStringLiteral(", already graded for the scene's %1").arg(emotion.name);
        }
    } else {
        const GenrePalette &source = genrePaletteFor(genre, shot.timeOfDay, emotion);
        palette = shiftPalette(paletteFromGenre(source), emotion);
        paletteReason = QStringLiteral("no palette DNA yet: the %1 palette \"%2\" (%3), shifted for %4: %5")
                            .arg(genre.name, source.name, source.use, emotion.name, emotion.why);
    }
    ctx.addPalette(palette, paletteReason);
    if (!moodText.isEmpty()) {
        ctx.add({QStringLiteral("mood"),
                 sentence(QStringLiteral("The mood is %1: %2").arg(withoutFinalStop(moodText), emotion.why)),
                 {QStringLiteral("%1 mood").arg(shortened(moodText, 4))},
                 1.0,
                 6,
                 false});
    }
    ctx.note(QStringLiteral("emotion"), emotion.name,
             shotHasMood ? QStringLiteral("the shot's mood \"%1\"").arg(shot.mood)
                         : QStringLiteral("the scene's mood \"%1\"").arg(scene ? scene->mood : QString()));

    ctx.addStyle();
    ctx.addNegative(negativeForShot(kb, project, genre, shot));
    return ctx.finish(shot.id, 0);
}

PromptPackage buildLookBookPrompt(const Project &project, const ReferenceImage &target,
                                  const ConsistencyPlan &plan, const PromptOptions &options) {
    const KnowledgeBase &kb = KnowledgeBase::instance();
    const GenreProfile &genre = kb.genre(project.info.genre);
    Context ctx{kb, project, plan, options, genre, {}, {}};
    const EmotionProfile &neutral = kb.emotionFor(QString());
    NegativeBuilder negative(kb, project, genre);

    const bool characterFrame = target.owner == ReferenceOwner::Character;
    const bool locationFrame = target.owner == ReferenceOwner::Location;
    Shot frame; // the virtual shot the frame is framed as, for the lens maths
    QString subject;
    QString staging;
    QString lightingText;
    if (characterFrame) {
        const QString name = characterName(project, plan, target.ownerId);
        frame.purpose = ShotPurpose::Single;
        switch (target.role) {
        case ReferenceRole::Face:
            frame.size = ShotSize::CloseUp;
            subject = QStringLiteral(
                          "head-and-shoulders portrait reference of %1, facing camera, neutral expression")
                          .arg(name);
            break;
        case ReferenceRole::FullBody:
            frame.size = ShotSize::Wide;
            subject =
                QStringLiteral("full-body reference of %1 standing, facing camera, arms relaxed").arg(name);
            break;
        default:
            frame.size = ShotSize::Wide;
            subject = QStringLiteral(
                          "character reference sheet of %1: front, three-quarter and profile views side by "
                          "side, full body, with a head-and-shoulders close-up")
                          .arg(name);
            break;
        }
        staging = QStringLiteral("Plain mid-grey studio backdrop, nothing in front of or behind the figure.");
        lightingText =
            QStringLiteral("Lighting: even soft studio light, key-to-fill 2:1, no dramatic shadows, so face, "
                           "hair and wardrobe read exactly.");
        negative.add({QStringLiteral("busy background"), QStringLiteral("dramatic shadows"),
                      QStringLiteral("cropped limbs"), QStringLiteral("different people")},
                     QStringLiteral("negative: look book"),
                     QStringLiteral("a reference sheet must show one person whole and evenly lit"));
        ctx.note(
            QStringLiteral("look book"), QStringLiteral("character reference"),
            QStringLiteral("gives every later shot of %1 a face, build and wardrobe to match").arg(name));
    } else if (locationFrame) {
        const Location *location = project.location(target.ownerId);
        frame.size = ShotSize::ExtremeWide;
        frame.purpose = ShotPurpose::Establishing;
        const QString name = location ? location->name : target.label;
        subject = QStringLiteral("location plate of %1: the empty set, no people, the whole space readable")
                      .arg(name);
        if (location)
            staging = sentence(
                QStringLiteral("Foreground: %1; midground: %2; background: %3")
                    .arg(location->setDressing.isEmpty() ? QStringLiteral("the floor or ground plane")
                                                         : location->setDressing,
                         location->description.isEmpty() ? name : location->description,
                         location->architecture.isEmpty() ? QStringLiteral("the far walls or horizon")
                                                          : location->architecture));
        lightingText = sentence(
            QStringLiteral("Lighting: %1").arg(planLighting(genre, neutral, frame, location).phrase));
        negative.addShotGroup(QStringLiteral("noCharacters"),
                              QStringLiteral("a plate shows the place alone"));
        ctx.note(QStringLiteral("look book"), QStringLiteral("location plate"),
                 QStringLiteral("fixes the architecture and light of %1 for every shot there").arg(name));
    } else {
        frame.size = ShotSize::Wide;
        frame.purpose = ShotPurpose::Establishing;
        const Act *act = target.owner == ReferenceOwner::Act ? project.act(target.ownerId) : nullptr;
        const QString what =
            act ? QStringLiteral("act %1%2")
                      .arg(act->number)
                      .arg(act->title.isEmpty() ? QString() : QStringLiteral(" \"%1\"").arg(act->title))
                : QStringLiteral("the film");
        subject = QStringLiteral("style frame establishing the look of %1").arg(what);
        if (act && !act->summary.isEmpty())
            subject += QStringLiteral(": %1").arg(withoutFinalStop(act->summary));
        const LightingStyle *style = genre.lighting.isEmpty() ? nullptr : &genre.lighting.first();
        if (style)
            lightingText = sentence(QStringLiteral("Lighting: %1 lighting, %2, key-to-fill %3")
                                        .arg(style->name, style->description, style->keyToFill));
        ctx.note(QStringLiteral("look book"), QStringLiteral("style frame"),
                 QStringLiteral("sets the palette, light and texture every shot of %1 follows").arg(what));
    }

    const ShotSizeProfile &size = kb.shotSize(frame.size);
    ctx.add({QStringLiteral("shot"),
             sentence(QStringLiteral("Cinematic film still, %1").arg(subject)),
             {shortened(subject, 18)},
             1.0,
             0,
             false});
    ctx.addIdentity();
    ctx.addLocation(QString());
    LensDecision lens = chooseLens(genre, size, frame, neutral);
    if (characterFrame) {
        // A reference must be sharp head to toe: stop down whatever the genre's habit.
        const QString focalReason = lens.focalReason;
        lens = describeLens(size,
                            {lens.lens.focalLengthMm, std::max(lens.lens.aperture, 8.0), lens.lens.sensor});
        lens.focalReason = focalReason;
        lens.apertureReason = QStringLiteral("a reference sheet must be sharp from nose to heel");
    }
    ctx.addLens(lens);
    if (!staging.isEmpty())
        ctx.add({QStringLiteral("staging"), staging, {staging}, 1.0, 5, false});
    if (!lightingText.isEmpty())
        ctx.add({QStringLiteral("lighting"),
                 lightingText,
                 {lightingText.section(QLatin1Char(','), 0, 0)},
                 1.0,
                 4,
                 false});

    Palette palette = plan.palette;
    if (characterFrame) {
        // A character's sheet is about their own colours; the scene palette would tint the wardrobe.
        for (const CharacterIdentity &c : plan.characters)
            for (const QString &hex : c.signatureColours)
                palette.swatches.append(
                    {QStringLiteral("%1's signature colour").arg(c.name), hex, SwatchRole::Accent});
    }
    if (palette.swatches.isEmpty())
        palette = paletteFromGenre(genrePaletteFor(genre, TimeOfDay::Day, neutral));
    if (palette.name.isEmpty())
        palette.name = genre.name;
    ctx.addPalette(palette, plan.palette.swatches.isEmpty()
                                ? QStringLiteral("the %1 palette").arg(genre.name)
                                : QStringLiteral("the Visual DNA's palette for this frame"));
    ctx.addStyle();
    ctx.addNegative(negative.result());
    return ctx.finish(0, target.id);
}

SoftenedPrompt softenPrompt(const PromptPackage &package, const QString &refusalReason) {
    struct Swap {
        const char *from;
        const char *to;
    };
    // Gentler words that keep the dramatic intent: the frame implies, it does not show.
    static constexpr Swap swaps[] = {
        {"bloody", "stained"},
        {"blood", "dark stains"},
        {"gore", "aftermath"},
        {"corpse", "motionless figure"},
        {"dead body", "still figure"},
        {"killing", "confrontation"},
        {"kills", "confronts"},
        {"kill", "confront"},
        {"murder", "crime"},
        {"gun", "prop revolver"},
        {"pistol", "prop handgun"},
        {"rifle", "prop rifle"},
        {"knife", "prop knife"},
        {"weapon", "prop"},
        {"shoots", "aims"},
        {"shooting", "aiming"},
        {"stabs", "lunges at"},
        {"wound", "bandaged injury"},
        {"violent", "dramatic"},
        {"violence", "conflict"},
        {"naked", "bare-shouldered"},
        {"nude", "covered"},
        {"drugs", "pills"},
        {"suicide", "despair"},
        {"torture", "interrogation"},
        {"decapitated", "fallen"},
        {"severed", "broken"},
    };
    SoftenedPrompt out{package, {}};
    PromptPackage &p = out.package;
    const auto replaceWord = [&](const QString &from, const QString &to) {
        const QRegularExpression re(QStringLiteral("\\b%1\\b").arg(QRegularExpression::escape(from)),
                                    QRegularExpression::CaseInsensitiveOption);
        if (!re.match(p.positive).hasMatch())
            return;
        // Identity tokens must stay verbatim: soften only outside them.
        QString positive = p.positive;
        for (int i = 0; i < p.identityTokens.size(); ++i) {
            const QString marker = QStringLiteral("\x01%1\x01").arg(i);
            positive.replace(p.identityTokens.at(i), marker);
        }
        const QString before = positive;
        positive.replace(re, to);
        const bool changed = before != positive;
        for (int i = 0; i < p.identityTokens.size(); ++i)
            positive.replace(QStringLiteral("\x01%1\x01").arg(i), p.identityTokens.at(i));
        if (changed) {
            p.positive = positive;
            out.changes.append(QStringLiteral("\"%1\" -> \"%2\"").arg(from, to));
        }
    };
    for (const Swap &s : swaps)
        replaceWord(QLatin1String(s.from), QLatin1String(s.to));

    // A term the service named in its refusal goes, whatever it is.
    static const QRegularExpression quoted(QStringLiteral("[\"'“‘]([^\"'”’]{2,40})[\"'”’]"));
    auto it = quoted.globalMatch(refusalReason);
    while (it.hasNext()) {
        const QString term = it.next().captured(1).trimmed();
        if (!term.isEmpty())
            replaceWord(term, QStringLiteral("(omitted)"));
    }

    const QStringList exclusions = {QStringLiteral("graphic violence"), QStringLiteral("gore"),
                                    QStringLiteral("nudity")};
    QStringList added;
    for (const QString &e : exclusions)
        if (!p.negative.contains(e, Qt::CaseInsensitive))
            added.append(e);
    if (!added.isEmpty()) {
        p.negative = p.negative.isEmpty()
                         ? added.join(QStringLiteral(", "))
                         : p.negative + QStringLiteral(", ") + added.join(QStringLiteral(", "));
        if (p.dialect == PromptDialect::Natural)
            p.positive += QStringLiteral("\n\nThe frame implies rather than shows: no %1.")
                              .arg(added.join(QStringLiteral(", no ")));
        out.changes.append(QStringLiteral("excluded %1").arg(added.join(QStringLiteral(", "))));
    }
    p.modifications.append(out.changes);
    p.rationale.append(
        {QStringLiteral("retry"), QStringLiteral("softened prompt"),
         QStringLiteral("the service refused the first prompt (%1)").arg(refusalReason.left(120))});
    return out;
}

} // namespace shotcraft::cinema
