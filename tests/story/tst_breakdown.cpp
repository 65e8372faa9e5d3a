// The offline breakdown of the three sample scripts: acts, scenes, characters, locations and shots,
// with every shot field filled. Each check names the audit item (seed/visual-quality-audit.md, A.1–A.4)
// the field answers.
#include "story/Breakdown.h"
#include "story/FountainParser.h"
#include "story/ScriptImporter.h"
#include "support/TestPaths.h"

#include <QTest>

using namespace shotcraft;
using namespace shotcraft::story;

namespace {

Project breakDownSample(const QString &file, const QString &genre = QString()) {
    const auto script = importFile(test::corpusPath(QStringLiteral("samples/") + file));
    if (!script)
        qFatal("%s", qPrintable(script.error()));
    return breakDown(*script, {genre, QString(), file});
}

bool facesRight(Facing f) {
    return f == Facing::Right || f == Facing::ThreeQuarterRight;
}
bool facesLeft(Facing f) {
    return f == Facing::Left || f == Facing::ThreeQuarterLeft;
}

// Typical focal ranges per size (Super 35, shared/reference/cinematography.md).
bool focalFits(ShotSize size, double mm) {
    switch (size) {
    case ShotSize::ExtremeWide:
        return mm >= 14 && mm <= 24;
    case ShotSize::Wide:
        return mm >= 18 && mm <= 35;
    case ShotSize::MediumWide:
        return mm >= 25 && mm <= 40;
    case ShotSize::Medium:
        return mm >= 32 && mm <= 50;
    case ShotSize::MediumCloseUp:
        return mm >= 50 && mm <= 75;
    case ShotSize::CloseUp:
        return mm >= 50 && mm <= 100;
    case ShotSize::ExtremeCloseUp:
    case ShotSize::Insert:
        return mm >= 100 && mm <= 135;
    }
    return false;
}

} // namespace

class TestBreakdown : public QObject {
    Q_OBJECT
private slots:
    void bigFish() {
        const Project p = breakDownSample(QStringLiteral("Big-Fish.fountain"));
        QVERIFY2(p.scenes.size() >= 150, qPrintable(QString::number(p.scenes.size())));
        for (const char *name : {"EDWARD", "WILL", "SANDRA", "JOSEPHINE"}) {
            const Character *c = p.characterByName(QLatin1String(name));
            QVERIFY2(c, name);
            QCOMPARE(c->role, CharacterRole::Principal);
            QVERIFY2(!c->description.isEmpty(), name);
        }
        // Extensions are stripped: no "EDWARD (V.O.)" of its own.
        for (const Character &c : p.characters)
            QVERIFY2(!c.name.contains(u'('), qPrintable(c.name));
        // One location for every heading that names the same place.
        QStringList names;
        for (const Location &l : p.locations) {
            QVERIFY2(!names.contains(l.name), qPrintable(l.name));
            names.append(l.name);
        }
        QVERIFY(p.locations.size() < p.scenes.size());
        // A.3: the genre is read from the script (giants, witches, circuses: fantasy).
        QCOMPARE(p.info.genre, QStringLiteral("fantasy"));
    }

    void aliasesMerge() {
        const Screenplay s =
            parseFountain(QStringLiteral("INT. WARD - DAY\n\nDR. BENNET, 60s, tired eyes, checks a "
                                         "chart.\n\nDR. BENNET\nHere's your medication.\n\n"
                                         "JOE\nThanks.\n\nBENNET\nTake two.\n"));
        const Project p = breakDown(s);
        QCOMPARE(p.characters.size(), 2);
        const Character *b = p.characterByName(QStringLiteral("BENNET"));
        QVERIFY(b);
        QCOMPARE(b->name, QStringLiteral("DR. BENNET"));
        QCOMPARE(b->dialogueCount, 2);
        QVERIFY2(b->description.startsWith(QStringLiteral("DR. BENNET, 60s")), qPrintable(b->description));
        QCOMPARE(b->age, QStringLiteral("60s"));
    }

    void genreOverride() {
        const Project p =
            breakDownSample(QStringLiteral("Brick-and-Steel.fountain"), QStringLiteral("Western"));
        QCOMPARE(p.info.genre, QStringLiteral("western"));
        // Read from the script: a spoof ("the dumb joke", "ridiculous props") reads as comedy.
        QCOMPARE(breakDownSample(QStringLiteral("Brick-and-Steel.fountain")).info.genre,
                 QStringLiteral("comedy"));
    }

