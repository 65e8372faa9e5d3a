// Colour arithmetic for the Visual DNA: hue shifts for palette variants, harmonised and mutually
// distinct signature colours, and plain-English names for hex colours (image models read "rust red"
// far better than "#a0401c").
#pragma once

#include <QColor>
#include <QList>
#include <QString>

namespace shotcraft::dna {

// The nearest of a fixed table of everyday colour names ("navy blue", "mustard yellow", ...).
QString colourName(const QColor &colour);
inline QString colourName(const QString &hex) {
    return colourName(QColor(hex));
}

// Shifts a colour's hue (degrees), multiplies its saturation and nudges it warmer (positive
// `warmth`, towards orange) or cooler (negative, towards blue) by up to `warmth` in 0..1.
QColor shiftColour(const QColor &colour, double hueDegrees, double saturationFactor, double warmth);

// Perceptual-enough distance between two colours (hue-weighted HSV), 0 = identical.
double colourDistance(const QColor &a, const QColor &b);

// `count` colours that sit on harmonic angles (analogous, complementary, triadic, split
// complementary) of the palette's hues, each as far as possible from all earlier picks and from
// the `avoid` colours. Deterministic.
QList<QColor> harmonisedDistinctColours(const QList<QColor> &paletteColours, int count, double saturation,
                                        const QList<QColor> &avoid = {});

} // namespace shotcraft::dna
