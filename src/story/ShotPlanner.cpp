#include "story/ShotPlanner.h"

#include "story/Emphasis.h"
#include "story/Lexicon.h"
#include "story/PlaceName.h"

#include <QHash>

#include <algorithm>

namespace shotcraft::story {

namespace {

struct FocalRange {
    double from;
    double to;
};

// cinematography.md: usual focal lengths per shot size on Super 35.
FocalRange focalRange(ShotSize size) {
    switch (size) {
    case ShotSize::ExtremeWide:
        return {14, 24};
    case ShotSize::Wide:
        return {18, 35};
    case ShotSize::MediumWide:
        return {25, 40};
    case ShotSize::Medium:
        return {32, 50};
    case ShotSize::MediumCloseUp:
        return {50, 75};
    case ShotSize::CloseUp:
        return {75, 100};
    case ShotSize::ExtremeCloseUp:
    case ShotSize::Insert:
        return {100, 135};
    }
    return {32, 50};
}

bool tenseMood(const QString &mood) {
    return mood == QLatin1String("tension") || mood == QLatin1String("dread") ||
           mood == QLatin1String("danger") || mood == QLatin1String("isolation") ||
           mood == QLatin1String("anger");
}

QString firstSentence(const QString &text, int maxChars = 160) {
    QString plain = stripEmphasis(text).simplified();
    qsizetype end = -1;
    for (qsizetype i = 0; i + 1 < plain.size(); ++i) {
        if ((plain[i] == u'.' || plain[i] == u'!' || plain[i] == u'?') && plain[i + 1] == u' ' && i > 12) {
            end = i + 1;
            break;
        }
    }
    if (end > 0)
        plain = plain.left(end);
    if (plain.size() > maxChars)
        plain = plain.left(maxChars - 1).trimmed() + QChar(0x2026);
    return plain;
}

double durationFor(const QString &dialogue, const QString &action, double minimum) {
    // About 2.5 spoken words a second (screen dialogue), about 3 words of action a second of screen.
    const double spoken = double(wordsOf(dialogue).size()) / 2.5;
    const double acted = double(wordsOf(action).size()) / 3.0;
    return std::clamp(std::max(spoken, acted), minimum, 20.0);
}

class Planner {
public:
    Planner(const SceneContext &c, Project &p)
        : m_c(c)
        , m_p(p) {}

