#include "review/Cielab.h"

#include <array>
#include <cmath>

namespace shotcraft::review {

namespace {
constexpr double kPi = 3.14159265358979323846;
// D65 reference white.
constexpr double kXn = 0.95047, kYn = 1.0, kZn = 1.08883;

double degrees(double radians) {
    return radians * 180.0 / kPi;
}
double radians(double degrees) {
    return degrees * kPi / 180.0;
}

// sRGB transfer curve, decoded once per 8-bit value.
const std::array<double, 256> &linearTable() {
    static const std::array<double, 256> table = [] {
        std::array<double, 256> t{};
        for (int i = 0; i < 256; ++i) {
            const double c = i / 255.0;
            t[i] = c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
        }
        return t;
    }();
    return table;
}

double labF(double t) {
    constexpr double e = 216.0 / 24389.0, k = 24389.0 / 27.0;
    return t > e ? std::cbrt(t) : (k * t + 16.0) / 116.0;
}
double labFInverse(double f) {
    constexpr double e = 216.0 / 24389.0, k = 24389.0 / 27.0;
    const double cube = f * f * f;
    return cube > e ? cube : (116.0 * f - 16.0) / k;
}
double encode(double linear) {
    const double c = linear <= 0.0031308 ? 12.92 * linear : 1.055 * std::pow(linear, 1.0 / 2.4) - 0.055;
    return std::clamp(c, 0.0, 1.0);
}
} // namespace

double Lab::chroma() const {
    return std::hypot(a, b);
}

Lab toLab(QRgb rgb) {
    const auto &lin = linearTable();
    const double r = lin[qRed(rgb)], g = lin[qGreen(rgb)], b = lin[qBlue(rgb)];
    const double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / kXn;
    const double y = (0.2126729 * r + 0.7151522 * g + 0.0721750 * b) / kYn;
    const double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / kZn;
    const double fx = labF(x), fy = labF(y), fz = labF(z);
    return {116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)};
}

Lab toLab(const QColor &colour) {
    return toLab(colour.rgb());
}

QColor fromLab(const Lab &lab) {
    const double fy = (lab.L + 16.0) / 116.0;
    const double x = kXn * labFInverse(fy + lab.a / 500.0);
    const double y = kYn * labFInverse(fy);
    const double z = kZn * labFInverse(fy - lab.b / 200.0);
    const double r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
    const double g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
    const double b = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
    return QColor::fromRgbF(float(encode(r)), float(encode(g)), float(encode(b)));
}

double deltaE2000(const Lab &x, const Lab &y) {
    const double c1 = x.chroma(), c2 = y.chroma();
    const double cBar7 = std::pow((c1 + c2) / 2.0, 7.0);
    const double g = 0.5 * (1.0 - std::sqrt(cBar7 / (cBar7 + std::pow(25.0, 7.0))));
    const double a1 = (1.0 + g) * x.a, a2 = (1.0 + g) * y.a;
    const double cp1 = std::hypot(a1, x.b), cp2 = std::hypot(a2, y.b);
    auto hueOf = [](double b, double a) {
        if (a == 0.0 && b == 0.0)
            return 0.0;
        const double h = degrees(std::atan2(b, a));
        return h < 0.0 ? h + 360.0 : h;
    };
    const double hp1 = hueOf(x.b, a1), hp2 = hueOf(y.b, a2);

    const double dL = y.L - x.L;
    const double dC = cp2 - cp1;
    double dh = 0.0;
    if (cp1 * cp2 != 0.0) {
        dh = hp2 - hp1;
        if (dh > 180.0)
            dh -= 360.0;
        else if (dh < -180.0)
            dh += 360.0;
    }
    const double dH = 2.0 * std::sqrt(cp1 * cp2) * std::sin(radians(dh / 2.0));

    const double lBar = (x.L + y.L) / 2.0;
    const double cBarP = (cp1 + cp2) / 2.0;
    double hBar = hp1 + hp2;
    if (cp1 * cp2 != 0.0) {
        if (std::abs(hp1 - hp2) <= 180.0)
            hBar /= 2.0;
        else
            hBar = hBar < 360.0 ? (hBar + 360.0) / 2.0 : (hBar - 360.0) / 2.0;
    }
    const double t = 1.0 - 0.17 * std::cos(radians(hBar - 30.0)) + 0.24 * std::cos(radians(2.0 * hBar)) +
                     0.32 * std::cos(radians(3.0 * hBar + 6.0)) - 0.20 * std::cos(radians(4.0 * hBar - 63.0));
    const double dTheta = 30.0 * std::exp(-std::pow((hBar - 275.0) / 25.0, 2.0));
    const double cBarP7 = std::pow(cBarP, 7.0);
    const double rC = 2.0 * std::sqrt(cBarP7 / (cBarP7 + std::pow(25.0, 7.0)));
    const double lTerm = (lBar - 50.0) * (lBar - 50.0);
    const double sL = 1.0 + 0.015 * lTerm / std::sqrt(20.0 + lTerm);
    const double sC = 1.0 + 0.045 * cBarP;
    const double sH = 1.0 + 0.015 * cBarP * t;
    const double rT = -std::sin(radians(2.0 * dTheta)) * rC;
    const double l = dL / sL, c = dC / sC, h = dH / sH;
    return std::sqrt(l * l + c * c + h * h + rT * c * h);
}

} // namespace shotcraft::review
