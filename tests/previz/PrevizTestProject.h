// Hand-built projects and requests for the previz tests: two characters with unmistakable identity
// colours, a palette that contains none of them, and shots of every size.
#pragma once

#include "providers/ImageProvider.h"

#include <QColor>
#include <QImage>

#include <cmath>

namespace shotcraft::test {

inline constexpr Id kMara = 10;
inline constexpr Id kElias = 11;
inline constexpr Id kScene = 3;
inline constexpr Id kLocation = 4;

inline Project previzProject(InteriorExterior intExt = InteriorExterior::Exterior) {
    Project p;
    p.info.title = QStringLiteral("Previz test");
    Character mara;
    mara.id = kMara;
    mara.name = QStringLiteral("Mara");
    mara.hair = QStringLiteral("long red hair");
    mara.build = QStringLiteral("slight");
    mara.wardrobe = QStringLiteral("long wool coat");
    mara.signatureColours = {QStringLiteral("#d0208f"), QStringLiteral("#f0e020")};
    Character elias;
    elias.id = kElias;
    elias.name = QStringLiteral("Elias");
    elias.hair = QStringLiteral("short grey hair");
    elias.build = QStringLiteral("heavy");
    elias.face = QStringLiteral("glasses, a beard");
    elias.signatureColours = {QStringLiteral("#10b4e0"), QStringLiteral("#30e070")};
    p.characters = {mara, elias};
    Location dock;
    dock.id = kLocation;
    dock.name = QStringLiteral("STREET");
    dock.intExt = intExt;
    p.locations = {dock};
    Scene scene;
    scene.id = kScene;
    scene.locationId = kLocation;
    scene.heading = QStringLiteral("EXT. STREET - DAY");
    scene.intExt = intExt;
    scene.timeOfDay = TimeOfDay::Day;
    p.scenes = {scene};
    Palette film;
    film.id = 20;
    film.swatches = {{QStringLiteral("slate"), QStringLiteral("#4a5058"), SwatchRole::Key},
                     {QStringLiteral("ink"), QStringLiteral("#1a1c22"), SwatchRole::Shadow},
                     {QStringLiteral("paper"), QStringLiteral("#e8e2d4"), SwatchRole::Highlight},
                     {QStringLiteral("rust"), QStringLiteral("#9a4a30"), SwatchRole::Accent},
                     {QStringLiteral("skin"), QStringLiteral("#d9a88c"), SwatchRole::Skin},
                     {QStringLiteral("stone"), QStringLiteral("#8a8478"), SwatchRole::Background}};
    p.palettes = {film};
    return p;
}

inline Shot previzShot(ShotSize size, QList<Blocking> blocking = {}) {
    Shot s;
    s.id = 100;
    s.sceneId = kScene;
    s.number = QStringLiteral("7A");
    s.size = size;
    s.lens = {35.0, 2.8, Sensor::Super35};
    s.blocking = blocking;
    return s;
}

inline providers::ImageRequest previzRequest(const Project &project, const Shot &shot, qint64 seed = 77,
                                             int width = 672, int height = 384) {
    providers::ImageRequest r;
    r.project = project;
    r.shot = shot;
    r.package.shotId = shot.id;
    r.package.params.width = width;
    r.package.params.height = height;
    r.package.params.seed = seed;
    r.plan.shotId = shot.id;
    r.plan.seed = seed;
    return r;
}

inline int colourDistance(QRgb a, const QColor &b) {
    return std::abs(qRed(a) - b.red()) + std::abs(qGreen(a) - b.green()) + std::abs(qBlue(a) - b.blue());
}

// Pixels within `tolerance` of `colour` in the columns [x0, x1).
inline int countNear(const QImage &image, const QColor &colour, int x0 = 0, int x1 = -1, int tolerance = 24) {
    if (x1 < 0)
        x1 = image.width();
    x0 = std::max(0, x0);
    x1 = std::min(image.width(), x1);
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        const QRgb *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = x0; x < x1; ++x)
            if (colourDistance(line[x], colour) <= tolerance)
                ++n;
    }
    return n;
}

} // namespace shotcraft::test
