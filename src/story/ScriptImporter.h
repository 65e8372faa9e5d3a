// The one entry point for reading a script: picks the format (Fountain, Final Draft, prose), checks
// that the input is a text of sane size and decodes it, and returns a Screenplay or a one-line reason.
#pragma once

#include "domain/Result.h"
#include "story/Screenplay.h"

#include <QByteArray>
#include <QString>

namespace shotcraft::story {

enum class ScriptFormat { Auto, Fountain, Fdx, Prose };

// The format is taken from the extension (.fdx, .fountain) or, for anything else, from the content.
Result<Screenplay> importFile(const QString &path);
// Auto: Final Draft if it is FDX XML, Fountain if it reads as a screenplay, else prose.
Result<Screenplay> importText(const QByteArray &bytes, ScriptFormat hint = ScriptFormat::Auto);

// UTF-8 (BOM optional); bytes that are not valid UTF-8 are read as Latin-1 with a warning.
QString decodeScript(const QByteArray &bytes, QStringList *warnings);

} // namespace shotcraft::story
