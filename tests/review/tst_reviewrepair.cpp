// Repair: a wrongly graded take is regenerated through the generation queue with its measured
// deviation as prompt changes; the new take is measured again, is within the thresholds after one
// regeneration and becomes the approved take, in the file as well as in memory.
#include "ReviewRig.h"

#include <QTest>

using namespace shotcraft;
using namespace shotcraft::review;

class TestReviewRepair : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tintedTakeIsRepaired();
    void passingTakesAreLeftAlone();
};

void TestReviewRepair::tintedTakeIsRepaired() {
    test::ReviewRig rig;
    QVERIFY(rig.make());
    const Shot *shot = rig.blockedShot();
    QVERIFY(shot);
    const Id shotId = shot->id;
    const Id oldTake = shot->approvedTakeId;
    QVERIFY(rig.replaceImage(oldTake, test::tinted(rig.imageOf(oldTake), QColor(16, 48, 200), 0.6)));
    const int takesBefore = int(rig.project.takes.size());

    const ConsistencyReviewer reviewer;
    const auto before = rig.review(reviewer);
    QVERIFY(before);
    QCOMPARE(before->outliers(), 1);
    const QString changes = before->takeOfShot(shotId)->changes;
    QVERIFY2(changes.contains(QStringLiteral("warmer")), qPrintable(changes));

    const auto outcomes = repairOutliers(*rig.store, rig.project, rig.previz, before->takes, reviewer);
    QVERIFY2(outcomes, qPrintable(outcomes.error()));
    QCOMPARE(outcomes->size(), 1); // only the outlier is regenerated
    const RepairOutcome &o = outcomes->first();
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QCOMPARE(o.shotId, shotId);
    QVERIFY(o.newTakeId != 0 && o.newTakeId != oldTake);
    QVERIFY2(!o.after.outlier(), qPrintable(o.after.palette.reason));
    QVERIFY(o.after.palette.value <= reviewer.thresholds().paletteDeltaE);
    QVERIFY(o.approved);
    QCOMPARE(int(rig.project.takes.size()), takesBefore + 1);

    // The prompt the queue sent carries the changes; the file approves the new take.
    const Take *fresh = rig.project.take(o.newTakeId);
    QVERIFY(fresh->package.positive.contains(changes));
    QVERIFY(fresh->package.modifications.contains(QStringLiteral("review: ") + changes));
    const Project reloaded = *rig.store->load();
    QCOMPARE(reloaded.shot(shotId)->approvedTakeId, o.newTakeId);
    QVERIFY(reloaded.take(oldTake)); // the old take is kept
    const auto after = rig.review(reviewer);
    QVERIFY(after);
    QCOMPARE(after->outliers(), 0);
}

void TestReviewRepair::passingTakesAreLeftAlone() {
    test::ReviewRig rig;
    QVERIFY(rig.make());
    const auto film = rig.review();
    QVERIFY(film);
    const int takes = int(rig.project.takes.size());
    const auto outcomes =
        repairOutliers(*rig.store, rig.project, rig.previz, film->takes, ConsistencyReviewer());
    QVERIFY(outcomes);
    QVERIFY(outcomes->isEmpty());
    QCOMPARE(int(rig.project.takes.size()), takes);
}

QTEST_GUILESS_MAIN(TestReviewRepair)
#include "tst_reviewrepair.moc"