    QList<Shot> run() {
        const Scene &sc = m_c.scene;
        const bool exterior = sc.intExt != InteriorExterior::Interior;
        pickPair();

        // The place, before anyone in it.
        if (m_c.newSetup || m_c.present.isEmpty()) {
            Shot s = base(ShotPurpose::Establishing, exterior ? ShotSize::ExtremeWide : ShotSize::Wide, -2);
            s.angle = exterior ? CameraAngle::High : CameraAngle::EyeLevel;
            s.movement = sc.mood == QLatin1String("wonder") ? CameraMovement::Crane
                         : exterior                         ? CameraMovement::Pan
                                                            : CameraMovement::Static;
            s.composition = sc.mood == QLatin1String("isolation") || sc.mood == QLatin1String("dread")
                                ? CompositionRule::NegativeSpace
                            : exterior ? CompositionRule::LeadingLines
                                       : CompositionRule::DepthLayering;
            s.subject = m_c.locationName;
            s.description = QStringLiteral("Establishing %1: %2, %3.")
                                .arg(exterior ? QStringLiteral("exterior") : QStringLiteral("interior"),
                                     where(), timeText());
            if (!m_c.actions.isEmpty())
                s.description += u' ' + firstSentence(m_c.actions.first().text);
            s.compositionNote = compositionNote(s);
            s.staging = {
                exterior ? QStringLiteral("foreground detail of %1").arg(thePlace())
                         : QStringLiteral("door frame and furniture edge, out of focus"),
                m_c.present.isEmpty() ? QStringLiteral("%1 itself").arg(thePlace())
                                      : QStringLiteral("small figures of %1").arg(names(m_c.present)),
                exterior ? QStringLiteral("%1 receding to the horizon, %2 sky").arg(thePlace(), skyText())
                         : QStringLiteral("back wall of %1%2").arg(thePlace(), sourcesText())};
            s.blocking = placeEveryone(DepthPlane::Background, QStringLiteral("small in frame"));
            s.durationSec = 4.0;
            s.dialogueExcerpt = openingBeat(true);
            m_shots.append(s);
        }

        // The master: everyone in the scene and the geography between them.
        if (!m_c.present.isEmpty()) {
            const bool pair = m_a && m_b;
            Shot s = base(pair && m_c.present.size() == 2 ? ShotPurpose::TwoShot : ShotPurpose::Master,
                          m_c.present.size() > 2 ? ShotSize::Wide : ShotSize::MediumWide, -1);
            s.movement = m_c.modifiers.contains(QLatin1String("MOVING")) ? CameraMovement::Truck
                         : m_c.actions.size() > 3                        ? CameraMovement::Steadicam
                                                                         : CameraMovement::Static;
            s.composition = CompositionRule::DepthLayering;
            s.subject = names(m_c.present);
            s.description =
                QStringLiteral("Master: %1 %2. %3")
                    .arg(names(m_c.present), where(),
                         m_c.actions.isEmpty() ? sc.summary : firstSentence(m_c.actions.first().text));
            s.blocking = placeEveryone(DepthPlane::Midground, QString());
            s.staging = {
                QStringLiteral("%1 edge of %2")
                    .arg(exterior ? QStringLiteral("natural") : QStringLiteral("furniture"), thePlace()),
                names(m_c.present), QStringLiteral("%1%2").arg(thePlace(), sourcesText())};
            s.compositionNote = compositionNote(s);
            s.dialogueExcerpt = openingBeat(false);
            s.durationSec =
                durationFor(QString(), m_c.actions.isEmpty() ? QString() : m_c.actions.first().text, 3.0);
            m_shots.append(s);
        }

        planDialogue();
        planVoices();
        planActions();
        planInserts();
        planReactions();

        std::stable_sort(m_shots.begin(), m_shots.end(),
                         [](const Shot &x, const Shot &y) { return x.order < y.order; });
        hearNarration();
        for (int i = 0; i < m_shots.size(); ++i) {
            m_shots[i].order = i + 1;
            m_shots[i].number = sc.number + shotLetters(i);
            m_shots[i].id = m_p.allocateId();
        }
        return m_shots;
    }

private:
    // The two who talk most (A speaks first): the line of action runs between them.
    void pickPair() {
        QHash<Id, int> counts;
        QList<Id> order;
        for (const PlannedLine &l : m_c.lines) {
            if (l.offScreen || !m_c.present.contains(l.characterId))
                continue; // a voice heard is not blocked, so it is not one end of the line
            if (!counts.contains(l.characterId))
                order.append(l.characterId);
            ++counts[l.characterId];
        }
        std::stable_sort(order.begin(), order.end(), [&](Id x, Id y) { return counts[x] > counts[y]; });
        if (order.size() >= 2) {
            Id first = order[0], second = order[1];
            // A is whichever of the two speaks first in the scene.
            for (const PlannedLine &l : m_c.lines) {
                if (l.offScreen)
                    continue;
                if (l.characterId == second) {
                    std::swap(first, second);
                    break;
                }
                if (l.characterId == first)
                    break;
            }
            m_a = first;
            m_b = second;
        } else if (order.size() == 1) {
            m_a = order[0];
        }
    }

