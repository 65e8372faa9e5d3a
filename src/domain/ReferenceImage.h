// A reference image of the Visual DNA: a character sheet, a location plate, a style frame, ...
// The pixels live in the project file's image table; this names them and says what they are for.
#pragma once

#include "domain/CinemaTypes.h"

namespace shotcraft {

enum class ReferenceOwner { Character, Location, Act, Film, Shot };
NLOHMANN_JSON_SERIALIZE_ENUM(ReferenceOwner, {{ReferenceOwner::Film, "film"},
                                              {ReferenceOwner::Character, "character"},
                                              {ReferenceOwner::Location, "location"},
                                              {ReferenceOwner::Act, "act"},
                                              {ReferenceOwner::Shot, "shot"}})

enum class ReferenceRole {
    Face,
    FullBody,
    Turnaround,
    CharacterSheet,
    LocationPlate,
    StyleFrame,
    ChainedTake,
    Other
};
NLOHMANN_JSON_SERIALIZE_ENUM(ReferenceRole, {{ReferenceRole::Other, "other"},
                                             {ReferenceRole::Face, "face"},
                                             {ReferenceRole::FullBody, "full-body"},
                                             {ReferenceRole::Turnaround, "turnaround"},
                                             {ReferenceRole::CharacterSheet, "character-sheet"},
                                             {ReferenceRole::LocationPlate, "location-plate"},
                                             {ReferenceRole::StyleFrame, "style-frame"},
                                             {ReferenceRole::ChainedTake, "chained-take"}})

struct ReferenceImage {
    Id id = 0;
    ReferenceOwner owner = ReferenceOwner::Film;
    Id ownerId = 0;
    ReferenceRole role = ReferenceRole::Other;
    Id imageId = 0; // 0 until an image is stored (a look-book frame not generated yet)
    double weight = 1.0;
    bool userSupplied = false;
    QString label;
    bool operator==(const ReferenceImage &) const = default;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ReferenceImage, id, owner, ownerId, role, imageId, weight,
                                                userSupplied, label)

} // namespace shotcraft
