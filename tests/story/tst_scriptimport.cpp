// Final Draft and prose import, and the importer's handling of bad input: the .fountain and .fdx of
// each script give the same scenes, characters and dialogue counts; hostile input gives a clear
// error or a graceful parse, never a crash or a hang. Built twice: on the in-repo fixture and the
// generated feature script, and (SHOTCRAFT_CORPUS_LAYER, label `corpus`) on the corpus samples.
#include "story/FdxParser.h"
#include "story/FountainParser.h"
#include "story/ScriptImporter.h"
#include "support/ScriptGenerator.h"
#include "support/TestPaths.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace shotcraft;
using namespace shotcraft::story;

class TestScriptImport : public QObject {
    Q_OBJECT
private slots:
    void fountainAndFdxAgree_data() {
        QTest::addColumn<QString>("path"); // without its .fountain / .fdx
#ifdef SHOTCRAFT_CORPUS_LAYER
        QTest::newRow("Big Fish") << test::corpusPath(QStringLiteral("samples/Big-Fish"));
        QTest::newRow("Brick & Steel") << test::corpusPath(QStringLiteral("samples/Brick-and-Steel"));
        QTest::newRow("The Last Birthday Card")
            << test::corpusPath(QStringLiteral("samples/The-Last-Birthday-Card"));
#else
        QTest::newRow("Salt and Signal") << test::fixturePath(QStringLiteral("salt-and-signal"));
#endif
    }

    void fountainAndFdxAgree() {
        QFETCH(QString, path);
        const auto fountain = importFile(path + QStringLiteral(".fountain"));
        const auto fdx = importFile(path + QStringLiteral(".fdx"));
        QVERIFY2(fountain.ok(), qPrintable(fountain.error()));
        QVERIFY2(fdx.ok(), qPrintable(fdx.error()));
        QVERIFY(fountain->scenes.size() > 0);
        QCOMPARE(fdx->scenes.size(), fountain->scenes.size());
        for (qsizetype i = 0; i < fountain->scenes.size(); ++i) {
            const ScreenplayScene &a = fountain->scenes[i];
            const ScreenplayScene &b = fdx->scenes[i];
            QCOMPARE(b.heading, a.heading);
            QCOMPARE(b.location, a.location);
            QCOMPARE(b.characters, a.characters);
            QCOMPARE(b.dialogueCount, a.dialogueCount);
        }
        QCOMPARE(fdx->characters.size(), fountain->characters.size());
        for (const ScreenplayCharacter &c : fountain->characters) {
            const ScreenplayCharacter *other = fdx->character(c.name);
            QVERIFY2(other, qPrintable(c.name));
            QCOMPARE(other->dialogueCount, c.dialogueCount);
        }
    }

    void fdxDetails() {
#ifdef SHOTCRAFT_CORPUS_LAYER
        const auto s = importFile(test::corpusPath(QStringLiteral("samples/Brick-and-Steel.fdx")));
#else
        const auto s = importFile(test::fixturePath(QStringLiteral("salt-and-signal.fdx")));
#endif
        QVERIFY2(s.ok(), qPrintable(s.error()));
        int dual = 0;
        for (const ScriptElement &e : s->elements) {
            dual += e.dual ? 1 : 0;
            QVERIFY(e.lineStart > 0 && e.lineEnd >= e.lineStart);
        }
        QCOMPARE(dual, 2);
        const auto numbered = parseFdx(QByteArrayLiteral(
            "<?xml version=\"1.0\"?><FinalDraft><Content><Paragraph Type=\"Scene Heading\" Number=\"4A\">"
            "<Text>INT. LAB - NIGHT</Text></Paragraph><Paragraph Type=\"Action\"><Text "
            "Style=\"Bold\">BOOM</Text>"
            "<Text>.</Text></Paragraph></Content><TitlePage><Content><Paragraph><Text>THE "
            "LAB</Text></Paragraph>"
            "<Paragraph><Text>Written by</Text></Paragraph><Paragraph><Text>A. Writer</Text></Paragraph>"
            "</Content></TitlePage></FinalDraft>"));
        QVERIFY2(numbered.ok(), qPrintable(numbered.error()));
        QCOMPARE(numbered->scenes.first().number, QStringLiteral("4A"));
        QCOMPARE(numbered->elements[1].text, QStringLiteral("**BOOM**."));
        QCOMPARE(numbered->titleValue(QStringLiteral("title")), QStringLiteral("THE LAB"));
        QCOMPARE(numbered->titleValue(QStringLiteral("author")), QStringLiteral("A. Writer"));
    }

#ifdef SHOTCRAFT_CORPUS_LAYER
    // A script note may sit inside the paragraph it annotates; both are read.
    void fdxNotes() {
        const auto heading =
            importFile(test::corpusPath(QStringLiteral("spec-cases/afterwriting/fdx-header_note.fdx")));
        QVERIFY2(heading.ok(), qPrintable(heading.error()));
        QCOMPARE(heading->scenes.size(), 1);
        QCOMPARE(heading->scenes.first().heading, QStringLiteral("INT. SCENE HEADING - DAY"));
        QCOMPARE(heading->notes.size(), 1);
        QCOMPARE(heading->notes.first().text, QStringLiteral("Note in scene heading."));
        const auto fountain =
            importFile(test::corpusPath(QStringLiteral("spec-cases/afterwriting/fdx-header_note.fountain")));
        QVERIFY(fountain.ok());
        QCOMPARE(fountain->notes.size(), 1);
        QCOMPARE(fountain->notes.first().text, heading->notes.first().text);
    }
#endif

