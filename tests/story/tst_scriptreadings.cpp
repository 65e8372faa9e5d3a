// How the breakdown reads a script as a cinematographer would, on an original script written for it
// (tests/data/quality/signal-box.fountain): voices heard but not seen get no body, no sheet and no
// coverage; each shot carries the line or beat it covers; scene numbers never collide; continuity
// headings inherit the time of day.
#include "dna/LookBook.h"
#include "story/Breakdown.h"
#include "story/FountainParser.h"
#include "story/PlaceName.h"
#include "story/Reimport.h"
#include "support/TestPaths.h"

#include <QFile>
#include <QSet>
#include <QTest>

using namespace shotcraft;
using namespace shotcraft::story;
using namespace Qt::StringLiterals;

namespace {

QString signalBoxPath() {
    return test::fixturePath(QStringLiteral("quality/signal-box.fountain"));
}

// Empty when the fixture cannot be read; initTestCase fails with its path first.
Screenplay signalBoxScript() {
    QFile f(signalBoxPath());
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return parseFountain(QString::fromUtf8(f.readAll()));
}

const Project &signalBox() {
    static const Project p =
        breakDown(signalBoxScript(), {QString(), QString(), QStringLiteral("signal-box.fountain")});
    return p;
}

Id characterNamed(const Project &p, const QString &name) {
    for (const Character &c : p.characters)
        if (c.name == name)
            return c.id;
    return 0;
}

const Scene *sceneNumbered(const Project &p, const QString &number) {
    for (const Scene &s : p.scenes)
        if (s.number == number)
            return &s;
    return nullptr;
}

QList<Shot> shotsOf(const Project &p, const Scene *scene) {
    QList<Shot> out;
    for (const Shot *s : p.shotsOfScene(scene->id))
        out.append(*s);
    return out;
}

} // namespace

