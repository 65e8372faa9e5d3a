// Paints the set behind the figures of a previz frame: sky and ground with a skyline, trees or
// water for exteriors; a room box (back wall, side walls, floor, ceiling) for interiors; a studio
// cyclorama for character sheets; a plan view for overhead shots. Perspective comes from the
// camera model, so a wide lens shows a deep, converging room and a long lens a flat back wall.
#pragma once

#include "previz/PrevizScene.h"

#include <QRectF>

#include <optional>

class QPainter;

namespace shotcraft::previz {

class PrevizSetPainter {
public:
    explicit PrevizSetPainter(const PrevizScene &scene)
        : m_scene(scene) {}
    void paintBackdrop(QPainter &painter) const;
    // The light of the shot on the set: key/fill gradient by key side, vignette by lighting style.
    void paintSetLight(QPainter &painter) const;
    // The object of an insert, in focus on its surface.
    void paintInsertSubject(QPainter &painter) const;
    // Where an interior's back wall appears in the frame (for the perspective tests).
    static QRectF backWallRect(const PrevizScene &scene);

private:
    void paintSky(QPainter &painter) const;
    void paintExteriorGround(QPainter &painter) const;
    struct Span {
        double min, max; // metres
    };
    void paintSkyline(QPainter &painter, double distanceM, const QColor &colour, quint64 stream, Span height,
                      Span gap) const;
    void paintTrees(QPainter &painter, double distanceM, const QColor &colour, quint64 stream) const;
    // A row of scenery at one distance: where it stands on screen, how far it must reach either
    // side to fill the frame (metres), and pixels per metre. Empty when it is above the frame.
    struct Row {
        double baseY, visibleM, pxPerM;
    };
    std::optional<Row> sceneryRow(double distanceM) const;
    void paintRoom(QPainter &painter) const;
    void paintStudio(QPainter &painter) const;
    void paintPlanView(QPainter &painter) const;
    double groundY(double distanceM) const;
    double screenX(double worldX, double distanceM) const;

    const PrevizScene &m_scene;
};

} // namespace shotcraft::previz