    void planDialogue() {
        if (m_c.lines.isEmpty())
            return;
        const QString loc = thePlace();
        if (m_a && m_b) {
            const PlannedLine *lineA = keyLineOf(m_a, 0);
            const PlannedLine *lineB = keyLineOf(m_b, 0);
            // OTS onto B over A's shoulder, and its reverse; both keep A left, B right.
            Shot ontoB = base(ShotPurpose::OverTheShoulder, ShotSize::MediumCloseUp, lineB->position);
            ontoB.angle = CameraAngle::OverTheShoulder;
            ontoB.subject = nameOf(m_b);
            ontoB.blocking = {
                block(m_a, 0.18, Facing::Right, DepthPlane::Foreground, nameOf(m_b),
                      QStringLiteral("back of head and shoulder, soft")),
                block(m_b, 0.64, Facing::ThreeQuarterLeft, DepthPlane::Midground, nameOf(m_a),
                      lineB->parenthetical.isEmpty() ? QStringLiteral("speaking") : lineB->parenthetical)};
            ontoB.staging = {QStringLiteral("%1's shoulder, out of focus").arg(nameOf(m_a)), nameOf(m_b),
                             QStringLiteral("%1, soft%2").arg(loc, sourcesText())};
            finishDialogue(ontoB, *lineB,
                           QStringLiteral("Over %1's shoulder onto %2").arg(nameOf(m_a), nameOf(m_b)));

            Shot ontoA = base(ShotPurpose::OverTheShoulder, ShotSize::MediumCloseUp, lineA->position);
            ontoA.angle = CameraAngle::OverTheShoulder;
            ontoA.subject = nameOf(m_a);
            ontoA.blocking = {
                block(m_a, 0.36, Facing::ThreeQuarterRight, DepthPlane::Midground, nameOf(m_b),
                      lineA->parenthetical.isEmpty() ? QStringLiteral("speaking") : lineA->parenthetical),
                block(m_b, 0.82, Facing::Left, DepthPlane::Foreground, nameOf(m_a),
                      QStringLiteral("back of head and shoulder, soft"))};
            ontoA.staging = {QStringLiteral("%1's shoulder, out of focus").arg(nameOf(m_b)), nameOf(m_a),
                             QStringLiteral("%1, soft%2").arg(loc, sourcesText())};
            finishDialogue(ontoA, *lineA,
                           QStringLiteral("Over %1's shoulder onto %2").arg(nameOf(m_b), nameOf(m_a)));

            // Singles for the later, stronger lines: tighter, and still on their side of the line.
            const PlannedLine *laterA = keyLineOf(m_a, 1);
            const PlannedLine *laterB = keyLineOf(m_b, 1);
            if (laterA && laterA != lineA)
                addSingle(m_a, *laterA, 0.38, Facing::ThreeQuarterRight, nameOf(m_b));
            if (laterB && laterB != lineB)
                addSingle(m_b, *laterB, 0.62, Facing::ThreeQuarterLeft, nameOf(m_a));
        } else if (m_a) {
            const PlannedLine *line = keyLineOf(m_a, 0);
            addSingle(m_a, *line, 0.4, Facing::ThreeQuarterRight, QStringLiteral("off screen"));
        }
        // Anyone else who speaks gets a single, looking toward the pair.
        QList<Id> done = {m_a, m_b};
        for (const PlannedLine &l : m_c.lines) {
            if (l.offScreen || !m_c.present.contains(l.characterId) || done.contains(l.characterId))
                continue;
            done.append(l.characterId);
            const PlannedLine *line = keyLineOf(l.characterId, 0);
            addSingle(l.characterId, *line, 0.5, Facing::ThreeQuarterLeft, nameOf(m_a));
        }
    }

    // A voice heard, not seen: no body and no coverage of its own. When it comes through a device
    // (a radio, a phone), the shot that hears it is an insert on the device; a narrator or a voice
    // from another room is heard over the coverage of the scene.
    void planVoices() {
        for (const PlannedLine &l : m_c.lines) {
            if (!l.offScreen || l.device.isEmpty() || m_inserted.contains(l.device) ||
                m_c.present.contains(l.characterId))
                continue;
            m_inserted.append(l.device);
            Shot s = base(ShotPurpose::Insert, ShotSize::Insert, l.position);
            s.angle = CameraAngle::High;
            s.composition = CompositionRule::CentredSymmetry;
            s.subject = l.device;
            s.description = QStringLiteral("Insert: the %1 as %2's voice comes through it: \"%3\"")
                                .arg(l.device, l.name, firstSentence(l.text, 120));
            s.staging = {QStringLiteral("surface the %1 rests on").arg(l.device),
                         QStringLiteral("the %1, sharp").arg(l.device),
                         QStringLiteral("soft blur of %1").arg(thePlace())};
            s.compositionNote = compositionNote(s);
            s.dialogueExcerpt = lineExcerpt(l);
            s.durationSec = durationFor(l.text, QString(), 2.0);
            s.notes = QStringLiteral("Voice off screen: %1 is heard through the %2, not seen.")
                          .arg(l.name, l.device);
            m_shots.append(s);
        }
    }

    // A narrator or a voice from another room plays over the shot that covers its moment: the
    // latest shot of the place or the action at or before the line carries it, and says it is heard.
    void hearNarration() {
        for (const PlannedLine &l : m_c.lines) {
            if (!l.offScreen || (!l.device.isEmpty() && m_inserted.contains(l.device) && hasVoiceInsert(l)))
                continue;
            Shot *over = nullptr;
            for (Shot &s : m_shots) {
                const bool scenery = s.purpose != ShotPurpose::OverTheShoulder &&
                                     s.purpose != ShotPurpose::Single && s.purpose != ShotPurpose::Reaction;
                if (!scenery || s.dialogueExcerpt.contains(QLatin1String("(off screen):")))
                    continue;
                if (!over || s.order <= l.position)
                    over = &s;
                if (s.order > l.position)
                    break;
            }
            if (!over)
                continue;
            over->dialogueExcerpt = lineExcerpt(l);
            over->description += QStringLiteral(" %1 is heard off screen.").arg(l.name);
        }
    }
    bool hasVoiceInsert(const PlannedLine &l) const {
        return std::any_of(m_shots.cbegin(), m_shots.cend(), [&](const Shot &s) {
            return s.purpose == ShotPurpose::Insert && s.dialogueExcerpt == lineExcerpt(l);
        });
    }