class TestScriptReadings : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY2(QFile::exists(signalBoxPath()),
                 qPrintable(signalBoxPath() + QStringLiteral(": missing fixture")));
        QVERIFY(!signalBox().scenes.isEmpty());
    }

    void scenes_data() {
        QTest::addColumn<int>("order");
        QTest::addColumn<QString>("number");
        QTest::addColumn<TimeOfDay>("time");
        QTest::addColumn<QStringList>("present");
        // The narrator's V.O. over the cutting gives him no body there; he is in the box.
        QTest::newRow("cutting") << 1 << u"1"_s << TimeOfDay::Night << QStringList{u"PETRA"_s};
        QTest::newRow("box, continuous")
            << 2 << u"2"_s << TimeOfDay::Night << QStringList{u"TOMAS"_s, u"PETRA"_s};
        // Unnumbered forced heading before an explicit #3#: an inserted number, not a second 3.
        QTest::newRow("forced, unnumbered") << 3 << u"2A"_s << TimeOfDay::Night << QStringList{};
        QTest::newRow("platform, moments later")
            << 4 << u"3"_s << TimeOfDay::Night << QStringList{u"PETRA"_s};
    }
    void scenes() {
        QFETCH(int, order);
        QFETCH(QString, number);
        QFETCH(TimeOfDay, time);
        QFETCH(QStringList, present);
        const Project &p = signalBox();
        QCOMPARE(p.scenes.size(), 4);
        const Scene &s = p.scenes[order - 1];
        QCOMPARE(s.number, number);
        QCOMPARE(s.timeOfDay, time);
        QStringList names;
        for (const Id id : s.characterIds)
            names.append(p.character(id)->name);
        std::sort(names.begin(), names.end());
        std::sort(present.begin(), present.end());
        QCOMPARE(names, present);
        // Every shot of the scene is numbered after it, and no two shots share a number.
        for (const Shot &shot : shotsOf(p, &s))
            QVERIFY2(shot.number.startsWith(number) && shot.number.size() > number.size(),
                     qPrintable(shot.number));
    }

    void shotNumbersUnique() {
        QSet<QString> numbers;
        for (const Shot &s : signalBox().shots) {
            QVERIFY2(!numbers.contains(s.number), qPrintable(s.number));
            numbers.insert(s.number);
        }
    }

    void voices_data() {
        QTest::addColumn<QString>("voice");
        QTest::addColumn<QString>("scene");
        QTest::addColumn<QString>("device");
        QTest::newRow("narrator") << u"TOMAS"_s << u"1"_s << QString();
        QTest::newRow("radio") << u"CONTROLLER"_s << u"2"_s << u"radio"_s;
        QTest::newRow("phone") << u"ANDRZEJ"_s << u"3"_s << u"phone"_s;
    }
    void voices() {
        QFETCH(QString, voice);
        QFETCH(QString, scene);
        QFETCH(QString, device);
        const Project &p = signalBox();
        const Id id = characterNamed(p, voice);
        QVERIFY(id);
        const Scene *s = sceneNumbered(p, scene);
        QVERIFY(s);
        QVERIFY(!s->characterIds.contains(id));
        const QList<Shot> shots = shotsOf(p, s);
        int inserts = 0;
        for (const Shot &shot : shots) {
            QVERIFY2(!shot.characterIds().contains(id), qPrintable(shot.number + u' ' + shot.description));
            QVERIFY2(!shot.description.contains(QStringLiteral("Over %1").arg(voice)),
                     qPrintable(shot.description));
            QVERIFY2(!shot.description.contains(QStringLiteral("Single on %1").arg(voice)),
                     qPrintable(shot.description));
            if (shot.purpose == ShotPurpose::Insert && shot.subject == device) {
                ++inserts;
                QVERIFY2(shot.dialogueExcerpt.startsWith(voice + u" (off screen): "_s),
                         qPrintable(shot.dialogueExcerpt));
                QVERIFY(shot.description.contains(voice));
                QVERIFY(shot.blocking.isEmpty());
            }
        }
        QCOMPARE(inserts, device.isEmpty() ? 0 : 1);
    }

    // Tomas narrates over the cutting and stands in the box: a body only where he is.
    void onScreenAndVoiceOver() {
        const Project &p = signalBox();
        const Id tomas = characterNamed(p, u"TOMAS"_s);
        bool inBox = false;
        for (const Shot &shot : p.shots) {
            if (!shot.characterIds().contains(tomas))
                continue;
            QCOMPARE(p.scene(shot.sceneId)->number, u"2"_s);
            inBox = true;
        }
        QVERIFY(inBox);
    }

    void lookBookSheets() {
        Project p = signalBox();
        dna::buildLookBook(p);
        QSet<QString> sheets;
        for (const ReferenceImage &r : p.references)
            if (r.role == ReferenceRole::CharacterSheet)
                sheets.insert(p.character(r.ownerId)->name);
        QCOMPARE(sheets, (QSet<QString>{u"PETRA"_s, u"TOMAS"_s}));
    }

    void excerpts_data() {
        QTest::addColumn<QString>("scene");
        QTest::addColumn<ShotPurpose>("purpose");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("excerpt");
        QTest::newRow("establishing the cutting")
            << u"1"_s << ShotPurpose::Establishing << u"RAILWAY CUTTING"_s << u"Snow lies on the sleepers."_s;
        QTest::newRow("establishing the footbridge")
            << u"2A"_s << ShotPurpose::Establishing << u"UNDER THE FOOTBRIDGE"_s
            << u"Icicles hang from the girders."_s;
        QTest::newRow("over the shoulder onto Petra")
            << u"2"_s << ShotPurpose::OverTheShoulder << u"PETRA"_s << u"PETRA: Then we wait for it."_s;
        QTest::newRow("over the shoulder onto Tomas")
            << u"2"_s << ShotPurpose::OverTheShoulder << u"TOMAS"_s
            << u"TOMAS: Forty minutes. In this snow it will be an hour."_s;
        // The narrator is heard over the shot that covers his moment, not given a shot of his own.
        QTest::newRow("narration over the master")
            << u"1"_s << ShotPurpose::Master << u"PETRA"_s
            << u"TOMAS (off screen): The night train had not been late in eleven years."_s;
        QTest::newRow("radio insert") << u"2"_s << ShotPurpose::Insert << u"radio"_s
                                      << u"CONTROLLER (off screen): Box twelve, the express is running forty "
                                         u"minutes down. Hold the distant."_s;
    }
    void excerpts() {
        QFETCH(QString, scene);
        QFETCH(ShotPurpose, purpose);
        QFETCH(QString, subject);
        QFETCH(QString, excerpt);
        const Project &p = signalBox();
        const Scene *s = sceneNumbered(p, scene);
        QVERIFY(s);
        const QList<Shot> shots = shotsOf(p, s);
        const auto it = std::find_if(shots.cbegin(), shots.cend(), [&](const Shot &shot) {
            return shot.purpose == purpose && shot.subject == subject;
        });
        QVERIFY2(it != shots.cend(), qPrintable(subject));
        QCOMPARE(it->dialogueExcerpt, excerpt);
    }

    // No scene repeats one excerpt on every shot.
    void excerptsDiffer() {
        const Project &p = signalBox();
        for (const Scene &s : p.scenes) {
            const QList<Shot> shots = shotsOf(p, &s);
            if (shots.size() < 2)
                continue;
            QSet<QString> distinct;
            for (const Shot &shot : shots)
                distinct.insert(shot.dialogueExcerpt);
            QVERIFY2(distinct.size() > 1, qPrintable(s.number));
        }
    }

    // Re-importing the same script keeps every scene's number.
    void reimportKeepsNumbers() {
        const Project &p = signalBox();
        ReimportReport report;
        const Project again = reimport(p, signalBoxScript(), {}, &report);
        QStringList before, after;
        for (const Scene &s : p.scenes)
            before.append(s.number);
        for (const Scene &s : again.scenes)
            after.append(s.number);
        QCOMPARE(after, before);
        QCOMPARE(report.unchanged, 4);
    }

    void offScreenCues_data() {
        QTest::addColumn<QString>("cue");
        QTest::addColumn<QString>("parenthetical");
        QTest::addColumn<bool>("offScreen");
        QTest::addColumn<QString>("device");
        QTest::newRow("V.O.") << u"EDWARD (V.O.)"_s << QString() << true << QString();
        QTest::newRow("O.S. with CONT'D") << u"NURSE (O.S.) (CONT'D)"_s << QString() << true << QString();
        QTest::newRow("on radio extension") << u"PILOT (ON RADIO)"_s << QString() << true << u"radio"_s;
        QTest::newRow("device speaker") << u"WALKIE-TALKIE"_s << QString() << true << u"radio"_s;
        QTest::newRow("over the phone") << u"MOTHER"_s << u"(over the phone)"_s << true << u"phone"_s;
        QTest::newRow("narrator") << u"NARRATOR"_s << QString() << true << QString();
        QTest::newRow("on screen") << u"PETRA"_s << u"(quietly)"_s << false << QString();
        QTest::newRow("into the phone, on screen")
            << u"PETRA"_s << u"(into her phone)"_s << false << QString();
        QTest::newRow("continued") << u"TOMAS (CONT'D)"_s << QString() << false << QString();
    }
    void offScreenCues() {
        QFETCH(QString, cue);
        QFETCH(QString, parenthetical);
        QFETCH(bool, offScreen);
        QFETCH(QString, device);
        QCOMPARE(isOffScreenVoice(cue, parenthetical), offScreen);
        if (offScreen)
            QCOMPARE(voiceDevice(cue, parenthetical), device);
    }

    void unnumberedNumbers_data() {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QStringList>("numbers");
        QTest::newRow("none written")
            << u"INT. A - DAY\n\nx\n\nINT. B - DAY\n\ny\n"_s << QStringList{u"1"_s, u"2"_s};
        QTest::newRow("explicit later")
            << u"INT. A - DAY #1#\n\nx\n\nINT. B - DAY\n\ny\n\nINT. C - DAY #2#\n\nz\n"_s
            << QStringList{u"1"_s, u"1A"_s, u"2"_s};
        QTest::newRow("two inserted")
            << u"INT. A - DAY #4#\n\nx\n\nINT. B - DAY\n\ny\n\nINT. C - DAY\n\nz\n\nINT. D - DAY #2#\n\nw\n\nINT. E - DAY #3#\n\nv\n"_s
            << QStringList{u"4"_s, u"4A"_s, u"4B"_s, u"2"_s, u"3"_s};
        QTest::newRow("first unnumbered, 1 taken")
            << u"INT. A - DAY\n\nx\n\nINT. B - DAY #1#\n\ny\n"_s << QStringList{u"1A"_s, u"1"_s};
    }
    void unnumberedNumbers() {
        QFETCH(QString, script);
        QFETCH(QStringList, numbers);
        QStringList got;
        for (const ScreenplayScene &s : parseFountain(script).scenes)
            got.append(s.number);
        QCOMPARE(got, numbers);
    }
    void headings_data() {
        QTest::addColumn<QString>("heading");
        QTest::addColumn<QString>("location");
        QTest::addColumn<QStringList>("modifiers");
        QTest::addColumn<InteriorExterior>("intExt");
        QTest::addColumn<QString>("reason");
        QTest::newRow("moving vehicle")
            << u"INT./EXT. PETRA'S VAN - MOVING - NIGHT"_s << u"PETRA'S VAN"_s << QStringList{u"MOVING"_s}
            << InteriorExterior::InteriorExterior << QString();
        QTest::newRow("modifier after the time")
            << u"EXT. YARD - NIGHT - FLASHBACK"_s << u"YARD"_s << QStringList{u"FLASHBACK"_s}
            << InteriorExterior::Exterior << QString();
        QTest::newRow("forced, outside")
            << u".UNDER THE FOOTBRIDGE"_s << u"UNDER THE FOOTBRIDGE"_s << QStringList{}
            << InteriorExterior::Exterior
            << u"no INT./EXT. in the heading: read as exterior from \"footbridge\""_s;
        QTest::newRow("forced, inside")
            << u".THE LAMP ROOM"_s << u"THE LAMP ROOM"_s << QStringList{} << InteriorExterior::Interior
            << u"no INT./EXT. in the heading: read as interior from \"room\""_s;
    }
    void headings() {
        QFETCH(QString, heading);
        QFETCH(QString, location);
        QFETCH(QStringList, modifiers);
        QFETCH(InteriorExterior, intExt);
        QFETCH(QString, reason);
        const Screenplay script = parseFountain(heading + u"\n\nA door bangs.\n"_s);
        QCOMPARE(script.scenes.size(), 1);
        const ScreenplayScene &s = script.scenes.first();
        QCOMPARE(s.location, location);
        QCOMPARE(s.modifiers, modifiers);
        QCOMPARE(s.intExt, intExt);
        QCOMPARE(s.intExtReason, reason);
    }

    void placeProse_data() {
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("phrase");
        QTest::addColumn<QString>("noun");
        QTest::newRow("surface") << u"HARBOUR WALL"_s << u"on the harbour wall"_s << u"the harbour wall"_s;
        QTest::newRow("vehicle, possessive")
            << u"PETRA'S VAN"_s << u"inside Petra's van"_s << u"Petra's van"_s;
        QTest::newRow("preposition written") << u"UNDER THE PIER"_s << u"under the pier"_s << u"the pier"_s;
        QTest::newRow("room") << u"SIGNAL BOX"_s << u"in the signal box"_s << u"the signal box"_s;
        QTest::newRow("proper name") << u"TOMAS COTTAGE"_s << u"in the Tomas cottage"_s
                                     << u"the Tomas cottage"_s;
    }
    void placeProse() {
        QFETCH(QString, location);
        QFETCH(QString, phrase);
        QFETCH(QString, noun);
        QCOMPARE(placePhrase(location, {u"TOMAS"_s}), phrase);
        QCOMPARE(placeNoun(location, {u"TOMAS"_s}), noun);
    }

    // The forced heading's reading is in every shot's rationale, and no prose says "in the" a wall.
    void forcedHeadingRationale() {
        const Project &p = signalBox();
        const Scene *s = sceneNumbered(p, u"2A"_s);
        QVERIFY(s);
        QCOMPARE(s->intExt, InteriorExterior::Exterior);
        const QList<Shot> shots = shotsOf(p, s);
        QVERIFY(!shots.isEmpty());
        for (const Shot &shot : shots)
            QVERIFY2(shot.notes.contains(u"read as exterior from \"footbridge\""_s), qPrintable(shot.notes));
        QVERIFY2(
            shots.first().description.startsWith(u"Establishing exterior: under the footbridge, night."_s),
            qPrintable(shots.first().description));
    }
};

QTEST_GUILESS_MAIN(TestScriptReadings)
#include "tst_scriptreadings.moc"
