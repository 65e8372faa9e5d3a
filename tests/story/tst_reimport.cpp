// Re-importing an edited script keeps the ids (and so the takes) of unchanged scenes and shots, and
// reports the scenes added, changed and removed.
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
    void editedScriptKeepsWhatDidNotChange() {
        QFile f(test::corpusPath(QStringLiteral("samples/Brick-and-Steel.fountain")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString original = QString::fromUtf8(f.readAll());
        Project before = breakDown(parseFountain(original), {});
        QCOMPARE(before.scenes.size(), 8);

        // A take on a shot of the first scene, an edit of a character's DNA.
        const Shot firstShot = *before.shotsOfScene(before.scenes[0].id).first();
        Take take;
        take.id = before.allocateId();
        take.shotId = firstShot.id;
        before.takes.append(take);
        before.shot(firstShot.id)->approvedTakeId = take.id;
        before.characters[0].wardrobe = QStringLiteral("grey cardigan");
        const QString editedName = before.characters[0].name;

        // Edit: change a line in the second scene, drop the sniper-scope scene, add a scene at the end.
        QString edited = original;
        QVERIFY(edited.contains(QStringLiteral("Then let's retire them.")));
        edited.replace(QStringLiteral("Then let's retire them."),
                       QStringLiteral("Then let's retire them, boys."));
        const qsizetype scope = edited.indexOf(QStringLiteral(".SNIPER SCOPE POV"));
        const qsizetype next = edited.indexOf(QStringLiteral("\n.OPENING TITLES"), scope);
        QVERIFY(scope > 0 && next > scope);
        edited.remove(scope, next + 1 - scope);
        edited += QStringLiteral(
            "\n\nEXT. BEACH - DAWN\n\nBrick and Steel watch the sun come up.\n\nBRICK\nRetirement.\n");

        ReimportReport report;
        const Project after = reimport(before, parseFountain(edited), {}, &report);
        QCOMPARE(report.added, QStringList{QStringLiteral("8 EXT. BEACH - DAWN")});
        QCOMPARE(report.removed.size(), 1);
        QVERIFY2(report.removed.first().contains(QStringLiteral("SNIPER SCOPE POV")),
                 qPrintable(report.removed.first()));
        QCOMPARE(report.changed.size(), 1);
        QVERIFY2(report.changed.first().contains(QStringLiteral("TRAILER HOME")),
                 qPrintable(report.changed.first()));
        QCOMPARE(report.unchanged, 6);
        QCOMPARE(after.scenes.size(), 8);

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
            if (s.heading.contains(QStringLiteral("TRAILER HOME")))
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
        QCOMPARE(same.unchanged, 8);
        QVERIFY(same.added.isEmpty() && same.changed.isEmpty() && same.removed.isEmpty());
        QCOMPARE(again.shots, after.shots);
    }
};

QTEST_GUILESS_MAIN(TestReimport)
#include "tst_reimport.moc"