    void acts_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<int>>("starts");
        const QString scene = QStringLiteral("INT. ROOM %1 - DAY\n\nSomething happens.\n\n");
        QString sections;
        for (int i = 0; i < 9; ++i) {
            if (i == 0 || i == 2 || i == 7)
                sections += QStringLiteral("# ACT %1\n\n").arg(i == 0 ? 1 : i == 2 ? 2 : 3);
            sections += scene.arg(i);
        }
        QTest::newRow("sections") << sections << QList<int>{0, 2, 7};
        QString endOfAct;
        for (int i = 0; i < 9; ++i) {
            endOfAct += scene.arg(i);
            if (i == 3 || i == 5)
                endOfAct += QStringLiteral(">END OF ACT %1<\n\n")
                                .arg(i == 3 ? QStringLiteral("ONE") : QStringLiteral("TWO"));
        }
        QTest::newRow("end of act") << endOfAct << QList<int>{0, 4, 6};
        QString plain;
        for (int i = 0; i < 20; ++i)
            plain += scene.arg(i);
        QTest::newRow("proportion") << plain << QList<int>{0, 5, 15};
    }

    void acts() {
        QFETCH(QString, text);
        QFETCH(QList<int>, starts);
        const Screenplay s = parseFountain(text);
        const QList<int> got = actStarts(s);
        if (QByteArray(QTest::currentDataTag()) == "proportion") {
            // By proportion, each boundary lies within a tenth of the script of its quarter mark.
            QCOMPARE(got.size(), 3);
            QVERIFY(std::abs(got[1] - starts[1]) <= 2);
            QVERIFY(std::abs(got[2] - starts[2]) <= 2);
        } else {
            QCOMPARE(got, starts);
        }
        const Project p = breakDown(s);
        QCOMPARE(p.acts.size(), 3);
        QCOMPARE(p.acts[0].title, QStringLiteral("Act 1: Setup"));
        for (const Scene &sc : p.scenes)
            QVERIFY(p.act(sc.actId));
    }

    void everyShotFieldFilled_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("Big Fish") << QStringLiteral("Big-Fish.fountain");
        QTest::newRow("Brick & Steel") << QStringLiteral("Brick-and-Steel.fountain");
        QTest::newRow("The Last Birthday Card") << QStringLiteral("The-Last-Birthday-Card.fdx");
    }

    void everyShotFieldFilled() {
        QFETCH(QString, file);
        const Project p = breakDownSample(file);
        QVERIFY(!p.scenes.isEmpty());
        // A.4 act structure: three acts, every scene in one, in order.
        QCOMPARE(p.acts.size(), 3);
        int lastAct = 1;
        for (const Scene &sc : p.scenes) {
            const Act *a = p.act(sc.actId);
            QVERIFY(a);
            QVERIFY(a->number >= lastAct);
            lastAct = a->number;
        }
        // A.2 visual language: one genre for the film, and scene palettes derived from it.
        QVERIFY(!p.info.genre.isEmpty());

        for (const Scene &sc : p.scenes) {
            const QByteArray where = QByteArray("scene ") + sc.number.toUtf8();
            QVERIFY2(!sc.summary.isEmpty(), where);
            QVERIFY2(!sc.mood.isEmpty(), where);
            QVERIFY2(!sc.paletteHint.isEmpty(), where); // A.1 colour palette
            QVERIFY2(sc.timeOfDay != TimeOfDay::Unknown && sc.timeOfDay != TimeOfDay::Continuous, where);
            QVERIFY2(p.location(sc.locationId), where);
            QVERIFY2(sc.lineStart > 0 && sc.lineEnd >= sc.lineStart, where);
            QVERIFY2(!sc.contentHash.isEmpty(), where);
            int speakers = 0;
            for (const Id id : sc.characterIds)
                speakers += p.character(id) ? 1 : 0;
            QCOMPARE(speakers, sc.characterIds.size());
            const QList<const Shot *> shots = p.shotsOfScene(sc.id);
            QVERIFY2(!shots.isEmpty(), where);
            bool dialogueCovered = sc.dialogueHints.isEmpty();
            for (const Shot *s : shots) {
                const QByteArray at = where + " shot " + s->number.toUtf8();
                QVERIFY2(!s->description.isEmpty(), at);
                QVERIFY2(!s->number.isEmpty() && s->id != 0, at);
                // A.1 lens choice: a focal length in the usual range of the shot's size, an aperture.
                QVERIFY2(focalFits(s->size, s->lens.focalLengthMm), at);
                QVERIFY2(s->lens.aperture >= 1.4 && s->lens.aperture <= 16, at);
                // A.1 composition notes: a rule and a note that applies it to this frame.
                QVERIFY2(!s->compositionNote.isEmpty(), at);
                QVERIFY2(!s->staging.foreground.isEmpty() && !s->staging.midground.isEmpty() &&
                             !s->staging.background.isEmpty(),
                         at);
                // A.1 colour palette (per shot) and A.2 visual language (lighting, mood, weather, time).
                QVERIFY2(!s->paletteHint.isEmpty(), at);
                QVERIFY2(!s->lighting.isEmpty(), at);
                QVERIFY2(!s->mood.isEmpty(), at);
                QCOMPARE(s->weather, sc.weather);
                QCOMPARE(s->timeOfDay, sc.timeOfDay);
                QVERIFY2(s->durationSec >= 1.5 && s->durationSec <= 20, at);
                QVERIFY2(!s->subject.isEmpty(), at);
                QVERIFY2(!s->notes.isEmpty(), at);
                // A.1 dialogue hints: every shot carries the line it plays (or says there is none).
                QVERIFY2(!s->dialogueExcerpt.isEmpty(), at);
                // A.1 character placement: everyone in frame has a place, a facing and an eyeline;
                // only a shot of an object or of an empty place may have nobody in it.
                if (s->purpose != ShotPurpose::Insert && !sc.characterIds.isEmpty())
                    QVERIFY2(!s->blocking.isEmpty(), at);
                for (const Blocking &b : s->blocking) {
                    QVERIFY2(p.character(b.characterId), at);
                    QVERIFY2(b.screenX >= 0 && b.screenX <= 1, at);
                    QVERIFY2(!b.eyeline.isEmpty() && !b.action.isEmpty(), at);
                }
                if (s->purpose == ShotPurpose::OverTheShoulder || s->purpose == ShotPurpose::Single) {
                    dialogueCovered = true;
                    QVERIFY2(s->dialogueExcerpt.contains(u':'), at);
                }
                if (s->purpose == ShotPurpose::Insert)
                    QVERIFY2(s->size == ShotSize::Insert, at);
            }
            QVERIFY2(dialogueCovered, where);
        }
    }

    // Continuity: in every scene, of the dialogue pair, A stays screen-left looking right and B
    // screen-right looking left in every shot that holds both (the 180° rule).
    void blockingKeepsTheLine() {
        const Project p = breakDownSample(QStringLiteral("Big-Fish.fountain"));
        int pairs = 0;
        for (const Scene &sc : p.scenes) {
            const QList<const Shot *> shots = p.shotsOfScene(sc.id);
            Id a = 0, b = 0;
            for (const Shot *s : shots) {
                if (s->purpose == ShotPurpose::OverTheShoulder && s->blocking.size() == 2) {
                    const Blocking &l =
                        s->blocking[0].screenX < s->blocking[1].screenX ? s->blocking[0] : s->blocking[1];
                    const Blocking &r = &l == &s->blocking[0] ? s->blocking[1] : s->blocking[0];
                    if (!a) {
                        a = l.characterId;
                        b = r.characterId;
                        ++pairs;
                    }
                    QCOMPARE(l.characterId, a);
                    QCOMPARE(r.characterId, b);
                    QVERIFY(facesRight(l.facing));
                    QVERIFY(facesLeft(r.facing));
                }
            }
            if (!a)
                continue;
            for (const Shot *s : shots) {
                for (const Blocking &x : s->blocking) {
                    if (s->purpose == ShotPurpose::Insert)
                        continue;
                    if (x.characterId == a)
                        QVERIFY2(facesRight(x.facing), qPrintable(s->number));
                    if (x.characterId == b)
                        QVERIFY2(facesLeft(x.facing), qPrintable(s->number));
                }
            }
        }
        QVERIFY(pairs > 50);
    }

    void insertsAndReactions() {
        const Screenplay s = parseFountain(QStringLiteral(
            "INT. KITCHEN - NIGHT\n\nMARA opens the envelope. Inside, a photograph of her father.\n\n"
            "MARA\nWhere did you get this?\n\nJOE\nHe gave it to me. The day he died.\n\n"
            "Mara stares at him, stunned. Tears.\n\nMARA\nYou never told me. Never!\n\n"
            "INT. KITCHEN - LATER\n\nThe kettle boils.\n"));
        const Project p = breakDown(s);
        QCOMPARE(p.locations.size(), 1); // KITCHEN - NIGHT and KITCHEN - LATER are one place
        QCOMPARE(p.scenes[1].timeOfDay, TimeOfDay::Night); // LATER keeps the time it follows
        QStringList inserts;
        int reactions = 0;
        for (const Shot *sh : p.shotsOfScene(p.scenes[0].id)) {
            if (sh->purpose == ShotPurpose::Insert)
                inserts.append(sh->subject);
            if (sh->purpose == ShotPurpose::Reaction) {
                ++reactions;
                QCOMPARE(sh->size, ShotSize::CloseUp);
            }
        }
        QCOMPARE(inserts, (QStringList{QStringLiteral("envelope"), QStringLiteral("photograph")}));
        QVERIFY(reactions >= 1);
        QCOMPARE(p.scenes[0].mood, QStringLiteral("grief"));
        QVERIFY(!p.scenes[0].dialogueHints.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestBreakdown)
#include "tst_breakdown.moc"
