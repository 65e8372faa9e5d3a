// Location DNA: description, architecture, set dressing and light sources for each place, read
// from its name (what kind of place), its scenes' interior/exterior and times of day, the period,
// and the objects the script's action puts there.
#pragma once

#include "domain/Project.h"

namespace shotcraft::dna {

// Fills every empty descriptive field of `location` from the scenes set there.
void fillLocation(Location &location, const Project &project);

} // namespace shotcraft::dna
