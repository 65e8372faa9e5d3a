// Every shot of a screenplay, broken down and given its Visual DNA, renders as a previz frame
// without error, twice to the same pixels (on the pool, as the pipeline runs them); the look-book
// frames do too. Built twice: on the in-repo fixture, and (SHOTCRAFT_CORPUS_LAYER, label `corpus`)
// on Brick & Steel of the screenplay corpus.
#include "dna/ConsistencyPlanner.h"
#include "dna/DnaBuilder.h"
#include "previz/PrevizRenderer.h"
#include "story/Breakdown.h"
#include "story/ScriptImporter.h"
#include "support/TestPaths.h"

#include <QTest>
#include <QtConcurrent/QtConcurrentMap>

using namespace shotcraft;
using namespace shotcraft::previz;
using namespace shotcraft::providers;

class TestPrevizBoard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyShotRenders_data();
    void everyShotRenders();
};

void TestPrevizBoard::everyShotRenders_data() {
    QTest::addColumn<QString>("path");
#ifdef SHOTCRAFT_CORPUS_LAYER
    QTest::newRow("Brick & Steel") << test::corpusPath(QStringLiteral("samples/Brick-and-Steel.fountain"));
#else
    QTest::newRow("Salt and Signal") << test::fixturePath(QStringLiteral("salt-and-signal.fountain"));
#endif
}

void TestPrevizBoard::everyShotRenders() {
    QFETCH(QString, path);
    const Result<story::Screenplay> script = story::importFile(path);
    QVERIFY2(script.ok(), qPrintable(path + QStringLiteral(": ") + script.error()));
    Project project = story::breakDown(*script, story::BreakdownOptions{});
    QVERIFY(!project.shots.isEmpty());
    dna::buildVisualDna(project);
    QList<ImageRequest> requests;
    for (const Shot &shot : project.shots) {
        ImageRequest r;
        r.project = project;
        r.shot = shot;
        r.plan = dna::planShot(project, shot.id, 0);
        r.package.shotId = shot.id;
        r.package.params.width = 384;
        r.package.params.height = int(std::round(384 / project.info.aspectRatio / 8)) * 8;
        r.package.params.seed = r.plan.seed != 0 ? r.plan.seed : project.info.baseSeed + shot.id;
        requests.append(r);
    }
    for (const ReferenceImage &ref : project.references) {
        ImageRequest r;
        r.project = project;
        r.plan = dna::planLookBookFrame(project, ref.id, 0);
        r.package.referenceTargetId = ref.id;
        r.package.params.width = 384;
        r.package.params.height = 216;
        r.package.params.seed = r.plan.seed;
        requests.append(r);
    }
    // On the pool, as the pipeline runs them.
    const QList<QString> failures = QtConcurrent::blockingMapped(requests, [](const ImageRequest &r) {
        const Result<QImage> image = PrevizRenderer::render(r, {true, true});
        if (!image)
            return QStringLiteral("shot %1: %2").arg(r.shot.number, image.error());
        if (image->size() != QSize(r.package.params.width, r.package.params.height))
            return QStringLiteral("shot %1: wrong size").arg(r.shot.number);
        // Not a blank frame: the set and figures give it real variation.
        QImage small = image->scaled(32, 18);
        int minGray = 255, maxGray = 0;
        for (int y = 0; y < small.height(); ++y)
            for (int x = 0; x < small.width(); ++x) {
                minGray = std::min(minGray, qGray(small.pixel(x, y)));
                maxGray = std::max(maxGray, qGray(small.pixel(x, y)));
            }
        if (maxGray - minGray < 12)
            return QStringLiteral("shot %1: blank frame").arg(r.shot.number);
        // The same request gives the same pixels, whatever else the pool is drawing meanwhile.
        const Result<QImage> again = PrevizRenderer::render(r, {true, true});
        if (!again || *again != *image)
            return QStringLiteral("shot %1: a second render of the same seed differs").arg(r.shot.number);
        return QString();
    });
    QStringList problems;
    for (const QString &f : failures)
        if (!f.isEmpty())
            problems.append(f);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
    qInfo("rendered %d frames twice", int(requests.size()));
}

#ifdef SHOTCRAFT_CORPUS_LAYER
SHOTCRAFT_CORPUS_TEST_MAIN(TestPrevizBoard)
#else
QTEST_GUILESS_MAIN(TestPrevizBoard)
#endif
#include "tst_previzboard.moc"
