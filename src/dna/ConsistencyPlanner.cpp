#include "dna/ConsistencyPlanner.h"

#include "dna/Identity.h"
#include "dna/LookBook.h"
#include "dna/PaletteDesigner.h"
#include "dna/StyleDesigner.h"

#include <QCryptographicHash>
#include <QHash>

#include <algorithm>
#include <tuple>
#include <vector>

namespace shotcraft::dna {

namespace {

// Reference tiers, best first: identity beats continuity beats place beats look.
enum Tier { CastPrimary, ChainedTakeTier, LocationPrimary, StyleFrameTier, CastSecondary, Extra };

struct Candidate {
    PromptReference ref;
    int tier = Extra;
};

qint64 mixSeed(qint64 baseSeed, const char *kind, Id id) {
    // splitmix64 over (base, kind, id): stable across runs and platforms, spread over 31 bits so
    // every provider (some take only signed 32-bit seeds) accepts it.
    quint64 x = quint64(baseSeed) ^ (quint64(id) * 0x9E3779B97F4A7C15ULL);
    for (const char *k = kind; *k; ++k)
        x = (x ^ quint64(quint8(*k))) * 0x100000001B3ULL;
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    x ^= x >> 31;
    return qint64(x & 0x7fffffffULL);
}

int roleRank(CharacterRole role) {
    return role == CharacterRole::Principal ? 0 : role == CharacterRole::Supporting ? 1 : 2;
}

// Everyone in frame, most important first: the shot's named subject, then by role, then blocking.
QList<const Character *> castOf(const Project &project, const Shot &shot) {
    QList<const Character *> cast;
    for (Id id : shot.characterIds()) {
        const Character *c = project.character(id);
        if (c && !cast.contains(c))
            cast.append(c);
    }
    auto isSubject = [&](const Character *c) {
        return !shot.subject.isEmpty() && shot.subject.contains(c->name, Qt::CaseInsensitive);
    };
    std::stable_sort(cast.begin(), cast.end(), [&](const Character *a, const Character *b) {
        if (isSubject(a) != isSubject(b))
            return isSubject(a);
        return roleRank(a->role) < roleRank(b->role);
    });
    return cast;
}

QString roleWord(ReferenceRole role) {
    return enumName(role).replace(QLatin1Char('-'), QLatin1Char(' '));
}

Candidate fromReference(const ReferenceImage &r, int tier, const QString &reason) {
    Candidate c;
    c.tier = tier;
    c.ref.referenceId = r.id;
    c.ref.imageId = r.imageId;
    c.ref.role = r.role;
    c.ref.weight = r.weight;
    c.ref.label = r.label;
    c.ref.reason = reason;
    if (r.imageId == 0)
        c.ref.reason += isLookBookFrame(r) ? QStringLiteral(" (look-book frame, generated first)")
                                           : QStringLiteral(" (no image yet)");
    return c;
}

void addOwnerReferences(QList<Candidate> &out, const Project &project, ReferenceOwner owner, Id ownerId,
                        int primaryTier, int secondaryTier, const QString &what, Id exclude = 0) {
    bool first = true;
    for (const ReferenceImage *r : referencesOf(project, owner, ownerId)) {
        if (r->id == exclude)
            continue;
        out.append(fromReference(*r, first ? primaryTier : secondaryTier,
                                 QStringLiteral("%1 of %2").arg(roleWord(r->role), what)));
        first = false;
    }
}

QString paletteHash(const Palette &p) {
    return shortHash(QString::fromUtf8(toJsonBytes(Json(p.swatches))) + QString::number(p.temperatureK) +
                     QLatin1Char('/') + QString::number(p.saturation, 'f', 4));
}

void setPalette(ConsistencyPlan &plan, QList<DnaPart> &parts, const Palette *palette) {
    if (!palette)
        return;
    plan.palette = *palette;
    parts.append(DnaPart{QStringLiteral("palette:%1").arg(palette->id), paletteHash(*palette)});
}

void setStyle(ConsistencyPlan &plan, QList<DnaPart> &parts, const Project &project) {
    plan.styleTokens = styleTokenValues(project);
    if (!plan.styleTokens.isEmpty())
        parts.append(DnaPart{QStringLiteral("style"), shortHash(plan.styleTokens.join(QLatin1Char('|')))});
}

void setLocation(ConsistencyPlan &plan, QList<DnaPart> &parts, const Project &project,
                 const Location *location) {
    if (!location)
        return;
    plan.locationId = location->id;
    plan.locationTokens = locationTokens(project, *location);
    parts.append(DnaPart{QStringLiteral("location:%1").arg(location->id), shortHash(plan.locationTokens)});
}

void addCharacter(ConsistencyPlan &plan, QList<DnaPart> &parts, const Project &project, const Character &c,
                  Id sceneId) {
    plan.characters.append(
        CharacterIdentity{c.id, titleCase(c.name), identityTokens(project, c, sceneId), c.signatureColours});
    parts.append(characterPart(project, c, sceneId));
}

// Ranks the candidates, cuts them to the provider's limit and records the look-book frames the kept
// ones need.
void finishReferences(ConsistencyPlan &plan, QList<Candidate> candidates, int referenceLimit) {
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate &a, const Candidate &b) { return a.tier < b.tier; });
    plan.referenceLimit = referenceLimit;
    for (int i = 0; i < candidates.size(); ++i) {
        PromptReference ref = candidates[i].ref;
        ref.rank = i;
        ref.kept = referenceLimit < 0 || i < referenceLimit;
        if (!ref.kept)
            ref.reason += QStringLiteral("; dropped: the provider takes %1 reference image%2")
                              .arg(referenceLimit)
                              .arg(referenceLimit == 1 ? QString() : QStringLiteral("s"));
        plan.references.append(ref);
    }
}

