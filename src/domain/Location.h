// A location of the film: one place, however many headings name it.
#pragma once

#include "domain/CinemaTypes.h"

namespace shotcraft {

struct Location {
    Id id = 0;
    QString name; // normalised: "KITCHEN" for "KITCHEN - NIGHT" and "KITCHEN - LATER"
    InteriorExterior intExt = InteriorExterior::Interior;
    QString description;
    QString architecture;
    QString setDressing;
    QString lightSources;
    bool operator==(const Location &) const = default;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Location, id, name, intExt, description, architecture,
                                                setDressing, lightSources)

} // namespace shotcraft