    void addSingle(Id who, const PlannedLine &line, double x, Facing facing, const QString &eyeline) {
        const bool intense = emotionalWeight(line.text + u' ' + line.parenthetical) >= 2;
        Shot s =
            base(ShotPurpose::Single, intense ? ShotSize::CloseUp : ShotSize::MediumCloseUp, line.position);
        s.subject = nameOf(who);
        s.angle =
            (m_c.scene.mood == QLatin1String("danger") || m_c.scene.mood == QLatin1String("anger")) && intense
                ? CameraAngle::Low
                : CameraAngle::EyeLevel;
        s.blocking = {block(who, x, facing, DepthPlane::Midground, eyeline,
                            line.parenthetical.isEmpty() ? QStringLiteral("speaking") : line.parenthetical)};
        s.staging = {QStringLiteral("clean foreground, a sliver of %1").arg(eyeline), nameOf(who),
                     QStringLiteral("%1, defocused%2").arg(thePlace(), sourcesText())};
        if (tenseMood(m_c.scene.mood))
            s.composition = CompositionRule::ShortSiding;
        finishDialogue(s, line, QStringLiteral("Single on %1").arg(nameOf(who)));
    }

    void finishDialogue(Shot &s, const PlannedLine &line, const QString &what) {
        s.dialogueExcerpt = lineExcerpt(line);
        s.description = QStringLiteral("%1 as %2 says \"%3\"")
                            .arg(what, nameOf(line.characterId), firstSentence(line.text, 120));
        if (!line.parenthetical.isEmpty())
            s.description += QStringLiteral(" %1").arg(line.parenthetical);
        s.compositionNote = compositionNote(s);
        s.durationSec = durationFor(line.text, QString(), 2.0);
        s.notes = QStringLiteral("180° line between %1 (screen left) and %2 (screen right).")
                      .arg(nameOf(m_a), m_b ? nameOf(m_b) : QStringLiteral("off-screen"));
        m_shots.append(s);
    }

    void planActions() {
        int added = 0;
        for (int i = 1; i < m_c.actions.size() && added < 2; ++i) {
            const PlannedAction &a = m_c.actions[i];
            if (wordsOf(a.text).size() < 12)
                continue;
            ++added;
            const bool violent =
                m_c.scene.mood == QLatin1String("danger") || m_c.scene.mood == QLatin1String("anger");
            Shot s = base(ShotPurpose::Action, ShotSize::Medium, a.position);
            s.angle = violent ? CameraAngle::Low : CameraAngle::EyeLevel;
            s.movement = violent ? CameraMovement::Handheld : CameraMovement::Truck;
            s.composition = CompositionRule::LeadingLines;
            QList<Id> who = namedIn(a.text);
            if (who.isEmpty())
                who = m_c.present; // nobody named: the action involves whoever is in the scene
            s.subject = who.isEmpty() ? m_c.locationName : names(who);
            for (int k = 0; k < who.size(); ++k) {
                const Id id = who[k];
                const double x = id == m_a ? 0.3 : id == m_b ? 0.7 : spread(k, who.size());
                s.blocking.append(block(id, x,
                                        id == m_b ? Facing::ThreeQuarterLeft : Facing::ThreeQuarterRight,
                                        DepthPlane::Midground, QString(), firstSentence(a.text, 80)));
            }
            s.description = QStringLiteral("Action: %1").arg(firstSentence(a.text));
            s.staging = {QStringLiteral("movement crossing the foreground"),
                         who.isEmpty() ? firstSentence(a.text, 60) : names(who),
                         QStringLiteral("%1%2").arg(thePlace(), sourcesText())};
            s.compositionNote = compositionNote(s);
            s.dialogueExcerpt = firstSentence(a.text);
            s.durationSec = durationFor(QString(), a.text, 2.5);
            m_shots.append(s);
        }
    }