void recordLookBookDependencies(ConsistencyPlan &plan, const Project &project) {
    for (const PromptReference &ref : plan.references) {
        const ReferenceImage *r = ref.kept ? project.reference(ref.referenceId) : nullptr;
        if (r && isLookBookFrame(*r) && !plan.lookBookDependencies.contains(r->id))
            plan.lookBookDependencies.append(r->id);
    }
}

} // namespace

DnaPart characterPart(const Project &project, const Character &character, Id sceneId) {
    return DnaPart{QStringLiteral("character:%1").arg(character.id),
                   shortHash(appearanceTokens(character)) + QLatin1Char('.') +
                       shortHash(wardrobeFor(project, character, sceneId)) + QLatin1Char('.') +
                       shortHash(character.signatureColours.join(QLatin1Char(',')))};
}

QList<const Shot *> shotsInFilmOrder(const Project &project) {
    QHash<Id, int> sceneOrder;
    for (int i = 0; i < project.scenes.size(); ++i)
        sceneOrder.insert(project.scenes[i].id, i);
    QList<const Shot *> out;
    for (const Shot &s : project.shots)
        out.append(&s);
    std::stable_sort(out.begin(), out.end(), [&](const Shot *a, const Shot *b) {
        const int sa = sceneOrder.value(a->sceneId, -1);
        const int sb = sceneOrder.value(b->sceneId, -1);
        if (sa != sb)
            return sa < sb;
        return a->order < b->order;
    });
    return out;
}

const Shot *chainCandidate(const Project &project, const Shot &shot) {
    const Scene *scene = project.scene(shot.sceneId);
    if (!scene || scene->locationId == 0)
        return nullptr;
    // Film order is (scene position, shot order, position in the list), as shotsInFilmOrder sorts.
    // One pass collects the earlier shots at this location; a heap then yields them nearest first,
    // so planning every shot of a long film does not sort the whole film once per shot.
    QHash<Id, int> sceneOrder;
    for (int i = 0; i < project.scenes.size(); ++i)
        if (project.scenes[i].locationId == scene->locationId)
            sceneOrder.insert(project.scenes[i].id, i);
    using Place = std::tuple<int, int, qsizetype>;
    const auto placeOf = [&](qsizetype index) {
        const Shot &s = project.shots[index];
        return Place{sceneOrder.value(s.sceneId, -1), s.order, index};
    };
    const qsizetype self = &shot - project.shots.constData();
    const Place here = self >= 0 && self < project.shots.size()
                           ? placeOf(self)
                           : Place{sceneOrder.value(shot.sceneId, -1), shot.order, project.shots.size()};
    std::vector<Place> earlier;
    for (qsizetype i = 0; i < project.shots.size(); ++i) {
        if (!sceneOrder.contains(project.shots[i].sceneId))
            continue; // another location
        const Place place = placeOf(i);
        if (place < here)
            earlier.push_back(place);
    }
    std::make_heap(earlier.begin(), earlier.end());
    const QList<Id> cast = shot.characterIds();
    const Shot *partial = nullptr;
    while (!earlier.empty()) {
        std::pop_heap(earlier.begin(), earlier.end());
        const Shot *candidate = &project.shots[std::get<2>(earlier.back())];
        earlier.pop_back();
        const QList<Id> theirs = candidate->characterIds();
        const bool all = std::all_of(cast.cbegin(), cast.cend(), [&](Id id) { return theirs.contains(id); });
        if (all)
            return candidate;
        const bool some = std::any_of(cast.cbegin(), cast.cend(), [&](Id id) { return theirs.contains(id); });
        if (some && !partial)
            partial = candidate;
    }
    return partial;
}

