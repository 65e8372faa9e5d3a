#include "cinema/Optics.h"

#include <cmath>
#include <limits>
#include <numbers>

namespace shotcraft::cinema {

namespace {
constexpr double kRadToDeg = 180.0 / std::numbers::pi;

// Super 35 uses the 4-perf full aperture; the CoC values are the reference's working figures.
constexpr SensorFormat kFormats[] = {
    {Sensor::Super35, "Super 35", 24.89, 18.66, 0.025},
    {Sensor::FullFrame, "full frame", 36.0, 24.0, 0.030},
    {Sensor::LargeFormat, "large format (65 mm)", 54.12, 25.58, 0.040},
};

double angleDeg(double extentMm, double focalLengthMm) {
    return 2.0 * std::atan(extentMm / (2.0 * focalLengthMm)) * kRadToDeg;
}
} // namespace

const SensorFormat &sensorFormat(Sensor sensor) {
    for (const SensorFormat &f : kFormats)
        if (f.sensor == sensor)
            return f;
    return kFormats[0];
}

double DepthOfField::totalM() const {
    return farIsInfinite ? std::numeric_limits<double>::infinity() : farM - nearM;
}

namespace optics {

FieldOfView fieldOfView(double focalLengthMm, double sensorWidthMm, double sensorHeightMm) {
    if (focalLengthMm <= 0)
        return {};
    const double diagonal = std::hypot(sensorWidthMm, sensorHeightMm);
    return {angleDeg(sensorWidthMm, focalLengthMm), angleDeg(sensorHeightMm, focalLengthMm),
            angleDeg(diagonal, focalLengthMm)};
}

FieldOfView fieldOfView(double focalLengthMm, Sensor sensor) {
    const SensorFormat &f = sensorFormat(sensor);
    return fieldOfView(focalLengthMm, f.widthMm, f.heightMm);
}

double hyperfocalDistanceM(double focalLengthMm, double aperture, double circleOfConfusionMm) {
    if (aperture <= 0 || circleOfConfusionMm <= 0)
        return std::numeric_limits<double>::infinity();
    return (focalLengthMm * focalLengthMm / (aperture * circleOfConfusionMm) + focalLengthMm) / 1000.0;
}

DepthOfField depthOfField(double focalLengthMm, double aperture, double subjectDistanceM,
                          double circleOfConfusionMm) {
    DepthOfField d;
    const double f = focalLengthMm / 1000.0;
    const double s = subjectDistanceM;
    const double h = hyperfocalDistanceM(focalLengthMm, aperture, circleOfConfusionMm);
    d.hyperfocalM = h;
    if (s <= 0 || !std::isfinite(h))
        return d;
    d.nearM = s * (h - f) / (h + s - 2.0 * f);
    if (s >= h) {
        d.farIsInfinite = true;
        d.farM = std::numeric_limits<double>::infinity();
    } else {
        d.farM = s * (h - f) / (h - s);
    }
    return d;
}

DepthOfField depthOfField(const Lens &lens, double subjectDistanceM) {
    return depthOfField(lens.focalLengthMm, lens.aperture, subjectDistanceM,
                        sensorFormat(lens.sensor).circleOfConfusionMm);
}

double subjectDistanceForSpanM(double focalLengthMm, double spanM, Sensor sensor) {
    return focalLengthMm * spanM / sensorFormat(sensor).heightMm;
}

double normalFocalLengthMm(Sensor sensor) {
    const SensorFormat &f = sensorFormat(sensor);
    return std::hypot(f.widthMm, f.heightMm);
}

double equivalentFocalLength(double focalLengthMm, Sensor from, Sensor to) {
    return focalLengthMm * normalFocalLengthMm(to) / normalFocalLengthMm(from);
}

} // namespace optics

} // namespace shotcraft::cinema
