#include "cinema/Continuity.h"

#include <QRegularExpression>

#include <cmath>

namespace shotcraft::cinema {

namespace {

// -1 screen left, +1 screen right, 0 on the lens axis (camera or away).
int side(Facing facing) {
    switch (facing) {
    case Facing::Left:
    case Facing::ThreeQuarterLeft:
        return -1;
    case Facing::Right:
    case Facing::ThreeQuarterRight:
        return 1;
    default:
        return 0;
    }
}

const Blocking *blockingOf(const Shot &shot, Id characterId) {
    for (const Blocking &b : shot.blocking)
        if (b.characterId == characterId)
            return &b;
    return nullptr;
}

QString nameOf(const Project &project, Id id) {
    const Character *c = project.character(id);
    return c ? c->name : QStringLiteral("#%1").arg(id);
}

// Whether an eyeline text names a character (by name, alias or first name).
bool looksAt(const Project &project, const Blocking &b, Id targetId) {
    const Character *c = project.character(targetId);
    if (!c || b.eyeline.isEmpty())
        return false;
    QStringList names = c->aliases;
    names.append(c->name);
    names.append(c->name.section(QLatin1Char(' '), 0, 0));
    for (const QString &n : names) {
        if (n.size() < 2)
            continue;
        const QRegularExpression re(QStringLiteral("\\b%1\\b").arg(QRegularExpression::escape(n)),
                                    QRegularExpression::CaseInsensitiveOption);
        if (re.match(b.eyeline).hasMatch())
            return true;
    }
    return false;
}

bool moving(const Blocking &b) {
    static const QRegularExpression verbs(
        QStringLiteral(
            "\\b(walk|walks|walking|run|runs|running|rides|riding|drives|driving|crosses|crossing|"
            "moves|moving|hurries|strides|chases|chasing|flees|fleeing|exits|enters|swims|flies)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return verbs.match(b.action).hasMatch();
}

// A camera move that carries the audience across the line resets screen direction legitimately.
bool resetsAxis(const Shot &shot) {
    return shot.movement == CameraMovement::Steadicam || shot.movement == CameraMovement::Crane ||
           shot.angle == CameraAngle::Overhead;
}

} // namespace

const Shot *previousShotInScene(const Project &project, const Shot &shot) {
    const Shot *previous = nullptr;
    for (const Shot *s : project.shotsOfScene(shot.sceneId)) {
        if (s->id == shot.id)
            return previous;
        previous = s;
    }
    return nullptr;
}

QList<ContinuityIssue> checkPair(const Project &project, const Shot &previous, const Shot &next) {
    QList<ContinuityIssue> issues;
    if (resetsAxis(next))
        return issues;
    const QList<Id> ids = next.characterIds();

    // 180° rule: every pair of characters seen in both shots keeps its left-right order.
    for (qsizetype i = 0; i < ids.size(); ++i) {
        for (qsizetype j = i + 1; j < ids.size(); ++j) {
            const Blocking *a0 = blockingOf(previous, ids.at(i));
            const Blocking *b0 = blockingOf(previous, ids.at(j));
            const Blocking *a1 = blockingOf(next, ids.at(i));
            const Blocking *b1 = blockingOf(next, ids.at(j));
            if (!a0 || !b0 || !a1 || !b1)
                continue;
            const double before = a0->screenX - b0->screenX;
            const double after = a1->screenX - b1->screenX;
            if (std::abs(before) < 0.05 || std::abs(after) < 0.05)
                continue; // one behind the other: on the line, no order to keep
            if ((before < 0) != (after < 0)) {
                issues.append(
                    {QStringLiteral("180-degree rule"), previous.id,
                     QStringLiteral("%1 and %2 swap sides between shot %3 (%1 %4) and shot %5 (%1 %6): "
                                    "the camera crossed the line")
                         .arg(nameOf(project, ids.at(i)), nameOf(project, ids.at(j)), previous.number,
                              before < 0 ? QStringLiteral("left") : QStringLiteral("right"), next.number,
                              after < 0 ? QStringLiteral("left") : QStringLiteral("right"))});
            }
        }
    }

    // Eyelines across a cut: if A looks at B in one shot and B looks at A in the next, they must
    // look in opposite screen directions or they will not seem to see each other.
    for (const Blocking &a : previous.blocking) {
        for (const Blocking &b : next.blocking) {
            if (a.characterId == b.characterId)
                continue;
            if (blockingOf(next, a.characterId) || blockingOf(previous, b.characterId))
                continue; // both in both shots: the order check above covers it
            if (!looksAt(project, a, b.characterId) || !looksAt(project, b, a.characterId))
                continue;
            const int sa = side(a.facing);
            const int sb = side(b.facing);
            if (sa != 0 && sa == sb) {
                issues.append(
                    {QStringLiteral("eyeline"), previous.id,
                     QStringLiteral("%1 (shot %2) and %3 (shot %4) both look screen %5: their eyelines "
                                    "do not meet, the axis is crossed")
                         .arg(nameOf(project, a.characterId), previous.number, nameOf(project, b.characterId),
                              next.number, sa < 0 ? QStringLiteral("left") : QStringLiteral("right"))});
            }
        }
    }

    // Screen direction: a character moving across the frame keeps moving the same way.
    for (const Blocking &b : next.blocking) {
        const Blocking *a = blockingOf(previous, b.characterId);
        if (!a || !moving(*a) || !moving(b))
            continue;
        const int sa = side(a->facing);
        const int sb = side(b.facing);
        if (sa != 0 && sb != 0 && sa != sb) {
            issues.append(
                {QStringLiteral("screen direction"), previous.id,
                 QStringLiteral("%1 moves screen %2 in shot %3 but screen %4 in shot %5")
                     .arg(nameOf(project, b.characterId),
                          sa < 0 ? QStringLiteral("left") : QStringLiteral("right"), previous.number,
                          sb < 0 ? QStringLiteral("left") : QStringLiteral("right"), next.number)});
        }
    }
    return issues;
}

ContinuityReport checkContinuity(const Project &project, const Shot &shot) {
    ContinuityReport report;
    report.previous = previousShotInScene(project, shot);
    if (!report.previous) {
        report.summary = QStringLiteral("first shot of its scene: it sets the axis");
        return report;
    }
    report.issues = checkPair(project, *report.previous, shot);
    if (report.issues.isEmpty()) {
        report.summary =
            resetsAxis(shot)
                ? QStringLiteral("the camera move resets the axis after shot %1").arg(report.previous->number)
                : QStringLiteral("consistent with shot %1: same side of the line, same screen direction")
                      .arg(report.previous->number);
    }
    return report;
}

} // namespace shotcraft::cinema
