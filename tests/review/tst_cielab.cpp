// CIELAB conversion and CIEDE2000 against the published reference: the 34 pairs of Sharma, Wu and
// Dalal (2005), Table 1, and the sRGB primaries' Lab values.
#include "review/Cielab.h"

#include <QTest>

using namespace shotcraft::review;

class TestCielab : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sharmaPairs_data();
    void sharmaPairs();
    void identicalAndSymmetric();
    void srgbToLab_data();
    void srgbToLab();
    void roundTrip();
};

void TestCielab::sharmaPairs_data() {
    QTest::addColumn<double>("L1");
    QTest::addColumn<double>("a1");
    QTest::addColumn<double>("b1");
    QTest::addColumn<double>("L2");
    QTest::addColumn<double>("a2");
    QTest::addColumn<double>("b2");
    QTest::addColumn<double>("expected");
    const double rows[34][7] = {
        {50.0000, 2.6772, -79.7751, 50.0000, 0.0000, -82.7485, 2.0425},
        {50.0000, 3.1571, -77.2803, 50.0000, 0.0000, -82.7485, 2.8615},
        {50.0000, 2.8361, -74.0200, 50.0000, 0.0000, -82.7485, 3.4412},
        {50.0000, -1.3802, -84.2814, 50.0000, 0.0000, -82.7485, 1.0000},
        {50.0000, -1.1848, -84.8006, 50.0000, 0.0000, -82.7485, 1.0000},
        {50.0000, -0.9009, -85.5211, 50.0000, 0.0000, -82.7485, 1.0000},
        {50.0000, 0.0000, 0.0000, 50.0000, -1.0000, 2.0000, 2.3669},
        {50.0000, -1.0000, 2.0000, 50.0000, 0.0000, 0.0000, 2.3669},
        {50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0009, 7.1792},
        {50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0010, 7.1792},
        {50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0011, 7.2195},
        {50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0012, 7.2195},
        {50.0000, -0.0010, 2.4900, 50.0000, 0.0009, -2.4900, 4.8045},
        {50.0000, -0.0010, 2.4900, 50.0000, 0.0010, -2.4900, 4.8045},
        {50.0000, -0.0010, 2.4900, 50.0000, 0.0011, -2.4900, 4.7461},
        {50.0000, 2.5000, 0.0000, 50.0000, 0.0000, -2.5000, 4.3065},
        {50.0000, 2.5000, 0.0000, 73.0000, 25.0000, -18.0000, 27.1492},
        {50.0000, 2.5000, 0.0000, 61.0000, -5.0000, 29.0000, 22.8977},
        {50.0000, 2.5000, 0.0000, 56.0000, -27.0000, -3.0000, 31.9030},
        {50.0000, 2.5000, 0.0000, 58.0000, 24.0000, 15.0000, 19.4535},
        {50.0000, 2.5000, 0.0000, 50.0000, 3.1736, 0.5854, 1.0000},
        {50.0000, 2.5000, 0.0000, 50.0000, 3.2972, 0.0000, 1.0000},
        {50.0000, 2.5000, 0.0000, 50.0000, 1.8634, 0.5757, 1.0000},
        {50.0000, 2.5000, 0.0000, 50.0000, 3.2592, 0.3350, 1.0000},
        {60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644},
        {63.0109, -31.0961, -5.8663, 62.8187, -29.7946, -4.0864, 1.2630},
        {61.2901, 3.7196, -5.3901, 61.4292, 2.2480, -4.9620, 1.8731},
        {35.0831, -44.1164, 3.7933, 35.0232, -40.0716, 1.5901, 1.8645},
        {22.7233, 20.0904, -46.6940, 23.0331, 14.9730, -42.5619, 2.0373},
        {36.4612, 47.8580, 18.3852, 36.2715, 50.5065, 21.2231, 1.4146},
        {90.8027, -2.0831, 1.4410, 91.1528, -1.6435, 0.0447, 1.4441},
        {90.9257, -0.5406, -0.9208, 88.6381, -0.8985, -0.7239, 1.5381},
        {6.7747, -0.2908, -2.4247, 5.8714, -0.0985, -2.2286, 0.6377},
        {2.0776, 0.0795, -1.1350, 0.9033, -0.0636, -0.5514, 0.9082},
    };
    for (int i = 0; i < 34; ++i) {
        const double *r = rows[i];
        QTest::addRow("pair %d", i + 1) << r[0] << r[1] << r[2] << r[3] << r[4] << r[5] << r[6];
    }
}

void TestCielab::sharmaPairs() {
    QFETCH(double, L1);
    QFETCH(double, a1);
    QFETCH(double, b1);
    QFETCH(double, L2);
    QFETCH(double, a2);
    QFETCH(double, b2);
    QFETCH(double, expected);
    const double got = deltaE2000({L1, a1, b1}, {L2, a2, b2});
    // The table gives four decimals.
    QVERIFY2(std::abs(got - expected) < 5e-5,
             qPrintable(QStringLiteral("ΔE00 %1, published %2").arg(got, 0, 'f', 6).arg(expected)));
    QVERIFY(std::abs(deltaE2000({L2, a2, b2}, {L1, a1, b1}) - got) < 1e-9);
}

void TestCielab::identicalAndSymmetric() {
    QCOMPARE(deltaE2000({50, 10, -20}, {50, 10, -20}), 0.0);
    QCOMPARE(deltaE2000({0, 0, 0}, {0, 0, 0}), 0.0);
    QVERIFY(deltaE2000(toLab(QColor(0, 0, 0)), toLab(QColor(255, 255, 255))) > 99.0);
}

void TestCielab::srgbToLab_data() {
    QTest::addColumn<QColor>("colour");
    QTest::addColumn<double>("L");
    QTest::addColumn<double>("a");
    QTest::addColumn<double>("b");
    QTest::newRow("black") << QColor(0, 0, 0) << 0.0 << 0.0 << 0.0;
    QTest::newRow("white") << QColor(255, 255, 255) << 100.0 << 0.0 << 0.0;
    QTest::newRow("red") << QColor(255, 0, 0) << 53.24 << 80.09 << 67.20;
    QTest::newRow("green") << QColor(0, 255, 0) << 87.73 << -86.18 << 83.18;
    QTest::newRow("blue") << QColor(0, 0, 255) << 32.30 << 79.19 << -107.86;
    QTest::newRow("grey") << QColor(128, 128, 128) << 53.59 << 0.0 << 0.0;
}

void TestCielab::srgbToLab() {
    QFETCH(QColor, colour);
    QFETCH(double, L);
    QFETCH(double, a);
    QFETCH(double, b);
    const Lab lab = toLab(colour);
    QVERIFY2(std::abs(lab.L - L) < 0.05, qPrintable(QString::number(lab.L)));
    QVERIFY2(std::abs(lab.a - a) < 0.05, qPrintable(QString::number(lab.a)));
    QVERIFY2(std::abs(lab.b - b) < 0.05, qPrintable(QString::number(lab.b)));
}

void TestCielab::roundTrip() {
    for (const char *hex : {"#c8743a", "#2f5d62", "#1a1c22", "#e8e2d4", "#10b4e0"}) {
        const QColor c(QString::fromLatin1(hex));
        QCOMPARE(fromLab(toLab(c)).name(), c.name());
    }
}

QTEST_GUILESS_MAIN(TestCielab)
#include "tst_cielab.moc"
