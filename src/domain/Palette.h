// Colour palettes: the film's base palette and its variants per act and per scene.
#pragma once

#include "domain/CinemaTypes.h"

namespace shotcraft {

enum class SwatchRole { Key, Shadow, Highlight, Accent, Skin, Background };
NLOHMANN_JSON_SERIALIZE_ENUM(SwatchRole, {{SwatchRole::Key, "key"},
                                          {SwatchRole::Shadow, "shadow"},
                                          {SwatchRole::Highlight, "highlight"},
                                          {SwatchRole::Accent, "accent"},
                                          {SwatchRole::Skin, "skin"},
                                          {SwatchRole::Background, "background"}})

struct Swatch {
    QString name; // "bruised teal"
    QString hex;  // "#2f5d62"
    SwatchRole role = SwatchRole::Key;
    bool operator==(const Swatch &) const = default;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Swatch, name, hex, role)

enum class PaletteScope { Film, Act, Scene };
NLOHMANN_JSON_SERIALIZE_ENUM(PaletteScope, {{PaletteScope::Film, "film"},
                                            {PaletteScope::Act, "act"},
                                            {PaletteScope::Scene, "scene"}})

struct Palette {
    Id id = 0;
    QString name;
    PaletteScope scope = PaletteScope::Film;
    Id scopeId = 0; // the act or scene it belongs to
    QList<Swatch> swatches;
    int temperatureK = 5600;
    double saturation = 1.0; // 1 = natural; below desaturated, above vivid
    QString rationale;
    bool operator==(const Palette &) const = default;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Palette, id, name, scope, scopeId, swatches, temperatureK,
                                                saturation, rationale)

} // namespace shotcraft
