// The in-repo fixtures: "Salt and Signal" (tests/data) parses into every Fountain element it is
// written with, its .fdx imports to the same screenplay, and the generated feature script has the
// size it promises and the same bytes every time.
#include "ScriptProbe.h"
#include "story/Emphasis.h"
#include "story/FountainParser.h"
#include "story/ScriptImporter.h"
#include "support/ScriptGenerator.h"
#include "support/TestPaths.h"

#include <QFile>
#include <QTest>

using namespace shotcraft;
using namespace shotcraft::story;
using shotcraft::test::probe;

namespace {
QString fixture(const char *name) {
    return test::fixturePath(QLatin1String(name));
}
} // namespace

class TestFixtureScripts : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        const auto s = importFile(fixture("salt-and-signal.fountain"));
        QVERIFY2(s, qPrintable(fixture("salt-and-signal.fountain") + QStringLiteral(": ") + s.error()));
        m_script = *s;
    }

    void elements_data() {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("expected");
        QTest::newRow("title") << u"title:title"_qs << u"SALT AND SIGNAL"_qs;
        QTest::newRow("credit") << u"title:credit"_qs << u"Written by"_qs;
        QTest::newRow("author") << u"title:author"_qs << u"Ines Calder"_qs;
        QTest::newRow("draft date") << u"title:draft date"_qs << u"12/03/2026"_qs;
        QTest::newRow("headings") << u"count:scene-heading"_qs << u"10"_qs;
        QTest::newRow("scene numbers") << u"numbers"_qs << u"1|2||3|4|5|6|6A|7|8"_qs;
        QTest::newRow("forced heading") << u"forced:scene-heading"_qs << u"THE LEDGER"_qs;
        QTest::newRow("sections") << u"depths"_qs << u"1|2|1|2|1|2"_qs;
        QTest::newRow("section text")
            << u"texts:section"_qs << u"ACT ONE|The Return|ACT TWO|The Ship With No Name|ACT THREE|Keeper"_qs;
        QTest::newRow("synopses") << u"count:synopsis"_qs << u"3"_qs;
        QTest::newRow("page breaks") << u"count:page-break"_qs << u"2"_qs;
        QTest::newRow("transitions") << u"texts:transition"_qs << u"CUT TO:|DISSOLVE TO:|FADE OUT."_qs;
        QTest::newRow("centered") << u"centered"_qs << u"THE END"_qs;
        QTest::newRow("dual") << u"dual"_qs << u"OLD TOM|PEG"_qs;
        QTest::newRow("parentheticals") << u"count:parenthetical"_qs << u"6"_qs;
        QTest::newRow("lyrics") << u"count:lyrics"_qs << u"1"_qs;
        QTest::newRow("notes")
            << u"notes"_qs
            << u"Tom's pipe is a prop through the whole film; keep it in every shot he is in."_qs;
    }

    void elements() {
        QFETCH(QString, what);
        QFETCH(QString, expected);
        QCOMPARE(probe(m_script, what), expected);
    }

    void charactersAndExtensions() {
        QStringList names;
        for (const ScreenplayCharacter &c : m_script.characters)
            names.append(c.name);
        names.sort();
        QCOMPARE(names, QStringList({u"DUNNE"_qs, u"FISHERMAN ONE"_qs, u"FISHERMAN TWO"_qs, u"MARA"_qs,
                                     u"MCKENZIE"_qs, u"OLD TOM"_qs, u"PEG"_qs}));
        // MARA (V.O.) and OLD TOM (CONT'D) are the same people as their plain cues.
        QCOMPARE(m_script.character(u"MARA"_qs)->dialogueCount, 16);
        QCOMPARE(m_script.character(u"OLD TOM"_qs)->dialogueCount, 7);
        QCOMPARE(m_script.canonicalCharacter(u"@McKENZIE (O.S.)"_qs), u"MCKENZIE"_qs);
    }

    void boneyardAndEmphasis() {
        const QString all = probe(m_script, u"all"_qs);
        // "!Nobody answers." is action, its marker gone (it would otherwise read as a cue).
        const QString action = probe(m_script, u"texts:action"_qs);
        QVERIFY(action.contains(u"Nobody answers. Only the sea."_qs));
        QVERIFY(!all.contains(u"!Nobody"_qs));
        QVERIFY2(!all.contains(u"Is that me?"_qs), "the boneyard is not part of the script");
        QVERIFY(!all.contains(u"photograph"_qs));
        int italic = 0, bold = 0, underline = 0;
        for (const ScriptElement &e : m_script.elements)
            for (const StyledRun &run : parseEmphasis(e.text)) {
                italic += run.italic && run.text == u"slow and patient" ? 1 : 0;
                bold += run.bold && run.text == u"broken rainbows" ? 1 : 0;
                underline += run.underline && run.text == u"different hand" ? 1 : 0;
            }
        QCOMPARE(italic, 1);
        QCOMPARE(bold, 1);
        QCOMPARE(underline, 1);
    }

    void fdxAgrees() {
        const auto fdx = importFile(fixture("salt-and-signal.fdx"));
        QVERIFY2(fdx, qPrintable(fixture("salt-and-signal.fdx") + QStringLiteral(": ") + fdx.error()));
        QCOMPARE(fdx->scenes.size(), m_script.scenes.size());
        for (qsizetype i = 0; i < m_script.scenes.size(); ++i) {
            const ScreenplayScene &a = m_script.scenes[i];
            const ScreenplayScene &b = fdx->scenes[i];
            QCOMPARE(b.number, a.number);
            QCOMPARE(b.heading, a.heading);
            QCOMPARE(b.location, a.location);
            QCOMPARE(b.timeOfDayText, a.timeOfDayText);
            QCOMPARE(b.characters, a.characters);
            QCOMPARE(b.dialogueCount, a.dialogueCount);
        }
        QCOMPARE(fdx->characters.size(), m_script.characters.size());
        for (const ScreenplayCharacter &c : m_script.characters) {
            const ScreenplayCharacter *other = fdx->character(c.name);
            QVERIFY2(other, qPrintable(c.name));
            QCOMPARE(other->dialogueCount, c.dialogueCount);
        }
        QCOMPARE(fdx->titleValue(u"title"_qs), m_script.titleValue(u"title"_qs));
        QCOMPARE(fdx->titleValue(u"author"_qs), m_script.titleValue(u"author"_qs));
        QCOMPARE(probe(*fdx, u"texts:transition"_qs), probe(m_script, u"texts:transition"_qs));
        QCOMPARE(probe(*fdx, u"count:parenthetical"_qs), probe(m_script, u"count:parenthetical"_qs));
        // Final Draft has no centred action of its own (Alignment is layout): the text is there.
        QVERIFY(probe(*fdx, u"texts:action"_qs).contains(probe(m_script, u"centered"_qs)));
    }

    void generatedFeature() {
        const test::GeneratedScript g = test::generateFeatureScript();
        QVERIFY(g.scenes >= 150);
        QVERIFY(g.speakers.size() >= 20);
        const Screenplay s = parseFountain(g.text);
        QCOMPARE(s.scenes.size(), g.scenes);
        QCOMPARE(s.characters.size(), g.speakers.size());
        int cues = 0;
        for (const ScreenplayScene &sc : s.scenes)
            cues += sc.dialogueCount;
        QCOMPARE(cues, g.dialogueBlocks);
        QCOMPARE(test::generateFeatureScript().text, g.text);
        QVERIFY(test::generateFeatureScript(160, 2).text != g.text);
    }

    void missingFixtureIsAnError() {
        const auto s = importFile(fixture("no-such-script.fountain"));
        QVERIFY(!s);
        QVERIFY2(!s.error().isEmpty(), "a missing file says why");
    }

private:
    Screenplay m_script;
};

QTEST_GUILESS_MAIN(TestFixtureScripts)
#include "tst_fixturescripts.moc"
