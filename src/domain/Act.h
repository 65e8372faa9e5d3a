// One act of the film (setup, confrontation, resolution).
#pragma once

#include "domain/CinemaTypes.h"

namespace shotcraft {

struct Act {
    Id id = 0;
    int number = 1;
    QString title;
    QString summary;
    bool operator==(const Act &) const = default;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Act, id, number, title, summary)

} // namespace shotcraft
