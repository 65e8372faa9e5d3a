// The consistency review on the demo story drawn by previz: every take passes; a take whose image is
// replaced by a wrongly graded one is flagged by palette and tone; a take whose figure is drawn away
// from its mark is flagged by presence; an engine that does not say where it drew whom is "not
// measurable", never guessed.
#include "ReviewRig.h"
#include "pipeline/RequestBuilder.h"
#include "review/ConsistencyReviewer.h"

#include <QTest>

using namespace shotcraft;
using namespace shotcraft::review;

class TestConsistencyReviewer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void demoTakesAllPass();
    void wrongGradeIsFlagged_data();
    void wrongGradeIsFlagged();
    void movedFigureIsFlagged();
    void otherEnginesAreNotMeasurable();
    void scoresPerSceneAndFilm();
    void jsonNamesEveryMeasure();
    void progressStops();

private:
    test::ReviewRig m_rig;
};

void TestConsistencyReviewer::initTestCase() {
    QVERIFY(m_rig.make());
}

void TestConsistencyReviewer::demoTakesAllPass() {
    const auto film = m_rig.review();
    QVERIFY2(film, qPrintable(film.error()));
    QCOMPARE(film->takes.size(), m_rig.project.shots.size());
    for (const TakeReview &t : film->takes) {
        for (const Measure *m : t.measures())
            QVERIFY2(m->verdict == Verdict::Pass,
                     qPrintable(QStringLiteral("shot %1 %2: %3").arg(t.shotNumber, m->name, m->reason)));
        QVERIFY(t.changes.isEmpty());
    }
    QCOMPARE(film->outliers(), 0);
    QCOMPARE(film->score, 1.0);
}

void TestConsistencyReviewer::wrongGradeIsFlagged_data() {
    QTest::addColumn<QColor>("cast");
    QTest::addColumn<double>("amount");
    QTest::addColumn<QString>("measure");
    QTest::addColumn<QString>("advice");
    QTest::newRow("strong blue cast") << QColor(16, 48, 200) << 0.6 << u"palette"_qs << u"warmer"_qs;
    QTest::newRow("green cast") << QColor(30, 200, 40) << 0.6 << u"palette"_qs << u"less green"_qs;
    QTest::newRow("crushed to black") << QColor(0, 0, 0) << 0.85 << u"tone"_qs << u"brighter"_qs;
    QTest::newRow("blown out") << QColor(255, 255, 255) << 0.8 << u"tone"_qs << u"darker"_qs;
}

void TestConsistencyReviewer::wrongGradeIsFlagged() {
    QFETCH(QColor, cast);
    QFETCH(double, amount);
    QFETCH(QString, measure);
    QFETCH(QString, advice);
    test::ReviewRig rig;
    QVERIFY(rig.make());
    const Shot *shot = rig.blockedShot();
    QVERIFY(shot);
    const Id shotId = shot->id; // replaceImage reloads the project
    const Id takeId = shot->approvedTakeId;
    QVERIFY(rig.replaceImage(takeId, test::tinted(rig.imageOf(takeId), cast, amount)));
    const auto film = rig.review();
    QVERIFY2(film, qPrintable(film.error()));
    QCOMPARE(film->outliers(), 1);
    const TakeReview *t = film->takeOfShot(shotId);
    QVERIFY(t);
    QVERIFY(t->outlier());
    const Measure *flagged = measure == u"palette" ? &t->palette : &t->tone;
    QVERIFY2(flagged->verdict == Verdict::Outlier, qPrintable(flagged->reason));
    QVERIFY(flagged->value > flagged->threshold);
    QVERIFY(!flagged->reason.isEmpty());
    QCOMPARE(t->presence.verdict, Verdict::Pass); // the figures did not move
    QVERIFY2(t->changes.contains(advice), qPrintable(t->changes));
    if (measure == u"palette")
        QVERIFY2(t->changes.contains(QStringLiteral("closer to #")), qPrintable(t->changes));
}

