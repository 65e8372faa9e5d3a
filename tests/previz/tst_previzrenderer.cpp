// The previz renderer draws what the shot says: deterministic per seed, at the requested size,
// characters in their identity colours where they are blocked (and nowhere else), figures scaled
// by shot size, the horizon placed by camera angle, lens perspective and depth of field, weather.
#include "previz/PrevizFigurePainter.h"
#include "previz/PrevizRenderer.h"
#include "previz/PrevizSetPainter.h"
#include "previz/PrevizTestProject.h"

#include <QPainter>
#include <QTest>

using namespace shotcraft;
using namespace shotcraft::previz;
using namespace shotcraft::providers;
using namespace shotcraft::test;

namespace {

QImage renderOrFail(const ImageRequest &request, const PrevizOptions &options = {}) {
    const Result<QImage> image = PrevizRenderer::render(request, options);
    if (!image) {
        qWarning("%s", qPrintable(image.error()));
        return {};
    }
    // SHOTCRAFT_PREVIZ_DUMP=<dir> keeps every frame the tests draw, to look at.
    static int counter = 0;
    const QString dump = qEnvironmentVariable("SHOTCRAFT_PREVIZ_DUMP");
    if (!dump.isEmpty())
        image->save(QStringLiteral("%1/%2-%3-%4.png")
                        .arg(dump, QLatin1String(QTest::currentTestFunction()),
                             QLatin1String(QTest::currentDataTag() ? QTest::currentDataTag() : "x"))
                        .arg(++counter));
    return *image;
}

int differingPixels(const QImage &a, const QImage &b, int tolerance = 30) {
    int n = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            if (colourDistance(a.pixel(x, y), QColor(b.pixel(x, y))) > tolerance)
                ++n;
    return n;
}

double centroidX(const QImage &image, const QColor &colour) {
    double sum = 0;
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (colourDistance(image.pixel(x, y), colour) <= 24) {
                sum += x;
                ++count;
            }
    return count ? sum / count : -1;
}

// Share of the frame that is open sky (blue clearly above red).
double skyFraction(const QImage &image) {
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = image.pixel(x, y);
            if (qBlue(p) - qRed(p) > 20)
                ++n;
        }
    return double(n) / (image.width() * image.height());
}

} // namespace

class TestPrevizRenderer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sameSeedSameBytes_data();
    void sameSeedSameBytes();
    void differentSeedDifferentImage();
    void rendersAtRequestedSize_data();
    void rendersAtRequestedSize();
    void refusesImpossibleSize();
    void identityColoursFollowBlocking_data();
    void identityColoursFollowBlocking();
    void figureScaleFollowsShotSize();
    void horizonFollowsAngle();
    void overheadHasNoHorizon();
    void rainAddsStreaks();
    void lensChangesPerspectiveAndFocus();
    void backlitFigureHasOneRim();
    void overlaysDrawGuidesAndCaption();
    void progressCanStopTheRender();
    void lookBookCharacterSheet();
};

void TestPrevizRenderer::sameSeedSameBytes_data() {
    QTest::addColumn<int>("intExt");
    QTest::addColumn<int>("weather");
    QTest::addColumn<int>("time");
    QTest::newRow("ext day clear") << int(InteriorExterior::Exterior) << int(Weather::Clear)
                                   << int(TimeOfDay::Day);
    QTest::newRow("ext night rain") << int(InteriorExterior::Exterior) << int(Weather::Rain)
                                    << int(TimeOfDay::Night);
    QTest::newRow("int dusk") << int(InteriorExterior::Interior) << int(Weather::Clear)
                              << int(TimeOfDay::Dusk);
    QTest::newRow("ext snow") << int(InteriorExterior::Exterior) << int(Weather::Snow)
                              << int(TimeOfDay::Morning);
}

void TestPrevizRenderer::sameSeedSameBytes() {
    QFETCH(int, intExt);
    QFETCH(int, weather);
    QFETCH(int, time);
    const Project project = previzProject(InteriorExterior(intExt));
    Shot shot =
        previzShot(ShotSize::MediumWide, {{kMara, 0.3, Facing::Right, DepthPlane::Midground, {}, {}},
                                          {kElias, 0.7, Facing::Left, DepthPlane::Background, {}, {}}});
    shot.weather = Weather(weather);
    shot.timeOfDay = TimeOfDay(time);
    const ImageRequest request = previzRequest(project, shot, 4242);
    const QByteArray first = PrevizRenderer::encodePng(renderOrFail(request));
    const QByteArray second = PrevizRenderer::encodePng(renderOrFail(request));
    QVERIFY(!first.isEmpty());
    QCOMPARE(first, second);
}

