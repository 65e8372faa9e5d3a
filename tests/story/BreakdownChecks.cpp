#include "BreakdownChecks.h"

#include <QTest>

namespace shotcraft::test {

namespace {

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

void checkEveryShotField(const Project &p) {
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
            // A voice heard off screen is covered by the shot that hears it.
            if (s->dialogueExcerpt.contains(QLatin1String(" (off screen): ")))
                dialogueCovered = true;
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

void checkBlockingKeepsTheLine(const Project &p, int *pairsOut) {
    int &pairs = *pairsOut;
    pairs = 0;
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
}

} // namespace shotcraft::test
