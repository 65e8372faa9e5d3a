// One shot of the storyboard: everything the prompt engine, previz and exports need to know.
#pragma once

#include "domain/CinemaTypes.h"

namespace shotcraft {

// The beat a shot covers, which decides how the breakdown framed it.
enum class ShotPurpose { Establishing, Master, OverTheShoulder, Single, TwoShot, Insert, Reaction, Action };
NLOHMANN_JSON_SERIALIZE_ENUM(ShotPurpose, {{ShotPurpose::Master, "master"},
                                           {ShotPurpose::Establishing, "establishing"},
                                           {ShotPurpose::OverTheShoulder, "over-the-shoulder"},
                                           {ShotPurpose::Single, "single"},
                                           {ShotPurpose::TwoShot, "two-shot"},
                                           {ShotPurpose::Insert, "insert"},
                                           {ShotPurpose::Reaction, "reaction"},
                                           {ShotPurpose::Action, "action"}})

struct Shot {
    Id id = 0;
    Id sceneId = 0;
    QString number; // "12A", shown on the board
    int order = 0;  // position within the scene
    ShotPurpose purpose = ShotPurpose::Master;
    QString description;
    ShotSize size = ShotSize::Medium;
    CameraAngle angle = CameraAngle::EyeLevel;
    CameraMovement movement = CameraMovement::Static;
    Lens lens;
    CompositionRule composition = CompositionRule::RuleOfThirds;
    QString compositionNote;
    DepthStaging staging;
    QList<Blocking> blocking; // one entry per character in frame
    QString subject;          // the object of an insert, or the focus of the shot
    QString lighting;
    QString paletteHint;
    QString mood;
    Weather weather = Weather::Clear;
    TimeOfDay timeOfDay = TimeOfDay::Unknown;
    double durationSec = 3.0;
    QString dialogueExcerpt;
    QString notes;
    Id approvedTakeId = 0;
    bool operator==(const Shot &) const = default;

    QList<Id> characterIds() const {
        QList<Id> ids;
        for (const Blocking &b : blocking)
            ids.append(b.characterId);
        return ids;
    }
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Shot, id, sceneId, number, order, purpose, description, size,
                                                angle, movement, lens, composition, compositionNote, staging,
                                                blocking, subject, lighting, paletteHint, mood, weather,
                                                timeOfDay, durationSec, dialogueExcerpt, notes,
                                                approvedTakeId)

} // namespace shotcraft
