// DNA hashes for staleness. A plan's hash is a small manifest of the DNA parts it used, each with
// its own short digest ("dna1;character:12=a1b2c3d4.e5f6a7b8.c9d0e1f2;location:5=...;style=..."),
// so a take that recorded it can later say exactly which part changed.
#pragma once

#include <QList>
#include <QString>

namespace shotcraft::dna {

struct DnaPart {
    QString key;  // "character:12", "location:5", "palette:31", "style"
    QString hash; // one digest, or several joined by '.' (a character's appearance.wardrobe.colours)
    bool operator==(const DnaPart &) const = default;
};

// 12 hex characters of SHA-1: plenty to tell edits apart, short enough to read.
QString shortHash(const QString &text);

QString composeDnaHash(QList<DnaPart> parts);
// The parts of a recorded hash; empty for an empty or foreign string.
QList<DnaPart> parseDnaHash(const QString &dnaHash);

} // namespace shotcraft::dna
