#include "dna/Staleness.h"

#include "dna/ConsistencyPlanner.h"
#include "dna/DnaHash.h"
#include "dna/Identity.h"

#include <QHash>

namespace shotcraft::dna {

namespace {

// "character:12" -> "character Brick Braddock"
QString partLabel(const Project &project, const QString &key) {
    const qsizetype colon = key.indexOf(QLatin1Char(':'));
    const QString kind = colon < 0 ? key : key.left(colon);
    const Id id = colon < 0 ? 0 : key.mid(colon + 1).toLongLong();
    if (kind == QLatin1String("character")) {
        const Character *c = project.character(id);
        return QStringLiteral("character %1").arg(c ? titleCase(c->name) : QStringLiteral("#%1").arg(id));
    }
    if (kind == QLatin1String("location")) {
        const Location *l = project.location(id);
        return QStringLiteral("location %1").arg(l ? titleCase(l->name) : QStringLiteral("#%1").arg(id));
    }
    if (kind == QLatin1String("palette")) {
        for (const Palette &p : project.palettes)
            if (p.id == id)
                return QStringLiteral("palette \"%1\"").arg(p.name);
        return QStringLiteral("palette #%1").arg(id);
    }
    if (kind == QLatin1String("style"))
        return QStringLiteral("style tokens");
    return key;
}

QString changeReason(const QString &key, const QString &label, const QString &was, const QString &now) {
    if (!key.startsWith(QLatin1String("character:")))
        return label + QStringLiteral(" changed");
    // A character's digest has three parts: appearance, wardrobe, signature colours.
    static const char *const kWhat[] = {"appearance", "wardrobe", "signature colours"};
    const QStringList a = was.split(QLatin1Char('.'));
    const QStringList b = now.split(QLatin1Char('.'));
    QStringList changed;
    for (int i = 0; i < 3; ++i)
        if (a.value(i) != b.value(i))
            changed.append(QLatin1String(kWhat[i]));
    return QStringLiteral("%1: %2 changed").arg(label, changed.join(QStringLiteral(", ")));
}

bool isCurrentTake(const Project &project, const Take &take) {
    if (take.shotId != 0) {
        const Shot *shot = project.shot(take.shotId);
        const Take *current = shot ? chainableTake(project, *shot) : nullptr;
        return current && current->id == take.id;
    }
    const ReferenceImage *r = project.reference(take.referenceId);
    if (!r)
        return false;
    if (r->imageId != 0)
        return r->imageId == take.imageId;
    Id latest = 0;
    for (const Take &t : project.takes)
        if (t.referenceId == take.referenceId)
            latest = std::max(latest, t.id);
    return latest == take.id;
}

} // namespace

QStringList staleReasons(const Project &project, const Take &take) {
    ConsistencyPlan now;
    if (take.shotId != 0)
        now = planShot(project, take.shotId, -1);
    else if (take.referenceId != 0)
        now = planLookBookFrame(project, take.referenceId, -1);
    if (now.shotId == 0 && now.referenceTargetId == 0)
        return {}; // its shot or frame is gone: nothing to regenerate
    if (take.dnaHash.isEmpty())
        return {QStringLiteral("recorded without a DNA hash")};
    if (take.dnaHash == now.dnaHash)
        return {};
    const QList<DnaPart> was = parseDnaHash(take.dnaHash);
    if (was.isEmpty())
        return {QStringLiteral("recorded with an unknown DNA hash format")};
    QHash<QString, QString> current;
    for (const DnaPart &p : parseDnaHash(now.dnaHash))
        current.insert(p.key, p.hash);
    QStringList reasons;
    QHash<QString, QString> recorded;
    for (const DnaPart &p : was) {
        recorded.insert(p.key, p.hash);
        const QString label = partLabel(project, p.key);
        if (!current.contains(p.key))
            reasons.append(QStringLiteral("no longer uses %1").arg(label));
        else if (current.value(p.key) != p.hash)
            reasons.append(changeReason(p.key, label, p.hash, current.value(p.key)));
    }
    for (auto it = current.cbegin(); it != current.cend(); ++it)
        if (!recorded.contains(it.key()))
            reasons.append(QStringLiteral("now uses %1").arg(partLabel(project, it.key())));
    reasons.sort();
    return reasons;
}

QList<StaleTake> findStaleTakes(const Project &project) {
    QList<StaleTake> out;
    for (const Take &take : project.takes) {
        const QStringList reasons = staleReasons(project, take);
        if (reasons.isEmpty())
            continue;
        StaleTake s;
        s.takeId = take.id;
        s.shotId = take.shotId;
        s.referenceId = take.referenceId;
        if (const Shot *shot = project.shot(take.shotId))
            s.subject = QStringLiteral("Shot %1").arg(shot->number);
        else if (const ReferenceImage *r = project.reference(take.referenceId))
            s.subject = r->label;
        s.current = isCurrentTake(project, take);
        s.reasons = reasons;
        out.append(s);
    }
    return out;
}

QList<Id> staleShots(const Project &project) {
    QList<Id> out;
    for (const Shot *shot : shotsInFilmOrder(project)) {
        const Take *current = chainableTake(project, *shot);
        if (current && !staleReasons(project, *current).isEmpty())
            out.append(shot->id);
    }
    return out;
}

} // namespace shotcraft::dna
