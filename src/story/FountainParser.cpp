#include "story/FountainParser.h"

#include <QRegularExpression>

namespace shotcraft::story {

namespace {

struct Line {
    QString text;
    int number = 0;
    // A boneyard or note was removed right before / after this line: it separates like a blank line
    // for telling elements apart, without adding a blank line to the text.
    bool afterGap = false;
    bool beforeGap = false;
};

bool isBlank(const Line &line) {
    for (const QChar c : line.text)
        if (!c.isSpace())
            return false;
    return true;
}

// Splits into lines the way Python's splitlines() does (no empty last line for a final newline),
// after BOM removal and CRLF/CR normalisation.
QList<Line> splitLines(const QString &text) {
    QList<Line> lines;
    qsizetype start = 0;
    qsizetype i = 0;
    const qsizetype n = text.size();
    if (n > 0 && text.at(0) == QChar(0xFEFF))
        start = i = 1;
    int number = 1;
    while (i < n) {
        const QChar c = text.at(i);
        if (c == u'\n' || c == u'\r') {
            lines.append({text.mid(start, i - start), number++});
            if (c == u'\r' && i + 1 < n && text.at(i + 1) == u'\n')
                ++i;
            start = ++i;
            continue;
        }
        ++i;
    }
    if (start < n)
        lines.append({text.mid(start), number});
    return lines;
}

// Removes boneyard /* */ and notes [[ ]] in one pass. A line left empty by a removal is dropped
// (so a boneyard leaves no blank lines behind); an opener with no closer anywhere after it is kept
// as text, with a warning, rather than swallowing the rest of the script.
QList<Line> removeBoneyardAndNotes(const QList<Line> &in, Screenplay &script) {
    // Found once, so that "is this opener ever closed?" is an O(1) question (linear time overall):
    // a boneyard may run over blank lines; a note ends at the first empty line.
    const qsizetype n = in.size();
    qsizetype lastBoneyardClose = -1;
    QList<qsizetype> nextNoteClose(n + 1, n), nextEmpty(n + 1, n);
    for (qsizetype li = n - 1; li >= 0; --li) {
        const bool hasClose = in[li].text.contains(QLatin1String("]]"));
        nextNoteClose[li] = hasClose ? li : nextNoteClose[li + 1];
        nextEmpty[li] = in[li].text.isEmpty() ? li : nextEmpty[li + 1];
        if (lastBoneyardClose < 0 && in[li].text.contains(QLatin1String("*/")))
            lastBoneyardClose = li;
    }

    QList<Line> out;
    out.reserve(in.size());
    bool inBoneyard = false;
    bool inNote = false;
    bool gap = false;
    ScriptNote note;
    for (qsizetype li = 0; li < n; ++li) {
        const QString &t = in[li].text;
        const qsizetype lastNoteCloseHere = t.lastIndexOf(QLatin1String("]]"));
        const qsizetype lastBoneyardCloseHere = t.lastIndexOf(QLatin1String("*/"));
        if (!inBoneyard && !inNote && !t.contains(u'/') && !t.contains(u'[')) {
            out.append({t, in[li].number, gap, false});
            gap = false;
            continue;
        }
        QString kept;
        bool touched = inBoneyard || inNote;
        qsizetype i = 0;
        const qsizetype len = t.size();
        while (i < len) {
            if (inBoneyard) {
                const qsizetype end = t.indexOf(QLatin1String("*/"), i);
                if (end < 0) {
                    i = len;
                    break;
                }
                inBoneyard = false;
                i = end + 2;
                continue;
            }
            if (inNote) {
                const qsizetype end = t.indexOf(QLatin1String("]]"), i);
                if (end < 0) {
                    note.text +=
                        (note.text.isEmpty() ? QString() : QStringLiteral("\n")) + t.mid(i).trimmed();
                    i = len;
                    break;
                }
                note.text +=
                    (note.text.isEmpty() ? QString() : QStringLiteral("\n")) + t.mid(i, end - i).trimmed();
                note.lineEnd = in[li].number;
                script.notes.append(note);
                inNote = false;
                i = end + 2;
                continue;
            }
            const qsizetype b = t.indexOf(QLatin1String("/*"), i);
            const qsizetype nt = t.indexOf(QLatin1String("[["), i);
            if (b < 0 && nt < 0) {
                kept += t.mid(i);
                break;
            }
            const bool boneyardFirst = b >= 0 && (nt < 0 || b < nt);
            const qsizetype at = boneyardFirst ? b : nt;
            kept += t.mid(i, at - i);
            if (boneyardFirst) {
                const bool closed = lastBoneyardCloseHere >= at + 2 || lastBoneyardClose > li;
                if (!closed) {
                    script.warnings.append(
                        QStringLiteral("line %1: boneyard /* is never closed; kept as text")
                            .arg(in[li].number));
                    kept += t.mid(at, 2);
                    i = at + 2;
                    continue;
                }
                inBoneyard = true;
                touched = true;
                i = at + 2;
            } else {
                const bool closed =
                    lastNoteCloseHere >= at + 2 || (li + 1 < n && nextNoteClose[li + 1] < nextEmpty[li + 1]);
                if (!closed) {
                    script.warnings.append(
                        QStringLiteral("line %1: note [[ is not closed before a blank line; kept as text")
                            .arg(in[li].number));
                    kept += t.mid(at, 2);
                    i = at + 2;
                    continue;
                }
                inNote = true;
                touched = true;
                note = ScriptNote{QString(), in[li].number, in[li].number};
                i = at + 2;
            }
        }
        if (touched && kept.trimmed().isEmpty()) {
            if (!out.isEmpty())
                out.last().beforeGap = true;
            gap = true;
            continue;
        }
        out.append({kept, in[li].number, gap, false});
        gap = false;
    }
    return out;
}

bool isUpper(const QString &s);

bool parseTitleLine(const QString &line, QString *key, QString *value) {
    static const QRegularExpression re(QStringLiteral("^([A-Za-z][A-Za-z0-9 _'-]{0,40}):(.*)$"));
    const QRegularExpressionMatch m = re.match(line);
    if (!m.hasMatch())
        return false;
    *key = m.captured(1).trimmed().toLower();
    *value = m.captured(2).trimmed();
    return true;
}

// Reads the title page if the script opens with "Key: value"; returns the first body line's index.
qsizetype parseTitlePage(const QList<Line> &lines, Screenplay &script) {
    QString key, value;
    if (lines.isEmpty() || !parseTitleLine(lines.first().text, &key, &value))
        return 0;
    // "CUT TO:" opens many scripts: a title page's first key is a known one or written in mixed case.
    static const QStringList known = {
        QStringLiteral("title"),     QStringLiteral("credit"),  QStringLiteral("author"),
        QStringLiteral("authors"),   QStringLiteral("source"),  QStringLiteral("draft date"),
        QStringLiteral("date"),      QStringLiteral("contact"), QStringLiteral("notes"),
        QStringLiteral("copyright"), QStringLiteral("revision")};
    const QString firstKey = lines.first().text.left(lines.first().text.indexOf(u':'));
    if (!known.contains(key) && isUpper(firstKey))
        return 0;
    qsizetype i = 0;
    for (; i < lines.size() && !isBlank(lines[i]); ++i) {
        const QString &t = lines[i].text;
        const bool indented = t.startsWith(u'\t') || t.startsWith(QLatin1String("   "));
        if (!indented && parseTitleLine(t, &key, &value)) {
            script.titlePage.append({key, value});
        } else if (!script.titlePage.isEmpty()) {
            QString &v = script.titlePage.last().second;
            v += (v.isEmpty() ? QString() : QStringLiteral("\n")) + t.trimmed();
        }
    }
    return i;
}

// The spec's list: INT, EXT, EST, INT./EXT, INT/EXT, I/E ("EXT/INT" is not one of them).
bool isSceneHeading(const QString &trimmed) {
    static const QRegularExpression re(QStringLiteral("^(INT\\.?/EXT|INT|EXT|EST|I\\.?/E)[. ]"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re.match(trimmed).hasMatch();
}

bool isUpper(const QString &s) {
    bool letter = false;
    for (const QChar c : s) {
        if (c.isLetter()) {
            letter = true;
            if (c.isLower())
                return false;
        }
    }
    return letter;
}

bool isCharacterCue(const QString &trimmed) {
    if (trimmed.startsWith(u'@'))
        return trimmed.size() > 1;
    QString name = trimmed;
    if (name.endsWith(u'^'))
        name.chop(1);
    const qsizetype paren = name.indexOf(u'(');
    if (paren == 0)
        return false;
    if (paren > 0)
        name = name.left(paren);
    return isUpper(name) && !name.trimmed().endsWith(u':');
}

class Parser {
public:
    Parser(const QList<Line> &lines, Screenplay &script)
        : m_lines(lines)
        , m_script(script) {}

    void run(qsizetype first) {
        const qsizetype n = m_lines.size();
        qsizetype i = first;
        while (i < n) {
            const Line &line = m_lines[i];
            const QString trimmed = line.text.trimmed();
            if (trimmed.isEmpty()) {
                addAction(QString(), line.number);
                ++i;
                continue;
            }
            const bool prevBlank = i == first || isBlank(m_lines[i - 1]) || line.afterGap;
            const bool nextBlank = i + 1 >= n || isBlank(m_lines[i + 1]) || line.beforeGap;

            if (trimmed.size() >= 3 && trimmed.count(u'=') == trimmed.size()) {
                emitElement(ElementType::PageBreak, QString(), line.number, line.number);
            } else if (trimmed.startsWith(u'#')) {
                qsizetype depth = 0;
                while (depth < trimmed.size() && trimmed.at(depth) == u'#')
                    ++depth;
                ScriptElement &e =
                    emitElement(ElementType::Section, trimmed.mid(depth).trimmed(), line.number, line.number);
                e.depth = static_cast<int>(depth);
            } else if (trimmed.startsWith(u'=')) {
                emitElement(ElementType::Synopsis, trimmed.mid(1).trimmed(), line.number, line.number);
            } else if (trimmed.startsWith(u'!')) {
                addAction(line.text.mid(line.text.indexOf(u'!') + 1), line.number, true);
            } else if (trimmed.startsWith(u'>') && trimmed.endsWith(u'<') && trimmed.size() >= 2) {
                i = readCentered(i);
                continue;
            } else if (trimmed.startsWith(u'>')) {
                ScriptElement &e =
                    emitElement(ElementType::Transition, trimmed.mid(1).trimmed(), line.number, line.number);
                e.forced = true;
            } else if (trimmed.startsWith(u'~')) {
                i = readLyrics(i);
                continue;
            } else if (prevBlank &&
                       ((trimmed.startsWith(u'.') && trimmed.size() > 1 && trimmed.at(1) != u'.') ||
                        (nextBlank && isSceneHeading(trimmed)))) {
                emitHeading(trimmed, line.number);
            } else if (prevBlank && nextBlank && line.text.endsWith(QLatin1String("TO:")) &&
                       isUpper(trimmed)) {
                emitElement(ElementType::Transition, trimmed, line.number, line.number);
            } else if (prevBlank && !nextBlank && isCharacterCue(trimmed)) {
                i = readDialogue(i);
                continue;
            } else {
                addAction(line.text, line.number);
            }
            ++i;
        }
        flushAction(false);
    }

private:
    void addAction(const QString &text, int number, bool forced = false) {
        if (m_action.isEmpty())
            m_actionForced = forced;
        m_action.append({text, number});
    }

    // An action paragraph runs through blank lines; the one blank line just before the next element
    // only separates, so it is dropped (unless the script ends there).
    void flushAction(bool beforeElement) {
        if (beforeElement && !m_action.isEmpty() && isBlank(m_action.last()))
            m_action.removeLast();
        if (m_action.isEmpty())
            return;
        QStringList texts;
        texts.reserve(m_action.size());
        bool allBlank = true;
        for (const Line &l : std::as_const(m_action)) {
            const bool blank = isBlank(l);
            texts.append(blank ? QString() : l.text);
            allBlank = allBlank && blank;
        }
        ScriptElement e;
        e.type = ElementType::Action;
        e.text = texts.join(u'\n');
        e.lineStart = m_action.first().number;
        e.lineEnd = m_action.last().number;
        e.forced = m_actionForced;
        Q_UNUSED(allBlank);
        m_script.elements.append(e);
        m_action.clear();
    }

    ScriptElement &emitElement(ElementType type, const QString &text, int start, int end) {
        flushAction(true);
        ScriptElement e;
        e.type = type;
        e.text = text;
        e.lineStart = start;
        e.lineEnd = end;
        m_script.elements.append(e);
        return m_script.elements.last();
    }

    void emitHeading(const QString &trimmed, int number) {
        QString text = trimmed;
        bool forced = false;
        if (text.startsWith(u'.')) {
            text = text.mid(1).trimmed();
            forced = true;
        }
        static const QRegularExpression sceneNumber(QStringLiteral("\\s*#([^#\\s]+)#\\s*$"));
        QString numberText;
        const QRegularExpressionMatch m = sceneNumber.match(text);
        if (m.hasMatch()) {
            numberText = m.captured(1);
            text = text.left(m.capturedStart()).trimmed();
        }
        ScriptElement &e = emitElement(ElementType::SceneHeading, text, number, number);
        e.forced = forced;
        e.sceneNumber = numberText;
    }

    qsizetype readCentered(qsizetype i) {
        QStringList texts;
        const int start = m_lines[i].number;
        int end = start;
        while (i < m_lines.size()) {
            const QString trimmed = m_lines[i].text.trimmed();
            if (trimmed.startsWith(u'>') && trimmed.endsWith(u'<') && trimmed.size() >= 2) {
                texts.append(trimmed.mid(1, trimmed.size() - 2).trimmed());
            } else if (!m_lines[i].text.isEmpty() && trimmed.isEmpty()) {
                texts.append(QString()); // a whitespace-only line continues the centred block
            } else {
                break;
            }
            end = m_lines[i].number;
            ++i;
        }
        ScriptElement &e = emitElement(ElementType::Action, texts.join(u'\n'), start, end);
        e.centered = true;
        return i;
    }

    // A paragraph is lyrics only if every line of it starts with ~; otherwise it is action as written.
    qsizetype readLyrics(qsizetype i) {
        qsizetype end = i;
        bool all = true;
        while (end < m_lines.size() && !isBlank(m_lines[end])) {
            all = all && m_lines[end].text.trimmed().startsWith(u'~');
            ++end;
        }
        if (!all) {
            for (; i < end; ++i)
                addAction(m_lines[i].text, m_lines[i].number);
            return end;
        }
        QStringList texts;
        for (qsizetype k = i; k < end; ++k)
            texts.append(m_lines[k].text.trimmed().mid(1));
        ScriptElement &e =
            emitElement(ElementType::Lyrics, texts.join(u'\n'), m_lines[i].number, m_lines[end - 1].number);
        e.forced = true;
        return end;
    }

    qsizetype readDialogue(qsizetype i) {
        QString cue = m_lines[i].text.trimmed();
        bool forced = false;
        bool dual = false;
        if (cue.startsWith(u'@')) {
            cue = cue.mid(1).trimmed();
            forced = true;
        }
        if (cue.endsWith(u'^')) {
            cue.chop(1);
            cue = cue.trimmed();
            dual = true;
        }
        if (dual) {
            // The first speaker of the pair is the previous cue.
            for (qsizetype k = m_script.elements.size() - 1; k >= 0; --k) {
                if (m_script.elements[k].type == ElementType::Character) {
                    m_script.elements[k].dual = true;
                    break;
                }
                if (m_script.elements[k].type != ElementType::Dialogue &&
                    m_script.elements[k].type != ElementType::Parenthetical)
                    break;
            }
        }
        ScriptElement &c = emitElement(ElementType::Character, cue, m_lines[i].number, m_lines[i].number);
        c.forced = forced;
        c.dual = dual;
        ++i;
        QStringList speech;
        int speechStart = 0, speechEnd = 0;
        auto flushSpeech = [&] {
            if (speech.isEmpty())
                return;
            m_script.elements.append(ScriptElement{ElementType::Dialogue,
                                                   speech.join(u'\n'),
                                                   speechStart,
                                                   speechEnd,
                                                   false,
                                                   false,
                                                   false,
                                                   {},
                                                   0});
            speech.clear();
        };
        // Dialogue runs to the first empty line; a line of spaces is a blank line inside the speech.
        while (i < m_lines.size() && !m_lines[i].text.isEmpty()) {
            const QString trimmed = m_lines[i].text.trimmed();
            const int number = m_lines[i].number;
            if (trimmed.startsWith(u'(') && trimmed.endsWith(u')')) {
                flushSpeech();
                m_script.elements.append(ScriptElement{
                    ElementType::Parenthetical, trimmed, number, number, false, false, false, {}, 0});
            } else if (trimmed.startsWith(u'~')) {
                // A sung line inside a speech; consecutive ones form one lyrics element.
                flushSpeech();
                ScriptElement &last = m_script.elements.last();
                if (last.type == ElementType::Lyrics && last.lineEnd == number - 1) {
                    last.text += u'\n' + trimmed.mid(1);
                    last.lineEnd = number;
                } else {
                    m_script.elements.append(ScriptElement{
                        ElementType::Lyrics, trimmed.mid(1), number, number, false, true, false, {}, 0});
                }
            } else {
                if (speech.isEmpty())
                    speechStart = number;
                speech.append(trimmed);
                speechEnd = number;
            }
            ++i;
        }
        flushSpeech();
        return i;
    }

    const QList<Line> &m_lines;
    Screenplay &m_script;
    QList<Line> m_action;
    bool m_actionForced = false;
};

} // namespace

Screenplay parseFountain(const QString &text) {
    Screenplay script;
    const QList<Line> raw = splitLines(text);
    script.lineCount = raw.isEmpty() ? 0 : raw.last().number;
    // Most scripts have neither boneyard nor notes: skip the pass that removes them.
    const bool markers = text.contains(QLatin1String("/*")) || text.contains(QLatin1String("[["));
    const QList<Line> lines = markers ? removeBoneyardAndNotes(raw, script) : raw;
    const qsizetype first = parseTitlePage(lines, script);
    Parser(lines, script).run(first);
    script.rebuildIndex();
    return script;
}

} // namespace shotcraft::story