void TestPrevizRenderer::differentSeedDifferentImage() {
    const Project project = previzProject();
    const Shot shot =
        previzShot(ShotSize::Wide, {{kMara, 0.5, Facing::Camera, DepthPlane::Midground, {}, {}}});
    const QImage a = renderOrFail(previzRequest(project, shot, 1));
    const QImage b = renderOrFail(previzRequest(project, shot, 2));
    QCOMPARE(a.size(), b.size());
    QVERIFY(PrevizRenderer::encodePng(a) != PrevizRenderer::encodePng(b));
    // Not a pixel of noise: the set itself (skyline, clouds) changes visibly.
    QVERIFY2(differingPixels(a, b) > a.width() * a.height() / 100, "seed changed less than 1% of the frame");
}

void TestPrevizRenderer::rendersAtRequestedSize_data() {
    QTest::addColumn<QSize>("size");
    QTest::newRow("1344x768") << QSize(1344, 768);
    QTest::newRow("640x360") << QSize(640, 360);
    QTest::newRow("square") << QSize(512, 512);
    QTest::newRow("portrait") << QSize(576, 1024);
    QTest::newRow("scope") << QSize(1200, 502);
}

void TestPrevizRenderer::rendersAtRequestedSize() {
    QFETCH(QSize, size);
    const Project project = previzProject();
    const Shot shot =
        previzShot(ShotSize::Medium, {{kElias, 0.5, Facing::Camera, DepthPlane::Midground, {}, {}}});
    const QImage image = renderOrFail(previzRequest(project, shot, 9, size.width(), size.height()));
    QCOMPARE(image.size(), size);
    QImage decoded;
    QVERIFY(decoded.loadFromData(PrevizRenderer::encodePng(image), "PNG"));
    QCOMPARE(decoded.size(), size);
}

void TestPrevizRenderer::refusesImpossibleSize() {
    const ImageRequest request = previzRequest(previzProject(), previzShot(ShotSize::Wide), 1, 0, 768);
    const Result<QImage> image = PrevizRenderer::render(request);
    QVERIFY(!image.ok());
    QVERIFY(image.error().contains(QStringLiteral("0x768")));
}

void TestPrevizRenderer::identityColoursFollowBlocking_data() {
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("angle");
    QTest::addColumn<int>("intExt");
    QTest::newRow("ECU") << int(ShotSize::ExtremeCloseUp) << int(CameraAngle::EyeLevel)
                         << int(InteriorExterior::Exterior);
    QTest::newRow("CU low") << int(ShotSize::CloseUp) << int(CameraAngle::Low)
                            << int(InteriorExterior::Exterior);
    QTest::newRow("MCU int") << int(ShotSize::MediumCloseUp) << int(CameraAngle::EyeLevel)
                             << int(InteriorExterior::Interior);
    QTest::newRow("MS high") << int(ShotSize::Medium) << int(CameraAngle::High)
                             << int(InteriorExterior::Exterior);
    QTest::newRow("WS int") << int(ShotSize::Wide) << int(CameraAngle::EyeLevel)
                            << int(InteriorExterior::Interior);
    QTest::newRow("EWS") << int(ShotSize::ExtremeWide) << int(CameraAngle::EyeLevel)
                         << int(InteriorExterior::Exterior);
    QTest::newRow("WS overhead") << int(ShotSize::Wide) << int(CameraAngle::Overhead)
                                 << int(InteriorExterior::Exterior);
    QTest::newRow("MS dutch") << int(ShotSize::Medium) << int(CameraAngle::Dutch)
                              << int(InteriorExterior::Interior);
}

