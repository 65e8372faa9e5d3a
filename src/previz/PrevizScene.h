// What one previz frame shows, worked out from the request before any pixel is drawn: the camera
// (field of view, subject distance, horizon, depth-of-field blur per plane), the set and its
// colours (time of day, palette, lighting style, weather) and every figure with its identity.
// Plain data, so the geometry is testable on its own and the painters stay simple.
#pragma once

#include "providers/ImageProvider.h"

#include <QColor>
#include <QList>
#include <QPointF>
#include <QSize>
#include <QTransform>

#include <algorithm>

namespace shotcraft::previz {

// The engine draws requests made through the provider interface.
using providers::ImageRequest;
using providers::ImageResult;

enum class PrevizSetKind { Exterior, Interior };
enum class PrevizTerrain { Urban, Nature, Water, Studio };
enum class PrevizLightStyle { LowKey, Normal, HighKey, Backlit };
enum class PrevizHair { None, Short, Medium, Long, Curly, Ponytail };

// The camera model: a pinhole camera framed so the subject fills the frame as its shot size says.
struct PrevizCamera {
    double focalMm = 35.0;
    double aperture = 2.8;
    double sensorWidthMm = 24.89;
    double sensorHeightMm = 14.0;
    double hfovDeg = 0.0;
    double focalPx = 0.0;        // focal length in pixels of this frame
    double subjectDistanceM = 3; // camera to the midground subject
    double cameraHeightM = 1.6;
    double horizonY = 0.0; // pixels from the top; may lie outside the frame
    bool overhead = false; // a plan view: no horizon
    double rollDeg = 0.0;  // Dutch tilt
    double depthOf(DepthPlane plane) const;
};

struct PrevizFigure {
    Id characterId = 0;
    QString name;
    double x = 0.0;          // pixels: the blocked screen position
    double feetY = 0.0;      // pixels: where the figure meets the ground
    double pxPerMetre = 0.0; // scale at the figure's depth
    double heightM = 1.75;
    double widthScale = 1.0; // build: slight < 1 < heavy
    Facing facing = Facing::Camera;
    DepthPlane plane = DepthPlane::Midground;
    QColor wardrobe; // the identity colours: never graded, so a character reads the same everywhere
    QColor lower;
    QColor accent;
    QColor hairColour;
    QColor skin;
    PrevizHair hair = PrevizHair::Short;
    bool longCoat = false;
    bool hat = false;
    bool glasses = false;
    bool beard = false;
    bool handOnly = false; // an insert: only a sleeve and hand reach into frame

    double headTopY() const { return feetY - heightM * pxPerMetre; }
    double headHeightPx() const { return 0.13 * heightM * pxPerMetre; }
    // The chest, kept inside the frame: the point the blocked screen position refers to.
    QPointF anchor(double frameHeight) const {
        return {x, std::clamp(feetY - 0.75 * heightM * pxPerMetre, 0.15 * frameHeight, 0.85 * frameHeight)};
    }
};

struct PrevizLook {
    QColor skyTop, skyHorizon, ground, groundLine, wall, wallShade, floor, ceiling, scenery, sceneryFar;
    QColor window;     // what a window shows: the sky at this time of day
    QColor keyLight;   // warm or cool highlight
    QColor shadow;     // the palette's shadow tone
    QColor accent;     // props and details
    QColor atmosphere; // haze, fog and distance blend towards this
    PrevizLightStyle light = PrevizLightStyle::Normal;
    bool keyFromLeft = true;
    double shadowStrength = 0.35; // 0 flat .. 1 black shadows (the key/fill contrast)
    double vignette = 0.3;
    double haze = 0.15; // atmospheric perspective in the backdrop
    bool night = false;
    QList<QColor> swatches; // the palette variant, for the caption strip
};

struct PrevizScene {
    QSize size;
    quint64 seed = 0;
    PrevizCamera camera;
    PrevizSetKind set = PrevizSetKind::Exterior;
    PrevizTerrain terrain = PrevizTerrain::Urban;
    Weather weather = Weather::Clear;
    TimeOfDay timeOfDay = TimeOfDay::Day;
    PrevizLook look;
    QList<PrevizFigure> figures; // drawn back to front
    DepthPlane focusPlane = DepthPlane::Midground;
    double backdropBlurPx = 0.0;
    double blurPx[3] = {0.0, 0.0, 0.0}; // per DepthPlane
    bool insert = false;
    QString subject; // the object of an insert
    // Caption strip text.
    QString shotNumber, sizeLabel, lensLabel, angleLabel, heading;

    // The Dutch roll of the scene about the frame centre, scaled so no corner shows (identity
    // when the camera is level).
    QTransform rollTransform() const;
    // Where each figure's chest lands in the finished frame (after the roll), for the take record.
    QList<FigurePlacement> placements() const;

    // Works out the frame for a request at `size` (the requested width and height).
    static PrevizScene fromRequest(const ImageRequest &request, QSize size);
};

// The lighting key previz draws for a shot's lighting note and scene mood ("low key", "soft", ...).
PrevizLightStyle previzLightStyle(const QString &lightingAndMood, bool night);

// Blur-circle diameter in pixels for a point at `distanceM` when focused at `focusM`.
double previzBlurPx(const PrevizCamera &camera, double distanceM, double focusM, int frameWidth);
// The span of the subject (metres, vertical) that fills the frame at a shot size.
double previzFramedSpanM(ShotSize size);

} // namespace shotcraft::previz
