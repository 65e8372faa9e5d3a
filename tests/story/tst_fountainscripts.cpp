// The element scripts of the Fountain reference parser (nyousefi/) and of screenplain parse into the
// elements their names describe; the sample scripts parse into scenes with numbers and line ranges.
#include "ScriptProbe.h"
#include "domain/Result.h"
#include "story/FountainParser.h"
#include "support/TestPaths.h"

#include <QFile>
#include <QTest>

using namespace shotcraft;
using namespace shotcraft::story;
using shotcraft::test::probe;

namespace {

Result<Screenplay> load(const QString &relative) {
    QFile f(test::corpusPath(relative));
    if (!f.open(QIODevice::ReadOnly))
        return Result<Screenplay>::failure(QStringLiteral("cannot read ") + f.fileName());
    return parseFountain(QString::fromUtf8(f.readAll()));
}

} // namespace

class TestFountainScripts : public QObject {
    Q_OBJECT
private slots:
    void elements_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("expected");
        auto row = [](const char *file, const char *what, const QString &expected) {
            QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(QLatin1String(file), QLatin1String(what))))
                << QString::fromUtf8(file) << QString::fromUtf8(what) << expected;
        };
        const QString ny = QStringLiteral("spec-cases/nyousefi/");
        Q_UNUSED(ny);
        row("spec-cases/nyousefi/Boneyard.fountain", "all",
            QStringLiteral("A line of action.\n\n\n\nThis is an  boneyard."));
        row("spec-cases/nyousefi/CenteredText.fountain", "centered",
            QStringLiteral("Centered|No space|Lots of Space"));
        row("spec-cases/nyousefi/CenteredText.fountain", "texts:transition", QStringLiteral("Not centered"));
        row("spec-cases/nyousefi/Dialogue.fountain", "count:character", QStringLiteral("12"));
        row("spec-cases/nyousefi/Dialogue.fountain", "texts:parenthetical",
            QStringLiteral("(nervous)|(kissing him)|(*This is a valid character cue.*)|(feeling cocky)"));
        row("spec-cases/nyousefi/Dialogue.fountain", "dual", QStringLiteral("ADAM|EVE"));
        row("spec-cases/nyousefi/DualDialogue.fountain", "dual", QStringLiteral("ADAM|EVE"));
        row("spec-cases/nyousefi/ForcedElements.fountain", "forced:action",
            QStringLiteral("BANG\nBANG\nBANG"));
        row("spec-cases/nyousefi/ForcedElements.fountain", "forced:character", QStringLiteral("McDUCK"));
        row("spec-cases/nyousefi/ForcedElements.fountain", "texts:lyrics",
            QStringLiteral("These are the songs\nThat I sing."));
        row("spec-cases/nyousefi/Indenting.fountain", "texts:transition", QStringLiteral("CUT TO:"));
        row("spec-cases/nyousefi/Indenting.fountain", "texts:character", QStringLiteral("BRICK|STEEL"));
        row("spec-cases/nyousefi/Indenting.fountain", "texts:parenthetical",
            QStringLiteral("(starting the engine)"));
        row("spec-cases/nyousefi/MultilineAction.fountain", "count:action", QStringLiteral("1"));
        row("spec-cases/nyousefi/MultilineAction.fountain", "count:character", QStringLiteral("0"));
        row("spec-cases/nyousefi/Notes.fountain", "notes",
            QStringLiteral("A note.|This line spans\nmultiple lines.|internal"));
        row("spec-cases/nyousefi/PageBreaks.fountain", "count:page-break", QStringLiteral("2"));
        row("spec-cases/nyousefi/SceneHeaders.fountain", "count:scene-heading", QStringLiteral("16"));
        row("spec-cases/nyousefi/SceneNumbers.fountain", "numbers",
            QStringLiteral("1|1A|1a|A1|I-1-A|1.|110A"));
        row("spec-cases/nyousefi/SectionHeaders.fountain", "depths", QStringLiteral("1|1|1|1|1|2|3"));
        row("spec-cases/nyousefi/Sections-Complex.fountain", "texts:section",
            QStringLiteral("Act 1|Act 2|Sequence 1"));
        row("spec-cases/nyousefi/Sections-Complex.fountain", "count:scene-heading", QStringLiteral("2"));
        row("spec-cases/nyousefi/Simple.fountain", "title:title", QStringLiteral("A Simple Script"));
        row("spec-cases/nyousefi/Simple.fountain", "texts:scene-heading",
            QStringLiteral("INT. OFFICE - MORNING|ext. house - day|FORCED SCENE HEADING"));
        row("spec-cases/nyousefi/Simple.fountain", "centered", QStringLiteral("THE END"));
        row("spec-cases/nyousefi/Simple.fountain", "texts:transition", QStringLiteral("Burn to White."));
        row("spec-cases/nyousefi/Simple.fountain", "count:page-break", QStringLiteral("1"));
        row("spec-cases/nyousefi/Synopses.fountain", "texts:synopsis",
            QStringLiteral("This is the first act.|This is another act.|THE FINAL ACT"));
        row("spec-cases/nyousefi/Transitions.fountain", "texts:transition",
            QStringLiteral("CUT TO:|SMASH CUT TO:|NOT A STANDARD TRANSITION:|GO TO:|TO:"));
        // A removed boneyard separates elements like a blank line (as screenplain renders it).
        row("spec-cases/screenplain/boneyard.fountain", "texts:transition", QStringLiteral("CUT TO:"));
        row("spec-cases/screenplain/boneyard.fountain", "texts:scene-heading",
            QStringLiteral("EXT. PALATIAL MANSION - DAY"));
        row("spec-cases/screenplain/boneyard.fountain", "count:character", QStringLiteral("0"));
        row("spec-cases/screenplain/dialogue-with-blank-line.fountain", "texts:dialogue",
            QStringLiteral("Dealer gets a seven.\n\nHit or stand sir?"));
        row("spec-cases/screenplain/dual-dialogue.fountain", "dual", QStringLiteral("GIRL|GUY"));
        row("spec-cases/screenplain/extended-characters.fountain", "count:action", QStringLiteral("1"));
        row("spec-cases/screenplain/forced-action.fountain", "count:action", QStringLiteral("1"));
        row("spec-cases/screenplain/forced-transition.fountain", "texts:transition",
            QStringLiteral("Black screen indicating a discontinuity of time."));
        row("spec-cases/screenplain/page-break.fountain", "count:page-break", QStringLiteral("1"));
        row("spec-cases/screenplain/parenthetical.fountain", "texts:parenthetical",
            QStringLiteral("(screaming)"));
        row("spec-cases/screenplain/scene-numbers.fountain", "numbers", QStringLiteral("1|2|||2-B"));
        row("spec-cases/screenplain/sections.fountain", "depths", QStringLiteral("1|2|2"));
        row("spec-cases/screenplain/title-page.fountain", "title:contact",
            QStringLiteral("your.email@example.com\n(555) 123-4567"));
        row("spec-cases/screenplain/utf-8-bom.fountain", "texts:scene-heading",
            QStringLiteral("EXT. SOMEWHERE - DAY"));
        row("spec-cases/screenplain/notes.fountain", "notes",
            QStringLiteral(
                "some notes|multiline\nnote\nhere|multiline\nnote\n\nwith a blank line|notes|line|"
                "Note as its own paragraph does not generate an empty paragraph|"
                "Note as its own paragraph\non several lines\ndoes not generate an empty paragraph"));
    }

    void elements() {
        QFETCH(QString, file);
        QFETCH(QString, what);
        QFETCH(QString, expected);
        const auto script = load(file);
        QVERIFY2(script, qPrintable(script.error()));
        const Screenplay &s = *script;
        const QString got = probe(s, what);
        QCOMPARE(got, expected);
    }

    void notesNeverCrossBlankLines() {
        const auto script = load(QStringLiteral("spec-cases/screenplain/notes.fountain"));
        QVERIFY2(script, qPrintable(script.error()));
        const Screenplay &s = *script;
        QVERIFY(!s.warnings.isEmpty());
        QVERIFY(probe(s, QStringLiteral("texts:action")).contains(QStringLiteral("This is not [[")));
    }

    void samples_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("scenes");
        QTest::addColumn<QString>("firstHeading");
        QTest::newRow("Brick & Steel") << QStringLiteral("samples/Brick-and-Steel.fountain") << 8
                                       << QStringLiteral("EXT. BRICK'S PATIO - DAY");
        QTest::newRow("Big Fish") << QStringLiteral("samples/Big-Fish.fountain") << 190 << QString();
        QTest::newRow("Birthday Card")
            << QStringLiteral("samples/The-Last-Birthday-Card.fountain") << 48 << QString();
    }

    void samples() {
        QFETCH(QString, file);
        QFETCH(int, scenes);
        QFETCH(QString, firstHeading);
        const auto script = load(file);
        QVERIFY2(script, qPrintable(script.error()));
        const Screenplay &s = *script;
        QCOMPARE(s.scenes.size(), scenes);
        if (!firstHeading.isEmpty())
            QCOMPARE(s.scenes.first().heading, firstHeading);
        int previousEnd = 0;
        for (const ScreenplayScene &scene : s.scenes) {
            QVERIFY(scene.lineStart > previousEnd);
            QVERIFY(scene.lineEnd >= scene.lineStart);
            previousEnd = scene.lineEnd;
        }
    }
};

SHOTCRAFT_CORPUS_TEST_MAIN(TestFountainScripts)
#include "tst_fountainscripts.moc"
