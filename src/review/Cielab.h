// CIELAB (D65) for sRGB colours and the CIEDE2000 colour difference (Sharma, Wu & Dalal 2005): the
// perceptual yardstick the consistency review measures takes with.
#pragma once

#include <QColor>
#include <QRgb>

namespace shotcraft::review {

struct Lab {
    double L = 0.0;
    double a = 0.0;
    double b = 0.0;
    double chroma() const;
};

Lab toLab(QRgb rgb);
Lab toLab(const QColor &colour);
QColor fromLab(const Lab &lab); // clipped to the sRGB gamut

// ΔE00 with the reference weights kL = kC = kH = 1.
double deltaE2000(const Lab &x, const Lab &y);

} // namespace shotcraft::review
