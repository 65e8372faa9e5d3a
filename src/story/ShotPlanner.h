// Coverage for one scene, the way a director would block it: an establishing or master shot, an
// over-the-shoulder pair and singles for dialogue (180° rule: speaker A screen-left looking right,
// B screen-right looking left, in every shot of the scene), inserts for the objects the action
// names, and reaction close-ups on emotional beats. Every shot field is filled.
#pragma once

#include "domain/Project.h"

namespace shotcraft::story {

struct PlannedLine {
    Id characterId = 0;
    QString name;
    QString text;
    QString parenthetical;
    int position = 0;       // element index, to order shots by beat
    bool offScreen = false; // V.O., O.S., a radio or phone: heard, not seen
    QString device;         // what it is heard through ("radio", "phone"), if anything
    bool voiceOver = false; // the cue says V.O. or O.S. (not just "on the phone")
};

struct PlannedAction {
    QString text;
    int position = 0;
};

struct SceneContext {
    Scene scene; // ids, location, time, mood, weather and palette hint already set
    QString locationName;
    QString genre;
    bool newSetup = true; // first time here, or the time of day changed: establish the place
    QList<Id> present;    // characters in the scene (speaking or named in the action)
    QList<PlannedAction> actions;
    QList<PlannedLine> lines;
    QStringList lightSources;
    QStringList modifiers; // the heading's "MOVING", "FLASHBACK"
    QString intExtReason;  // why a heading without INT./EXT. was read as it was
};

// The shots of one scene, numbered "<scene number><letter>", ids allocated from `project`.
QList<Shot> planShots(const SceneContext &context, Project &project);

// A shot's letters after its scene number: A..Z, then AA, AB, ...
QString shotLetters(int index);

// The usual focal length for a shot size (S35), leaning long for tense moods and wide for wonder.
// The breakdown's own, genre-blind choice: a project made from a script (pipeline::
// createProjectFromScript) gets the prompt engine's pick from the genre's lens set instead.
Lens lensFor(ShotSize size, const QString &mood, TimeOfDay time, bool exterior);
QString lightingFor(TimeOfDay time, InteriorExterior intExt, const QString &genre, const QString &mood,
                    Weather weather, const QStringList &sources);
QString paletteHintFor(const QString &mood, TimeOfDay time, const QString &genre);

} // namespace shotcraft::story
