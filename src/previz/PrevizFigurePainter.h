// Paints one character of a previz frame as a clean stylised figure in their Visual DNA: wardrobe
// in the signature colours, hair colour and style, build, coat, hat, glasses and beard from the
// character's fields, turned as blocked, lit from the key side with a cast shadow. The same
// character therefore reads the same in every frame.
#pragma once

#include "previz/PrevizScene.h"

#include <QPainterPath>

class QPainter;

namespace shotcraft::previz {

class PrevizFigurePainter {
public:
    explicit PrevizFigurePainter(const PrevizScene &scene)
        : m_scene(scene) {}
    // `haze` (0..1) blends the figure towards the atmosphere (fog, distance).
    void paint(QPainter &painter, const PrevizFigure &figure, double haze) const;
    // The name tag under the figure (or at the bottom of the frame when the feet are out of it),
    // on a chip of the figure's wardrobe colour. `bottomLimit` keeps it above the caption strip.
    void paintNameTag(QPainter &painter, const PrevizFigure &figure, double bottomLimit) const;

private:
    void paintStanding(QPainter &painter, const PrevizFigure &f) const;
    void paintFromAbove(QPainter &painter, const PrevizFigure &f) const;
    void paintHand(QPainter &painter, const PrevizFigure &f) const;
    void paintHead(QPainter &painter, const PrevizFigure &f, bool profile, double turn,
                   QPainterPath &silhouette) const;
    // Fills one body part and lights it: shadow side by the key, or dark when backlit (the part
    // then joins `silhouette`, whose edge gets the rim light).
    void paintPart(QPainter &painter, const QPainterPath &part, const QColor &colour,
                   QPainterPath &silhouette) const;

    const PrevizScene &m_scene;
};

} // namespace shotcraft::previz
