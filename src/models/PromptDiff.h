// A word-level diff of two prompts, for the prompt inspector's "what changed between these takes".
#pragma once

#include <QList>
#include <QString>

namespace shotcraft::models {

struct DiffPiece {
    enum Kind { Same, Removed, Added } kind = Same;
    QString text; // words joined by single spaces
};

// Longest-common-subsequence diff over whitespace-separated words (commas stay with their word).
QList<DiffPiece> diffWords(const QString &before, const QString &after);
// The diff as HTML: removed words struck through in red, added ones in green.
QString diffToHtml(const QList<DiffPiece> &pieces);

} // namespace shotcraft::models