const Take *chainableTake(const Project &project, const Shot &shot) {
    if (const Take *approved = project.take(shot.approvedTakeId))
        return approved;
    const Take *latest = nullptr;
    for (const Take *t : project.takesOfShot(shot.id))
        if (!latest || t->id > latest->id)
            latest = t;
    return latest;
}

qint64 seedForShot(const Project &project, const Shot &shot) {
    const qint64 base = project.info.baseSeed;
    switch (project.info.seedPolicy) {
    case SeedPolicy::PerShot:
        return mixSeed(base, "shot", shot.id);
    case SeedPolicy::PerCharacter: {
        const QList<const Character *> cast = castOf(project, shot);
        if (!cast.isEmpty())
            return mixSeed(base, "character", cast.first()->id);
        break; // nobody in frame: fall back to the scene's seed
    }
    case SeedPolicy::PerScene:
        break;
    }
    return mixSeed(base, "scene", shot.sceneId);
}

ConsistencyPlan planShot(const Project &project, Id shotId, int referenceLimit) {
    ConsistencyPlan plan;
    const Shot *shot = project.shot(shotId);
    if (!shot)
        return plan;
    plan.shotId = shot->id;
    const Scene *scene = project.scene(shot->sceneId);
    QList<DnaPart> parts;
    QList<Candidate> candidates;

    const QList<const Character *> cast = castOf(project, *shot);
    for (const Character *c : cast) {
        addCharacter(plan, parts, project, *c, shot->sceneId);
        addOwnerReferences(candidates, project, ReferenceOwner::Character, c->id, CastPrimary, CastSecondary,
                           titleCase(c->name));
    }
    const Location *location = scene ? project.location(scene->locationId) : nullptr;
    setLocation(plan, parts, project, location);
    if (location)
        addOwnerReferences(candidates, project, ReferenceOwner::Location, location->id, LocationPrimary,
                           Extra, titleCase(location->name));
    if (scene)
        addOwnerReferences(candidates, project, ReferenceOwner::Act, scene->actId, StyleFrameTier, Extra,
                           QStringLiteral("this act"));
    addOwnerReferences(candidates, project, ReferenceOwner::Film, 0, Extra, Extra,
                       QStringLiteral("the film"));
    addOwnerReferences(candidates, project, ReferenceOwner::Shot, shot->id, Extra, Extra,
                       QStringLiteral("this shot"));

    // Reference chaining: the nearest earlier shot in the same place with the same people.
    const Shot *chained = chainCandidate(project, *shot);
    if (chained) {
        const Take *take = chainableTake(project, *chained);
        Candidate c;
        c.tier = ChainedTakeTier;
        c.ref.role = ReferenceRole::ChainedTake;
        c.ref.weight = 0.7;
        c.ref.takeId = take ? take->id : 0;
        c.ref.imageId = take ? take->imageId : 0;
        c.ref.label = QStringLiteral("Shot %1 take").arg(chained->number);
        const bool sameCast = std::all_of(cast.cbegin(), cast.cend(), [&](const Character *ch) {
            return chained->characterIds().contains(ch->id);
        });
        c.ref.reason =
            QStringLiteral("continuity with shot %1, the nearest earlier shot at this location with %2")
                .arg(chained->number, cast.isEmpty() ? QStringLiteral("the same look")
                                      : sameCast     ? QStringLiteral("everyone in frame")
                                                     : QStringLiteral("some of the same people"));
        if (!take)
            c.ref.reason += QStringLiteral(" (not generated yet: it is generated first)");
        else if (take->id != chained->approvedTakeId)
            c.ref.reason += QStringLiteral(" (its latest take; none approved yet)");
        candidates.append(c);
    }
    finishReferences(plan, candidates, referenceLimit);
    for (const PromptReference &ref : plan.references) {
        if (ref.role == ReferenceRole::ChainedTake && ref.kept && chained) {
            plan.chainedShotId = chained->id;
            plan.chainedTakeId = ref.takeId;
        }
    }
    recordLookBookDependencies(plan, project);

    setPalette(plan, parts, scene ? paletteFor(project, scene->id) : paletteFor(project, 0));
    setStyle(plan, parts, project);
    plan.seed = seedForShot(project, *shot);
    plan.dnaHash = composeDnaHash(parts);
    return plan;
}

