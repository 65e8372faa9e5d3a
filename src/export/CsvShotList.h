// The shot list as CSV for the AD's schedule: RFC 4180 (CRLF rows, fields with a comma, quote or
// line break quoted, quotes doubled), UTF-8 with an optional byte-order mark for spreadsheets.
#pragma once

#include "export/ExportSnapshot.h"

#include <QByteArray>

namespace shotcraft::exporting {

class CsvShotList {
public:
    static QStringList header();
    static QByteArray serialize(const ExportSnapshot &snapshot, bool byteOrderMark = false);
    static QString quoted(const QString &field);
};

} // namespace shotcraft::exporting
