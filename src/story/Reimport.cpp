#include "story/Reimport.h"

#include <QHash>
#include <QSet>

namespace shotcraft::story {

namespace {

QString label(const Scene &s) {
    return QStringLiteral("%1 %2").arg(s.number, s.heading);
}

QString shotKey(const Shot &s) {
    return QString::fromStdString(Json(s.purpose).get<std::string>()) + u'|' + s.subject;
}

} // namespace

Project reimport(const Project &existing, const Screenplay &script, const BreakdownOptions &options,
                 ReimportReport *report) {
    BreakdownOptions o = options;
    if (o.genre.isEmpty())
        o.genre = existing.info.genre;
    o.title = existing.info.title;
    o.firstId = existing.nextId;
    Project fresh = breakDown(script, o);
    ReimportReport r;

    QHash<Id, Id> remap; // fresh id -> kept existing id

    // Characters and locations by name, acts by number: the existing entity (with its DNA) stays.
    Project out = existing;
    out.characters.clear();
    QSet<Id> keptCharacters;
    for (const Character &c : std::as_const(fresh.characters)) {
        if (const Character *old = existing.characterByName(c.name)) {
            Character kept = *old;
            kept.dialogueCount = c.dialogueCount;
            for (const QString &a : c.aliases)
                if (!kept.aliases.contains(a))
                    kept.aliases.append(a);
            remap.insert(c.id, old->id);
            keptCharacters.insert(old->id);
            out.characters.append(kept);
        } else {
            out.characters.append(c);
        }
    }
    for (const Character &c : existing.characters) // no longer speaking, but their DNA may matter
        if (!keptCharacters.contains(c.id))
            out.characters.append(c);

    out.locations = existing.locations;
    for (const Location &l : std::as_const(fresh.locations)) {
        const Location *old = nullptr;
        for (const Location &x : existing.locations)
            if (x.name == l.name)
                old = &x;
        if (old)
            remap.insert(l.id, old->id);
        else
            out.locations.append(l);
    }

    out.acts.clear();
    for (const Act &a : std::as_const(fresh.acts)) {
        const Act *old = nullptr;
        for (const Act &x : existing.acts)
            if (x.number == a.number)
                old = &x;
        if (old) {
            Act kept = *old;
            kept.summary = a.summary;
            remap.insert(a.id, old->id);
            out.acts.append(kept);
        } else {
            out.acts.append(a);
        }
    }

    // Scenes: the same text anywhere in the script is the same scene; else the same heading, in
    // order, is that scene edited.
    QHash<QString, QList<const Scene *>> byHash;
    for (const Scene &s : existing.scenes)
        byHash[s.contentHash].append(&s);
    QSet<Id> matched;
    QHash<Id, const Scene *> freshToOld;
    QSet<Id> changedScenes;
    for (const Scene &s : std::as_const(fresh.scenes)) {
        QList<const Scene *> &candidates = byHash[s.contentHash];
        if (!candidates.isEmpty()) {
            freshToOld.insert(s.id, candidates.takeFirst());
            matched.insert(freshToOld[s.id]->id);
        }
    }
    for (const Scene &s : std::as_const(fresh.scenes)) {
        if (freshToOld.contains(s.id))
            continue;
        for (const Scene &old : existing.scenes) {
            if (!matched.contains(old.id) && old.heading == s.heading) {
                freshToOld.insert(s.id, &old);
                matched.insert(old.id);
                changedScenes.insert(s.id);
                break;
            }
        }
    }

    // Numbers stay put: a scene that was there keeps its number, a new one takes the fresh number
    // if no kept scene has it, else one inserted after the scene before it ("4A").
    QHash<Id, QString> numberOf;
    QSet<QString> usedNumbers;
    for (const Scene &s : std::as_const(fresh.scenes))
        if (const Scene *old = freshToOld.value(s.id)) {
            numberOf.insert(s.id, old->number);
            usedNumbers.insert(old->number.toUpper());
        }
    QString previousNumber;
    for (const Scene &s : std::as_const(fresh.scenes)) {
        if (!numberOf.contains(s.id)) {
            const QString n =
                usedNumbers.contains(s.number.toUpper())
                    ? insertedSceneNumber(previousNumber.isEmpty() ? s.number : previousNumber, usedNumbers)
                    : s.number;
            numberOf.insert(s.id, n);
            usedNumbers.insert(n.toUpper());
        }
        previousNumber = numberOf.value(s.id);
    }

    out.scenes.clear();
    out.shots.clear();
    QSet<Id> keptShots;
    for (const Scene &s : std::as_const(fresh.scenes)) {
        const Scene *old = freshToOld.value(s.id);
        Scene scene = s;
        QList<const Shot *> freshShots = fresh.shotsOfScene(s.id);
        if (old && !changedScenes.contains(s.id)) {
            // Unchanged: the scene and its shots as they were (edits included), in the new place.
            scene = *old;
            scene.order = s.order;
            scene.lineStart = s.lineStart;
            scene.lineEnd = s.lineEnd;
            scene.actId = remap.value(s.actId, s.actId);
            ++r.unchanged;
            out.scenes.append(scene);
            for (const Shot *sh : existing.shotsOfScene(old->id)) {
                out.shots.append(*sh);
                keptShots.insert(sh->id);
            }
            continue;
        }
        // New or changed: the fresh breakdown, with kept ids where the scene and its shots survive.
        if (old) {
            scene.id = old->id;
            r.changed.append(label(s));
        } else {
            r.added.append(label(s));
        }
        scene.number = numberOf.value(s.id);
        scene.actId = remap.value(s.actId, s.actId);
        scene.locationId = remap.value(s.locationId, s.locationId);
        for (Id &c : scene.characterIds)
            c = remap.value(c, c);
        out.scenes.append(scene);
        QHash<QString, const Shot *> oldShots;
        if (old)
            for (const Shot *sh : existing.shotsOfScene(old->id))
                oldShots.insert(shotKey(*sh), sh);
        for (const Shot *f : freshShots) {
            Shot shot = *f;
            shot.sceneId = scene.id;
            if (shot.number.startsWith(s.number))
                shot.number = scene.number + shot.number.mid(s.number.size());
            for (Blocking &b : shot.blocking)
                b.characterId = remap.value(b.characterId, b.characterId);
            if (const Shot *keep = oldShots.take(shotKey(shot))) {
                shot.id = keep->id;
                shot.approvedTakeId = keep->approvedTakeId;
                keptShots.insert(keep->id);
            }
            out.shots.append(shot);
        }
    }
    for (const Scene &old : existing.scenes)
        if (!matched.contains(old.id))
            r.removed.append(label(old));

    // Takes (and jobs) of shots that are gone go with them; look-book takes stay.
    out.takes.clear();
    for (const Take &t : existing.takes)
        if (t.shotId == 0 || keptShots.contains(t.shotId))
            out.takes.append(t);
    out.jobs.clear();
    for (const Job &j : existing.jobs)
        if (j.shotId == 0 || keptShots.contains(j.shotId))
            out.jobs.append(j);

    out.nextId = std::max(existing.nextId, fresh.nextId);
    if (report)
        *report = r;
    return out;
}

} // namespace shotcraft::story