void TestPrevizRenderer::identityColoursFollowBlocking() {
    QFETCH(int, size);
    QFETCH(int, angle);
    QFETCH(int, intExt);
    const Project project = previzProject(InteriorExterior(intExt));
    const QColor maraCoat(QStringLiteral("#d0208f"));
    const QColor eliasCoat(QStringLiteral("#10b4e0"));
    struct Frame {
        QList<Blocking> blocking;
    };
    const QList<Frame> frames = {
        {{{kMara, 0.25, Facing::Camera, DepthPlane::Midground, {}, {}}}},
        {{{kElias, 0.3, Facing::ThreeQuarterRight, DepthPlane::Midground, {}, {}},
          {kMara, 0.72, Facing::Left, DepthPlane::Midground, {}, {}}}},
        {{{kElias, 0.6, Facing::Away, DepthPlane::Midground, {}, {}}}},
        {{}},
    };
    for (const Frame &frame : frames) {
        Shot shot = previzShot(ShotSize(size), frame.blocking);
        shot.angle = CameraAngle(angle);
        const QImage image = renderOrFail(previzRequest(project, shot, 5));
        QVERIFY(!image.isNull());
        const int band = image.width() / 12;
        if (frame.blocking.size() == 2) {
            // Left to right as blocked: Elias's colours lie left of Mara's.
            const double eliasX = centroidX(image, eliasCoat);
            const double maraX = centroidX(image, maraCoat);
            QVERIFY2(eliasX < maraX, qPrintable(QStringLiteral("%1 %2").arg(eliasX).arg(maraX)));
        }
        for (const auto &[id, colour] : {std::pair{kMara, maraCoat}, std::pair{kElias, eliasCoat}}) {
            const auto it = std::find_if(frame.blocking.cbegin(), frame.blocking.cend(),
                                         [id = id](const Blocking &b) { return b.characterId == id; });
            if (it == frame.blocking.cend()) {
                QVERIFY2(countNear(image, colour) == 0, "identity colour in a frame without the character");
                continue;
            }
            const int x = int(it->screenX * image.width());
            const int near = countNear(image, colour, x - band, x + band);
            QVERIFY2(near > 40,
                     qPrintable(QStringLiteral("only %1 identity pixels at the blocked position").arg(near)));
        }
    }
}

void TestPrevizRenderer::figureScaleFollowsShotSize() {
    const Project project = previzProject();
    const QList<Blocking> blocking = {{kMara, 0.5, Facing::Camera, DepthPlane::Midground, {}, {}}};
    const QSize size(672, 384);
    const ImageRequest ecu = previzRequest(project, previzShot(ShotSize::ExtremeCloseUp, blocking));
    const ImageRequest ws = previzRequest(project, previzShot(ShotSize::Wide, blocking));
    const PrevizFigure head = PrevizScene::fromRequest(ecu, size).figures.value(0);
    const PrevizFigure body = PrevizScene::fromRequest(ws, size).figures.value(0);
    // ECU: a head that fills the frame; WS: the whole body inside it, at about half its height.
    QVERIFY(head.headHeightPx() > 0.85 * size.height());
    const double bodyPx = body.heightM * body.pxPerMetre;
    QVERIFY(bodyPx > 0.45 * size.height() && bodyPx < 0.85 * size.height());
    QVERIFY(body.headTopY() > 0 && body.feetY < size.height());

    // In pixels: skin fills most of the ECU's centre column and a sliver of the WS's.
    const QColor skin(QStringLiteral("#d9a88c"));
    const int x = size.width() / 2;
    const double ecuSkin = double(countNear(renderOrFail(ecu), skin, x - 2, x + 3, 30)) / (5 * size.height());
    const double wsSkin = double(countNear(renderOrFail(ws), skin, x - 2, x + 3, 30)) / (5 * size.height());
    QVERIFY2(ecuSkin > 0.5, qPrintable(QString::number(ecuSkin)));
    QVERIFY2(wsSkin < 0.12, qPrintable(QString::number(wsSkin)));
}

void TestPrevizRenderer::horizonFollowsAngle() {
    Project project = previzProject();
    project.locations[0].name = QStringLiteral("HARBOUR"); // open water: the sky meets the sea
    auto frameAt = [&](CameraAngle angle) {
        Shot shot = previzShot(ShotSize::Wide);
        shot.angle = angle;
        return previzRequest(project, shot, 3);
    };
    const QSize size(672, 384);
    const double eye = PrevizScene::fromRequest(frameAt(CameraAngle::EyeLevel), size).camera.horizonY;
    const double low = PrevizScene::fromRequest(frameAt(CameraAngle::Low), size).camera.horizonY;
    const double high = PrevizScene::fromRequest(frameAt(CameraAngle::High), size).camera.horizonY;
    QVERIFY2(low > eye && eye > high, qPrintable(QStringLiteral("%1 %2 %3").arg(low).arg(eye).arg(high)));
    // And in the picture: more sky from below, less from above.
    const double skyLow = skyFraction(renderOrFail(frameAt(CameraAngle::Low)));
    const double skyEye = skyFraction(renderOrFail(frameAt(CameraAngle::EyeLevel)));
    const double skyHigh = skyFraction(renderOrFail(frameAt(CameraAngle::High)));
    QVERIFY2(skyLow > skyEye + 0.05 && skyEye > skyHigh + 0.05,
             qPrintable(QStringLiteral("%1 %2 %3").arg(skyLow).arg(skyEye).arg(skyHigh)));
}