ConsistencyPlan planLookBookFrame(const Project &project, Id referenceId, int referenceLimit) {
    ConsistencyPlan plan;
    const ReferenceImage *target = project.reference(referenceId);
    if (!target)
        return plan;
    plan.referenceTargetId = target->id;
    QList<DnaPart> parts;
    QList<Candidate> candidates;
    const qint64 base = project.info.baseSeed;
    const Palette *palette = paletteFor(project, 0); // the film palette unless the frame has its own

    switch (target->owner) {
    case ReferenceOwner::Character:
        if (const Character *c = project.character(target->ownerId)) {
            // The sheet shows the base wardrobe: scene 0 means "before any change".
            addCharacter(plan, parts, project, *c, 0);
            addOwnerReferences(candidates, project, ReferenceOwner::Character, c->id, CastPrimary,
                               CastSecondary, titleCase(c->name), target->id);
            plan.seed = mixSeed(base, "character", c->id);
        }
        break;
    case ReferenceOwner::Location:
        if (const Location *l = project.location(target->ownerId)) {
            setLocation(plan, parts, project, l);
            addOwnerReferences(candidates, project, ReferenceOwner::Location, l->id, LocationPrimary, Extra,
                               titleCase(l->name), target->id);
            // The plate is graded like the first scene set there, where it is first seen.
            for (const Scene &s : project.scenes) {
                if (s.locationId == l->id) {
                    palette = paletteFor(project, s.id);
                    break;
                }
            }
            plan.seed = mixSeed(base, "location", l->id);
        }
        break;
    case ReferenceOwner::Act:
        if (const Act *a = project.act(target->ownerId)) {
            // The style frame shows the act's look in its most used place.
            QHash<Id, int> uses;
            Id keyLocation = 0;
            for (const Scene *s : project.scenesOfAct(a->id))
                if (++uses[s->locationId] > uses.value(keyLocation))
                    keyLocation = s->locationId;
            setLocation(plan, parts, project, project.location(keyLocation));
            for (const Palette &p : project.palettes)
                if (p.scope == PaletteScope::Act && p.scopeId == a->id)
                    palette = &p;
            addOwnerReferences(candidates, project, ReferenceOwner::Act, a->id, StyleFrameTier, Extra,
                               QStringLiteral("this act"), target->id);
            plan.seed = mixSeed(base, "act", a->id);
        }
        break;
    default:
        plan.seed = mixSeed(base, "reference", target->id);
        break;
    }
    addOwnerReferences(candidates, project, ReferenceOwner::Film, 0, Extra, Extra, QStringLiteral("the film"),
                       target->id);
    // A frame cannot wait on frames that themselves are not generated; keep only real images.
    candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                    [](const Candidate &c) { return c.ref.imageId == 0; }),
                     candidates.end());
    finishReferences(plan, candidates, referenceLimit);
    setPalette(plan, parts, palette);
    setStyle(plan, parts, project);
    plan.dnaHash = composeDnaHash(parts);
    return plan;
}

} // namespace shotcraft::dna
