#include "previz/PrevizSetPainter.h"

#include "previz/PrevizFont.h"
#include "previz/PrevizRandom.h"

#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QRadialGradient>

#include <algorithm>
#include <cmath>

namespace shotcraft::previz {

namespace {

constexpr double kRoomHalfWidthM = 2.75;
constexpr double kRoomHeightM = 3.0;

QColor withAlpha(QColor c, double alpha) {
    c.setAlphaF(float(std::clamp(alpha, 0.0, 1.0)));
    return c;
}

QColor mixColour(const QColor &a, const QColor &b, double t) {
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

// Streams of the seeded randomness, one per layer.
enum Stream : quint64 {
    SkylineFar = 1,
    SkylineNear,
    Clouds,
    Stars,
    TreesFar,
    TreesNear,
    RoomDressing,
    Texture
};

} // namespace

double PrevizSetPainter::groundY(double distanceM) const {
    const PrevizCamera &c = m_scene.camera;
    return c.horizonY + c.focalPx * c.cameraHeightM / std::max(0.05, distanceM);
}

double PrevizSetPainter::screenX(double worldX, double distanceM) const {
    return m_scene.size.width() / 2.0 + m_scene.camera.focalPx * worldX / std::max(0.05, distanceM);
}

QRectF PrevizSetPainter::backWallRect(const PrevizScene &scene) {
    const PrevizCamera &c = scene.camera;
    const double d = c.depthOf(DepthPlane::Background) + 1.5;
    const double cx = scene.size.width() / 2.0;
    const double half = c.focalPx * kRoomHalfWidthM / d;
    const double top =
        c.horizonY - c.focalPx * (kRoomHeightM - std::min(c.cameraHeightM, kRoomHeightM - 0.2)) / d;
    const double bottom = c.horizonY + c.focalPx * std::min(c.cameraHeightM, kRoomHeightM - 0.2) / d;
    return QRectF(QPointF(cx - half, top), QPointF(cx + half, bottom));
}

void PrevizSetPainter::paintBackdrop(QPainter &painter) const {
    if (m_scene.camera.overhead)
        paintPlanView(painter);
    else if (m_scene.terrain == PrevizTerrain::Studio)
        paintStudio(painter);
    else if (m_scene.set == PrevizSetKind::Interior)
        paintRoom(painter);
    else {
        paintSky(painter);
        const double s = m_scene.camera.subjectDistanceM;
        const PrevizLook &look = m_scene.look;
        if (m_scene.terrain == PrevizTerrain::Nature) {
            paintTrees(painter, s + 250.0, look.sceneryFar, TreesFar);
            paintExteriorGround(painter);
            paintTrees(painter, s + 70.0, mixColour(look.scenery, look.atmosphere, look.haze), TreesNear);
        } else {
            // A city skyline, or the low far shore across open water.
            const bool water = m_scene.terrain == PrevizTerrain::Water;
            paintSkyline(painter, s + 250.0, look.sceneryFar, SkylineFar, water ? Span{2, 9} : Span{6, 28},
                         water ? Span{0, 30} : Span{0, 6});
            paintExteriorGround(painter);
            if (!water)
                paintSkyline(painter, s + 60.0, mixColour(look.scenery, look.atmosphere, look.haze),
                             SkylineNear, Span{4, 14}, Span{2, 14});
        }
    }
}

void PrevizSetPainter::paintSky(QPainter &painter) const {
    const double W = m_scene.size.width();
    const double horizon = m_scene.camera.horizonY;
    if (horizon <= 0)
        return;
    const PrevizLook &look = m_scene.look;
    QLinearGradient sky(0, std::min(0.0, horizon - m_scene.size.height()), 0, horizon);
    sky.setColorAt(0, look.skyTop);
    sky.setColorAt(1, look.skyHorizon);
    painter.fillRect(QRectF(0, 0, W, horizon + 1), sky);

    painter.setPen(Qt::NoPen);
    if (look.night && m_scene.weather == Weather::Clear) {
        PrevizRandom rng(m_scene.seed, Stars);
        painter.setBrush(withAlpha(QColor(235, 238, 255), 0.8));
        const int count = int(W * horizon / 9000.0);
        for (int i = 0; i < count; ++i) {
            const double r = rng.uniform(0.4, 1.3) * W / 1344.0;
            painter.drawEllipse(QPointF(rng.uniform(0, W), rng.uniform(0, horizon)), r, r);
        }
    }
    // The sun or moon on the key side tells where the light comes from.
    if (m_scene.weather == Weather::Clear || m_scene.weather == Weather::Haze) {
        const double x = m_scene.look.keyFromLeft ? W * 0.18 : W * 0.82;
        const double r = W * 0.025;
        const double y =
            look.night || m_scene.timeOfDay == TimeOfDay::Dawn || m_scene.timeOfDay == TimeOfDay::Dusk
                ? horizon - r * 2.5
                : horizon * 0.3;
        QRadialGradient glow(QPointF(x, y), r * 5);
        glow.setColorAt(0, withAlpha(look.keyLight, 0.55));
        glow.setColorAt(1, withAlpha(look.keyLight, 0.0));
        painter.setBrush(glow);
        painter.drawEllipse(QPointF(x, y), r * 5, r * 5);
        painter.setBrush(look.night ? QColor(226, 228, 236) : look.keyLight.lighter(110));
        painter.drawEllipse(QPointF(x, y), r, r);
    }
    // Clouds: soft banks of ellipses, more of them under a grey sky.
    PrevizRandom rng(m_scene.seed, Clouds);
    const bool grey = m_scene.weather != Weather::Clear && m_scene.weather != Weather::Haze;
    const int banks = grey ? 7 : 3;
    const QColor cloud = grey ? look.skyTop.darker(112) : mixColour(look.skyHorizon, QColor(Qt::white), 0.5);
    for (int i = 0; i < banks; ++i) {
        const double cx = rng.uniform(-0.1, 1.1) * W;
        const double cy = rng.uniform(0.15, 0.8) * horizon;
        const double w = rng.uniform(0.12, 0.3) * W;
        painter.setBrush(withAlpha(cloud, grey ? 0.55 : 0.35));
        for (int j = 0; j < 4; ++j)
            painter.drawEllipse(QPointF(cx + rng.uniform(-0.5, 0.5) * w, cy + rng.uniform(-0.1, 0.1) * w),
                                w * rng.uniform(0.25, 0.45), w * rng.uniform(0.06, 0.12));
    }
}

void PrevizSetPainter::paintExteriorGround(QPainter &painter) const {
    const double W = m_scene.size.width();
    const double H = m_scene.size.height();
    const double horizon = std::max(0.0, m_scene.camera.horizonY);
    if (horizon >= H)
        return;
    const PrevizLook &look = m_scene.look;
    QLinearGradient ground(0, horizon, 0, H);
    ground.setColorAt(0, mixColour(look.ground, look.atmosphere, 0.35 + look.haze * 0.4));
    ground.setColorAt(1, look.ground.darker(115));
    painter.fillRect(QRectF(0, horizon, W, H - horizon), ground);

    const double s = m_scene.camera.subjectDistanceM;
    if (m_scene.terrain == PrevizTerrain::Water) {
        // Open water out to the horizon, a quay under the subject.
        const double shoreY = groundY(s + 6.0);
        if (shoreY > horizon) {
            QLinearGradient water(0, horizon, 0, shoreY);
            water.setColorAt(0, mixColour(look.ground, look.skyHorizon, 0.45));
            water.setColorAt(1, look.ground);
            painter.fillRect(QRectF(0, horizon, W, std::min(H, shoreY) - horizon), water);
            painter.setPen(QPen(withAlpha(look.skyHorizon, 0.35), std::max(1.0, W / 1000.0)));
            PrevizRandom rng(m_scene.seed, Texture);
            for (int i = 0; i < 40; ++i) {
                const double y = horizon + (shoreY - horizon) * std::pow(rng.uniform(0, 1), 1.6);
                const double x = rng.uniform(0, W);
                const double len = W * 0.01 + (y - horizon) * 0.2;
                painter.drawLine(QPointF(x, y), QPointF(x + len, y));
            }
            const QColor quay =
                mixColour(QColor(0x6e, 0x6a, 0x62), look.ground, 0.2).darker(look.night ? 300 : 100);
            painter.fillRect(QRectF(0, shoreY, W, std::max(0.0, H - shoreY)), quay);
            painter.fillRect(QRectF(0, shoreY, W, std::max(1.0, H * 0.006)), quay.lighter(130));
        }
    }

    // Paving / furrows: transverse lines at fixed distances (a long lens packs them together),
    // longitudinal lines running to the vanishing point.
    const QColor line = withAlpha(look.groundLine, 0.55);
    painter.setPen(QPen(line, std::max(1.0, W / 1200.0)));
    const double step = m_scene.terrain == PrevizTerrain::Nature ? 4.0 : 2.0;
    double lastY = H * 4;
    const double firstZ = m_scene.terrain == PrevizTerrain::Water ? s + 6.0 : 0.5;
    for (double z = std::ceil(firstZ / step) * step; z < 400.0; z += step) {
        const double y = groundY(z);
        if (y > H)
            continue;
        if (lastY - y < 3.0 || y <= horizon + 1)
            break;
        painter.drawLine(QPointF(0, y), QPointF(W, y));
        lastY = y;
    }
    const double nearY = H + 2;
    const double zNear = m_scene.camera.focalPx * m_scene.camera.cameraHeightM /
                         std::max(1.0, nearY - m_scene.camera.horizonY);
    const double zFar = m_scene.terrain == PrevizTerrain::Water ? s + 6.0 : 1000.0;
    const double lateral = m_scene.terrain == PrevizTerrain::Nature ? 6.0 : 3.0;
    for (int k = -12; k <= 12; ++k) {
        const double x = (k + 0.5) * lateral;
        if (zNear >= zFar)
            break;
        painter.drawLine(QPointF(screenX(x, zNear), groundY(zNear)),
                         QPointF(screenX(x, zFar), groundY(zFar)));
    }
}

std::optional<PrevizSetPainter::Row> PrevizSetPainter::sceneryRow(double distanceM) const {
    const double base = groundY(distanceM);
    if (base < 0)
        return std::nullopt;
    const double W = m_scene.size.width();
    return Row{base, (W / 2.0 + W * 0.1) / m_scene.camera.focalPx * distanceM,
               m_scene.camera.focalPx / distanceM};
}

void PrevizSetPainter::paintSkyline(QPainter &painter, double distanceM, const QColor &colour, quint64 stream,
                                    Span height, Span gap) const {
    const std::optional<Row> row = sceneryRow(distanceM);
    if (!row)
        return;
    const auto [base, visible, scale] = *row;
    PrevizRandom rng(m_scene.seed, stream);
    painter.setPen(Qt::NoPen);
    PrevizRandom windows(m_scene.seed, stream + 100);
    int windowBudget = 400; // keeps a very wide lens from spending the frame on windows
    for (double x = -visible - rng.uniform(0, 10); x < visible;) {
        const double w = rng.uniform(6, 16);
        const double h = rng.uniform(height.min, height.max);
        const QRectF r(screenX(x, distanceM), base - h * scale, w * scale, h * scale + 1);
        const QColor c = colour.darker(int(100 + rng.uniform(0, 18)));
        painter.setBrush(c);
        painter.drawRect(r);
        if (m_scene.look.night && stream == SkylineNear && r.width() > 6) {
            painter.setBrush(withAlpha(m_scene.look.keyLight, 0.6));
            const double ww = 1.2 * scale, wh = 1.5 * scale;
            for (double wy = r.top() + wh; wy < base - wh && windowBudget > 0; wy += 3.5 * scale)
                for (double wx = r.left() + ww; wx < r.right() - ww && windowBudget > 0; wx += 3.0 * scale)
                    if (windows.chance(0.3)) {
                        painter.drawRect(QRectF(wx, wy, ww, wh));
                        --windowBudget;
                    }
        }
        x += w + rng.uniform(gap.min, gap.max);
    }
}

void PrevizSetPainter::paintTrees(QPainter &painter, double distanceM, const QColor &colour,
                                  quint64 stream) const {
    const std::optional<Row> row = sceneryRow(distanceM);
    if (!row)
        return;
    const auto [base, visible, scale] = *row;
    PrevizRandom rng(m_scene.seed, stream);
    painter.setPen(Qt::NoPen);
    for (double x = -visible - rng.uniform(0, 8); x < visible;) {
        const double h = rng.uniform(5, 12);
        const double sx = screenX(x, distanceM);
        painter.setBrush(colour.darker(130));
        painter.drawRect(QRectF(sx - 0.25 * scale, base - h * 0.4 * scale, 0.5 * scale, h * 0.4 * scale + 1));
        painter.setBrush(colour.darker(int(95 + rng.uniform(0, 25))));
        painter.drawEllipse(QPointF(sx, base - h * 0.62 * scale), h * 0.3 * scale, h * 0.4 * scale);
        x += rng.uniform(6, 20);
    }
}

void PrevizSetPainter::paintRoom(QPainter &painter) const {
    const double W = m_scene.size.width();
    const double H = m_scene.size.height();
    const PrevizLook &look = m_scene.look;
    const PrevizCamera &cam = m_scene.camera;
    const QRectF back = backWallRect(m_scene);
    const double backDistance = cam.depthOf(DepthPlane::Background) + 1.5;
    // The near plane: where the room's edges leave the frame.
    const double zNear = 0.25;
    const double camH = std::min(cam.cameraHeightM, kRoomHeightM - 0.2);
    const double nearHalf = cam.focalPx * kRoomHalfWidthM / zNear;
    const double nearTop = cam.horizonY - cam.focalPx * (kRoomHeightM - camH) / zNear;
    const double nearBottom = cam.horizonY + cam.focalPx * camH / zNear;
    const double cx = W / 2.0;
    const QPointF nTL(cx - nearHalf, nearTop), nTR(cx + nearHalf, nearTop), nBL(cx - nearHalf, nearBottom),
        nBR(cx + nearHalf, nearBottom);

    painter.setPen(Qt::NoPen);
    painter.setBrush(look.ceiling);
    painter.drawPolygon(QPolygonF({nTL, nTR, back.topRight(), back.topLeft()}));
    QLinearGradient floor(0, back.bottom(), 0, H);
    floor.setColorAt(0, look.floor.darker(115));
    floor.setColorAt(1, look.floor);
    painter.setBrush(floor);
    painter.drawPolygon(QPolygonF({back.bottomLeft(), back.bottomRight(), nBR, nBL}));
    const QColor litWall = look.wall;
    const QColor darkWall = look.wallShade;
    painter.setBrush(look.keyFromLeft ? litWall : darkWall);
    painter.drawPolygon(QPolygonF({nTL, back.topLeft(), back.bottomLeft(), nBL}));
    painter.setBrush(look.keyFromLeft ? darkWall : litWall);
    painter.drawPolygon(QPolygonF({back.topRight(), nTR, nBR, back.bottomRight()}));
    painter.setBrush(look.wall.darker(108));
    painter.drawRect(back);

    // Floorboards converge on the vanishing point; their spacing shows the lens.
    painter.setPen(QPen(withAlpha(look.floor.darker(150), 0.6), std::max(1.0, W / 1300.0)));
    for (double x = -kRoomHalfWidthM; x <= kRoomHalfWidthM + 1e-6; x += 0.5) {
        const QPointF a(screenX(x, backDistance), back.bottom());
        const QPointF b(cx + cam.focalPx * x / zNear, nearBottom);
        painter.drawLine(a, b);
    }
    // The edges of the room box.
    painter.setPen(QPen(withAlpha(look.shadow, 0.35), std::max(1.0, W / 900.0)));
    painter.drawLine(back.topLeft(), nTL);
    painter.drawLine(back.topRight(), nTR);
    painter.drawLine(back.bottomLeft(), nBL);
    painter.drawLine(back.bottomRight(), nBR);

    // Back-wall dressing: a window showing the time of day, a door, a frame on the wall.
    PrevizRandom rng(m_scene.seed, RoomDressing);
    const double unit = back.width() / (2 * kRoomHalfWidthM); // pixels per metre on the back wall
    const double winX = back.left() + unit * rng.uniform(0.6, 2.2);
    const QRectF window(winX, back.top() + unit * 0.8, unit * 1.4, unit * 1.3);
    QLinearGradient view(0, window.top(), 0, window.bottom());
    view.setColorAt(0, look.skyTop);
    view.setColorAt(1, look.window);
    painter.setPen(QPen(look.wall.darker(150), std::max(1.0, unit * 0.06)));
    painter.setBrush(view);
    painter.drawRect(window);
    painter.drawLine(QPointF(window.center().x(), window.top()),
                     QPointF(window.center().x(), window.bottom()));
    painter.drawLine(QPointF(window.left(), window.center().y()),
                     QPointF(window.right(), window.center().y()));
    const QRectF door(back.right() - unit * rng.uniform(1.4, 2.6), back.bottom() - unit * 2.1, unit * 0.95,
                      unit * 2.1);
    painter.setBrush(look.accent.darker(130));
    painter.drawRect(door);
    painter.setBrush(look.accent.lighter(120));
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(QPointF(door.left() + door.width() * 0.82, door.center().y()), unit * 0.04,
                        unit * 0.04);
    const QRectF frame(back.center().x() - unit * rng.uniform(-0.6, 0.2), back.top() + unit * 0.9, unit * 0.8,
                       unit * 0.6);
    painter.setPen(QPen(look.wall.darker(170), std::max(1.0, unit * 0.04)));
    painter.setBrush(look.accent.lighter(140));
    painter.drawRect(frame);

    if (look.night) {
        // A practical lamp: the pool of light that motivates a night interior.
        const QPointF lamp(look.keyFromLeft ? back.left() + unit * 0.5 : back.right() - unit * 0.5,
                           back.bottom() - unit * 1.1);
        QRadialGradient glow(lamp, unit * 2.5);
        glow.setColorAt(0, withAlpha(look.keyLight, 0.55));
        glow.setColorAt(1, withAlpha(look.keyLight, 0.0));
        painter.setPen(Qt::NoPen);
        painter.setBrush(glow);
        painter.drawEllipse(lamp, unit * 2.5, unit * 2.5);
        painter.setBrush(look.keyLight);
        painter.drawEllipse(lamp, unit * 0.18, unit * 0.14);
    }
}

void PrevizSetPainter::paintStudio(QPainter &painter) const {
    const double W = m_scene.size.width();
    const double H = m_scene.size.height();
    const double floorY = std::clamp(groundY(m_scene.camera.subjectDistanceM + 2.0), 0.0, H);
    QLinearGradient cyc(0, 0, 0, H);
    cyc.setColorAt(0, m_scene.look.wall.lighter(108));
    cyc.setColorAt(std::clamp(floorY / H, 0.0, 1.0), m_scene.look.wall);
    cyc.setColorAt(1, m_scene.look.wall.darker(112));
    painter.fillRect(QRectF(0, 0, W, H), cyc);
}

void PrevizSetPainter::paintPlanView(QPainter &painter) const {
    const double W = m_scene.size.width();
    const double H = m_scene.size.height();
    const PrevizLook &look = m_scene.look;
    const bool inside = m_scene.set == PrevizSetKind::Interior;
    const QColor base = inside ? look.floor : look.ground;
    painter.fillRect(QRectF(0, 0, W, H), base);
    // A square grid: seen from straight above nothing converges.
    const double metre = H / (previzFramedSpanM(ShotSize::Wide) * 1.6);
    painter.setPen(QPen(withAlpha(base.darker(140), 0.6), std::max(1.0, W / 1300.0)));
    const double step = (inside ? 0.5 : 1.0) * metre;
    for (double x = std::fmod(W / 2, step); x < W; x += step)
        painter.drawLine(QPointF(x, 0), QPointF(x, H));
    if (!inside)
        for (double y = std::fmod(H / 2, step); y < H; y += step)
            painter.drawLine(QPointF(0, y), QPointF(W, y));
    if (inside) {
        painter.setPen(QPen(look.wallShade, metre * 0.2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(W * 0.04, H * 0.06, W * 0.92, H * 0.88));
    }
}

void PrevizSetPainter::paintSetLight(QPainter &painter) const {
    const double W = m_scene.size.width();
    const double H = m_scene.size.height();
    const PrevizLook &look = m_scene.look;
    QLinearGradient key(look.keyFromLeft ? 0 : W, 0, look.keyFromLeft ? W : 0, 0);
    key.setColorAt(0, withAlpha(look.keyLight, 0.06 + 0.1 * (1.0 - look.shadowStrength)));
    key.setColorAt(0.5, withAlpha(look.keyLight, 0.0));
    key.setColorAt(1, withAlpha(look.shadow, look.shadowStrength * 0.45));
    painter.fillRect(QRectF(0, 0, W, H), key);
    QRadialGradient vignette(QPointF(W / 2, H / 2), std::hypot(W, H) / 2);
    vignette.setColorAt(0.55, withAlpha(look.shadow, 0.0));
    vignette.setColorAt(1, withAlpha(look.shadow, look.vignette));
    painter.fillRect(QRectF(0, 0, W, H), vignette);
}

void PrevizSetPainter::paintInsertSubject(QPainter &painter) const {
    if (!m_scene.insert)
        return;
    const double W = m_scene.size.width();
    const double H = m_scene.size.height();
    const PrevizLook &look = m_scene.look;
    // The surface the object rests on, then the object itself in the accent colour.
    QLinearGradient surface(0, H * 0.55, 0, H);
    surface.setColorAt(0, look.floor.lighter(110));
    surface.setColorAt(1, look.floor.darker(120));
    painter.fillRect(QRectF(0, H * 0.55, W, H * 0.45), surface);
    const QRectF object(W * 0.34, H * 0.3, W * 0.32, H * 0.42);
    painter.setPen(Qt::NoPen);
    painter.setBrush(withAlpha(look.shadow, 0.35));
    painter.drawRoundedRect(object.translated(W * 0.015 * (look.keyFromLeft ? 1 : -1), H * 0.03), W * 0.01,
                            W * 0.01);
    painter.setBrush(look.accent);
    painter.drawRoundedRect(object, W * 0.01, W * 0.01);
    painter.setBrush(look.accent.lighter(130));
    painter.drawRoundedRect(object.adjusted(object.width() * 0.08, object.height() * 0.08,
                                            -object.width() * 0.08, -object.height() * 0.6),
                            W * 0.005, W * 0.005);
    if (!m_scene.subject.isEmpty()) {
        const double cap = std::max(6.0, H * 0.028);
        QString label = PrevizFont::fold(m_scene.subject);
        while (PrevizFont::textWidth(label, cap) > object.width() * 0.9 && label.size() > 3)
            label.chop(1);
        PrevizFont::drawText(
            painter,
            QPointF(object.center().x() - PrevizFont::textWidth(label, cap) / 2, object.center().y() + cap),
            label, cap, look.accent.lightnessF() > 0.5 ? QColor(20, 20, 24) : QColor(245, 245, 240));
    }
}

} // namespace shotcraft::previz