void TestPrevizRenderer::overheadHasNoHorizon() {
    Shot shot = previzShot(ShotSize::Wide, {{kMara, 0.5, Facing::Left, DepthPlane::Midground, {}, {}}});
    shot.angle = CameraAngle::Overhead;
    const QImage image = renderOrFail(previzRequest(previzProject(), shot));
    QVERIFY(skyFraction(image) < 0.01);
}

void TestPrevizRenderer::rainAddsStreaks() {
    const Project project = previzProject();
    Shot shot = previzShot(ShotSize::Wide, {{kElias, 0.4, Facing::Camera, DepthPlane::Midground, {}, {}}});
    shot.weather = Weather::Overcast; // the same grey sky with and without rain
    const QImage dry = renderOrFail(previzRequest(project, shot, 11));
    shot.weather = Weather::Rain;
    const QImage wet = renderOrFail(previzRequest(project, shot, 11));
    int changed = 0;
    int brighter = 0;
    for (int y = 0; y < dry.height(); ++y)
        for (int x = 0; x < dry.width(); ++x) {
            const QRgb a = dry.pixel(x, y);
            const QRgb b = wet.pixel(x, y);
            if (colourDistance(a, QColor(b)) > 24) {
                ++changed;
                if (qGray(b) > qGray(a))
                    ++brighter;
            }
        }
    const int total = dry.width() * dry.height();
    // Thin light streaks: a few percent of the frame, nearly all of it lighter than before.
    QVERIFY2(changed > total / 100 && changed < total / 2, qPrintable(QString::number(changed)));
    QVERIFY(brighter > changed * 9 / 10);
    // Streaks run nearly vertically: a changed pixel usually has a changed pixel right below it.
    int continued = 0;
    for (int y = 0; y + 1 < dry.height(); ++y)
        for (int x = 0; x < dry.width(); ++x)
            if (colourDistance(dry.pixel(x, y), QColor(wet.pixel(x, y))) > 24 &&
                colourDistance(dry.pixel(x, y + 1), QColor(wet.pixel(x, y + 1))) > 24)
                ++continued;
    QVERIFY(continued > changed / 2);
}

void TestPrevizRenderer::lensChangesPerspectiveAndFocus() {
    const Project project = previzProject(InteriorExterior::Interior);
    const QList<Blocking> blocking = {{kMara, 0.5, Facing::Camera, DepthPlane::Midground, {}, {}}};
    Shot wide = previzShot(ShotSize::Medium, blocking);
    wide.lens = {16.0, 8.0, Sensor::Super35};
    Shot tele = previzShot(ShotSize::Medium, blocking);
    tele.lens = {135.0, 1.4, Sensor::Super35};
    const QSize size(672, 384);
    const PrevizScene w = PrevizScene::fromRequest(previzRequest(project, wide), size);
    const PrevizScene t = PrevizScene::fromRequest(previzRequest(project, tele), size);
    // Wide: a small, deep back wall; long lens: the back wall fills the frame (compression).
    const double wideWall = PrevizSetPainter::backWallRect(w).width() / size.width();
    const double teleWall = PrevizSetPainter::backWallRect(t).width() / size.width();
    QVERIFY2(wideWall < 0.8 && teleWall > 1.0 && teleWall > 2 * wideWall,
             qPrintable(QStringLiteral("%1 %2").arg(wideWall).arg(teleWall)));
    QVERIFY(w.camera.hfovDeg > 60 && t.camera.hfovDeg < 12);
    // Depth of field: the fast long lens melts the background, the stopped-down wide keeps it.
    QVERIFY(t.backdropBlurPx > 4.0);
    QVERIFY(w.backdropBlurPx < 1.0);
    QCOMPARE(t.blurPx[int(DepthPlane::Midground)], 0.0);
}

