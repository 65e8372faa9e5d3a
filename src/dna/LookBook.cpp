#include "dna/LookBook.h"

#include "dna/Identity.h"

#include <QSet>

#include <algorithm>

namespace shotcraft::dna {

namespace {
int identityPriority(ReferenceRole role) {
    switch (role) {
    case ReferenceRole::CharacterSheet:
    case ReferenceRole::LocationPlate:
    case ReferenceRole::StyleFrame:
        return 0;
    case ReferenceRole::Face:
        return 1;
    case ReferenceRole::Turnaround:
        return 2;
    case ReferenceRole::FullBody:
        return 3;
    default:
        return 4;
    }
}

bool hasFrame(const Project &project, ReferenceOwner owner, Id ownerId, ReferenceRole role) {
    return std::any_of(project.references.cbegin(), project.references.cend(), [&](const ReferenceImage &r) {
        return r.owner == owner && r.ownerId == ownerId && r.role == role;
    });
}
} // namespace

bool isLookBookFrame(const ReferenceImage &r) {
    return !r.userSupplied &&
           ((r.owner == ReferenceOwner::Character && r.role == ReferenceRole::CharacterSheet) ||
            (r.owner == ReferenceOwner::Location && r.role == ReferenceRole::LocationPlate) ||
            (r.owner == ReferenceOwner::Act && r.role == ReferenceRole::StyleFrame));
}

void buildLookBook(Project &project) {
    QSet<Id> inFrame;
    QSet<Id> shotLocations;
    for (const Shot &shot : project.shots) {
        for (Id id : shot.characterIds())
            inFrame.insert(id);
        if (const Scene *s = project.scene(shot.sceneId))
            shotLocations.insert(s->locationId);
    }
    const bool anyShots = !project.shots.isEmpty();

    auto add = [&](ReferenceOwner owner, Id ownerId, ReferenceRole role, double weight,
                   const QString &label) {
        if (hasFrame(project, owner, ownerId, role))
            return;
        ReferenceImage r;
        r.id = project.allocateId();
        r.owner = owner;
        r.ownerId = ownerId;
        r.role = role;
        r.weight = weight;
        r.label = label;
        project.references.append(r);
    };
    for (const Character &c : project.characters) {
        // Once there are shots, a sheet is for someone drawn in one: a voice only heard (a narrator,
        // a radio) has no body to keep consistent, however much it speaks.
        if (anyShots ? inFrame.contains(c.id) : c.role == CharacterRole::Principal)
            add(ReferenceOwner::Character, c.id, ReferenceRole::CharacterSheet,
                c.role == CharacterRole::Principal ? 0.9 : 0.8,
                QStringLiteral("Character sheet — %1").arg(titleCase(c.name)));
    }
    for (const Location &l : project.locations) {
        if (!anyShots || shotLocations.contains(l.id))
            add(ReferenceOwner::Location, l.id, ReferenceRole::LocationPlate, 0.6,
                QStringLiteral("Location plate — %1").arg(titleCase(l.name)));
    }
    for (const Act &a : project.acts)
        add(ReferenceOwner::Act, a.id, ReferenceRole::StyleFrame, 0.45,
            a.title.startsWith(QLatin1String("Act"), Qt::CaseInsensitive)
                ? QStringLiteral("Style frame — ") + a.title
                : QStringLiteral("Style frame — Act %1%2")
                      .arg(a.number)
                      .arg(a.title.isEmpty() ? QString() : QStringLiteral(": ") + a.title));
}

QList<const ReferenceImage *> lookBookFrames(const Project &project) {
    QList<const ReferenceImage *> out;
    for (const ReferenceImage &r : project.references)
        if (isLookBookFrame(r))
            out.append(&r);
    auto ownerRank = [](ReferenceOwner o) {
        return o == ReferenceOwner::Character ? 0 : o == ReferenceOwner::Location ? 1 : 2;
    };
    std::stable_sort(out.begin(), out.end(), [&](const ReferenceImage *a, const ReferenceImage *b) {
        return ownerRank(a->owner) < ownerRank(b->owner);
    });
    return out;
}

QList<const ReferenceImage *> referencesOf(const Project &project, ReferenceOwner owner, Id ownerId) {
    QList<const ReferenceImage *> out;
    for (const ReferenceImage &r : project.references)
        if (r.owner == owner && r.ownerId == ownerId)
            out.append(&r);
    std::stable_sort(out.begin(), out.end(), [](const ReferenceImage *a, const ReferenceImage *b) {
        return identityPriority(a->role) < identityPriority(b->role);
    });
    return out;
}

} // namespace shotcraft::dna
