// A small hand-built project for the Visual DNA tests: two acts, four scenes (one place visited
// twice), four characters with script-style descriptions, and nine shots whose chaining is known.
#pragma once

#include "domain/Project.h"

namespace shotcraft::test {

inline Blocking inFrame(Id characterId, double x = 0.5) {
    Blocking b;
    b.characterId = characterId;
    b.screenX = x;
    return b;
}

struct DnaFixture {
    Project project;
    Id brick = 0, steel = 0, dan = 0, jack = 0, waiter = 0;
    Id patio = 0, trailer = 0, garage = 0;
    Id act1 = 0, act2 = 0;
    Id scene1 = 0, scene2 = 0, scene3 = 0, scene4 = 0;

    Id addShot(Id sceneId, const QString &number, const QList<Id> &cast, const QString &subject = {}) {
        Shot s;
        s.id = project.allocateId();
        s.sceneId = sceneId;
        s.number = number;
        s.order = int(project.shotsOfScene(sceneId).size());
        s.subject = subject;
        double x = 0.3;
        for (Id c : cast) {
            s.blocking.append(inFrame(c, x));
            x += 0.4;
        }
        project.shots.append(s);
        return s.id;
    }
    Id shotId(const QString &number) const { return project.findShot(number)->id; }

    DnaFixture() {
        Project &p = project;
        p.info.title = QStringLiteral("Retired");
        p.info.genre = QStringLiteral("action");
        p.info.aspectRatio = 2.39;
        auto character = [&](const QString &name, int dialogue, const QString &description) {
            Character c;
            c.id = p.allocateId();
            c.name = name;
            c.dialogueCount = dialogue;
            c.description = description;
            p.characters.append(c);
            return c.id;
        };
        brick =
            character(QStringLiteral("BRICK"), 12,
                      QStringLiteral("BRICK BRADDOCK, retired police detective, sits with a scar over his "
                                     "left eye, wearing a faded Hawaiian shirt."));
        steel = character(
            QStringLiteral("STEEL"), 11,
            QStringLiteral("DICK STEEL, his former partner, tall and wiry, emerges with two beers."));
        dan = character(QStringLiteral("DAN"), 3, QStringLiteral("DAN, 20's, counts the take."));
        jack = character(QStringLiteral("JACK"), 1, QStringLiteral("JACK argues in Vietnamese."));
        waiter = character(QStringLiteral("WAITER"), 0, QString());

        auto location = [&](const QString &name, InteriorExterior ie) {
            Location l;
            l.id = p.allocateId();
            l.name = name;
            l.intExt = ie;
            p.locations.append(l);
            return l.id;
        };
        patio = location(QStringLiteral("BRICK'S PATIO"), InteriorExterior::Exterior);
        trailer = location(QStringLiteral("TRAILER HOME"), InteriorExterior::Interior);
        garage = location(QStringLiteral("GARAGE"), InteriorExterior::Interior);

        auto act = [&](int number) {
            Act a;
            a.id = p.allocateId();
            a.number = number;
            p.acts.append(a);
            return a.id;
        };
        act1 = act(1);
        act2 = act(2);
        auto scene = [&](Id actId, Id locationId, const QString &number, TimeOfDay time, const QString &mood,
                         const QList<Id> &cast, const QString &summary = {}) {
            Scene s;
            s.id = p.allocateId();
            s.actId = actId;
            s.locationId = locationId;
            s.number = number;
            s.order = int(p.scenes.size());
            s.timeOfDay = time;
            s.intExt = p.location(locationId)->intExt;
            s.mood = mood;
            s.characterIds = cast;
            s.summary = summary;
            p.scenes.append(s);
            return s.id;
        };
        scene1 = scene(act1, patio, QStringLiteral("1"), TimeOfDay::Day, QStringLiteral("playful"),
                       {brick, steel});
        scene2 = scene(act1, trailer, QStringLiteral("2"), TimeOfDay::Day, QStringLiteral("menace, dread"),
                       {dan, jack},
                       QStringLiteral("Money, drugs, and ridiculous props are strewn about the table."));
        scene3 = scene(act2, patio, QStringLiteral("3"), TimeOfDay::Night, QStringLiteral("grief"),
                       {brick, steel});
        scene4 = scene(act2, garage, QStringLiteral("4"), TimeOfDay::Day, QStringLiteral("dread"), {steel});

        addShot(scene1, QStringLiteral("1A"), {});
        addShot(scene1, QStringLiteral("1B"), {brick, steel});
        addShot(scene1, QStringLiteral("1C"), {steel});
        addShot(scene1, QStringLiteral("1D"), {brick});
        addShot(scene2, QStringLiteral("2A"), {dan, jack});
        addShot(scene2, QStringLiteral("2B"), {jack}, QStringLiteral("JACK"));
        addShot(scene3, QStringLiteral("3A"), {brick});
        addShot(scene3, QStringLiteral("3B"), {brick, steel});
        addShot(scene4, QStringLiteral("4A"), {steel});
    }
};

} // namespace shotcraft::test
