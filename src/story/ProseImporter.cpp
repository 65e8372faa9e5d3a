#include "story/ProseImporter.h"

#include <QRegularExpression>

namespace shotcraft::story {

namespace {

struct Paragraph {
    QString text;
    int lineStart = 0;
    int lineEnd = 0;
};

QList<Paragraph> paragraphs(const QString &text) {
    QList<Paragraph> out;
    const QStringList lines = text.split(u'\n');
    Paragraph current;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (line.isEmpty()) {
            if (!current.text.isEmpty())
                out.append(current);
            current = {};
            continue;
        }
        if (current.text.isEmpty())
            current.lineStart = static_cast<int>(i + 1);
        current.text += (current.text.isEmpty() ? QString() : QStringLiteral(" ")) + line;
        current.lineEnd = static_cast<int>(i + 1);
    }
    if (!current.text.isEmpty())
        out.append(current);
    return out;
}

struct Cues {
    QString location;
    QString time;
    InteriorExterior intExt = InteriorExterior::Exterior;
    bool hasPlace = false;
    bool hasTime = false;
};

const QStringList &interiorWords() {
    static const QStringList words = {
        QStringLiteral("house"),  QStringLiteral("room"),      QStringLiteral("kitchen"),
        QStringLiteral("office"), QStringLiteral("apartment"), QStringLiteral("flat"),
        QStringLiteral("bar"),    QStringLiteral("church"),    QStringLiteral("hospital"),
        QStringLiteral("school"), QStringLiteral("hall"),      QStringLiteral("bedroom"),
        QStringLiteral("cabin"),  QStringLiteral("car"),       QStringLiteral("train"),
        QStringLiteral("shop"),   QStringLiteral("store"),     QStringLiteral("restaurant"),
        QStringLiteral("hotel"),  QStringLiteral("station"),   QStringLiteral("library"),
        QStringLiteral("studio"), QStringLiteral("cellar"),    QStringLiteral("attic"),
        QStringLiteral("inside"), QStringLiteral("diner"),     QStringLiteral("warehouse"),
        QStringLiteral("lab")};
    return words;
}

Cues cuesOf(const QString &text) {
    Cues c;
    static const QRegularExpression place(
        QStringLiteral("\\b(?:in|at|inside|outside|on|into|onto|aboard|across|through|near)\\s+(?:the|a|an|"
                       "his|her|their|"
                       "its|my|our)\\s+((?:[A-Za-z'-]+\\s+){0,2}[A-Za-z'-]+)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QStringList stop = {
        QStringLiteral("end"),     QStringLiteral("middle"), QStringLiteral("moment"),
        QStringLiteral("way"),     QStringLiteral("time"),   QStringLiteral("same"),
        QStringLiteral("process"), QStringLiteral("face"),   QStringLiteral("hope")};
    auto it = place.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        QString phrase = m.captured(1);
        // Keep the noun phrase short: cut at the first verb-like or joining word.
        static const QRegularExpression cut(
            QStringLiteral("\\s+(?:and|or|but|where|when|while|who|which|with|"
                           "as|to|of|is|was|are|were|for)\\b.*$"),
            QRegularExpression::CaseInsensitiveOption);
        phrase.remove(cut);
        const QString first = phrase.section(u' ', 0, 0).toLower();
        if (phrase.isEmpty() || stop.contains(first))
            continue;
        c.location = phrase.toUpper();
        c.hasPlace = true;
        const QString lower = m.captured(0).toLower();
        c.intExt = lower.startsWith(QLatin1String("outside"))  ? InteriorExterior::Exterior
                   : lower.startsWith(QLatin1String("inside")) ? InteriorExterior::Interior
                                                               : InteriorExterior::Exterior;
        for (const QString &w : interiorWords())
            if (phrase.toLower().contains(w))
                c.intExt = InteriorExterior::Interior;
        break;
    }
    static const QRegularExpression time(
        QStringLiteral("\\b(night|midnight|morning|dawn|sunrise|dusk|sunset|evening|afternoon|day)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch t = time.match(text);
    if (t.hasMatch()) {
        c.time = t.captured(1).toUpper();
        c.hasTime = true;
    }
    return c;
}

QString heading(const Cues &c, const QString &fallbackPlace) {
    const QString kind =
        c.intExt == InteriorExterior::Interior ? QStringLiteral("INT.") : QStringLiteral("EXT.");
    const QString place = c.hasPlace ? c.location : fallbackPlace;
    return QStringLiteral("%1 %2 - %3").arg(kind, place, c.hasTime ? c.time : QStringLiteral("DAY"));
}

// A logline's clauses, cut where its story turns ("when", "but", "until", "before", ...).
QStringList clauses(const QString &text) {
    static const QRegularExpression turn(
        QStringLiteral("(?:[.;:!?]\\s+|,\\s+(?=(?:but|and then|until|before|after|when|so|only to)\\b)|"
                       "\\s+(?=(?:but|until|before|only to|must|when)\\b))"),
        QRegularExpression::CaseInsensitiveOption);
    QStringList parts;
    for (QString p : text.split(turn, Qt::SkipEmptyParts)) {
        p = p.trimmed();
        if (p.size() > 2)
            parts.append(p);
    }
    return parts;
}

void addScene(Screenplay &s, const QString &headingText, const QString &action, int start, int end) {
    ScriptElement h;
    h.type = ElementType::SceneHeading;
    h.text = headingText;
    h.forced = true;
    h.lineStart = start;
    h.lineEnd = start;
    s.elements.append(h);
    ScriptElement a;
    a.type = ElementType::Action;
    a.text = action;
    a.lineStart = start;
    a.lineEnd = end;
    s.elements.append(a);
}

void addSection(Screenplay &s, const QString &title, int line) {
    ScriptElement e;
    e.type = ElementType::Section;
    e.text = title;
    e.depth = 1;
    e.lineStart = e.lineEnd = line;
    s.elements.append(e);
}

} // namespace

Screenplay parseProse(const QString &input) {
    QString text = input;
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(u'\r', u'\n');
    Screenplay s;
    s.lineCount = static_cast<int>(text.count(u'\n') + (text.endsWith(u'\n') ? 0 : 1));
    const QList<Paragraph> paras = paragraphs(text);
    if (paras.isEmpty())
        return s;

    // Each paragraph with a new place or time opens a scene; others continue the current one.
    QList<Paragraph> scenes;
    QList<Cues> sceneCues;
    for (const Paragraph &p : paras) {
        const Cues c = cuesOf(p.text);
        const bool opens = scenes.isEmpty() || (c.hasPlace && (sceneCues.last().location != c.location)) ||
                           (c.hasTime && sceneCues.last().time != c.time);
        if (opens) {
            scenes.append(p);
            sceneCues.append(c);
        } else {
            scenes.last().text += u' ' + p.text;
            scenes.last().lineEnd = p.lineEnd;
        }
    }

    if (scenes.size() >= 3) {
        QString lastPlace = QStringLiteral("UNKNOWN PLACE");
        for (qsizetype i = 0; i < scenes.size(); ++i) {
            if (sceneCues[i].hasPlace)
                lastPlace = sceneCues[i].location;
            addScene(s, heading(sceneCues[i], lastPlace), scenes[i].text, scenes[i].lineStart,
                     scenes[i].lineEnd);
        }
    } else {
        // Too short for a story of its own: an outline of three acts from the text's clauses.
        const QString all = [&] {
            QStringList t;
            for (const Paragraph &p : paras)
                t.append(p.text);
            return t.join(u' ');
        }();
        QStringList parts = clauses(all);
        if (parts.isEmpty())
            parts.append(all);
        const int start = paras.first().lineStart;
        const int end = paras.last().lineEnd;
        const Cues whole = cuesOf(all);
        const QString place = whole.hasPlace ? whole.location : QStringLiteral("THE WORLD OF THE STORY");
        // Setup takes the first clause, resolution the last, confrontation what lies between.
        const qsizetype n = parts.size();
        const QString setup = parts.first();
        const QString middle =
            n > 2 ? parts.mid(1, n - 2).join(QStringLiteral(" ")) : (n == 2 ? parts[1] : all);
        const QString resolution = n > 1 ? parts.last() : all;
        const QString acts[3][2] = {
            {QStringLiteral("Act One: Setup"), QStringLiteral("Setup: %1.").arg(setup)},
            {QStringLiteral("Act Two: Confrontation"), QStringLiteral("Confrontation: %1.").arg(middle)},
            {QStringLiteral("Act Three: Resolution"), QStringLiteral("Resolution: %1.").arg(resolution)},
        };
        const QString times[3] = {QStringLiteral("DAY"), QStringLiteral("NIGHT"), QStringLiteral("DAWN")};
        for (int a = 0; a < 3; ++a) {
            addSection(s, acts[a][0], start);
            Cues c = cuesOf(a == 0 ? setup : a == 1 ? middle : resolution);
            if (!c.hasPlace) {
                c.location = place;
                c.hasPlace = true;
                c.intExt = whole.intExt;
            }
            if (!c.hasTime) {
                c.time = whole.hasTime && a == 0 ? whole.time : times[a];
                c.hasTime = true;
            }
            QString action = acts[a][1];
            action.replace(QStringLiteral(".."), QStringLiteral("."));
            addScene(s, heading(c, place), action, start, end);
        }
        s.warnings.append(QStringLiteral("a short text: made a three-act outline from it"));
    }
    s.rebuildIndex();
    return s;
}

} // namespace shotcraft::story
