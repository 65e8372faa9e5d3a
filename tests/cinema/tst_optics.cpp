// Lens maths against the published values: field of view, hyperfocal distance, depth of field and
// the subject distance a shot size implies.
#include "cinema/Optics.h"

#include <QTest>

#include <cmath>

using namespace shotcraft;
using namespace shotcraft::cinema;

namespace {
bool within(double actual, double expected, double relative) {
    return std::abs(actual - expected) <= std::abs(expected) * relative;
}
} // namespace

class TestOptics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fieldOfView_data();
    void fieldOfView();
    void referenceDepthOfField();
    void hyperfocalFocusReachesInfinity();
    void depthOfFieldShrinksWithAperture();
    void subjectDistanceFromSpan();
    void sensorsAndCrop();
    void degenerateInput();
};

void TestOptics::fieldOfView_data() {
    QTest::addColumn<double>("focal");
    QTest::addColumn<Sensor>("sensor");
    QTest::addColumn<double>("horizontal");
    QTest::addColumn<double>("vertical");
    // 50 mm full frame: the reference's 39.6 x 27.0 degrees.
    QTest::newRow("50mm FF") << 50.0 << Sensor::FullFrame << 39.60 << 26.99;
    // Independently: 2 atan(18/24) = 73.74, 2 atan(12/24) = 53.13.
    QTest::newRow("24mm FF") << 24.0 << Sensor::FullFrame << 73.74 << 53.13;
    QTest::newRow("35mm S35") << 35.0 << Sensor::Super35 << 39.15 << 29.85;
    QTest::newRow("100mm LF") << 100.0 << Sensor::LargeFormat << 30.28 << 14.58;
}

void TestOptics::fieldOfView() {
    QFETCH(double, focal);
    QFETCH(Sensor, sensor);
    QFETCH(double, horizontal);
    QFETCH(double, vertical);
    const FieldOfView fov = optics::fieldOfView(focal, sensor);
    QVERIFY2(std::abs(fov.horizontalDeg - horizontal) < 0.05, qPrintable(QString::number(fov.horizontalDeg)));
    QVERIFY2(std::abs(fov.verticalDeg - vertical) < 0.05, qPrintable(QString::number(fov.verticalDeg)));
    QVERIFY(fov.diagonalDeg > fov.horizontalDeg);
}

void TestOptics::referenceDepthOfField() {
    // 50 mm, f/2.8, c = 0.030 mm, subject at 3 m: H = 29.8 m, near 2.73 m, far 3.33 m (within 1 %).
    const DepthOfField d = optics::depthOfField(50.0, 2.8, 3.0, 0.030);
    QVERIFY2(within(d.hyperfocalM, 29.81, 0.01), qPrintable(QString::number(d.hyperfocalM)));
    QVERIFY2(within(d.nearM, 2.73, 0.01), qPrintable(QString::number(d.nearM)));
    QVERIFY2(within(d.farM, 3.33, 0.01), qPrintable(QString::number(d.farM)));
    QVERIFY(!d.farIsInfinite);
    QVERIFY(within(d.totalM(), 0.60, 0.02));
    // The same through a Lens on full frame (whose CoC is 0.030).
    const DepthOfField viaLens = optics::depthOfField(Lens{50.0, 2.8, Sensor::FullFrame}, 3.0);
    QCOMPARE(viaLens.nearM, d.nearM);
}

void TestOptics::hyperfocalFocusReachesInfinity() {
    const double h = optics::hyperfocalDistanceM(24.0, 8.0, 0.025);
    QVERIFY(within(h, 24.0 * 24.0 / (8.0 * 0.025) / 1000.0 + 0.024, 1e-9));
    const DepthOfField d = optics::depthOfField(24.0, 8.0, h, 0.025);
    QVERIFY(d.farIsInfinite);
    QVERIFY(std::isinf(d.totalM()));
    QVERIFY(within(d.nearM, h / 2.0, 0.01)); // focused at H, everything from H/2 is sharp
}

void TestOptics::depthOfFieldShrinksWithAperture() {
    double previous = std::numeric_limits<double>::infinity();
    for (double n : {11.0, 5.6, 2.8, 1.4}) {
        const double total = optics::depthOfField(85.0, n, 2.0, 0.025).totalM();
        QVERIFY(total < previous);
        previous = total;
    }
}

void TestOptics::subjectDistanceFromSpan() {
    // A 0.35 m close-up on a 75 mm S35 lens: 75 * 0.35 / 18.66 = 1.41 m.
    QVERIFY(within(optics::subjectDistanceForSpanM(75.0, 0.35, Sensor::Super35), 1.407, 0.01));
    // Twice the focal length, twice the distance for the same framing.
    QVERIFY(within(optics::subjectDistanceForSpanM(100.0, 0.9, Sensor::FullFrame),
                   2.0 * optics::subjectDistanceForSpanM(50.0, 0.9, Sensor::FullFrame), 1e-9));
}

void TestOptics::sensorsAndCrop() {
    QVERIFY(within(optics::normalFocalLengthMm(Sensor::Super35), 31.1, 0.01));
    QVERIFY(within(optics::normalFocalLengthMm(Sensor::FullFrame), 43.3, 0.01));
    QCOMPARE(sensorFormat(Sensor::FullFrame).circleOfConfusionMm, 0.030);
    QCOMPARE(sensorFormat(Sensor::Super35).circleOfConfusionMm, 0.025);
    QCOMPARE(sensorFormat(Sensor::LargeFormat).circleOfConfusionMm, 0.040);
    // Same framing: a 35 mm S35 lens matches about 49 mm on full frame.
    const double ff = optics::equivalentFocalLength(35.0, Sensor::Super35, Sensor::FullFrame);
    QVERIFY(within(ff, 48.7, 0.01));
    QVERIFY(std::abs(optics::fieldOfView(35.0, Sensor::Super35).diagonalDeg -
                     optics::fieldOfView(ff, Sensor::FullFrame).diagonalDeg) < 0.01);
}

void TestOptics::degenerateInput() {
    QCOMPARE(optics::fieldOfView(0.0, Sensor::FullFrame).horizontalDeg, 0.0);
    QVERIFY(std::isinf(optics::hyperfocalDistanceM(50.0, 0.0, 0.03)));
    const DepthOfField d = optics::depthOfField(50.0, 2.8, 0.0, 0.03);
    QCOMPARE(d.nearM, 0.0);
}

QTEST_GUILESS_MAIN(TestOptics)
#include "tst_optics.moc"
