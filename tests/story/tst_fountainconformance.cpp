// Conformance of the Fountain parser with the 46 element-level cases of the Jouvence parser
// (shared/corpus/screenplays/spec-cases/jouvence-cases.json), plus emphasis and line ranges.
#include "story/Emphasis.h"
#include "story/FountainParser.h"
#include "support/TestPaths.h"

#include <QFile>
#include <QTest>

using namespace shotcraft;
using namespace shotcraft::story;

namespace {

// The corpus' encoding of one element: a type prefix and the text.
QString encode(const ScriptElement &e) {
    switch (e.type) {
    case ElementType::SceneHeading:
        return u'.' + e.text;
    case ElementType::Action:
        return (e.centered ? QStringLiteral("!><") : QStringLiteral("!")) + e.text;
    case ElementType::Character:
        return u'@' + e.text;
    case ElementType::Dialogue:
        return u'=' + e.text;
    case ElementType::Parenthetical:
        return u'_' + e.text;
    case ElementType::Transition:
        return u'>' + e.text;
    case ElementType::Lyrics:
        return u'~' + e.text;
    case ElementType::Section:
        return u'#' + e.text;
    case ElementType::Synopsis:
        return u'+' + e.text;
    case ElementType::PageBreak:
        return QStringLiteral("<pagebreak>");
    }
    return {};
}

// Cases where a deliberate reading of the Fountain spec differs from Jouvence. Empty: the parser
// follows Jouvence in every case. An entry here must say why.
const QHash<QString, QString> kDeviations = {};

} // namespace

