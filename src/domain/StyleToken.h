// One token of the film's look (film stock, grain, grade, ...) carried in every image request.
#pragma once

#include "domain/CinemaTypes.h"

namespace shotcraft {

enum class StyleCategory { Format, AspectRatio, FilmStock, LensCharacter, Grain, Grade, Lighting, Other };
NLOHMANN_JSON_SERIALIZE_ENUM(StyleCategory, {{StyleCategory::Other, "other"},
                                             {StyleCategory::Format, "format"},
                                             {StyleCategory::AspectRatio, "aspect-ratio"},
                                             {StyleCategory::FilmStock, "film-stock"},
                                             {StyleCategory::LensCharacter, "lens-character"},
                                             {StyleCategory::Grain, "grain"},
                                             {StyleCategory::Grade, "grade"},
                                             {StyleCategory::Lighting, "lighting"}})

struct StyleToken {
    Id id = 0;
    StyleCategory category = StyleCategory::Other;
    QString value;
    double weight = 1.0;
    bool operator==(const StyleToken &) const = default;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(StyleToken, id, category, value, weight)

} // namespace shotcraft
