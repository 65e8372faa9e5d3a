// Reading cues from screenplay text with word lists: genre, a scene's mood (named as the cinema
// knowledge base names emotions), weather, the objects an action line names, emotional beats.
// Deliberately simple and explainable: each guess can say which words made it.
#pragma once

#include "domain/CinemaTypes.h"

#include <QString>
#include <QStringList>

namespace shotcraft::story {

// Lower-cased words of a text (letters and apostrophes), in order.
QStringList wordsOf(const QString &text);

struct GenreGuess {
    QString genre = QStringLiteral("drama");
    QStringList evidence; // the words that decided it
};
GenreGuess guessGenreFromText(const QString &text);

// "tension", "grief", "joy", ... ("neutral" when nothing stands out); `score` is its strength.
QString moodOf(const QString &text, int *score = nullptr);
Weather weatherOf(const QString &text, bool exterior);
// Objects the action names, in order of appearance ("letter", "phone", ...), at most `limit`.
QStringList propsNamed(const QString &text, int limit);
// How strongly a line or action beat carries emotion (0 = none).
int emotionalWeight(const QString &text);
// Light sources the action names ("lamp", "candles", ...).
QStringList lightSourcesNamed(const QString &text);

} // namespace shotcraft::story
