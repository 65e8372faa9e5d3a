// One scene of the screenplay, with the breakdown's reading of it.
#pragma once

#include "domain/CinemaTypes.h"

namespace shotcraft {

struct Scene {
    Id id = 0;
    Id actId = 0;
    Id locationId = 0;
    QString number; // the script's own scene number ("1A") or the running count
    int order = 0;  // position in the film
    QString heading;
    InteriorExterior intExt = InteriorExterior::Interior;
    TimeOfDay timeOfDay = TimeOfDay::Unknown;
    Weather weather = Weather::Clear;
    QString mood;
    QString summary;
    QList<Id> characterIds;
    QStringList dialogueHints; // the scene's key lines
    QString paletteHint;
    int lineStart = 0; // source line range in the script, 1-based inclusive
    int lineEnd = 0;
    QString contentHash; // of the scene's text, to recognise it on re-import
    bool operator==(const Scene &) const = default;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Scene, id, actId, locationId, number, order, heading, intExt,
                                                timeOfDay, weather, mood, summary, characterIds,
                                                dialogueHints, paletteHint, lineStart, lineEnd, contentHash)

} // namespace shotcraft
