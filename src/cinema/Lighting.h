// The lighting plan for a shot: the genre's lighting style that fits the emotion's key, the
// breakdown's own lighting note, the location's practical sources, time of day and weather.
#pragma once

#include "cinema/KnowledgeBase.h"
#include "domain/Project.h"

namespace shotcraft::cinema {

struct LightingDecision {
    QString styleName;
    QString phrase; // the full sentence body
    QString tag;    // short form for tag dialects
    QString reason;
};

LightingDecision planLighting(const GenreProfile &genre, const EmotionProfile &emotion, const Shot &shot,
                              const Location *location);

// "rain, wet reflective surfaces" etc.; empty for clear weather.
QString weatherPhrase(Weather weather);
// "night, motivated practicals and moonlight" etc.; empty when unknown.
QString timeOfDayPhrase(TimeOfDay time, InteriorExterior intExt);

} // namespace shotcraft::cinema
