// The canonical identity strings of the Visual DNA: one string per character (per wardrobe period)
// and one per location, built only from their DNA fields, so every prompt that includes them
// carries the very same words.
#pragma once

#include "domain/Project.h"

namespace shotcraft::dna {

// The wardrobe a character wears in `sceneId`: the latest wardrobe change at or before that scene
// (a change applies from its act or scene on), else the base wardrobe.
QString wardrobeFor(const Project &project, const Character &character, Id sceneId);

// "Brick Braddock, in his sixties, solid broad-shouldered build, ..., wearing ..., signature
// colours rust and navy blue". Depends on the scene only through the wardrobe.
QString identityTokens(const Project &project, const Character &character, Id sceneId);

// The appearance part alone (everything but the wardrobe and colours), for hashing.
QString appearanceTokens(const Character &character);
QString signatureColourWords(const Character &character);

// The location's words; description sentences naming people (screenplay capitals or a character's
// name) are left out, so a plate never paints the cast into the set.
QString locationTokens(const Project &project, const Location &location);

// "BRICK BRADDOCK" -> "Brick Braddock", "BRICK'S PATIO" -> "Brick's Patio".
QString titleCase(const QString &text);

// Film order of scenes (index in project.scenes) for every scene id.
int sceneIndex(const Project &project, Id sceneId);

} // namespace shotcraft::dna
