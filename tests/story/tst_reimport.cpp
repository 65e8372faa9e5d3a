// Re-importing an edited script keeps the ids (and so the takes) of unchanged scenes and shots, and
// reports the scenes added, changed and removed. Built twice: on the in-repo fixture, and (with
// SHOTCRAFT_CORPUS_LAYER, label `corpus`) on Brick & Steel of the screenplay corpus.
#include "story/Breakdown.h"
#include "story/FountainParser.h"
#include "story/Reimport.h"
#include "support/TestPaths.h"

#include <QFile>
#include <QTest>

using namespace shotcraft;
using namespace shotcraft::story;

class TestReimport : public QObject {
    Q_OBJECT
private slots:
    void editedScriptKeepsWhatDidNotChange_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("scenes");
        QTest::addColumn<QString>("line");        // a line to change...
        QTest::addColumn<QString>("changedLine"); // ...into this, in the scene named by:
        QTest::addColumn<QString>("changedScene");
        QTest::addColumn<QString>("dropFrom"); // a scene to drop, up to (not including) dropTo
        QTest::addColumn<QString>("dropTo");
        QTest::addColumn<QString>("added"); // a scene added at the end, and its report line
        QTest::addColumn<QString>("addedReport");
#ifdef SHOTCRAFT_CORPUS_LAYER
        QTest::newRow("Brick & Steel")
            << test::corpusPath(QStringLiteral("samples/Brick-and-Steel.fountain")) << 8
            << u"Then let's retire them."_qs << u"Then let's retire them, boys."_qs << u"TRAILER HOME"_qs
            << u".SNIPER SCOPE POV"_qs << u"\n.OPENING TITLES"_qs
            << u"EXT. BEACH - DAWN\n\nBrick and Steel watch the sun come up.\n\nBRICK\nRetirement.\n"_qs
            << u"8 EXT. BEACH - DAWN"_qs;
#else
        QTest::newRow("Salt and Signal")
            << test::fixturePath(QStringLiteral("salt-and-signal.fountain")) << 10 << u"Somebody had to."_qs
            << u"Somebody had to, girl."_qs << u"LAMP ROOM - DAY"_qs << u"EXT. CARROW HEAD - CLIFF PATH"_qs
            << u"\nINT. LIGHTHOUSE - LAMP ROOM - NIGHT"_qs
            << u"EXT. CARROW BEACH - DAWN #9#\n\nMara walks the tideline.\n\nMARA\nMorning.\n"_qs
            << u"9 EXT. CARROW BEACH - DAWN"_qs;
#endif
    }

    void editedScriptKeepsWhatDidNotChange() {
        QFETCH(QString, path);
        QFETCH(int, scenes);
        QFETCH(QString, line);
        QFETCH(QString, changedLine);
        QFETCH(QString, changedScene);
        QFETCH(QString, dropFrom);
        QFETCH(QString, dropTo);
        QFETCH(QString, added);
        QFETCH(QString, addedReport);
        QFile f(path);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path + QStringLiteral(": ") + f.errorString()));
        const QString original = QString::fromUtf8(f.readAll());
        Project before = breakDown(parseFountain(original), {});
        QCOMPARE(before.scenes.size(), scenes);

        // A take on a shot of the first scene, an edit of a character's DNA.
        const Shot firstShot = *before.shotsOfScene(before.scenes[0].id).first();
        Take take;
        take.id = before.allocateId();
        take.shotId = firstShot.id;
        before.takes.append(take);
        before.shot(firstShot.id)->approvedTakeId = take.id;
        before.characters[0].wardrobe = QStringLiteral("grey cardigan");
        const QString editedName = before.characters[0].name;

        // Edit: change a line in one scene, drop another, add a scene at the end.
        QString edited = original;
        QCOMPARE(edited.count(line), 1);
        edited.replace(line, changedLine);
        const qsizetype drop = edited.indexOf(dropFrom);
        const qsizetype next = edited.indexOf(dropTo, drop);
        QVERIFY(drop > 0 && next > drop);
        edited.remove(drop, next + 1 - drop);
        // One blank line before it, however the file ends (more would be an empty action line).
        if (!edited.endsWith(u'\n'))
            edited += u'\n';
        edited += u'\n' + added;

        ReimportReport report;
        const Project after = reimport(before, parseFountain(edited), {}, &report);
        QCOMPARE(report.added, QStringList{addedReport});
        QCOMPARE(report.removed.size(), 1);
        QVERIFY2(report.removed.first().contains(dropFrom.mid(1)), qPrintable(report.removed.first()));
        QVERIFY2(report.changed.size() == 1, qPrintable(report.changed.join(QStringLiteral("; "))));
        QVERIFY2(report.changed.first().contains(changedScene), qPrintable(report.changed.first()));
        QCOMPARE(report.unchanged, scenes - 2);
        QCOMPARE(after.scenes.size(), scenes);

        // Unchanged scenes keep their ids and shots; the take and its approval survive.
        QCOMPARE(after.scenes[0].id, before.scenes[0].id);
        QCOMPARE(after.shotsOfScene(after.scenes[0].id).size(),
                 before.shotsOfScene(before.scenes[0].id).size());
        const Shot *kept = after.shot(firstShot.id);
        QVERIFY(kept);
        QCOMPARE(kept->approvedTakeId, take.id);
        QCOMPARE(after.takesOfShot(firstShot.id).size(), 1);
        // The changed scene keeps its id; its master shot (same purpose, same subject) too.
        const Scene *changed = nullptr;
        for (const Scene &s : after.scenes)
            if (s.heading.contains(changedScene))
                changed = &s;
        QVERIFY(changed);
        QVERIFY(before.scene(changed->id));
        int keptShots = 0;
        for (const Shot *s : after.shotsOfScene(changed->id))
            keptShots += before.shot(s->id) ? 1 : 0;
        QVERIFY(keptShots >= 1);
        // Characters keep their DNA edits; ids stay unique; new ids come after the old ones.
        QCOMPARE(after.characterByName(editedName)->wardrobe, QStringLiteral("grey cardigan"));
        QSet<Id> ids;
        for (const Scene &s : after.scenes) {
            QVERIFY(!ids.contains(s.id));
            ids.insert(s.id);
        }
        for (const Shot &s : after.shots) {
            QVERIFY(!ids.contains(s.id));
            ids.insert(s.id);
            QVERIFY(after.scene(s.sceneId));
            for (const Blocking &b : s.blocking)
                QVERIFY(after.character(b.characterId));
        }
        QVERIFY(after.nextId > before.nextId);
        QVERIFY(after.scenes.last().id >= before.nextId);

        // Importing the same script again changes nothing.
        ReimportReport same;
        const Project again = reimport(after, parseFountain(edited), {}, &same);
        QCOMPARE(same.unchanged, scenes);
        QVERIFY(same.added.isEmpty() && same.changed.isEmpty() && same.removed.isEmpty());
        QCOMPARE(again.shots, after.shots);
    }
};

#ifdef SHOTCRAFT_CORPUS_LAYER
SHOTCRAFT_CORPUS_TEST_MAIN(TestReimport)
#else
QTEST_GUILESS_MAIN(TestReimport)
#endif
#include "tst_reimport.moc"
