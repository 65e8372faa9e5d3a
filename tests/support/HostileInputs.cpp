#include "HostileInputs.h"

#include <QDir>
#include <QFile>

namespace shotcraft::test {

QByteArray nestedFdx(int depth) {
    QByteArray xml("<?xml version=\"1.0\"?><FinalDraft><Content>");
    xml.reserve(depth * 7 + 200);
    for (int i = 0; i < depth; ++i)
        xml.append("<a>");
    for (int i = 0; i < depth; ++i)
        xml.append("</a>");
    xml.append("</Content></FinalDraft>");
    return xml;
}

QByteArray billionLaughs() {
    QByteArray xml("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    xml.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">");
    for (int i = 2; i <= 9; ++i)
        xml.append(QStringLiteral("<!ENTITY lol%1 \"%2\">")
                       .arg(i)
                       .arg(QStringLiteral("&lol%1;").arg(i - 1).repeated(10))
                       .toUtf8());
    xml.append("]><FinalDraft><Content><Paragraph Type=\"Action\"><Text>&lol9;</Text></Paragraph>"
               "</Content></FinalDraft>");
    return xml;
}

QList<HostileScript> hostileScripts() {
    QByteArray program(8192, '\0');
    for (int i = 0; i < program.size(); ++i)
        program[i] = char((i * 7919 + 13) & 0xff);
    return {
        {"0 bytes", u"empty.fountain"_qs, {}, 0, u"empty"_qs},
        {"binary", u"program.fountain"_qs, program, 0, u"binary"_qs},
        {"NUL bytes", u"nul.fountain"_qs, QByteArray("INT. ROOM - DAY\n\nA\0B\0C\0 lamp.\n", 29), 0,
         u"binary"_qs},
        // Read as Latin-1, with a warning.
        {"invalid UTF-8", u"latin.fountain"_qs, QByteArray("INT. CAF\xc9 - DAY\n\nJOS\xc9\nHola.\n"), 0, {}},
        {"1 MB single line", u"line.fountain"_qs, QByteArray(1024 * 1024, 'a'), 0, {}},
        {"70 MB", u"huge.fountain"_qs, {}, qint64(70) * 1024 * 1024, u"too large"_qs},
        {"billion laughs", u"lolz.fdx"_qs, billionLaughs(), 0, u"DOCTYPE"_qs},
        {"100,000 nested elements", u"deep.fdx"_qs, nestedFdx(100000), 0, u"nests too deeply"_qs},
    };
}

QString writeHostileScript(const HostileScript &script, const QString &folder) {
    const QString path = QDir(folder).filePath(script.fileName);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(script.bytes) != script.bytes.size())
        return {};
    if (script.sparseSize > 0 && !file.resize(script.sparseSize))
        return {};
    return path;
}

} // namespace shotcraft::test
