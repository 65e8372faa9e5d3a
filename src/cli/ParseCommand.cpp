// shotcraft parse FILE: what the importer reads from a script (Fountain, Final Draft or prose).
#include "cli/Commands.h"
#include "story/ScreenplayJson.h"
#include "story/ScriptImporter.h"

namespace shotcraft::cli {

int runParse(const QStringList &args, CommandIo &io) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Read a script (Fountain, Final Draft or prose) and show its scenes and characters."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A .fountain, .fdx or text file."));
    if (!io.parse(parser, QStringLiteral("parse"), args))
        return io.exitCode();
    if (parser.positionalArguments().size() != 1)
        return io.fail(QStringLiteral("usage: shotcraft parse FILE [--json]"), ExitUsage);

    const auto script = story::importFile(parser.positionalArguments().first());
    if (!script)
        return io.fail(script.error());
    if (io.json()) {
        io.printJson(story::screenplaySummary(*script));
        return ExitSuccess;
    }
    QTextStream &out = io.out();
    if (const QString title = script->titleValue(QStringLiteral("title")); !title.isEmpty())
        out << "Title: " << QString(title).replace(u'\n', u' ') << '\n';
    out << "Scenes: " << script->scenes.size() << "   Characters: " << script->characters.size()
        << "   Lines: " << script->lineCount << "\n\n";
    for (const story::ScreenplayScene &s : script->scenes) {
        out << qSetFieldWidth(5) << Qt::right << s.number << qSetFieldWidth(0) << Qt::left << "  "
            << s.heading << "  [" << s.lineStart << '-' << s.lineEnd << "]";
        if (!s.characters.isEmpty())
            out << "  " << s.characters.join(QStringLiteral(", ")) << " (" << s.dialogueCount << " lines)";
        out << '\n';
    }
    out << "\nCharacters:\n";
    for (const story::ScreenplayCharacter &c : script->characters) {
        out << "  " << c.name << ": " << c.dialogueCount << " dialogue";
        if (!c.aliases.isEmpty())
            out << " (also " << c.aliases.join(QStringLiteral(", ")) << ')';
        out << '\n';
    }
    for (const QString &w : script->warnings)
        io.err() << "warning: " << w << '\n';
    return ExitSuccess;
}

} // namespace shotcraft::cli
