// A character of the film and its Visual DNA: what must look the same in every shot.
#pragma once

#include "domain/CinemaTypes.h"

namespace shotcraft {

enum class CharacterRole { Principal, Supporting, Minor };
NLOHMANN_JSON_SERIALIZE_ENUM(CharacterRole, {{CharacterRole::Supporting, "supporting"},
                                             {CharacterRole::Principal, "principal"},
                                             {CharacterRole::Minor, "minor"}})

// A wardrobe that replaces the base one from an act or a scene on.
struct WardrobeChange {
    Id actId = 0;
    Id sceneId = 0;
    QString wardrobe;
    bool operator==(const WardrobeChange &) const = default;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(WardrobeChange, actId, sceneId, wardrobe)

struct Character {
    Id id = 0;
    QString name;
    QStringList aliases;
    CharacterRole role = CharacterRole::Supporting;
    QString description; // from the character's first appearance in the script
    QString age;
    QString build;
    QString face;
    QString hair;
    QString wardrobe;
    QList<WardrobeChange> wardrobeChanges;
    QStringList signatureColours; // "#rrggbb"
    QString distinctiveMarks;
    int dialogueCount = 0;
    bool operator==(const Character &) const = default;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Character, id, name, aliases, role, description, age, build,
                                                face, hair, wardrobe, wardrobeChanges, signatureColours,
                                                distinctiveMarks, dialogueCount)

} // namespace shotcraft
