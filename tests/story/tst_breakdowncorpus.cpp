// The offline breakdown of the three sample screenplays of the corpus (Big Fish, Brick & Steel, The
// Last Birthday Card): acts, scenes, characters, locations and shots, with every shot field filled.
#include "BreakdownChecks.h"
#include "domain/Result.h"
#include "story/Breakdown.h"
#include "story/ScriptImporter.h"
#include "support/TestPaths.h"

#include <QTest>

using namespace shotcraft;
using namespace shotcraft::story;

namespace {

Result<Project> breakDownSample(const QString &file, const QString &genre = QString()) {
    const auto script = importFile(test::corpusPath(QStringLiteral("samples/") + file));
    if (!script)
        return Result<Project>::failure(script.error());
    return breakDown(*script, {genre, QString(), file});
}

} // namespace

class TestBreakdownCorpus : public QObject {
    Q_OBJECT
private slots:
    void bigFish() {
        const auto sample = breakDownSample(QStringLiteral("Big-Fish.fountain"));
        QVERIFY2(sample, qPrintable(sample.error()));
        const Project &p = *sample;
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

    void genreOverride() {
        const auto western =
            breakDownSample(QStringLiteral("Brick-and-Steel.fountain"), QStringLiteral("Western"));
        QVERIFY2(western, qPrintable(western.error()));
        QCOMPARE(western->info.genre, QStringLiteral("western"));
        // Read from the script: a spoof ("the dumb joke", "ridiculous props") reads as comedy.
        const auto read = breakDownSample(QStringLiteral("Brick-and-Steel.fountain"));
        QVERIFY2(read, qPrintable(read.error()));
        QCOMPARE(read->info.genre, QStringLiteral("comedy"));
    }

    void everyShotFieldFilled_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("Big Fish") << QStringLiteral("Big-Fish.fountain");
        QTest::newRow("Brick & Steel") << QStringLiteral("Brick-and-Steel.fountain");
        QTest::newRow("The Last Birthday Card") << QStringLiteral("The-Last-Birthday-Card.fdx");
    }

    void everyShotFieldFilled() {
        QFETCH(QString, file);
        const auto sample = breakDownSample(file);
        QVERIFY2(sample, qPrintable(sample.error()));
        test::checkEveryShotField(*sample);
    }

    // Continuity: in every scene, of the dialogue pair, A stays screen-left looking right and B
    // screen-right looking left in every shot that holds both (the 180° rule).
    void blockingKeepsTheLine() {
        const auto sample = breakDownSample(QStringLiteral("Big-Fish.fountain"));
        QVERIFY2(sample, qPrintable(sample.error()));
        const Project &p = *sample;
        int pairs = 0;
        test::checkBlockingKeepsTheLine(p, &pairs);
        QVERIFY(pairs > 50);
    }
};

SHOTCRAFT_CORPUS_TEST_MAIN(TestBreakdownCorpus)
#include "tst_breakdowncorpus.moc"