void TestConsistencyReviewer::movedFigureIsFlagged() {
    test::ReviewRig rig;
    QVERIFY(rig.make());
    const Shot *found = rig.blockedShot();
    QVERIFY(found);
    const Shot blocked_ = *found; // replaceImage reloads the project
    const Shot *blocked = &blocked_;
    // Draw the shot again with its first character a third of the frame away from the mark.
    Shot moved = *blocked;
    moved.blocking[0].screenX =
        moved.blocking[0].screenX < 0.5 ? moved.blocking[0].screenX + 0.35 : moved.blocking[0].screenX - 0.35;
    const pipeline::RequestBuilder builder = pipeline::defaultRequestBuilder();
    Job job;
    job.kind = JobKind::Shot;
    job.shotId = blocked->id;
    providers::ImageRequest request;
    request.plan = builder.plan(rig.project, job, rig.previz.caps().maxReferences);
    request.package = builder.prompt(rig.project, job, request.plan, rig.previz.caps());
    request.project = rig.project;
    request.shot = moved;
    const providers::ImageResult drawn = previz::PrevizProvider::renderResult(request, {});
    QVERIFY(drawn.ok() && drawn.placementsReported);
    QVERIFY(rig.replaceImage(blocked->approvedTakeId, QImage::fromData(drawn.encoded), &drawn.placements));

    const auto film = rig.review();
    QVERIFY2(film, qPrintable(film.error()));
    const TakeReview *t = film->takeOfShot(blocked->id);
    QVERIFY(t);
    QVERIFY2(t->presence.verdict == Verdict::Outlier, qPrintable(t->presence.reason));
    const QString name = rig.project.character(moved.blocking[0].characterId)->name;
    QVERIFY2(t->presence.reason.contains(name), qPrintable(t->presence.reason));
    QVERIFY(t->presence.value > 0.3);
    QVERIFY2(t->changes.contains(name + QStringLiteral(" in frame at")), qPrintable(t->changes));
    QCOMPARE(film->outliers(), 1);
}

void TestConsistencyReviewer::otherEnginesAreNotMeasurable() {
    Project project = m_rig.project;
    const Shot *blocked = m_rig.blockedShot();
    QVERIFY(blocked);
    Take take = *project.take(blocked->approvedTakeId);
    take.provider = QStringLiteral("openai");
    take.placementsReported = false;
    take.placements.clear();
    const TakeReview t = ConsistencyReviewer().reviewTake(project, take, m_rig.imageOf(take.id));
    QCOMPARE(t.presence.verdict, Verdict::NotMeasurable);
    QVERIFY(t.presence.reason.contains(QStringLiteral("openai")));
    QCOMPARE(t.palette.verdict, Verdict::Pass); // the pixels are still measured
    QCOMPARE(t.score(), 1.0);                   // not measurable counts neither way
}

void TestConsistencyReviewer::scoresPerSceneAndFilm() {
    FilmReview film = *m_rig.review();
    QVERIFY(film.scenes.size() >= 2);
    // Spoil one measure of one take: its scene drops by a third of a take, the film by less.
    TakeReview &first = film.takes.first();
    first.palette.verdict = Verdict::Outlier;
    ConsistencyReviewer::score(m_rig.project, film);
    const SceneReview &scene = film.scenes.first();
    QCOMPARE(scene.outliers, 1);
    QVERIFY(qFuzzyCompare(scene.score, 1.0 - (1.0 / 3.0) / scene.takes));
    QVERIFY(qFuzzyCompare(film.score, 1.0 - (1.0 / 3.0) / film.takes.size()));
    QCOMPARE(film.scenes.at(1).score, 1.0);
}

void TestConsistencyReviewer::jsonNamesEveryMeasure() {
    const Json j = toJson(*m_rig.review());
    QCOMPARE(j["takes"].get<int>(), int(m_rig.project.shots.size()));
    const Json &take = j["reviewed"][0];
    for (const char *key : {"palette", "tone", "presence"}) {
        QCOMPARE(take[key]["verdict"].get<std::string>(), std::string("pass"));
        QVERIFY(take[key]["threshold"].get<double>() > 0.0);
        QVERIFY(!take[key]["reason"].get<std::string>().empty());
    }
    QVERIFY(take["dominant"].size() >= 2);
    QVERIFY(j["scenes"].size() >= 2);
}

void TestConsistencyReviewer::progressStops() {
    int calls = 0;
    const auto film = ConsistencyReviewer().reviewFilm(m_rig.project, review::storeImages(*m_rig.store),
                                                       [&](int done, int) {
                                                           ++calls;
                                                           return done < 2;
                                                       });
    QVERIFY(!film);
    QCOMPARE(calls, 2);
    QVERIFY(film.error().contains(QStringLiteral("stopped")));
}

QTEST_GUILESS_MAIN(TestConsistencyReviewer)
#include "tst_consistencyreviewer.moc"