class TestFountainConformance : public QObject {
    Q_OBJECT
private slots:
    void jouvence_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QVariantMap>("title");
        QTest::addColumn<bool>("hasTitle");
        QFile f(test::corpusPath(QStringLiteral("spec-cases/jouvence-cases.json")));
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
        const Json cases = Json::parse(f.readAll().toStdString());
        QCOMPARE(cases.size(), size_t(46));
        for (const Json &c : cases) {
            QStringList expected;
            for (const Json &o : c["out"])
                expected.append(QString::fromStdString(o.get<std::string>()));
            QVariantMap title;
            const bool hasTitle = c.contains("title");
            if (hasTitle)
                for (auto it = c["title"].begin(); it != c["title"].end(); ++it)
                    title.insert(QString::fromStdString(it.key()),
                                 QString::fromStdString(it.value().get<std::string>()));
            const QString name = QStringLiteral("%1/%2")
                                     .arg(QString::fromStdString(c["suite"].get<std::string>()))
                                     .arg(c["index"].get<int>());
            QTest::newRow(qPrintable(name))
                << QString::fromStdString(c["in"].get<std::string>()) << expected << title << hasTitle;
        }
    }

    void jouvence() {
        QFETCH(QString, input);
        QFETCH(QStringList, expected);
        QFETCH(QVariantMap, title);
        QFETCH(bool, hasTitle);
        const QString deviation = kDeviations.value(QString::fromLatin1(QTest::currentDataTag()));
        if (!deviation.isEmpty())
            QEXPECT_FAIL("", qPrintable(deviation), Continue);
        const Screenplay script = parseFountain(input);
        QStringList got;
        for (const ScriptElement &e : script.elements)
            got.append(encode(e));
        QCOMPARE(got, expected);
        if (hasTitle) {
            QVariantMap gotTitle;
            for (const auto &[k, v] : script.titlePage)
                gotTitle.insert(k, v);
            QCOMPARE(gotTitle, title);
        }
    }

    void lineEndingsAndBom() {
        const QString lf = QStringLiteral("Title: T\n\nINT. ROOM - DAY\n\nBOB\nHi.\n");
        QString crlf = lf;
        crlf.replace(QStringLiteral("\n"), QStringLiteral("\r\n"));
        const Screenplay a = parseFountain(lf);
        const Screenplay b = parseFountain(QChar(0xFEFF) + crlf);
        QCOMPARE(b.elements.size(), a.elements.size());
        for (qsizetype i = 0; i < a.elements.size(); ++i) {
            QCOMPARE(encode(b.elements[i]), encode(a.elements[i]));
            QCOMPARE(b.elements[i].lineStart, a.elements[i].lineStart);
        }
        QCOMPARE(b.titleValue(QStringLiteral("title")), QStringLiteral("T"));
    }

    void lineRanges() {
        const Screenplay s =
            parseFountain(QStringLiteral("INT. ROOM - DAY #12A#\n\nA long\naction.\n\n/*\ngone\n*/\n"
                                         "BOB (V.O.)\n(quiet)\nHi.\nThere.\n[[a note\nover lines]]\n"));
        QCOMPARE(s.elements.size(), 5);
        QCOMPARE(s.elements[0].sceneNumber, QStringLiteral("12A"));
        QCOMPARE(s.elements[0].text, QStringLiteral("INT. ROOM - DAY"));
        QCOMPARE(s.elements[1].lineStart, 2);
        QCOMPARE(s.elements[1].lineEnd, 4);
        QCOMPARE(s.elements[2].type, ElementType::Character);
        QCOMPARE(s.elements[2].lineStart, 9);
        QCOMPARE(s.elements[3].type, ElementType::Parenthetical);
        QCOMPARE(s.elements[4].lineStart, 11);
        QCOMPARE(s.elements[4].lineEnd, 12);
        QCOMPARE(s.notes.size(), 1);
        QCOMPARE(s.notes[0].text, QStringLiteral("a note\nover lines"));
        QCOMPARE(s.notes[0].lineStart, 13);
        QCOMPARE(s.notes[0].lineEnd, 14);
        QCOMPARE(s.scenes.size(), 1);
        QCOMPARE(s.scenes[0].number, QStringLiteral("12A"));
        QCOMPARE(s.scenes[0].lineEnd, 12);
        QCOMPARE(s.scenes[0].characters, QStringList{QStringLiteral("BOB")});
    }

    void emphasis_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("plain");
        QTest::addColumn<int>("runs");
        QTest::addColumn<int>("boldRun");
        QTest::newRow("italic") << QStringLiteral("a *b* c") << QStringLiteral("a b c") << 3 << -1;
        QTest::newRow("bold") << QStringLiteral("**b** c") << QStringLiteral("b c") << 2 << 0;
        QTest::newRow("bold italic") << QStringLiteral("x ***y***") << QStringLiteral("x y") << 2 << 1;
        QTest::newRow("underline bold") << QStringLiteral("_**BRICK**_") << QStringLiteral("BRICK") << 1 << 0;
        QTest::newRow("escaped") << QStringLiteral("\\*not\\*") << QStringLiteral("*not*") << 1 << -1;
        QTest::newRow("unclosed") << QStringLiteral("5 * 3") << QStringLiteral("5 * 3") << 1 << -1;
    }

    void emphasis() {
        QFETCH(QString, input);
        QFETCH(QString, plain);
        QFETCH(int, runs);
        QFETCH(int, boldRun);
        QCOMPARE(stripEmphasis(input), plain);
        const QList<StyledRun> r = parseEmphasis(input);
        QCOMPARE(r.size(), runs);
        for (int i = 0; i < r.size(); ++i)
            QCOMPARE(r[i].bold, i == boldRun);
    }

    void headings_data() {
        QTest::addColumn<QString>("heading");
        QTest::addColumn<QString>("location");
        QTest::addColumn<int>("time");
        QTest::addColumn<int>("intExt");
        QTest::newRow("plain") << QStringLiteral("INT. KITCHEN - NIGHT") << QStringLiteral("KITCHEN")
                               << int(TimeOfDay::Night) << int(InteriorExterior::Interior);
        QTest::newRow("later") << QStringLiteral("INT. KITCHEN - LATER") << QStringLiteral("KITCHEN")
                               << int(TimeOfDay::Continuous) << int(InteriorExterior::Interior);
        QTest::newRow("year") << QStringLiteral("INT.  WILL'S BEDROOM - NIGHT (1973)")
                              << QStringLiteral("WILL'S BEDROOM") << int(TimeOfDay::Night)
                              << int(InteriorExterior::Interior);
        QTest::newRow("bracket") << QStringLiteral("EXT.  BLOOM BACK YARD - NIGHT [CONTINUOUS]")
                                 << QStringLiteral("BLOOM BACK YARD") << int(TimeOfDay::Night)
                                 << int(InteriorExterior::Exterior);
        QTest::newRow("int/ext") << QStringLiteral("INT./EXT.  BLOOM HOUSE - (PRESENT) DAY")
                                 << QStringLiteral("BLOOM HOUSE") << int(TimeOfDay::Day)
                                 << int(InteriorExterior::InteriorExterior);
        QTest::newRow("no time") << QStringLiteral("EXT. FURTHER ALONG - ROUGH PATH")
                                 << QStringLiteral("FURTHER ALONG - ROUGH PATH") << int(TimeOfDay::Unknown)
                                 << int(InteriorExterior::Exterior);
        QTest::newRow("i/e dusk") << QStringLiteral("I/E CAR - DUSK") << QStringLiteral("CAR")
                                  << int(TimeOfDay::Dusk) << int(InteriorExterior::InteriorExterior);
    }

    void headings() {
        QFETCH(QString, heading);
        QFETCH(QString, location);
        QFETCH(int, time);
        QFETCH(int, intExt);
        const ParsedHeading h = parseHeading(heading);
        QCOMPARE(normaliseLocation(h.location), location);
        QCOMPARE(int(h.timeOfDay), time);
        QCOMPARE(int(h.intExt), intExt);
    }

    void characterNames() {
        QCOMPARE(normaliseCharacterName(QStringLiteral("EDWARD (V.O.)(CONT'D)")), QStringLiteral("EDWARD"));
        QCOMPARE(normaliseCharacterName(QStringLiteral("WILL  (CONT'D) ^")), QStringLiteral("WILL"));
        QCOMPARE(normaliseCharacterName(QStringLiteral("@McCLANE")), QStringLiteral("MCCLANE"));
        const Screenplay s = parseFountain(QStringLiteral(
            "INT. WARD - DAY\n\nDR. BENNETT\nHello.\n\nBENNETT (CONT'D)\nAgain.\n\nDR. BENNETT\nThird.\n"));
        QCOMPARE(s.characters.size(), 1);
        QCOMPARE(s.characters[0].name, QStringLiteral("DR. BENNETT"));
        QCOMPARE(s.characters[0].aliases, QStringList{QStringLiteral("BENNETT")});
        QCOMPARE(s.characters[0].dialogueCount, 3);
        QCOMPARE(s.canonicalCharacter(QStringLiteral("BENNETT (O.S.)")), QStringLiteral("DR. BENNETT"));
    }
};

SHOTCRAFT_CORPUS_TEST_MAIN(TestFountainConformance)
#include "tst_fountainconformance.moc"
