#include "dna/LocationProfiler.h"

#include <QRegularExpression>

namespace shotcraft::dna {

namespace {

struct PlaceKind {
    const char *keywords; // regex alternatives matched against the location name
    const char *architecture;
    const char *dressing;
    const char *interiorLight; // practicals of the place
    const char *exteriorLight;
};

// Ordered from specific to general: "POLICE STATION" must win over "STATION".
constexpr PlaceKind kPlaces[] = {
    {"police station|precinct|squad room", "institutional walls, glass-partitioned offices, linoleum floor",
     "cluttered desks, case files, bulletin boards, holding cell bars", "buzzing fluorescent tubes",
     "flashing patrol-car lights against the facade"},
    {"hospital|clinic|ward|infirmary", "clean institutional corridors, pale walls, wide doors",
     "hospital bed, monitors, IV stand, privacy curtain", "cool overhead fluorescents and monitor glow",
     "flat light over a concrete entrance canopy"},
    {"kitchen", "domestic kitchen with counters and cabinets",
     "table and chairs, stove, dishes, a window over the sink",
     "pendant lamp over the table and window spill", "light through the kitchen window"},
    {"bedroom", "domestic bedroom, low ceiling",
     "bed with rumpled sheets, nightstand, dresser, framed photos", "bedside lamp", "curtained window light"},
    {"bathroom", "tiled bathroom", "sink, mirror, tub, towels", "mirror vanity bulbs",
     "frosted window light"},
    {"living room|den|parlor|parlour|lounge", "domestic living room",
     "sofa, coffee table, television, lamps, rug", "table lamps and television glow", "window light"},
    {"trailer", "cramped mobile home, low ceiling, wood-panel walls",
     "fold-out table, mismatched chairs, clutter strewn about", "a bare bulb and tinted window light",
     "hard sun on aluminium siding"},
    {"mansion|palace|estate|palatial", "grand architecture, high ceilings, columns, sweeping staircase",
     "marble floors, chandeliers, oil paintings, manicured hedges", "crystal chandeliers and sconces",
     "sun across manicured grounds and pale stone"},
    {"shack|cabin|hut|shed", "rough timber walls, tin roof", "crates, tools, weathered boards",
     "slatted light through gaps in the boards", "hard sun on weathered timber"},
    {"garage|workshop", "concrete floor, roll-up door, exposed beams",
     "workbench, tools on pegboard, a parked car", "hanging shop lights",
     "daylight through the open roll-up door"},
    {"warehouse|factory|plant|mill", "vast steel-framed hall, high windows",
     "pallets, crates, machinery, chains", "shafts of light from high windows, sodium work lights",
     "floodlights on corrugated walls"},
    {"bar|pub|saloon|tavern|club", "long counter, booths, dark wood",
     "bottles behind the bar, stools, neon signs", "neon signs and low pendant lights",
     "neon spilling onto the sidewalk"},
    {"diner|restaurant|cafe|café|coffee shop", "counter and booths, big windows",
     "menus, coffee cups, chrome stools, tabletop jukebox", "overhead fluorescents and window light",
     "window glow onto the parking lot"},
    {"office", "open-plan office or private office with windows",
     "desk, computer, filing cabinets, paperwork", "overhead panels and desk lamps", "sun on glass facade"},
    {"church|chapel|cathedral", "nave with pews, vaulted ceiling, stained glass", "altar, candles, hymnals",
     "stained-glass shafts and candlelight", "sun on stone and steeple"},
    {"school|classroom|college|university|campus", "institutional rooms, rows of windows",
     "desks, chalkboard, lockers, notice boards", "fluorescent panels and window light",
     "open sky over brick buildings and lawns"},
    {"hotel|motel|inn", "corridor of numbered doors, modest rooms", "bed, luggage rack, ice bucket, curtains",
     "bedside lamps and a flickering sign outside", "a neon vacancy sign"},
    {"prison|jail|cell", "concrete and steel bars", "bunk, steel toilet, sparse belongings",
     "caged wall lights", "floodlights on razor wire"},
    {"car|porsche|truck|van|taxi|cab|bus", "vehicle interior seen through the windows",
     "dashboard, seats, mirrors", "dashboard glow and passing light through the windshield",
     "sun glinting on paint and chrome"},
    {"train|subway|station|platform", "carriage or platform with steel and glass", "seats, rails, timetables",
     "strip lights along the carriage", "daylight under a station canopy"},
    {"pool", "backyard pool deck, concrete coping", "loungers, umbrella, pool toys, tiled water line",
     "underwater pool lights", "hard sun glittering off the water"},
    {"patio|porch|deck|terrace|balcony|backyard|yard|garden", "back of a house opening onto outdoor space",
     "patio furniture, potted plants, a screen door", "porch light", "open sun and sky, dappled shade"},
    {"house|home|apartment|flat|loft", "lived-in domestic interior",
     "furniture, framed photos, everyday clutter", "practical lamps and window light",
     "sun on the facade and front yard"},
    {"street|road|avenue|alley|sidewalk|highway|town|city|downtown|main street",
     "street frontages, sidewalks, storefronts", "parked cars, signs, lampposts", "storefront spill",
     "open sky, streetlamps by night"},
    {"forest|woods|jungle|grove", "trunks and canopy", "undergrowth, fallen branches, moss",
     "dappled shafts through the canopy", "dappled shafts through the canopy"},
    {"river|lake|creek|pond|swamp|shore|beach|ocean|sea|bay", "open water and its bank",
     "reeds, rocks, a jetty, driftwood", "reflections off the water", "sky reflected on the water"},
    {"field|farm|meadow|prairie|ranch|barn", "open farmland, fences, a barn",
     "hay bales, tractor, fence posts", "lantern light in the barn", "wide open sky over fields"},
    {"circus|carnival|fair|tent", "striped big top, rigging and ring", "sawdust ring, bleachers, props",
     "spotlights and string lights", "string lights and banners"},
    {"ship|boat|dock|harbour|harbor|pier|ferry", "deck, rails and rigging or a quay",
     "ropes, crates, life rings", "bulkhead lamps", "sun off the water, harbour lamps by night"},
};

QString timeLight(InteriorExterior intExt, TimeOfDay time) {
    const bool exterior = intExt == InteriorExterior::Exterior;
    switch (time) {
    case TimeOfDay::Night:
        return exterior ? QStringLiteral("moonlight and practical sources")
                        : QStringLiteral("practical lamps at night");
    case TimeOfDay::Dawn:
        return QStringLiteral("low cool dawn light");
    case TimeOfDay::Dusk:
    case TimeOfDay::Evening:
        return QStringLiteral("low warm golden-hour light");
    case TimeOfDay::Morning:
        return exterior ? QStringLiteral("crisp morning sun") : QStringLiteral("morning window light");
    case TimeOfDay::Day:
        return exterior ? QStringLiteral("high daylight sun with sky fill")
                        : QStringLiteral("daylight through windows");
    default:
        return QString();
    }
}

// Sentences of the action naming objects of the place ("Money, drugs and props are strewn about
// the table"): the script's own set dressing.
QString scriptedDressing(const QString &summary) {
    static const QRegularExpression dressingWords(
        QStringLiteral(
            "\\b(strewn|littered|cluttered|covered|stacked|piled|hangs?|hanging|filled with|full of|"
            "decorated|furnished|table|shelves|walls?)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression sentenceSplit(QStringLiteral("(?<=[.!?])\\s+"));
    for (const QString &sentence : summary.split(sentenceSplit, Qt::SkipEmptyParts)) {
        if (dressingWords.match(sentence).hasMatch() && sentence.size() < 160)
            return sentence.simplified();
    }
    return QString();
}

} // namespace

void fillLocation(Location &location, const Project &project) {
    QList<const Scene *> scenes;
    for (const Scene &s : project.scenes)
        if (s.locationId == location.id)
            scenes.append(&s);

    const PlaceKind *kind = nullptr;
    for (const PlaceKind &p : kPlaces) {
        const QRegularExpression re(QStringLiteral("\\b(") + QString::fromUtf8(p.keywords) +
                                        QStringLiteral(")\\b"),
                                    QRegularExpression::CaseInsensitiveOption);
        if (re.match(location.name).hasMatch()) {
            kind = &p;
            break;
        }
    }
    const bool exterior = location.intExt == InteriorExterior::Exterior;
    const QString period = project.info.period.isEmpty() ? QString() : project.info.period + QLatin1Char(' ');

    QString architecture = kind
                               ? QString::fromUtf8(kind->architecture)
                               : (exterior ? QStringLiteral("an open exterior with clear landmarks")
                                           : QStringLiteral("an interior with practical walls and a window"));
    QString dressing =
        kind ? QString::fromUtf8(kind->dressing) : QStringLiteral("everyday objects of the place");
    for (const Scene *s : scenes) {
        const QString scripted = scriptedDressing(s->summary);
        if (!scripted.isEmpty()) {
            dressing += QStringLiteral("; ") + scripted;
            break;
        }
    }

    // Light sources: the place's practicals plus every time of day it is seen at, in film order.
    QStringList light;
    if (kind)
        light.append(QString::fromUtf8(exterior ? kind->exteriorLight : kind->interiorLight));
    QStringList times;
    for (const Scene *s : scenes) {
        const QString t = timeLight(s->intExt, s->timeOfDay);
        if (!t.isEmpty() && !times.contains(t))
            times.append(t);
    }
    light.append(times);
    if (light.isEmpty())
        light.append(exterior ? QStringLiteral("natural daylight")
                              : QStringLiteral("motivated practical lamps"));

    QStringList seenAt;
    for (const Scene *s : scenes) {
        const QString t = enumName(s->timeOfDay);
        if (s->timeOfDay != TimeOfDay::Unknown && !seenAt.contains(t))
            seenAt.append(t);
    }
    QString description = QStringLiteral("%1%2, %3")
                              .arg(period, location.name.toLower(),
                                   exterior ? QStringLiteral("exterior") : QStringLiteral("interior"));
    if (!seenAt.isEmpty())
        description += QStringLiteral(", seen by ") + seenAt.join(QStringLiteral(" and "));

    auto fill = [](QString &field, const QString &value) {
        if (field.trimmed().isEmpty())
            field = value;
    };
    fill(location.description, description);
    fill(location.architecture, period + architecture);
    fill(location.setDressing, dressing);
    fill(location.lightSources, light.join(QStringLiteral(", ")));
}

} // namespace shotcraft::dna
