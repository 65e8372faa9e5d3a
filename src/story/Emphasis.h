// Fountain emphasis: *italic*, **bold**, ***bold italic***, _underline_, with \ escaping a marker.
// Element text keeps the markers as written; this turns it into styled runs or plain text.
#pragma once

#include <QList>
#include <QString>

namespace shotcraft::story {

struct StyledRun {
    QString text;
    bool bold = false;
    bool italic = false;
    bool underline = false;
    bool operator==(const StyledRun &) const = default;
};

// Markers without a closing partner stay literal. Linear time.
QList<StyledRun> parseEmphasis(const QString &text);
QString stripEmphasis(const QString &text);

} // namespace shotcraft::story