void TestPrevizRenderer::backlitFigureHasOneRim() {
    // Against the light only the figure's outer edge catches it: no bright seam where an arm
    // crosses the body.
    PrevizScene scene;
    scene.size = QSize(400, 600);
    scene.look.light = PrevizLightStyle::Backlit;
    scene.look.keyLight = Qt::white;
    scene.look.shadow = Qt::black;
    PrevizFigure f;
    f.x = 200;
    f.feetY = 580;
    f.pxPerMetre = 300; // a 1.75 m figure, 1 body unit = 300 px
    f.wardrobe = f.lower = f.accent = f.skin = f.hairColour = QColor(128, 128, 128);
    QImage image(scene.size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        PrevizFigurePainter(scene).paint(painter, f, 0.0);
    }
    const auto brightIn = [&](double fromX, double toX) {
        int n = 0;
        for (int y = int(f.feetY - 1.3 * f.pxPerMetre); y < int(f.feetY - 0.95 * f.pxPerMetre); ++y)
            for (int x = int(f.x + fromX * f.pxPerMetre); x <= int(f.x + toX * f.pxPerMetre); ++x)
                n += qRed(image.pixel(x, y)) > 150 ? 1 : 0;
        return n;
    };
    // The left arm's inner edge lies over the torso (at -0.145 units); its outer edge is the
    // figure's outline (at -0.235).
    QCOMPARE(brightIn(-0.155, -0.135), 0);
    QVERIFY(brightIn(-0.25, -0.22) > 50);
}

void TestPrevizRenderer::overlaysDrawGuidesAndCaption() {
    const Project project = previzProject();
    const ImageRequest request = previzRequest(project, previzShot(ShotSize::Medium), 8);
    const QImage plain = renderOrFail(request);
    const QImage guided = renderOrFail(request, {true, false});
    const QImage captioned = renderOrFail(request, {false, true});
    // A third line crosses the frame at x = W/3.
    const int x = plain.width() / 3;
    int changedOnThird = 0;
    for (int y = 0; y < plain.height(); ++y)
        if (plain.pixel(x, y) != guided.pixel(x, y))
            ++changedOnThird;
    QVERIFY(changedOnThird > plain.height() * 3 / 4);
    // The caption strip is a dark band along the bottom edge.
    const QRgb strip = captioned.pixel(2, captioned.height() - 3);
    QVERIFY(qGray(strip) < 40);
    QVERIFY(plain.pixel(2, plain.height() - 3) != strip);
}

void TestPrevizRenderer::progressCanStopTheRender() {
    const ImageRequest request = previzRequest(previzProject(), previzShot(ShotSize::Wide), 1);
    QList<double> seen;
    const Result<QImage> stopped = PrevizRenderer::render(request, {}, [&](double fraction) {
        seen.append(fraction);
        return seen.size() < 2;
    });
    QVERIFY(!stopped.ok());
    QCOMPARE(seen.size(), 2);
    seen.clear();
    const Result<QImage> full = PrevizRenderer::render(request, {}, [&](double fraction) {
        seen.append(fraction);
        return true;
    });
    QVERIFY(full.ok());
    QVERIFY(std::is_sorted(seen.cbegin(), seen.cend()));
    QCOMPARE(seen.last(), 1.0);
}

void TestPrevizRenderer::lookBookCharacterSheet() {
    Project project = previzProject();
    ReferenceImage sheet;
    sheet.id = 500;
    sheet.owner = ReferenceOwner::Character;
    sheet.ownerId = kElias;
    sheet.role = ReferenceRole::Turnaround;
    project.references = {sheet};
    ImageRequest request = previzRequest(project, Shot{}, 2);
    request.plan.referenceTargetId = sheet.id;
    const PrevizScene scene = PrevizScene::fromRequest(request, QSize(672, 384));
    QCOMPARE(scene.figures.size(), 4); // front, three-quarter, profile, back
    const QImage image = renderOrFail(request);
    QVERIFY(countNear(image, QColor(QStringLiteral("#10b4e0"))) > 200);
    QCOMPARE(countNear(image, QColor(QStringLiteral("#d0208f"))), 0);
}

QTEST_GUILESS_MAIN(TestPrevizRenderer)
#include "tst_previzrenderer.moc"