    void planInserts() {
        int added = 0;
        for (const PlannedAction &a : m_c.actions) {
            for (const QString &prop : propsNamed(a.text, 2)) {
                if (added >= 2 || m_inserted.contains(prop))
                    continue;
                m_inserted.append(prop);
                ++added;
                Shot s = base(ShotPurpose::Insert, ShotSize::Insert, a.position);
                s.angle = CameraAngle::High;
                s.composition = CompositionRule::CentredSymmetry;
                s.subject = prop;
                s.description = QStringLiteral("Insert: the %1. %2").arg(prop, sentenceWith(a.text, prop));
                const QList<Id> who = namedIn(sentenceWith(a.text, prop));
                if (!who.isEmpty())
                    s.blocking.append(block(who.first(), 0.5, Facing::Away, DepthPlane::Foreground, prop,
                                            QStringLiteral("hands in frame")));
                s.staging = {who.isEmpty() ? QStringLiteral("surface the %1 rests on").arg(prop)
                                           : QStringLiteral("%1's hands").arg(nameOf(who.first())),
                             QStringLiteral("the %1, sharp").arg(prop),
                             QStringLiteral("soft blur of %1").arg(thePlace())};
                s.compositionNote = compositionNote(s);
                s.dialogueExcerpt = sentenceWith(a.text, prop);
                s.durationSec = 2.0;
                m_shots.append(s);
            }
        }
    }

    // Close-ups on the listener when a line or action lands hard.
    void planReactions() {
        struct Beat {
            int weight;
            int position;
            Id who;
            QString cause;
            QString excerpt; // the line or action beat reacted to
        };
        QList<Beat> beats;
        for (const PlannedLine &l : m_c.lines) {
            const int w = emotionalWeight(l.text + u' ' + l.parenthetical);
            const Id listener = l.characterId == m_a ? m_b : l.characterId == m_b ? m_a : m_a;
            if (w >= 2 && listener && listener != l.characterId)
                beats.append(
                    {w, l.position, listener, QStringLiteral("%1's line").arg(l.name), lineExcerpt(l)});
        }
        for (const PlannedAction &a : m_c.actions) {
            const int w = emotionalWeight(a.text);
            const QList<Id> who = namedIn(a.text);
            if (w >= 2 && !who.isEmpty())
                beats.append({w, a.position, who.first(), firstSentence(a.text, 80), firstSentence(a.text)});
        }
        std::stable_sort(beats.begin(), beats.end(),
                         [](const Beat &x, const Beat &y) { return x.weight > y.weight; });
        QList<Id> used;
        for (const Beat &b : beats) {
            if (used.size() >= 2 || used.contains(b.who))
                continue;
            used.append(b.who);
            const bool sad =
                m_c.scene.mood == QLatin1String("grief") || m_c.scene.mood == QLatin1String("isolation");
            Shot s = base(ShotPurpose::Reaction, ShotSize::CloseUp, b.position);
            s.angle = sad ? CameraAngle::High : CameraAngle::EyeLevel;
            s.movement = CameraMovement::DollyIn;
            s.composition = sad ? CompositionRule::NegativeSpace : CompositionRule::RuleOfThirds;
            s.subject = nameOf(b.who);
            const double x = b.who == m_b ? 0.62 : 0.38;
            const Facing f = b.who == m_b ? Facing::ThreeQuarterLeft : Facing::ThreeQuarterRight;
            s.blocking = {block(b.who, x, f, DepthPlane::Midground,
                                b.who == m_a   ? nameOf(m_b)
                                : b.who == m_b ? nameOf(m_a)
                                               : QStringLiteral("off screen"),
                                QStringLiteral("reacting"))};
            s.description = QStringLiteral("Reaction: %1 takes in %2").arg(nameOf(b.who), b.cause);
            s.staging = {QStringLiteral("nothing between camera and face"), nameOf(b.who),
                         QStringLiteral("%1, deep out of focus").arg(thePlace())};
            s.compositionNote = compositionNote(s);
            s.dialogueExcerpt = b.excerpt;
            s.durationSec = 2.0;
            m_shots.append(s);
        }
    }

    Shot base(ShotPurpose purpose, ShotSize size, int position) {
        const Scene &sc = m_c.scene;
        Shot s;
        s.sceneId = sc.id;
        s.purpose = purpose;
        s.size = size;
        s.order = position;
        s.lens = lensFor(size, sc.mood, sc.timeOfDay, sc.intExt != InteriorExterior::Interior);
        s.lighting = lightingFor(sc.timeOfDay, sc.intExt, m_c.genre, sc.mood, sc.weather, m_c.lightSources);
        s.paletteHint = sc.paletteHint;
        s.mood = sc.mood;
        s.weather = sc.weather;
        s.timeOfDay = sc.timeOfDay;
        s.notes = QStringLiteral("%1 coverage for scene %2.").arg(purposeName(purpose), sc.number);
        if (m_c.modifiers.contains(QLatin1String("MOVING")) ||
            m_c.modifiers.contains(QLatin1String("DRIVING")))
            s.notes += QStringLiteral(" On the move: the world slides past the windows.");
        if (!m_c.intExtReason.isEmpty())
            s.notes +=
                QStringLiteral(" %1%2.").arg(m_c.intExtReason.left(1).toUpper(), m_c.intExtReason.mid(1));
        return s;
    }

