// A heading's place as prose reads it: the case a writer would use ("Mira's truck", "harbour wall")
// and the preposition that fits the place ("inside Mira's truck", "on the harbour wall", "under the
// pier"), and whether a heading without INT./EXT. reads as outside or inside.
#pragma once

#include "domain/CinemaTypes.h"

#include <QStringList>

#include <optional>

namespace shotcraft::story {

// "MIRA'S TRUCK" -> "Mira's truck" when MIRA is one of `properNames` (or any possessive), else lower
// case: "HARBOUR WALL" -> "harbour wall".
QString placeName(const QString &location, const QStringList &properNames = {});
// The place as a noun phrase: "the harbour wall", "Mira's truck", "the pier" (for UNDER THE PIER).
QString placeNoun(const QString &location, const QStringList &properNames = {});
// "on the harbour wall", "inside Mira's truck", "under the pier", "in the kitchen".
QString placePhrase(const QString &location, const QStringList &properNames = {});
// Exterior or interior from the words of a place with no INT./EXT. ("UNDER THE PIER" -> exterior),
// with the word that decided it; nullopt when nothing does.
std::optional<std::pair<InteriorExterior, QString>> inferIntExt(const QString &location);

} // namespace shotcraft::story
