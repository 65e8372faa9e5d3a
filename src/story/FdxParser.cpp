#include "story/FdxParser.h"

#include <QRegularExpression>
#include <QXmlStreamReader>

namespace shotcraft::story {

namespace {

std::optional<ElementType> typeOf(QStringView type) {
    if (type == u"Scene Heading")
        return ElementType::SceneHeading;
    if (type == u"Action" || type == u"General" || type == u"Shot" || type == u"Cast List" ||
        type == u"End of Act")
        return ElementType::Action;
    if (type == u"Character")
        return ElementType::Character;
    if (type == u"Dialogue")
        return ElementType::Dialogue;
    if (type == u"Parenthetical")
        return ElementType::Parenthetical;
    if (type == u"Transition")
        return ElementType::Transition;
    if (type == u"Lyrics")
        return ElementType::Lyrics;
    if (type == u"New Act")
        return ElementType::Section;
    return std::nullopt;
}

// Final Draft styles as Fountain emphasis, so that element text means the same from either format.
QString styled(const QString &text, QStringView style) {
    if (text.trimmed().isEmpty() || style.isEmpty())
        return text;
    QString out = text;
    if (style.contains(u"Italic"))
        out = u'*' + out + u'*';
    if (style.contains(u"Bold"))
        out = QStringLiteral("**") + out + QStringLiteral("**");
    if (style.contains(u"Underline"))
        out = u'_' + out + u'_';
    return out;
}

// The title page has no keys in FDX: the first line is the title, "by" lines are the credit and
// the next the author, a date is the draft date, and the rest is contact.
void readTitlePage(const QStringList &paragraphs, Screenplay &script) {
    static const QRegularExpression credit(QStringLiteral("^(written by|screenplay by|by|story by)\\b.*"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression date(QStringLiteral("\\b(\\d{1,2}/\\d{1,2}/\\d{2,4}|draft|\\d{4})\\b"),
                                         QRegularExpression::CaseInsensitiveOption);
    QString contact;
    bool authorNext = false;
    for (const QString &p : paragraphs) {
        if (p.isEmpty())
            continue;
        if (script.titlePage.isEmpty()) {
            script.titlePage.append({QStringLiteral("title"), p});
        } else if (credit.match(p).hasMatch()) {
            script.titlePage.append({QStringLiteral("credit"), p});
            authorNext = true;
        } else if (authorNext) {
            script.titlePage.append({QStringLiteral("author"), p});
            authorNext = false;
        } else if (date.match(p).hasMatch() && script.titleValue(QStringLiteral("draft date")).isEmpty()) {
            script.titlePage.append({QStringLiteral("draft date"), p});
        } else {
            contact += (contact.isEmpty() ? QString() : QStringLiteral("\n")) + p;
        }
    }
    if (!contact.isEmpty())
        script.titlePage.append({QStringLiteral("contact"), contact});
}

} // namespace

Result<Screenplay> parseFdx(const QByteArray &xml) {
    if (xml.size() > kMaxScriptBytes)
        return Result<Screenplay>::failure(
            QStringLiteral("the Final Draft file is too large (%1 MB; the limit is %2 MB)")
                .arg(xml.size() / (1024 * 1024))
                .arg(kMaxScriptBytes / (1024 * 1024)));
    Screenplay script;
    QXmlStreamReader reader(xml);
    reader.setNamespaceProcessing(false);
    reader.setEntityExpansionLimit(1024);

    bool sawRoot = false;
    int inTitlePage = 0;
    int inNote = 0;
    int dualDepth = 0;
    int depth = 0;
    QStringList titleParagraphs;
    // The paragraph being read: its type, text and first line.
    std::optional<ElementType> type;
    bool inParagraph = false;
    bool inNoteParagraph = false;
    QString noteText;
    int noteStart = 0;
    QString text;
    QString number;
    int startLine = 0;
    bool dual = false;

    while (!reader.atEnd()) {
        const QXmlStreamReader::TokenType token = reader.readNext();
        if (token == QXmlStreamReader::DTD)
            return Result<Screenplay>::failure(
                QStringLiteral("the Final Draft file declares a DOCTYPE, which is refused for safety"));
        if (token == QXmlStreamReader::EntityReference)
            return Result<Screenplay>::failure(
                QStringLiteral("the Final Draft file uses an undeclared entity"));
        if (token == QXmlStreamReader::StartElement) {
            ++depth;
            if (depth > 64)
                return Result<Screenplay>::failure(QStringLiteral("the Final Draft file nests too deeply"));
            const QStringView name = reader.name();
            if (depth == 1) {
                if (name != u"FinalDraft")
                    return Result<Screenplay>::failure(
                        QStringLiteral("not a Final Draft file (the root element is <%1>)")
                            .arg(name.toString()));
                sawRoot = true;
            } else if (name == u"TitlePage") {
                ++inTitlePage;
            } else if (name == u"ScriptNote" || name == u"ScriptNotes") {
                ++inNote;
            } else if (name == u"DualDialogue") {
                ++dualDepth;
            } else if (name == u"Paragraph" && inNote) {
                // A script note's paragraph, possibly inside the paragraph it annotates: read apart.
                inNoteParagraph = true;
                noteText.clear();
                noteStart = static_cast<int>(reader.lineNumber());
            } else if (name == u"Paragraph") {
                const QStringView t = reader.attributes().value(QLatin1String("Type"));
                if (!t.isEmpty() || inTitlePage) {
                    inParagraph = true;
                    type = typeOf(t);
                    if (!type && !inTitlePage)
                        type = ElementType::Action;
                    text.clear();
                    number = reader.attributes().value(QLatin1String("Number")).toString();
                    startLine = static_cast<int>(reader.lineNumber());
                    dual = dualDepth > 0;
                }
            } else if (name == u"Text" && inNoteParagraph) {
                noteText += reader.readElementText(QXmlStreamReader::IncludeChildElements);
                --depth;
                if (reader.hasError() || noteText.size() > kMaxScriptBytes)
                    break;
            } else if (name == u"Text" && inParagraph) {
                const QString style = reader.attributes().value(QLatin1String("Style")).toString();
                const QString content = reader.readElementText(QXmlStreamReader::IncludeChildElements);
                --depth;
                if (reader.hasError())
                    break;
                const bool plain = !type || *type == ElementType::Character ||
                                   *type == ElementType::SceneHeading || *type == ElementType::Transition;
                text += plain ? content : styled(content, style);
                if (text.size() > kMaxScriptBytes)
                    return Result<Screenplay>::failure(QStringLiteral("a Final Draft paragraph is too long"));
            }
        } else if (token == QXmlStreamReader::EndElement) {
            --depth;
            const QStringView name = reader.name();
            if (name == u"TitlePage") {
                --inTitlePage;
            } else if (name == u"ScriptNote" || name == u"ScriptNotes") {
                --inNote;
            } else if (name == u"DualDialogue") {
                --dualDepth;
            } else if (name == u"Paragraph" && inNoteParagraph) {
                inNoteParagraph = false;
                if (!noteText.trimmed().isEmpty())
                    script.notes.append(
                        {noteText.trimmed(), noteStart, static_cast<int>(reader.lineNumber())});
            } else if (name == u"Paragraph" && inParagraph) {
                inParagraph = false;
                const QString trimmed = text.trimmed();
                const int endLine = static_cast<int>(reader.lineNumber());
                if (inTitlePage) {
                    titleParagraphs.append(trimmed);
                } else if (type && (!trimmed.isEmpty() || *type == ElementType::Action)) {
                    if (trimmed.isEmpty())
                        continue;
                    ScriptElement e;
                    e.type = *type;
                    e.text = trimmed;
                    e.lineStart = startLine;
                    e.lineEnd = std::max(startLine, endLine);
                    e.dual = dual && *type == ElementType::Character;
                    e.sceneNumber = *type == ElementType::SceneHeading ? number : QString();
                    e.depth = *type == ElementType::Section ? 1 : 0;
                    script.elements.append(e);
                }
            }
        }
    }
    if (reader.hasError())
        return Result<Screenplay>::failure(
            QStringLiteral("the Final Draft file is not well-formed XML (line %1: %2)")
                .arg(reader.lineNumber())
                .arg(reader.errorString().simplified())); // it may quote the input, newlines and all
    if (!sawRoot)
        return Result<Screenplay>::failure(QStringLiteral("not a Final Draft file"));
    readTitlePage(titleParagraphs, script);
    script.lineCount = static_cast<int>(reader.lineNumber());
    script.rebuildIndex();
    return script;
}

} // namespace shotcraft::story