    static QString purposeName(ShotPurpose p) { return QString::fromStdString(Json(p).get<std::string>()); }

    QString compositionNote(const Shot &s) const {
        const QString subject = s.subject.isEmpty() ? QStringLiteral("the subject") : s.subject;
        switch (s.composition) {
        case CompositionRule::RuleOfThirds:
            return QStringLiteral(
                       "%1 on a vertical third, eyes on the upper third line, lead room in the direction "
                       "of the look")
                .arg(subject);
        case CompositionRule::CentredSymmetry:
            return QStringLiteral("%1 dead centre, symmetrical frame, nothing else competing").arg(subject);
        case CompositionRule::LeadingLines:
            return QStringLiteral("lines of %1 lead the eye to %2").arg(thePlace(), subject);
        case CompositionRule::FrameWithinFrame:
            return QStringLiteral("%1 framed by a door or window").arg(subject);
        case CompositionRule::NegativeSpace:
            return QStringLiteral("%1 small against wide empty space, isolating them").arg(subject);
        case CompositionRule::DutchTilt:
            return QStringLiteral("horizon tilted about 15 degrees for unease around %1").arg(subject);
        case CompositionRule::DepthLayering:
            return QStringLiteral("foreground element, %1 in the midground, %2 behind for context")
                .arg(subject, thePlace());
        case CompositionRule::ShortSiding:
            return QStringLiteral(
                       "%1 short-sided: looking toward the near edge, empty space behind, for unease")
                .arg(subject);
        case CompositionRule::GoldenRatio:
            return QStringLiteral("%1 on the golden section").arg(subject);
        }
        return {};
    }

    // Everyone in the scene across the frame: A left looking right, B right looking left, the others
    // spread between and looking toward the middle, so wide shots keep the dialogue's line.
    QList<Blocking> placeEveryone(DepthPlane plane, const QString &action) const {
        QList<Blocking> out;
        for (int i = 0; i < m_c.present.size(); ++i) {
            const Id id = m_c.present[i];
            const bool isA = id == m_a, isB = id == m_b;
            const double x = isA ? 0.3 : isB ? 0.7 : spread(i, m_c.present.size());
            const Facing f = isA   ? Facing::ThreeQuarterRight
                             : isB ? Facing::ThreeQuarterLeft
                                   : facingToward(x);
            out.append(block(id, x, f, plane,
                             isA   ? nameOf(m_b)
                             : isB ? nameOf(m_a)
                                   : QStringLiteral("the scene"),
                             action));
        }
        return out;
    }

    Blocking block(Id id, double x, Facing f, DepthPlane plane, const QString &eyeline,
                   const QString &action) const {
        Blocking b;
        b.characterId = id;
        b.screenX = x;
        b.facing = f;
        b.plane = plane;
        b.eyeline = eyeline.isEmpty() ? QStringLiteral("off screen") : eyeline;
        b.action = action.isEmpty() ? QStringLiteral("present") : action;
        return b;
    }

    static double spread(int i, qsizetype n) { return n <= 1 ? 0.5 : 0.2 + 0.6 * double(i) / double(n - 1); }
    static Facing facingToward(double x) {
        return x < 0.5 ? Facing::ThreeQuarterRight : Facing::ThreeQuarterLeft;
    }

    QString nameOf(Id id) const {
        const Character *c = m_p.character(id);
        return c ? c->name : QStringLiteral("someone");
    }

    QString names(const QList<Id> &ids) const {
        QStringList n;
        for (const Id id : ids)
            n.append(nameOf(id));
        if (n.size() > 3)
            return QStringLiteral("%1 and %2 others")
                .arg(n.mid(0, 2).join(QStringLiteral(", ")))
                .arg(n.size() - 2);
        return n.join(QStringLiteral(", "));
    }

    QList<Id> namedIn(const QString &text) const {
        const QStringList words = wordsOf(text);
        QList<Id> out;
        for (const Id id : m_c.present) {
            const Character *c = m_p.character(id);
            if (!c)
                continue;
            const QStringList nameWords = wordsOf(c->name);
            if (!nameWords.isEmpty() && words.contains(nameWords.last()))
                out.append(id);
        }
        return out;
    }

