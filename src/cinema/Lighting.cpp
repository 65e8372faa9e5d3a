#include "cinema/Lighting.h"

#include <cmath>

namespace shotcraft::cinema {

namespace {
// "8:1" -> 8.
double ratio(const QString &keyToFill) {
    const double key = keyToFill.section(QLatin1Char(':'), 0, 0).toDouble();
    const double fill = keyToFill.section(QLatin1Char(':'), 1, 1).toDouble();
    return fill > 0 ? key / fill : 3.0;
}
} // namespace

QString weatherPhrase(Weather weather) {
    switch (weather) {
    case Weather::Overcast:
        return QStringLiteral("overcast sky, soft shadowless light");
    case Weather::Rain:
        return QStringLiteral("falling rain, wet reflective surfaces");
    case Weather::Storm:
        return QStringLiteral("storm, driving rain, flashes of lightning");
    case Weather::Snow:
        return QStringLiteral("falling snow, cold bounce light");
    case Weather::Fog:
        return QStringLiteral("fog, light scattering in thick atmosphere");
    case Weather::Haze:
        return QStringLiteral("haze, soft atmospheric perspective");
    case Weather::Clear:
        break;
    }
    return QString();
}

QString timeOfDayPhrase(TimeOfDay time, InteriorExterior intExt) {
    const bool inside = intExt == InteriorExterior::Interior;
    switch (time) {
    case TimeOfDay::Day:
        return inside ? QStringLiteral("daylight through the windows") : QStringLiteral("open daylight");
    case TimeOfDay::Night:
        return inside ? QStringLiteral("night, lit by practical lamps")
                      : QStringLiteral("night, moonlight and practical sources");
    case TimeOfDay::Dawn:
        return QStringLiteral("blue-hour dawn light, cool and soft");
    case TimeOfDay::Dusk:
        return QStringLiteral("golden-hour dusk, warm low sun and long shadows");
    case TimeOfDay::Morning:
        return QStringLiteral("low morning sun, long soft shadows");
    case TimeOfDay::Evening:
        return QStringLiteral("warm evening light");
    default:
        return QString();
    }
}

LightingDecision planLighting(const GenreProfile &genre, const EmotionProfile &emotion, const Shot &shot,
                              const Location *location) {
    LightingDecision d;
    // The genre style whose key-to-fill ratio best matches the emotion's.
    // Wide frames read the whole place and want a gentler ratio; close frames model the face harder.
    const bool wide = shot.size == ShotSize::ExtremeWide || shot.size == ShotSize::Wide;
    const bool close = shot.size == ShotSize::CloseUp || shot.size == ShotSize::ExtremeCloseUp;
    const double wanted =
        ratio(emotion.keyToFill.isEmpty() ? QStringLiteral("3:1") : emotion.keyToFill) * (wide    ? 0.75
                                                                                          : close ? 1.25
                                                                                                  : 1.0);
    const LightingStyle *best = genre.lighting.isEmpty() ? nullptr : &genre.lighting.first();
    for (const LightingStyle &l : genre.lighting)
        if (std::abs(std::log(ratio(l.keyToFill) / wanted)) <
            std::abs(std::log(ratio(best->keyToFill) / wanted)))
            best = &l;
    QStringList parts;
    if (best) {
        d.styleName = best->name;
        parts.append(QStringLiteral("%1 lighting, %2, key-to-fill %3")
                         .arg(best->name, best->description, best->keyToFill));
        d.tag = QStringLiteral("%1 lighting").arg(best->name);
    }
    if (!emotion.lightingKey.isEmpty())
        parts.append(QStringLiteral("%1 for a %2 mood").arg(emotion.lightingKey, emotion.name));
    if (!shot.lighting.isEmpty())
        parts.append(shot.lighting);
    if (location && !location->lightSources.isEmpty())
        parts.append(QStringLiteral("motivated by %1").arg(location->lightSources));
    const QString time =
        timeOfDayPhrase(shot.timeOfDay, location ? location->intExt : InteriorExterior::Interior);
    if (!time.isEmpty())
        parts.append(time);
    d.phrase = parts.join(QStringLiteral("; "));
    if (!emotion.lightingKey.isEmpty())
        d.tag += QStringLiteral(", %1").arg(emotion.lightingKey);
    d.reason = best ? QStringLiteral("%1's style closest to the %2 key-to-fill of %3 at %4 (%5)")
                          .arg(genre.name, emotion.keyToFill, emotion.name, enumName(shot.size), best->use)
                    : QStringLiteral("no genre lighting style");
    return d;
}

} // namespace shotcraft::cinema
