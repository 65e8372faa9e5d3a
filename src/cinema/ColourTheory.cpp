#include "cinema/ColourTheory.h"

#include <QColor>

#include <algorithm>
#include <cmath>

namespace shotcraft::cinema {

namespace {

// Moves a colour toward amber (warmer) or steel blue (cooler) by `amount` (-1 cool .. 1 warm).
QColor warmCool(const QColor &c, double amount) {
    const QColor target = amount >= 0 ? QColor(255, 170, 90) : QColor(110, 150, 210);
    const double t = std::clamp(std::abs(amount), 0.0, 1.0) * 0.25; // a grade, not a repaint
    return QColor::fromRgbF(static_cast<float>(c.redF() + (target.redF() - c.redF()) * t),
                            static_cast<float>(c.greenF() + (target.greenF() - c.greenF()) * t),
                            static_cast<float>(c.blueF() + (target.blueF() - c.blueF()) * t));
}

QColor shiftColour(const QColor &c, double hueDeg, double saturationScale, double warmth) {
    float h = 0, s = 0, l = 0, a = 1;
    c.getHslF(&h, &s, &l, &a);
    if (h >= 0) // achromatic colours have no hue to rotate
        h = static_cast<float>(std::fmod(h * 360.0 + hueDeg + 360.0, 360.0) / 360.0);
    else
        h = 0;
    s = static_cast<float>(std::clamp(s * saturationScale, 0.0, 1.0));
    return warmCool(QColor::fromHslF(h, s, l), warmth);
}

QString roleWord(SwatchRole role) {
    switch (role) {
    case SwatchRole::Key:
        return QStringLiteral("key colour");
    case SwatchRole::Shadow:
        return QStringLiteral("shadows");
    case SwatchRole::Highlight:
        return QStringLiteral("highlights");
    case SwatchRole::Accent:
        return QStringLiteral("accent");
    case SwatchRole::Skin:
        return QStringLiteral("skin tones");
    case SwatchRole::Background:
        return QStringLiteral("background");
    }
    return QString();
}

} // namespace

Palette paletteFromGenre(const GenrePalette &source) {
    Palette p;
    p.name = source.name;
    p.swatches = source.swatches;
    p.temperatureK = source.temperatureK;
    p.saturation = source.saturation;
    p.rationale = source.use;
    return p;
}

Palette shiftPalette(const Palette &base, const EmotionProfile &emotion, double strength) {
    Palette p = base;
    const double hue = emotion.hueShiftDeg * strength;
    const double saturation = 1.0 + (emotion.saturationScale - 1.0) * strength;
    const int shiftK = static_cast<int>(std::lround(emotion.temperatureShiftK * strength));
    const double warmth = std::clamp(-shiftK / 1000.0, -1.0, 1.0); // negative Kelvin shift = warmer
    for (Swatch &s : p.swatches) {
        // Faces that turn green read as a mistake, not a mood: skin only takes half the warmth.
        const bool skin = s.role == SwatchRole::Skin;
        s.hex = shiftColour(QColor::fromString(s.hex), skin ? 0.0 : hue, skin ? 1.0 : saturation,
                            skin ? warmth / 2 : warmth)
                    .name();
    }
    if (emotion.accent && strength > 0) {
        auto it = std::find_if(p.swatches.begin(), p.swatches.end(),
                               [](const Swatch &s) { return s.role == SwatchRole::Accent; });
        if (it != p.swatches.end())
            *it = *emotion.accent;
        else
            p.swatches.append(*emotion.accent);
    }
    p.temperatureK = std::clamp(base.temperatureK + shiftK, 1800, 12000);
    p.saturation = std::clamp(base.saturation * saturation, 0.0, 2.0);
    return p;
}

QString colourPhrase(const Swatch &swatch, bool withHex) {
    return withHex ? QStringLiteral("%1 (%2)").arg(swatch.name, swatch.hex) : swatch.name;
}

QString temperaturePhrase(int kelvin) {
    const char *word = kelvin < 2800   ? "candle-warm"
                       : kelvin < 3600 ? "warm tungsten"
                       : kelvin < 4600 ? "warm"
                       : kelvin < 5400 ? "neutral-warm"
                       : kelvin < 6200 ? "neutral daylight"
                       : kelvin < 7200 ? "cool"
                                       : "cold blue";
    return QStringLiteral("%1 light (about %2 K)").arg(QLatin1String(word)).arg(kelvin);
}

QString saturationPhrase(double saturation) {
    if (saturation < 0.3)
        return QStringLiteral("near-monochrome");
    if (saturation < 0.75)
        return QStringLiteral("desaturated");
    if (saturation < 0.95)
        return QStringLiteral("restrained");
    if (saturation <= 1.1)
        return QStringLiteral("natural");
    return QStringLiteral("vivid");
}

QString describePalette(const Palette &palette, bool withHex) {
    QStringList parts;
    for (const Swatch &s : palette.swatches)
        parts.append(QStringLiteral("%1 %2").arg(colourPhrase(s, withHex), roleWord(s.role)));
    return parts.join(QStringLiteral(", "));
}

} // namespace shotcraft::cinema