    // The line of a character a shot is built around: the n-th strongest, in scene order.
    const PlannedLine *keyLineOf(Id who, int n) const {
        QList<const PlannedLine *> mine;
        for (const PlannedLine &l : m_c.lines)
            if (l.characterId == who && !l.offScreen)
                mine.append(&l);
        if (mine.isEmpty())
            return nullptr;
        if (n == 0)
            return mine.first();
        const PlannedLine *best = nullptr;
        int bestWeight = -1;
        for (qsizetype i = 1; i < mine.size(); ++i) {
            const int w = emotionalWeight(mine[i]->text) * 10 +
                          int(std::min<qsizetype>(wordsOf(mine[i]->text).size(), 20));
            if (w > bestWeight) {
                bestWeight = w;
                best = mine[i];
            }
        }
        return best;
    }

    static QString lineExcerpt(const PlannedLine &l) {
        return QStringLiteral("%1%2: %3")
            .arg(l.name, l.offScreen ? QStringLiteral(" (off screen)") : QString(),
                 stripEmphasis(l.text).simplified());
    }

    // What opens the scene: for the establishing shot the first action beat (the place before the
    // talk), for the master whichever of the first line and first action comes first.
    QString openingBeat(bool actionFirst) const {
        const PlannedAction *action = m_c.actions.isEmpty() ? nullptr : &m_c.actions.first();
        const PlannedLine *line = m_c.lines.isEmpty() ? nullptr : &m_c.lines.first();
        if (action && (actionFirst || !line || action->position < line->position))
            return firstSentence(action->text);
        if (line)
            return lineExcerpt(*line);
        return QStringLiteral("(no dialogue)");
    }

    static QString sentenceWith(const QString &text, const QString &word) {
        const QString plain = stripEmphasis(text).simplified();
        const QStringList sentences = plain.split(QLatin1String(". "));
        for (const QString &s : sentences)
            if (wordsOf(s).contains(word))
                return s.endsWith(u'.') ? s : s + u'.';
        return firstSentence(plain);
    }

    QStringList properNames() const {
        QStringList out;
        for (const Character &c : m_p.characters)
            out += c.name.split(u' ', Qt::SkipEmptyParts);
        return out;
    }
    // The place in prose, as written and with the preposition that fits it.
    QString thePlace() const { return placeNoun(m_c.locationName, properNames()); }
    QString where() const { return placePhrase(m_c.locationName, properNames()); }

    QString timeText() const { return QString::fromStdString(Json(m_c.scene.timeOfDay).get<std::string>()); }
    QString skyText() const {
        switch (m_c.scene.timeOfDay) {
        case TimeOfDay::Night:
            return QStringLiteral("night");
        case TimeOfDay::Dawn:
            return QStringLiteral("pale dawn");
        case TimeOfDay::Dusk:
        case TimeOfDay::Evening:
            return QStringLiteral("dusk");
        default:
            return m_c.scene.weather == Weather::Clear ? QStringLiteral("open") : QStringLiteral("heavy");
        }
    }
    QString sourcesText() const {
        return m_c.lightSources.isEmpty()
                   ? QString()
                   : QStringLiteral(" with %1").arg(m_c.lightSources.mid(0, 2).join(QStringLiteral(" and ")));
    }

