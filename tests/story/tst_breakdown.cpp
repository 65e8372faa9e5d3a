// The offline breakdown of the in-repo fixtures ("Salt and Signal" in Fountain and Final Draft, and
// the generated feature): acts, scenes, characters, locations and shots, with every shot field
// filled (BreakdownChecks names the audit item, A.1-A.4, each field answers).
#include "BreakdownChecks.h"
#include "domain/Result.h"
#include "story/Breakdown.h"
#include "story/FountainParser.h"
#include "story/ScriptImporter.h"
#include "support/ScriptGenerator.h"
#include "support/TestPaths.h"

#include <QTest>

using namespace shotcraft;
using namespace shotcraft::story;

namespace {

const QString kGenerated = QStringLiteral("generated feature");

// A fixture of tests/data by file name, or the generated feature.
Result<Project> breakDownSample(const QString &file, const QString &genre = QString()) {
    if (file == kGenerated)
        return breakDown(parseFountain(test::generateFeatureScript().text), {genre, QString(), file});
    const auto script = importFile(test::fixturePath(file));
    if (!script)
        return Result<Project>::failure(test::fixturePath(file) + QStringLiteral(": ") + script.error());
    return breakDown(*script, {genre, QString(), file});
}

} // namespace

class TestBreakdown : public QObject {
    Q_OBJECT
private slots:
    void saltAndSignal() {
        const auto sample = breakDownSample(QStringLiteral("salt-and-signal.fountain"));
        QVERIFY2(sample, qPrintable(sample.error()));
        const Project &p = *sample;
        QCOMPARE(p.scenes.size(), 10);
        for (const char *name : {"MARA", "OLD TOM"}) {
            const Character *c = p.characterByName(QLatin1String(name));
            QVERIFY2(c, name);
            QCOMPARE(c->role, CharacterRole::Principal);
            QVERIFY2(!c->description.isEmpty(), name);
        }
        // MARA (V.O.), OLD TOM (CONT'D), @McKENZIE (O.S.): extensions and markers are stripped.
        QStringList names;
        for (const Character &c : p.characters) {
            QVERIFY2(!c.name.contains(u'(') && !c.name.contains(u'@'), qPrintable(c.name));
            names.append(c.name.toUpper());
        }
        QCOMPARE(names.count(QStringLiteral("MARA")), 1);
        QVERIFY(names.contains(QStringLiteral("MCKENZIE")));
        QCOMPARE(p.characterByName(QStringLiteral("MARA"))->dialogueCount, 16);
        // The harbour wall (scenes 1 and 8) and the lamp room (2, 6, 6A) are one place each.
        QStringList places;
        for (const Location &l : p.locations) {
            QVERIFY2(!places.contains(l.name), qPrintable(l.name));
            places.append(l.name);
        }
        QCOMPARE(p.scenes[0].locationId, p.scenes[9].locationId);
        QCOMPARE(p.scenes[1].locationId, p.scenes[6].locationId);
        QCOMPARE(p.scenes[6].locationId, p.scenes[7].locationId);
        QCOMPARE(p.locations.size(), 7);
        // 6A CONTINUOUS keeps the night of the scene it follows.
        QCOMPARE(p.scenes[7].number, QStringLiteral("6A"));
        QCOMPARE(p.scenes[7].timeOfDay, TimeOfDay::Night);
        // A.4: the script's own "# ACT" sections are the acts.
        QCOMPARE(p.acts.size(), 3);
        QCOMPARE(p.act(p.scenes[4].actId)->number, 2);
        QCOMPARE(p.act(p.scenes[8].actId)->number, 3);
    }

    void generatedFeature() {
        const auto sample = breakDownSample(kGenerated);
        QVERIFY2(sample, qPrintable(sample.error()));
        const Project &p = *sample;
        const test::GeneratedScript g = test::generateFeatureScript();
        QCOMPARE(p.scenes.size(), g.scenes);
        QVERIFY(p.scenes.size() >= 150);
        QCOMPARE(p.characters.size(), g.speakers.size());
        QVERIFY(p.characters.size() >= 20);
        for (const Character &c : p.characters)
            QVERIFY2(!c.name.contains(u'('), qPrintable(c.name));
        // Fourteen places however many headings and times of day name them.
        QCOMPARE(p.locations.size(), 14);
        QCOMPARE(p.acts.size(), 3);
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

    void genreOverride() {
        const auto western =
            breakDownSample(QStringLiteral("salt-and-signal.fountain"), QStringLiteral("Western"));
        QVERIFY2(western, qPrintable(western.error()));
        QCOMPARE(western->info.genre, QStringLiteral("western"));
        // Read from the script: drowned fathers, a keeper's ledger, a ship saved from the rocks.
        const auto read = breakDownSample(QStringLiteral("salt-and-signal.fountain"));
        QVERIFY2(read, qPrintable(read.error()));
        QCOMPARE(read->info.genre, QStringLiteral("drama"));
    }

    void everyShotFieldFilled_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("Salt and Signal (Fountain)") << QStringLiteral("salt-and-signal.fountain");
        QTest::newRow("Salt and Signal (Final Draft)") << QStringLiteral("salt-and-signal.fdx");
        QTest::newRow("generated feature") << kGenerated;
    }

    void everyShotFieldFilled() {
        QFETCH(QString, file);
        const auto sample = breakDownSample(file);
        QVERIFY2(sample, qPrintable(sample.error()));
        test::checkEveryShotField(*sample);
    }

    void blockingKeepsTheLine() {
        const auto sample = breakDownSample(kGenerated);
        QVERIFY2(sample, qPrintable(sample.error()));
        int pairs = 0;
        test::checkBlockingKeepsTheLine(*sample, &pairs);
        QVERIFY2(pairs > 50, qPrintable(QString::number(pairs)));
    }

    void missingFixtureFails() {
        const auto sample = breakDownSample(QStringLiteral("no-such-script.fountain"));
        QVERIFY(!sample);
        QVERIFY2(sample.error().contains(QStringLiteral("tests/data/no-such-script.fountain")),
                 qPrintable(sample.error()));
    }
};

QTEST_GUILESS_MAIN(TestBreakdown)
#include "tst_breakdown.moc"
