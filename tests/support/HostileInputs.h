// Scripts made to hurt a parser: empty, binary, NUL bytes, invalid UTF-8, a 1 MB single line,
// 70 MB (over the import limit), an FDX with the billion-laughs entity bomb and one nested 100,000
// elements deep. Shared by the CLI's hostile-script test and the in-process parser replay.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace shotcraft::test {

struct HostileScript {
    const char *tag;
    QString fileName; // the extension picks the parser
    QByteArray bytes;
    qint64 sparseSize = 0; // > 0: a file of this size made without writing it
    QString refusal;       // part of the one-line reason it is refused with; empty: it parses
};

QList<HostileScript> hostileScripts();
// Writes `script` into `folder`; returns its path, or an empty string when it cannot.
QString writeHostileScript(const HostileScript &script, const QString &folder);

QByteArray nestedFdx(int depth);
QByteArray billionLaughs();

} // namespace shotcraft::test