    const SceneContext &m_c;
    Project &m_p;
    Id m_a = 0;
    Id m_b = 0;
    QList<Shot> m_shots;
    QStringList m_inserted;
};

} // namespace

QString shotLetters(int index) {
    QString s;
    int n = index;
    do {
        s.prepend(QChar(u'A' + n % 26));
        n = n / 26 - 1;
    } while (n >= 0);
    return s;
}

Lens lensFor(ShotSize size, const QString &mood, TimeOfDay time, bool exterior) {
    const FocalRange r = focalRange(size);
    double t = 0.5;
    if (tenseMood(mood))
        t = 0.9; // compression and isolation
    else if (mood == QLatin1String("wonder") || mood == QLatin1String("joy"))
        t = 0.1; // space and openness
    Lens lens;
    lens.focalLengthMm = std::round(r.from + (r.to - r.from) * t);
    const bool lowLight = time == TimeOfDay::Night || time == TimeOfDay::Dusk || time == TimeOfDay::Evening;
    if (size == ShotSize::CloseUp || size == ShotSize::MediumCloseUp || size == ShotSize::ExtremeCloseUp)
        lens.aperture = 2.0;
    else if (size == ShotSize::Insert)
        lens.aperture = 4.0;
    else if (exterior && !lowLight)
        lens.aperture = 5.6;
    else
        lens.aperture = lowLight ? 2.0 : 2.8;
    lens.sensor = Sensor::Super35;
    return lens;
}

QString lightingFor(TimeOfDay time, InteriorExterior intExt, const QString &genre, const QString &mood,
                    Weather weather, const QStringList &sources) {
    const bool interior = intExt == InteriorExterior::Interior;
    QString key;
    switch (time) {
    case TimeOfDay::Night:
        key = interior ? QStringLiteral("motivated practicals as key, pools of light and deep shadow")
                       : QStringLiteral("cool moonlight ambience, hard rim light, practical street sources");
        break;
    case TimeOfDay::Dawn:
        key = QStringLiteral("blue-hour soft light warming at the horizon");
        break;
    case TimeOfDay::Dusk:
    case TimeOfDay::Evening:
        key = QStringLiteral("golden-hour low sun, long warm shadows");
        break;
    case TimeOfDay::Morning:
        key = interior ? QStringLiteral("low morning sun through windows, soft bounce fill")
                       : QStringLiteral("low clean morning sun, crisp shadows");
        break;
    default:
        key = interior ? QStringLiteral("window daylight as key, soft bounce fill")
                       : QStringLiteral("natural daylight, sun as key");
        break;
    }
    if (weather == Weather::Overcast || weather == Weather::Rain || weather == Weather::Fog)
        key += QStringLiteral(", diffused by the %1")
                   .arg(QString::fromStdString(Json(weather).get<std::string>()));
    QString ratio;
    if (genre == QLatin1String("noir") || genre == QLatin1String("thriller") ||
        genre == QLatin1String("horror") || mood == QLatin1String("dread"))
        ratio = QStringLiteral("low-key, 8:1 key-to-fill");
    else if (genre == QLatin1String("comedy") || genre == QLatin1String("romance") ||
             mood == QLatin1String("joy"))
        ratio = QStringLiteral("high-key, 2:1 key-to-fill");
    else
        ratio = QStringLiteral("naturalistic, 4:1 key-to-fill");
    QString out = key + QStringLiteral("; ") + ratio;
    if (!sources.isEmpty())
        out += QStringLiteral("; practicals: %1").arg(sources.mid(0, 3).join(QStringLiteral(", ")));
    return out;
}

QString paletteHintFor(const QString &mood, TimeOfDay time, const QString &genre) {
    static const QHash<QString, QString> byMood = {
        {QStringLiteral("tension"), QStringLiteral("cool green-grey with crushed blacks")},
        {QStringLiteral("danger"), QStringLiteral("high-contrast teal shadows and orange skin, red accents")},
        {QStringLiteral("grief"), QStringLiteral("desaturated cool blues and greys")},
        {QStringLiteral("joy"), QStringLiteral("warm saturated yellows and oranges")},
        {QStringLiteral("love"), QStringLiteral("warm golds and soft pinks")},
        {QStringLiteral("dread"), QStringLiteral("sickly greens and yellows in deep shadow")},
        {QStringLiteral("anger"), QStringLiteral("hot reds against dark neutrals")},
        {QStringLiteral("wonder"), QStringLiteral("rich jewel tones with a soft glow")},
        {QStringLiteral("nostalgia"), QStringLiteral("faded warm ambers, lifted blacks")},
        {QStringLiteral("isolation"), QStringLiteral("cold desaturated blues")},
        {QStringLiteral("hope"), QStringLiteral("soft dawn pastels warming to gold")},
    };
    static const QHash<QString, QString> byGenre = {
        {QStringLiteral("action"), QStringLiteral("teal and orange, high contrast")},
        {QStringLiteral("thriller"), QStringLiteral("desaturated cool green-grey")},
        {QStringLiteral("horror"), QStringLiteral("desaturated greens and sickly yellows")},
        {QStringLiteral("noir"), QStringLiteral("monochrome with one red accent")},
        {QStringLiteral("romance"), QStringLiteral("warm golds and soft pinks")},
        {QStringLiteral("science fiction"), QStringLiteral("cool cyan and steel with neon accents")},
        {QStringLiteral("western"), QStringLiteral("ochre, amber and dusty sky blue")},
        {QStringLiteral("comedy"), QStringLiteral("bright saturated pastels")},
        {QStringLiteral("fantasy"), QStringLiteral("saturated jewel tones")},
    };
    QString hint =
        byMood.value(mood, byGenre.value(genre, QStringLiteral("naturalistic, restrained saturation")));
    if (time == TimeOfDay::Night)
        hint += QStringLiteral(", under blue night");
    else if (time == TimeOfDay::Dusk || time == TimeOfDay::Evening)
        hint += QStringLiteral(", in amber evening light");
    else if (time == TimeOfDay::Dawn)
        hint += QStringLiteral(", in pale dawn light");
    return hint;
}

QList<Shot> planShots(const SceneContext &context, Project &project) {
    return Planner(context, project).run();
}

} // namespace shotcraft::story
