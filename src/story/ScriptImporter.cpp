#include "story/ScriptImporter.h"

#include "story/FdxParser.h"
#include "story/FountainParser.h"
#include "story/ProseImporter.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

namespace shotcraft::story {

namespace {

QString megabytes(qint64 bytes) {
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

// NUL bytes or many control characters in the first block mean an image, an archive, a PDF, ...
bool looksBinary(const QByteArray &bytes) {
    const qsizetype n = std::min<qsizetype>(bytes.size(), 64 * 1024);
    qsizetype control = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c == 0)
            return true;
        if (c < 32 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
            ++control;
    }
    return n > 0 && control * 20 > n;
}

bool looksLikeFdx(const QByteArray &bytes) {
    const QByteArray head = bytes.left(4096);
    return head.contains("<FinalDraft") ||
           (head.trimmed().startsWith("<?xml") && bytes.contains("<FinalDraft"));
}

} // namespace

QString decodeScript(const QByteArray &bytes, QStringList *warnings) {
    QStringDecoder utf8(QStringDecoder::Utf8);
    QString text = utf8.decode(bytes);
    if (utf8.hasError()) {
        if (warnings)
            warnings->append(QStringLiteral("the script is not valid UTF-8; read it as Latin-1"));
        text = QString::fromLatin1(bytes);
    }
    return text;
}

Result<Screenplay> importText(const QByteArray &bytes, ScriptFormat hint) {
    if (bytes.size() > kMaxScriptBytes)
        return Result<Screenplay>::failure(
            QStringLiteral("the script is too large (%1 MB; the limit is %2 MB)")
                .arg(megabytes(bytes.size()), megabytes(kMaxScriptBytes)));
    if (bytes.trimmed().isEmpty())
        return Result<Screenplay>::failure(QStringLiteral("the script is empty"));
    if (looksBinary(bytes))
        return Result<Screenplay>::failure(QStringLiteral("not a screenplay: the file holds binary data"));

    if (hint == ScriptFormat::Fdx || (hint == ScriptFormat::Auto && looksLikeFdx(bytes)))
        return parseFdx(bytes);

    QStringList warnings;
    const QString text = decodeScript(bytes, &warnings);
    Screenplay script;
    if (hint == ScriptFormat::Prose) {
        script = parseProse(text);
    } else {
        script = parseFountain(text);
        // Text with neither a scene nor a speaker is prose (a treatment or a logline).
        if (hint == ScriptFormat::Auto && script.scenes.isEmpty() && script.characters.isEmpty())
            script = parseProse(text);
    }
    script.warnings = warnings + script.warnings;
    if (script.elements.isEmpty() && script.titlePage.isEmpty())
        return Result<Screenplay>::failure(QStringLiteral("the script has no content"));
    return script;
}

Result<Screenplay> importFile(const QString &path) {
    const QFileInfo info(path);
    if (!info.exists())
        return Result<Screenplay>::failure(QStringLiteral("%1: no such file").arg(path));
    if (!info.isFile())
        return Result<Screenplay>::failure(QStringLiteral("%1: not a file").arg(path));
    if (info.size() > kMaxScriptBytes)
        return Result<Screenplay>::failure(
            QStringLiteral("%1: the script is too large (%2 MB; the limit is %3 MB)")
                .arg(info.fileName(), megabytes(info.size()), megabytes(kMaxScriptBytes)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<Screenplay>::failure(QStringLiteral("%1: %2").arg(path, file.errorString()));
    const QByteArray bytes = file.read(kMaxScriptBytes + 1);
    const QString suffix = info.suffix().toLower();
    const ScriptFormat hint = suffix == QLatin1String("fdx")        ? ScriptFormat::Fdx
                              : suffix == QLatin1String("fountain") ? ScriptFormat::Fountain
                                                                    : ScriptFormat::Auto;
    Result<Screenplay> script = importText(bytes, hint);
    if (!script)
        return Result<Screenplay>::failure(QStringLiteral("%1: %2").arg(info.fileName(), script.error()));
    return script;
}

} // namespace shotcraft::story
