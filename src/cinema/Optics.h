// Lens optics in code: field of view, hyperfocal distance, depth of field and the subject distance a
// shot size implies, for the sensors a film is shot on. The prompt engine states focal length and
// aperture and derives their visible consequence (background fall-off, compression) from these.
#pragma once

#include "domain/CinemaTypes.h"

namespace shotcraft::cinema {

struct SensorFormat {
    Sensor sensor = Sensor::Super35;
    const char *name = "";
    double widthMm = 0; // capture area used for the image (16:9-ish extraction for Super 35)
    double heightMm = 0;
    double circleOfConfusionMm = 0;
};

// The published figures for each sensor (cinematography reference: S35 4-perf, 36x24 full frame,
// Alexa 65 large format).
const SensorFormat &sensorFormat(Sensor sensor);

struct FieldOfView {
    double horizontalDeg = 0;
    double verticalDeg = 0;
    double diagonalDeg = 0;
};

struct DepthOfField {
    double hyperfocalM = 0;
    double nearM = 0;
    double farM = 0; // +infinity when the subject is at or past the hyperfocal distance
    bool farIsInfinite = false;
    double totalM() const; // far - near (infinite when farIsInfinite)
};

namespace optics {

// fov = 2 atan(d / 2f) for the sensor's width, height and diagonal.
FieldOfView fieldOfView(double focalLengthMm, Sensor sensor);
FieldOfView fieldOfView(double focalLengthMm, double sensorWidthMm, double sensorHeightMm);

// H = f^2 / (N c) + f, returned in metres.
double hyperfocalDistanceM(double focalLengthMm, double aperture, double circleOfConfusionMm);

// Near and far limits of acceptable focus for a subject at `subjectDistanceM`.
DepthOfField depthOfField(double focalLengthMm, double aperture, double subjectDistanceM,
                          double circleOfConfusionMm);
DepthOfField depthOfField(const Lens &lens, double subjectDistanceM);

// The distance at which a subject of height `spanM` fills the frame height: s = f h / sensor height.
double subjectDistanceForSpanM(double focalLengthMm, double spanM, Sensor sensor);

// The focal length the same field of view needs on another sensor (crop factor by diagonal).
double equivalentFocalLength(double focalLengthMm, Sensor from, Sensor to);

// The sensor diagonal: a "normal" lens.
double normalFocalLengthMm(Sensor sensor);

} // namespace optics

} // namespace shotcraft::cinema
