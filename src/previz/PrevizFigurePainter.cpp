#include "previz/PrevizFigurePainter.h"

#include "previz/PrevizFont.h"

#include <QPainter>
#include <QTransform>

#include <algorithm>
#include <cmath>

namespace shotcraft::previz {

namespace {

QColor withAlpha(QColor c, double alpha) {
    c.setAlphaF(float(std::clamp(alpha, 0.0, 1.0)));
    return c;
}

QColor towards(const QColor &a, const QColor &b, double t) {
    if (t <= 0.0)
        return a;
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

// Which way the figure is turned: +1 towards screen right, -1 left, 0 square to the lens.
double turnOf(Facing facing) {
    switch (facing) {
    case Facing::Left:
        return -1.0;
    case Facing::Right:
        return 1.0;
    case Facing::ThreeQuarterLeft:
        return -0.5;
    case Facing::ThreeQuarterRight:
        return 0.5;
    default:
        return 0.0;
    }
}

} // namespace

void PrevizFigurePainter::paint(QPainter &painter, const PrevizFigure &figure, double haze) const {
    PrevizFigure f = figure;
    const QColor air = m_scene.look.atmosphere;
    for (QColor *c : {&f.wardrobe, &f.lower, &f.accent, &f.hairColour, &f.skin})
        *c = towards(*c, air, haze);
    painter.save();
    if (f.handOnly)
        paintHand(painter, f);
    else if (m_scene.camera.overhead)
        paintFromAbove(painter, f);
    else
        paintStanding(painter, f);
    painter.restore();
}

void PrevizFigurePainter::paintStanding(QPainter &painter, const PrevizFigure &f) const {
    const PrevizLook &look = m_scene.look;
    const double k = f.heightM / 1.75; // proportions scale with height
    const double w = f.widthScale;
    const double turn = turnOf(f.facing);
    const bool profile = std::abs(turn) > 0.9;
    const bool away = f.facing == Facing::Away;
    const double shoulder = (profile ? 0.14 : std::abs(turn) > 0.1 ? 0.2 : 0.23) * w;
    const double hip = (profile ? 0.13 : 0.17) * w;

    painter.translate(f.x, f.feetY);
    painter.scale(f.pxPerMetre * k, f.pxPerMetre * k);
    painter.setPen(Qt::NoPen);

    // Cast shadow on the ground, away from the key.
    const double side = look.keyFromLeft ? 1.0 : -1.0;
    painter.setBrush(withAlpha(look.shadow, 0.15 + 0.35 * look.shadowStrength));
    painter.drawEllipse(QPointF(side * 0.35, 0.0), 0.5, 0.07);

    QPainterPath silhouette; // backlit: every part's outline, for one rim around the figure
    auto fillPart = [&](const QPainterPath &part, const QColor &colour) {
        paintPart(painter, part, colour, silhouette);
    };

    // Long hair falls behind the shoulders, so it is drawn first.
    if ((f.hair == PrevizHair::Long || (away && f.hair != PrevizHair::None)) && !profile) {
        QPainterPath back;
        back.addRoundedRect(QRectF(-0.12, -1.74, 0.24, away ? 0.3 : 0.36), 0.08, 0.08);
        fillPart(back, f.hairColour);
    }
    // Legs and shoes.
    const double stride = profile ? 0.07 : 0.0;
    for (int i = -1; i <= 1; i += 2) {
        QPainterPath leg;
        const double lx = profile ? i * stride - 0.06 : i * (0.035 + 0.055 * w) - 0.06;
        leg.addRoundedRect(QRectF(lx, -0.9, 0.12, 0.86), 0.04, 0.04);
        fillPart(leg, f.lower);
        QPainterPath shoe;
        shoe.addEllipse(
            QRectF(lx - (profile ? (turn < 0 ? 0.06 : -0.02) : 0.01), -0.07, profile ? 0.16 : 0.14, 0.07));
        fillPart(shoe, f.lower.darker(220));
    }
    // Torso (a coat reaches the knees).
    QPainterPath torso;
    const double hem = f.longCoat ? -0.48 : -0.84;
    const double flare = f.longCoat ? hip * 1.3 : hip;
    torso.moveTo(-flare, hem);
    torso.lineTo(-shoulder, -1.4);
    torso.quadTo(-shoulder, -1.46, -shoulder + 0.06, -1.46);
    torso.lineTo(shoulder - 0.06, -1.46);
    torso.quadTo(shoulder, -1.46, shoulder, -1.4);
    torso.lineTo(flare, hem);
    torso.closeSubpath();
    fillPart(torso, f.wardrobe);
    // Lapels / placket in the accent colour: a second identity colour at chest height.
    if (!away) {
        QPainterPath placket;
        const double cx = turn * 0.08;
        placket.moveTo(cx - 0.05, -1.45);
        placket.lineTo(cx + 0.05, -1.45);
        placket.lineTo(cx + 0.015, -1.2);
        placket.lineTo(cx - 0.015, -1.2);
        placket.closeSubpath();
        fillPart(placket, f.accent);
    }
    // Arms with hands.
    for (int i = -1; i <= 1; i += 2) {
        if (profile && i == int(-std::copysign(1.0, turn)))
            continue; // the far arm is hidden behind the body
        const double ax = profile ? -0.045 + turn * 0.02 : i * (shoulder + 0.005) - (i > 0 ? 0.09 : 0.0);
        QPainterPath arm;
        arm.addRoundedRect(QRectF(ax, -1.44, 0.09, 0.66), 0.045, 0.045);
        fillPart(arm, f.wardrobe.darker(108));
        QPainterPath hand;
        hand.addEllipse(QPointF(ax + 0.045, -0.76), 0.045, 0.055);
        fillPart(hand, f.skin);
    }
    // Neck.
    QPainterPath neck;
    neck.addRect(QRectF(-0.05 + turn * 0.02, -1.54, 0.1, 0.1));
    fillPart(neck, f.skin.darker(108));

    paintHead(painter, f, profile, turn, silhouette);
    if (look.light == PrevizLightStyle::Backlit) {
        // Against the light only the figure's outer edge catches it, not the edges between parts.
        painter.scale(0.001, 0.001); // the silhouette is in millimetres
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(withAlpha(look.keyLight, 0.7), 12.0));
        painter.drawPath(silhouette);
        painter.setPen(Qt::NoPen);
    }
}

void PrevizFigurePainter::paintPart(QPainter &painter, const QPainterPath &part, const QColor &colour,
                                    QPainterPath &silhouette) const {
    const PrevizLook &look = m_scene.look;
    painter.setBrush(colour);
    painter.drawPath(part);
    if (look.light == PrevizLightStyle::Backlit) {
        // Against the light: the part goes dark; the figure's rim is drawn once all parts are in.
        painter.setBrush(withAlpha(look.shadow, 0.55));
        painter.drawPath(part);
        // Path booleans flatten curves at a fixed tolerance in path units: in metres a head would
        // come out a polygon, so the union is made in millimetres.
        silhouette = silhouette.united(QTransform::fromScale(1000, 1000).map(part));
        return;
    }
    // The side away from the key light falls into shadow by the lighting style's contrast. The
    // figure is drawn around x = 0, so the halves are x > 0 and x < 0.
    painter.save();
    painter.setClipRect(QRectF(look.keyFromLeft ? 0.02 : -3.0, -3.0, 2.98, 3.2), Qt::IntersectClip);
    painter.setBrush(withAlpha(look.shadow, look.shadowStrength * 0.75));
    painter.drawPath(part);
    painter.restore();
}

void PrevizFigurePainter::paintHead(QPainter &painter, const PrevizFigure &f, bool profile, double turn,
                                    QPainterPath &silhouette) const {
    const bool away = f.facing == Facing::Away;
    const QPointF centre(turn * 0.015, -1.635);
    const double rx = profile ? 0.1 : 0.092;
    const double ry = 0.12;
    auto fillPart = [&](const QPainterPath &part, const QColor &colour) {
        paintPart(painter, part, colour, silhouette);
    };
    QPainterPath head;
    head.addEllipse(centre, rx, ry);
    if (profile) {
        // The nose points where the character looks.
        head.moveTo(centre.x() + turn * rx * 0.9, centre.y() - 0.01);
        head.lineTo(centre.x() + turn * (rx + 0.03), centre.y() + 0.03);
        head.lineTo(centre.x() + turn * rx * 0.9, centre.y() + 0.045);
        head.closeSubpath();
    }
    fillPart(head, f.skin);
    if (f.beard && !away) {
        QPainterPath beard;
        beard.addEllipse(QPointF(centre.x() + turn * 0.03, centre.y() + 0.075), rx * (profile ? 0.7 : 0.85),
                         0.06);
        fillPart(beard, f.hairColour);
    }

    // Hair.
    if (f.hair != PrevizHair::None) {
        QPainterPath hair;
        if (away) {
            hair.addEllipse(centre, rx * 1.04, ry * 1.02);
        } else {
            // A cap of hair over the crown, down to the brow line (and further down the back of a
            // head seen in profile).
            const double back = profile ? -turn * 0.03 : 0.0;
            QPainterPath crown;
            crown.addEllipse(QPointF(centre.x() + back, centre.y() - ry * 0.05), rx * 1.08, ry * 1.04);
            QPainterPath above;
            above.setFillRule(Qt::WindingFill);
            above.addRect(QRectF(centre.x() - rx * 1.2, centre.y() - ry * 1.2, rx * 2.4, ry * 0.8));
            if (profile)
                above.addRect(QRectF(centre.x() - (turn > 0 ? rx * 1.2 : -rx * 0.1), centre.y() - ry * 0.5,
                                     rx * 1.1, ry * 1.1));
            hair.addPath(crown.intersected(above));
            if (f.hair == PrevizHair::Medium || f.hair == PrevizHair::Long) {
                hair.addRect(QRectF(centre.x() - rx * 1.05 + (profile ? -turn * 0.04 : 0.0),
                                    centre.y() - ry * 0.4, profile ? rx * 1.2 : rx * 0.3,
                                    ry * (f.hair == PrevizHair::Long ? 1.5 : 0.9)));
                if (!profile)
                    hair.addRect(QRectF(centre.x() + rx * 0.75, centre.y() - ry * 0.4, rx * 0.3,
                                        ry * (f.hair == PrevizHair::Long ? 1.5 : 0.9)));
            }
        }
        if (f.hair == PrevizHair::Curly)
            for (int i = 0; i < 7; ++i) {
                const double a = M_PI * (1.05 + i * 0.15);
                hair.addEllipse(QPointF(centre.x() + std::cos(a) * rx, centre.y() + std::sin(a) * ry), 0.04,
                                0.04);
            }
        if (f.hair == PrevizHair::Ponytail)
            hair.addEllipse(QPointF(centre.x() - (profile ? turn : 0.0) * rx * 1.1,
                                    centre.y() - ry * (profile ? 0.2 : 1.05)),
                            0.045, 0.05);
        fillPart(hair, f.hairColour);
    }

    // Face.
    if (!away) {
        const QColor ink = f.skin.darker(300);
        painter.setBrush(ink);
        const double ex = turn * 0.035;
        const double ey = centre.y() + 0.005;
        if (profile) {
            painter.drawEllipse(QPointF(centre.x() + turn * 0.055, ey), 0.011, 0.011);
        } else {
            const double spread = 0.034 * (1.0 - std::abs(turn) * 0.3);
            painter.drawEllipse(QPointF(ex - spread, ey), 0.011, 0.011);
            painter.drawEllipse(QPointF(ex + spread, ey), 0.011, 0.011);
            painter.setPen(QPen(ink, 0.01));
            painter.drawLine(QPointF(ex - 0.022, centre.y() + 0.065),
                             QPointF(ex + 0.022, centre.y() + 0.065));
            painter.setPen(Qt::NoPen);
        }
        if (f.glasses) {
            painter.setBrush(Qt::NoBrush);
            painter.setPen(QPen(QColor(25, 25, 28), 0.008));
            if (profile)
                painter.drawEllipse(QPointF(centre.x() + turn * 0.06, ey), 0.022, 0.018);
            else {
                const double spread = 0.034 * (1.0 - std::abs(turn) * 0.3);
                painter.drawEllipse(QPointF(ex - spread, ey), 0.024, 0.019);
                painter.drawEllipse(QPointF(ex + spread, ey), 0.024, 0.019);
            }
            painter.setPen(Qt::NoPen);
        }
    }
    if (f.hat) {
        QPainterPath hat;
        hat.addRoundedRect(QRectF(centre.x() - 0.15, centre.y() - ry * 0.8, 0.3, 0.03), 0.01, 0.01);
        hat.addRoundedRect(QRectF(centre.x() - 0.09, centre.y() - ry * 0.8 - 0.09, 0.18, 0.1), 0.02, 0.02);
        fillPart(hat, f.accent.darker(120));
    }
}

void PrevizFigurePainter::paintFromAbove(QPainter &painter, const PrevizFigure &f) const {
    const PrevizLook &look = m_scene.look;
    painter.translate(f.x, f.feetY);
    painter.scale(f.pxPerMetre, f.pxPerMetre);
    // Facing as blocked: the camera side of a plan view is the bottom of the frame.
    double angle = 0.0;
    switch (f.facing) {
    case Facing::Left:
        angle = 90;
        break;
    case Facing::Right:
        angle = -90;
        break;
    case Facing::ThreeQuarterLeft:
        angle = 45;
        break;
    case Facing::ThreeQuarterRight:
        angle = -45;
        break;
    case Facing::Away:
        angle = 180;
        break;
    case Facing::Camera:
        break;
    }
    painter.setPen(Qt::NoPen);
    painter.setBrush(withAlpha(look.shadow, 0.2 + 0.3 * look.shadowStrength));
    painter.drawEllipse(QPointF(look.keyFromLeft ? 0.12 : -0.12, 0.1), 0.3 * f.widthScale, 0.17);
    painter.rotate(angle);
    painter.setBrush(f.wardrobe);
    painter.drawEllipse(QPointF(0, 0), 0.26 * f.widthScale, 0.14);
    painter.setBrush(f.accent);
    painter.drawEllipse(QPointF(0, 0.07), 0.05, 0.035);
    painter.setBrush(f.skin);
    painter.drawEllipse(QPointF(0, 0.09), 0.035, 0.03); // nose side of the head
    painter.setBrush(f.hair == PrevizHair::None ? f.skin : f.hairColour);
    painter.drawEllipse(QPointF(0, 0.0), 0.1, 0.1);
    if (f.hat) {
        painter.setBrush(f.accent.darker(120));
        painter.drawEllipse(QPointF(0, 0), 0.15, 0.15);
    }
}

void PrevizFigurePainter::paintHand(QPainter &painter, const PrevizFigure &f) const {
    // An insert: the character's sleeve reaches in from the nearer side towards the object.
    const double W = m_scene.size.width();
    const double H = m_scene.size.height();
    const bool fromLeft = f.x < W / 2;
    const QPointF start(fromLeft ? -0.05 * W : 1.05 * W, 1.05 * H);
    const QPointF end(std::clamp(f.x, 0.2 * W, 0.8 * W), 0.66 * H);
    const double thick = 0.13 * H;
    const QLineF arm(start, end);
    painter.translate(end);
    painter.rotate(-arm.angle());
    painter.setPen(Qt::NoPen);
    painter.setBrush(f.wardrobe);
    painter.drawRoundedRect(QRectF(-arm.length(), -thick / 2, arm.length() - thick * 0.3, thick), thick * 0.2,
                            thick * 0.2);
    painter.setBrush(f.accent);
    painter.drawRect(QRectF(-thick * 0.55, -thick / 2, thick * 0.25, thick));
    painter.setBrush(f.skin);
    painter.drawEllipse(QPointF(thick * 0.15, 0), thick * 0.5, thick * 0.42);
}

void PrevizFigurePainter::paintNameTag(QPainter &painter, const PrevizFigure &f, double bottomLimit) const {
    const double W = m_scene.size.width();
    const double H = m_scene.size.height();
    const double cap = std::clamp(H * 0.02, 5.0, 24.0);
    const QString text = PrevizFont::fold(f.name);
    const double pad = cap * 0.5;
    const QSizeF tag(PrevizFont::textWidth(text, cap) + 2 * pad, cap + 2 * pad);
    double y = m_scene.camera.overhead ? f.feetY + 0.2 * f.pxPerMetre : f.feetY + cap * 0.6;
    if (f.handOnly)
        y = H * 0.8;
    y = std::clamp(y, H * 0.03, bottomLimit - tag.height() - cap * 0.6);
    const double x = std::clamp(f.x - tag.width() / 2, W * 0.01, W * 0.99 - tag.width());
    const QRectF box(QPointF(x, y), tag);
    painter.save();
    painter.setPen(QPen(f.wardrobe.darker(160), std::max(1.0, cap / 8)));
    painter.setBrush(f.wardrobe);
    painter.drawRoundedRect(box, cap * 0.35, cap * 0.35);
    const QColor ink = f.wardrobe.lightnessF() > 0.55 ? QColor(18, 18, 22) : QColor(250, 250, 246);
    PrevizFont::drawText(painter, box.topLeft() + QPointF(pad, pad), text, cap, ink);
    painter.restore();
}

} // namespace shotcraft::previz
