#include "dna/ColourTools.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace shotcraft::dna {

namespace {
struct NamedColour {
    const char *name;
    const char *hex;
};

// Names an image model knows; spread over hue, lightness and saturation so the nearest is apt.
constexpr NamedColour kNamedColours[] = {
    {"black", "#101010"},
    {"charcoal grey", "#36454f"},
    {"slate grey", "#708090"},
    {"silver grey", "#b8b8b8"},
    {"off-white", "#f2efe6"},
    {"ivory", "#fffff0"},
    {"crimson", "#b0102a"},
    {"blood red", "#7a0a0a"},
    {"brick red", "#a23b2c"},
    {"rust", "#a0441c"},
    {"burnt orange", "#cc5500"},
    {"orange", "#f28c28"},
    {"amber", "#ffbf00"},
    {"ochre", "#c7902a"},
    {"mustard yellow", "#d8b72a"},
    {"lemon yellow", "#f5e050"},
    {"olive green", "#6b6b2a"},
    {"moss green", "#5a7a3a"},
    {"emerald green", "#1f8a4c"},
    {"forest green", "#1f4a2c"},
    {"sage green", "#9caf88"},
    {"teal", "#1f7a7a"},
    {"turquoise", "#30c0b0"},
    {"cyan", "#40c8e0"},
    {"sky blue", "#87bde0"},
    {"steel blue", "#4682b4"},
    {"cobalt blue", "#1f4aa8"},
    {"navy blue", "#1c2a52"},
    {"indigo", "#3a2a7a"},
    {"violet", "#7a4ac0"},
    {"plum", "#6a2a5a"},
    {"magenta", "#c02a8a"},
    {"hot pink", "#f0509a"},
    {"dusty rose", "#c08a8a"},
    {"blush pink", "#f0c0c0"},
    {"burgundy", "#6a1a2a"},
    {"chocolate brown", "#4a2a1a"},
    {"tan", "#c8a878"},
    {"camel", "#b08850"},
    {"khaki", "#b8b080"},
    {"cream", "#f0e0b8"},
    {"peach", "#f5b890"},
    {"gold", "#c8a030"},
    {"bronze", "#8a5a2a"},
    {"denim blue", "#3a5a80"},
};
} // namespace

double colourDistance(const QColor &a, const QColor &b) {
    // Compare in HSL with hue weighted by saturation, so greys match greys whatever their hue.
    const double ha = a.hslHueF() < 0 ? 0 : a.hslHueF();
    const double hb = b.hslHueF() < 0 ? 0 : b.hslHueF();
    double dh = std::fabs(ha - hb);
    dh = std::min(dh, 1.0 - dh) * 2.0; // 0..1
    const double sat = std::min(a.hslSaturationF(), b.hslSaturationF());
    const double ds = a.hslSaturationF() - b.hslSaturationF();
    const double dl = a.lightnessF() - b.lightnessF();
    return std::sqrt(dh * dh * sat * 4.0 + ds * ds + dl * dl * 2.0);
}

QString colourName(const QColor &colour) {
    if (!colour.isValid())
        return QString();
    double best = std::numeric_limits<double>::max();
    const char *name = "grey";
    for (const NamedColour &named : kNamedColours) {
        const double d = colourDistance(colour, QColor(QLatin1String(named.hex)));
        if (d < best) {
            best = d;
            name = named.name;
        }
    }
    return QLatin1String(name);
}

QColor shiftColour(const QColor &colour, double hueDegrees, double saturationFactor, double warmth) {
    QColor hsv = colour.toHsv();
    float h = 0, s = 0, v = 0, alpha = 1;
    hsv.getHsvF(&h, &s, &v, &alpha);
    if (h < 0)
        h = 0; // achromatic: hue is meaningless, keep it pinned
    double hue = std::fmod(h * 360.0 + hueDegrees + 360.0, 360.0);
    const double sat = std::clamp(s * saturationFactor, 0.0, 1.0);
    QColor out = QColor::fromHsvF(float(hue / 360.0), float(sat), v);
    if (warmth != 0.0) {
        // Blend towards a warm amber or a cool blue: how a grade pushes the whole frame.
        const QColor target = warmth > 0 ? QColor(255, 170, 90) : QColor(90, 140, 255);
        const double t = std::clamp(std::fabs(warmth), 0.0, 1.0) * 0.35;
        out = QColor::fromRgbF(float(out.redF() * (1 - t) + target.redF() * t),
                               float(out.greenF() * (1 - t) + target.greenF() * t),
                               float(out.blueF() * (1 - t) + target.blueF() * t));
    }
    return out;
}

QList<QColor> harmonisedDistinctColours(const QList<QColor> &paletteColours, int count, double saturation,
                                        const QList<QColor> &avoid) {
    // Candidate hues: every palette hue turned by the classic harmonic angles.
    static constexpr double kAngles[] = {0, 30, -30, 180, 150, -150, 120, -120, 60, -60, 90, -90};
    static constexpr double kLightness[] = {0.45, 0.32, 0.6};
    QList<double> baseHues;
    for (const QColor &c : paletteColours) {
        if (c.hslSaturationF() > 0.08 && c.hslHueF() >= 0)
            baseHues.append(c.hslHueF() * 360.0);
    }
    if (baseHues.isEmpty())
        baseHues.append(20.0); // an achromatic palette: start from a warm skin-adjacent hue
    const double sat = std::clamp(0.55 * saturation, 0.25, 0.8);
    QList<QColor> candidates;
    for (double light : kLightness)
        for (double angle : kAngles)
            for (double hue : baseHues)
                candidates.append(QColor::fromHslF(float(std::fmod(hue + angle + 720.0, 360.0) / 360.0),
                                                   float(sat), float(light)));

    QList<QColor> chosen;
    QList<QColor> taken = avoid;
    for (int i = 0; i < count; ++i) {
        double bestScore = -1;
        int bestIndex = 0;
        for (int c = 0; c < candidates.size(); ++c) {
            double nearest = 10.0;
            for (const QColor &t : taken)
                nearest = std::min(nearest, colourDistance(candidates[c], t));
            // Earlier candidates (closer harmonies, mid lightness) win ties: stable and pleasing.
            const double score = nearest - c * 1e-6;
            if (score > bestScore) {
                bestScore = score;
                bestIndex = c;
            }
        }
        chosen.append(candidates[bestIndex]);
        taken.append(candidates[bestIndex]);
    }
    return chosen;
}

} // namespace shotcraft::dna