    void fdxIsUntrusted_data() {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<QString>("error");
        QTest::newRow("external entity")
            << QByteArrayLiteral(
                   "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                   "<FinalDraft><Content><Paragraph Type=\"Action\"><Text>&e;</Text></Paragraph>"
                   "</Content></FinalDraft>")
            << QStringLiteral("DOCTYPE");
        QTest::newRow("billion laughs")
            << QByteArrayLiteral("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
                                 "\"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><FinalDraft><Content><Paragraph "
                                 "Type=\"Action\"><Text>&b;</Text></Paragraph></Content></FinalDraft>")
            << QStringLiteral("DOCTYPE");
        QTest::newRow("not fdx") << QByteArrayLiteral("<?xml version=\"1.0\"?><html><body/></html>")
                                 << QStringLiteral("not a Final Draft file");
        QTest::newRow("truncated") << QByteArrayLiteral(
                                          "<FinalDraft><Content><Paragraph Type=\"Action\"><Text>x")
                                   << QStringLiteral("not well-formed");
        // Found by fuzz_fdx: the reader's message quotes the declared encoding, newlines and all.
        QTest::newRow("encoding name with newlines")
            << QByteArrayLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\n\n\n\" standalone=\"no\" ?>\n"
                                 "<FinalDraft><Content/></FinalDraft>")
            << QStringLiteral("not well-formed");
    }

    void fdxIsUntrusted() {
        QFETCH(QByteArray, xml);
        QFETCH(QString, error);
        const auto s = parseFdx(xml);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(error), qPrintable(s.error()));
        QVERIFY(!s.error().contains(u'\n'));
    }

    void prose() {
        const auto treatment = importText(
            QByteArrayLiteral("Mara wakes before dawn in her cabin by the lake and finds the boat gone.\n\n"
                              "At the harbour office that morning, the clerk tells her the boat was sold.\n\n"
                              "She drives to the city and waits outside the buyer's house until night.\n\n"
                              "In the kitchen of the house she finds her father's letters.\n"));
        QVERIFY2(treatment.ok(), qPrintable(treatment.error()));
        QCOMPARE(treatment->scenes.size(), 4);
        QCOMPARE(treatment->scenes[0].timeOfDay, TimeOfDay::Dawn);
        QCOMPARE(treatment->scenes[0].intExt, InteriorExterior::Interior);
        QVERIFY2(treatment->scenes[3].location.contains(QStringLiteral("KITCHEN")),
                 qPrintable(treatment->scenes[3].location));

        const auto logline =
            importText(QByteArrayLiteral("When a retired ferry captain finds a stowaway child on her last "
                                         "crossing, she must outrun a storm "
                                         "and the men hunting the girl before the ferry reaches port."));
        QVERIFY2(logline.ok(), qPrintable(logline.error()));
        QCOMPARE(logline->scenes.size(), 3);
        int sections = 0;
        for (const ScriptElement &e : logline->elements)
            sections += e.type == ElementType::Section ? 1 : 0;
        QCOMPARE(sections, 3);
        QVERIFY(!logline->warnings.isEmpty());
    }

    void badInput_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("message");
        QByteArray binary(4096, '\0');
        for (int i = 0; i < binary.size(); ++i)
            binary[i] = char((i * 7919) & 0xff);
        QTest::newRow("binary") << binary << false << QStringLiteral("binary");
        QTest::newRow("png") << QByteArrayLiteral("\x89PNG\r\n\x1a\n\0\0\0\rIHDR") << false
                             << QStringLiteral("binary");
        QTest::newRow("empty") << QByteArray() << false << QStringLiteral("empty");
        QTest::newRow("blank") << QByteArrayLiteral("\n\n  \n") << false << QStringLiteral("empty");
        QTest::newRow("invalid utf-8") << QByteArrayLiteral("INT. CAF\xc9 - DAY\n\nJOS\xc9\nHola.\n") << true
                                       << QStringLiteral("Latin-1");
        QTest::newRow("unterminated boneyard")
            << QByteArrayLiteral("INT. ROOM - DAY\n\n/* never closed\n\nBOB\nHi.\n") << true
            << QStringLiteral("boneyard");
        QTest::newRow("unterminated note")
            << QByteArrayLiteral("INT. ROOM - DAY\n\n[[ never closed\n\nBOB\nHi.\n") << true
            << QStringLiteral("note");
    }

    void badInput() {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, ok);
        QFETCH(QString, message);
        const auto s = importText(bytes);
        QCOMPARE(s.ok(), ok);
        if (!ok) {
            QVERIFY2(s.error().contains(message), qPrintable(s.error()));
            return;
        }
        QVERIFY2(s->warnings.join(u' ').contains(message), qPrintable(s->warnings.join(u' ')));
        QCOMPARE(s->scenes.size(), 1);
        QCOMPARE(s->characters.size(), 1); // the text after an unclosed marker is not lost
    }

    void hugeFileIsRefusedQuickly() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("huge.fountain"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(100LL * 1024 * 1024)); // sparse: 100 MB without writing them
        f.close();
        QElapsedTimer t;
        t.start();
        const auto s = importFile(path);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QStringLiteral("too large")), qPrintable(s.error()));
        QVERIFY(t.elapsed() < 1000);
        QVERIFY(!importText(QByteArray(kMaxScriptBytes + 1, 'a')).ok());
    }

    // Parse time grows linearly: twice the text takes about twice the time, not four times.
    void parseIsLinear() {
#ifdef SHOTCRAFT_CORPUS_LAYER
        QFile f(test::corpusPath(QStringLiteral("samples/Big-Fish.fountain")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString one = QString::fromUtf8(f.readAll());
#else
        const QString one = test::generateFeatureScript().text;
#endif
        const QString small = one.repeated(8);
        const QString large = one.repeated(32);
        // Adversarial shapes too: a long unclosed-emphasis, unclosed-note and unclosed-boneyard run.
        const QString hostile = QStringLiteral("[[ /* *_ ").repeated(200000);
        auto best = [](const QString &text) {
            qint64 ms = std::numeric_limits<qint64>::max();
            for (int i = 0; i < 2; ++i) {
                QElapsedTimer t;
                t.start();
                const Screenplay s = parseFountain(text);
                if (s.lineCount <= 0)
                    return qint64(-1);
                ms = std::min(ms, t.elapsed());
            }
            return std::max<qint64>(ms, 1);
        };
        const qint64 a = best(small);
        const qint64 b = best(large);
        QVERIFY(a > 0 && b > 0);
        qInfo("8x: %lld ms, 32x: %lld ms", a, b);
        QVERIFY2(b < a * 4 * 2 + 50, "parse time grows faster than linearly");
        QElapsedTimer t;
        t.start();
        const Screenplay h = parseFountain(hostile);
        QVERIFY(h.elements.size() == 1);
        QVERIFY(t.elapsed() < 5000);
    }
};

#ifdef SHOTCRAFT_CORPUS_LAYER
SHOTCRAFT_CORPUS_TEST_MAIN(TestScriptImport)
#else
QTEST_GUILESS_MAIN(TestScriptImport)
#endif
#include "tst_scriptimport.moc"
