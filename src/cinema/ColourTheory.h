// Emotional colour theory applied to palettes: a scene's palette variant pushed by a shot's emotion
// (hue rotation, saturation, colour temperature, the emotion's accent), and the words a prompt
// uses to state colours ("honey gold (#e0a84e)", "warm 3600 K tungsten-to-golden light").
#pragma once

#include "cinema/KnowledgeBase.h"

namespace shotcraft::cinema {

// A palette from a genre's named palette (the fallback when the Visual DNA has none yet).
Palette paletteFromGenre(const GenrePalette &source);

// Rotates hues, scales saturation and warms or cools every swatch by the emotion; skin keeps its
// hue. The emotion's accent, if any, replaces the palette's accent. `strength` 0..1.
Palette shiftPalette(const Palette &base, const EmotionProfile &emotion, double strength = 1.0);

// One colour as a prompt names it: "honey gold (#e0a84e)".
QString colourPhrase(const Swatch &swatch, bool withHex = true);
// "warm tungsten light (about 3200 K)" from a colour temperature.
QString temperaturePhrase(int kelvin);
// "muted", "natural", "vivid" ... from a saturation factor.
QString saturationPhrase(double saturation);
// The palette stated swatch by swatch with roles: "honey gold (#e0a84e) as key, ...".
QString describePalette(const Palette &palette, bool withHex = true);

} // namespace shotcraft::cinema
