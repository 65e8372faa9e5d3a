#include "cinema/Composition.h"

#include <QRegularExpression>

#include <algorithm>

namespace shotcraft::cinema {

namespace {

QString titleCase(const QString &text) {
    QString out = text.toLower();
    bool start = true;
    for (QChar &c : out) {
        if (start && c.isLetter())
            c = c.toUpper();
        start = !c.isLetter() && c != QLatin1Char('\'');
    }
    return out;
}

// The first item of a comma- or semicolon-separated description ("oak table, lamp" -> "oak table").
QString firstItem(const QString &text) {
    static const QRegularExpression sep(QStringLiteral("[,;.]"));
    return text.split(sep, Qt::SkipEmptyParts).value(0).trimmed();
}

QString timeLight(TimeOfDay time) {
    switch (time) {
    case TimeOfDay::Night:
        return QStringLiteral("night");
    case TimeOfDay::Dawn:
        return QStringLiteral("dawn sky");
    case TimeOfDay::Dusk:
        return QStringLiteral("dusk sky");
    case TimeOfDay::Morning:
        return QStringLiteral("morning light");
    case TimeOfDay::Evening:
        return QStringLiteral("evening light");
    case TimeOfDay::Day:
        return QStringLiteral("daylight");
    default:
        return QString();
    }
}

} // namespace

QString screenPosition(double x) {
    if (x < 0.2)
        return QStringLiteral("far left of frame");
    if (x < 0.42)
        return QStringLiteral("left third");
    if (x <= 0.58)
        return QStringLiteral("centre of frame");
    if (x <= 0.8)
        return QStringLiteral("right third");
    return QStringLiteral("far right of frame");
}

QString facingPhrase(Facing facing) {
    switch (facing) {
    case Facing::Camera:
        return QStringLiteral("facing camera");
    case Facing::Left:
        return QStringLiteral("in profile facing screen left");
    case Facing::Right:
        return QStringLiteral("in profile facing screen right");
    case Facing::ThreeQuarterLeft:
        return QStringLiteral("three-quarter turned to screen left");
    case Facing::ThreeQuarterRight:
        return QStringLiteral("three-quarter turned to screen right");
    case Facing::Away:
        return QStringLiteral("back to camera");
    }
    return QString();
}

QString characterName(const Project &project, const ConsistencyPlan &plan, Id characterId) {
    for (const CharacterIdentity &c : plan.characters)
        if (c.characterId == characterId && !c.name.isEmpty())
            return c.name;
    const Character *c = project.character(characterId);
    return c ? titleCase(c->name) : QStringLiteral("a figure");
}

namespace {
// The rule's reason, phrase and lead room, whichever way the rule was chosen.
void describeComposition(const KnowledgeBase &kb, const Shot &shot, CompositionDecision &d) {
    const CompositionProfile &profile = kb.composition(d.rule);
    d.reason = QStringLiteral("%1 (%2)").arg(d.reason, profile.whenChosen);
    d.phrase = QStringLiteral("composition by %1: %2").arg(profile.name, profile.description);

    // Lead room (or its deliberate absence) follows the main character's facing.
    if (!shot.blocking.isEmpty()) {
        const Blocking &lead = shot.blocking.first();
        const bool facesLeft = lead.facing == Facing::Left || lead.facing == Facing::ThreeQuarterLeft;
        const bool facesRight = lead.facing == Facing::Right || lead.facing == Facing::ThreeQuarterRight;
        if (facesLeft || facesRight) {
            const QString side = facesLeft ? QStringLiteral("left") : QStringLiteral("right");
            d.phrase +=
                d.rule == CompositionRule::ShortSiding
                    ? QStringLiteral("; here the empty space sits behind them, not to the %1").arg(side)
                    : QStringLiteral("; here the lead room opens to the %1").arg(side);
        }
    }
    if (!shot.compositionNote.isEmpty())
        d.phrase += QStringLiteral(" (%1)").arg(shot.compositionNote);
}
} // namespace

CompositionDecision chooseComposition(const KnowledgeBase &kb, const GenreProfile &genre, const Shot &shot,
                                      const EmotionProfile &emotion) {
    CompositionDecision d;
    int bestScore = -1;
    QStringList bestWhy;
    for (const CompositionProfile &c : kb.compositions()) {
        int score = 0;
        QStringList why;
        const qsizetype rank = genre.compositions.indexOf(c.rule);
        if (rank >= 0) {
            score += 3 - static_cast<int>(std::min<qsizetype>(rank, 2));
            why.append(QStringLiteral("a %1 habit").arg(genre.name));
        }
        if (c.moods.contains(emotion.name)) {
            score += 3;
            why.append(QStringLiteral("%1 calls for it").arg(emotion.name));
        }
        if (c.purposes.contains(shot.purpose)) {
            score += 2;
            why.append(QStringLiteral("suits a %1 shot").arg(enumName(shot.purpose)));
        }
        if (c.sizes.contains(shot.size)) {
            score += 1;
            why.append(QStringLiteral("works at %1").arg(enumName(shot.size)));
        }
        if (c.rule == shot.composition) {
            score += 2;
            why.append(QStringLiteral("the shot's framing"));
        }
        if (shot.angle == CameraAngle::Dutch && c.rule == CompositionRule::DutchTilt) {
            score += 20;
            why.prepend(QStringLiteral("the shot's angle is Dutch"));
        }
        if (score > bestScore) {
            bestScore = score;
            d.rule = c.rule;
            bestWhy = why;
        }
    }
    d.reason = bestWhy.join(QStringLiteral("; "));
    describeComposition(kb, shot, d);
    return d;
}

CompositionDecision honourShotComposition(const KnowledgeBase &kb, const GenreProfile &genre,
                                          const Shot &shot, const EmotionProfile &emotion) {
    const CompositionDecision genreChoice = chooseComposition(kb, genre, shot, emotion);
    if (genreChoice.rule == shot.composition)
        return genreChoice;
    CompositionDecision d;
    d.rule = shot.composition;
    d.reason = QStringLiteral("the shot's own framing (the genre's scoring would pick %1)")
                   .arg(kb.composition(genreChoice.rule).name);
    describeComposition(kb, shot, d);
    return d;
}

StagingDecision stageShot(const Project &project, const Shot &shot, const Location *location,
                          CompositionRule rule) {
    StagingDecision d;
    d.staging = shot.staging;
    QStringList filled;
    const auto named = [&](DepthPlane plane) {
        QStringList names;
        for (const Blocking &b : shot.blocking)
            if (b.plane == plane)
                if (const Character *c = project.character(b.characterId))
                    names.append(titleCase(c->name));
        return names.join(QStringLiteral(" and "));
    };

    if (d.staging.foreground.trimmed().isEmpty()) {
        const QString people = named(DepthPlane::Foreground);
        if (!people.isEmpty()) {
            d.staging.foreground = shot.purpose == ShotPurpose::OverTheShoulder
                                       ? QStringLiteral("the out-of-focus shoulder of %1").arg(people)
                                       : people;
        } else if (rule == CompositionRule::FrameWithinFrame) {
            d.staging.foreground = location && location->intExt == InteriorExterior::Exterior
                                       ? QStringLiteral("an arch of branches framing the view")
                                       : QStringLiteral("a doorframe framing the view");
        } else if (location && !location->setDressing.isEmpty()) {
            d.staging.foreground =
                QStringLiteral("%1, soft at the frame edge").arg(firstItem(location->setDressing));
        } else if (shot.purpose == ShotPurpose::Insert || shot.size == ShotSize::Insert) {
            d.staging.foreground = QStringLiteral("a clean surface leading to the object");
        } else {
            d.staging.foreground = QStringLiteral("a soft out-of-focus edge of the set");
        }
        filled.append(QStringLiteral("foreground"));
    }
    if (d.staging.midground.trimmed().isEmpty()) {
        const QString people = named(DepthPlane::Midground);
        if (!people.isEmpty())
            d.staging.midground = people;
        else if (!shot.subject.isEmpty())
            d.staging.midground = shot.subject;
        else if (location && !location->description.isEmpty())
            d.staging.midground = firstItem(location->description);
        else if (!shot.blocking.isEmpty())
            d.staging.midground = QStringLiteral("the action of the scene");
        else
            d.staging.midground = location ? titleCase(location->name) : QStringLiteral("the set");
        filled.append(QStringLiteral("midground"));
    }
    if (d.staging.background.trimmed().isEmpty()) {
        QStringList bits;
        const QString people = named(DepthPlane::Background);
        if (!people.isEmpty())
            bits.append(people);
        if (location) {
            const QString place = !location->architecture.isEmpty()  ? firstItem(location->architecture)
                                  : !location->description.isEmpty() ? firstItem(location->description)
                                                                     : titleCase(location->name);
            if (place != d.staging.midground) // the midground may already show the place itself
                bits.append(place);
            if (!location->lightSources.isEmpty())
                bits.append(firstItem(location->lightSources));
        }
        const QString time = timeLight(shot.timeOfDay);
        if (!time.isEmpty() && (!location || location->intExt != InteriorExterior::Interior))
            bits.append(time);
        d.staging.background =
            bits.isEmpty() ? QStringLiteral("the depth of the set") : bits.join(QStringLiteral(", "));
        filled.append(QStringLiteral("background"));
    }
    d.reason = filled.isEmpty()
                   ? QStringLiteral("all three planes as staged in the breakdown")
                   : QStringLiteral("%1 filled from the blocking, the location and the composition; "
                                    "the rest as staged in the breakdown")
                         .arg(filled.join(QStringLiteral(", ")));
    return d;
}

QList<BlockingLine> describeBlocking(const Project &project, const Shot &shot, const ConsistencyPlan &plan) {
    QList<BlockingLine> lines;
    for (const Blocking &b : shot.blocking) {
        BlockingLine line;
        line.characterId = b.characterId;
        line.name = characterName(project, plan, b.characterId);
        QStringList parts = {QStringLiteral("%1 at the %2").arg(line.name, screenPosition(b.screenX)),
                             enumName(b.plane), facingPhrase(b.facing)};
        if (!b.eyeline.isEmpty())
            parts.append(QStringLiteral("eyeline to %1").arg(b.eyeline));
        else if (b.facing == Facing::Camera)
            parts.append(QStringLiteral("looking into the lens"));
        else
            parts.append(QStringLiteral("looking off-frame"));
        if (!b.action.isEmpty())
            parts.append(b.action);
        line.phrase = parts.join(QStringLiteral(", "));
        line.tag =
            QStringLiteral("%1 %2 %3").arg(line.name, screenPosition(b.screenX), facingPhrase(b.facing));
        lines.append(line);
    }
    return lines;
}

} // namespace shotcraft::cinema
