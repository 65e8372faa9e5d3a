#include "pipeline/JsonRepair.h"

#include <QList>
#include <QRegularExpression>

namespace shotcraft::pipeline {

namespace {

std::optional<Json> tryParse(const QString &text) {
    return parseJson(text.toUtf8());
}

bool isLiteralChar(QChar c) {
    return c.isLetterOrNumber() || c == u'+' || c == u'-' || c == u'.';
}

void note(QStringList *repairs, const QString &what) {
    if (repairs && !repairs->contains(what))
        repairs->append(what);
}

} // namespace

QString JsonRepair::stripCodeFence(const QString &text, bool *changed) {
    static const QRegularExpression open(QStringLiteral("```[A-Za-z0-9_-]*[ \\t]*\\r?\\n?"));
    const QRegularExpressionMatch m = open.match(text);
    if (changed)
        *changed = false;
    if (!m.hasMatch())
        return text;
    const qsizetype start = m.capturedEnd();
    const qsizetype close = text.indexOf(QStringLiteral("```"), start);
    if (changed)
        *changed = true;
    // An unclosed fence is a truncated answer: keep everything after the opening.
    return close < 0 ? text.mid(start) : text.mid(start, close - start);
}

QString JsonRepair::extractValue(const QString &text, bool *changed) {
    qsizetype start = -1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'{' || text.at(i) == u'[') {
            start = i;
            break;
        }
    }
    if (changed)
        *changed = false;
    if (start < 0)
        return text;
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    qsizetype end = text.size();
    for (qsizetype i = start; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == u'\\')
                escaped = true;
            else if (c == u'"')
                inString = false;
            continue;
        }
        if (c == u'"') {
            inString = true;
        } else if (c == u'{' || c == u'[') {
            ++depth;
        } else if (c == u'}' || c == u']') {
            if (--depth == 0) {
                end = i + 1;
                break;
            }
        }
    }
    const QString out = text.mid(start, end - start);
    if (changed)
        *changed = out.size() != text.trimmed().size();
    return out;
}

QString JsonRepair::cleanSyntax(const QString &text, QStringList *repairs) {
    QString out;
    out.reserve(text.size());
    bool inString = false;
    bool escaped = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (c == u'\\') {
                escaped = true;
            } else if (c == u'"') {
                inString = false;
            } else if (c.unicode() < 0x20) {
                out += c == u'\n'   ? QStringLiteral("\\n")
                       : c == u'\t' ? QStringLiteral("\\t")
                       : c == u'\r' ? QStringLiteral("\\r")
                                    : QStringLiteral("\\u%1").arg(int(c.unicode()), 4, 16, QLatin1Char('0'));
                note(repairs, QStringLiteral("escaped control characters in strings"));
                continue;
            }
            out += c;
            continue;
        }
        if (c == u'"') {
            inString = true;
            out += c;
            continue;
        }
        if (c == u'/' && i + 1 < text.size() && (text.at(i + 1) == u'/' || text.at(i + 1) == u'*')) {
            const bool line = text.at(i + 1) == u'/';
            const qsizetype end = line ? text.indexOf(u'\n', i) : text.indexOf(QStringLiteral("*/"), i + 2);
            note(repairs, QStringLiteral("removed comments"));
            if (end < 0)
                break;
            i = line ? end - 1 : end + 1;
            continue;
        }
        if (c == u',') {
            qsizetype j = i + 1;
            while (j < text.size() && text.at(j).isSpace())
                ++j;
            if (j < text.size() && (text.at(j) == u'}' || text.at(j) == u']')) {
                note(repairs, QStringLiteral("removed trailing commas"));
                continue;
            }
        }
        if (c.isLetter() && (i == 0 || !isLiteralChar(text.at(i - 1)))) {
            qsizetype j = i;
            while (j < text.size() && isLiteralChar(text.at(j)))
                ++j;
            const QString word = text.mid(i, j - i);
            const char *mapped = word == QLatin1String("True")    ? "true"
                                 : word == QLatin1String("False") ? "false"
                                 : word == QLatin1String("None")  ? "null"
                                                                  : nullptr;
            if (mapped) {
                out += QLatin1String(mapped);
                note(repairs, QStringLiteral("mapped Python literals"));
            } else {
                out += word;
            }
            i = j - 1;
            continue;
        }
        out += c;
    }
    return out;
}

QString JsonRepair::closeTruncated(const QString &text, bool *changed) {
    enum class State { ExpectKey, ExpectColon, ExpectValue, AfterValue };
    struct Frame {
        QChar open;
        State state;
    };
    QList<Frame> stack;
    qsizetype safeCut = -1;
    QList<Frame> safeStack;
    bool topLevelDone = false;
    auto markSafe = [&](qsizetype at) {
        safeCut = at;
        safeStack = stack;
    };
    auto valueDone = [&](qsizetype at) {
        if (stack.isEmpty()) {
            topLevelDone = true;
            markSafe(at);
            return;
        }
        stack.last().state = State::AfterValue;
        markSafe(at);
    };
    if (changed)
        *changed = false;

    for (qsizetype i = 0; i < text.size() && !topLevelDone; ++i) {
        const QChar c = text.at(i);
        if (c.isSpace())
            continue;
        if (c == u'"') {
            qsizetype j = i + 1;
            bool escaped = false;
            for (; j < text.size(); ++j) {
                if (escaped)
                    escaped = false;
                else if (text.at(j) == u'\\')
                    escaped = true;
                else if (text.at(j) == u'"')
                    break;
            }
            if (j >= text.size())
                break; // cut inside a string: the pair it belongs to is dropped
            if (!stack.isEmpty() && stack.last().open == u'{' && stack.last().state == State::ExpectKey)
                stack.last().state = State::ExpectColon;
            else
                valueDone(j + 1);
            i = j;
            continue;
        }
        if (c == u'{' || c == u'[') {
            stack.append({c, c == u'{' ? State::ExpectKey : State::ExpectValue});
            markSafe(i + 1);
            continue;
        }
        if (c == u'}' || c == u']') {
            if (stack.isEmpty())
                break;
            stack.removeLast();
            valueDone(i + 1);
            continue;
        }
        if (c == u':') {
            if (!stack.isEmpty())
                stack.last().state = State::ExpectValue;
            continue;
        }
        if (c == u',') {
            if (!stack.isEmpty())
                stack.last().state = stack.last().open == u'{' ? State::ExpectKey : State::ExpectValue;
            continue;
        }
        // A number or literal: complete only if something follows it.
        qsizetype j = i;
        while (j < text.size() && isLiteralChar(text.at(j)))
            ++j;
        if (j == i || j >= text.size())
            break;
        valueDone(j);
        i = j - 1;
    }
    if (stack.isEmpty() && topLevelDone)
        return text;
    if (safeCut < 0)
        return text;
    QString out = text.left(safeCut);
    while (out.endsWith(u',') || (!out.isEmpty() && out.back().isSpace()))
        out.chop(1);
    for (qsizetype k = safeStack.size() - 1; k >= 0; --k)
        out += safeStack.at(k).open == u'{' ? u'}' : u']';
    if (changed)
        *changed = true;
    return out;
}

JsonRepairResult JsonRepair::repair(const QString &text) {
    JsonRepairResult result;
    if (auto direct = tryParse(text)) {
        result.value = std::move(direct);
        return result;
    }
    bool changed = false;
    QString work = stripCodeFence(text, &changed);
    if (changed)
        result.repairs.append(QStringLiteral("stripped code fence"));
    work = extractValue(work, &changed);
    if (changed)
        result.repairs.append(QStringLiteral("removed prose around the JSON"));
    work = cleanSyntax(work, &result.repairs);
    if (auto parsed = tryParse(work)) {
        result.value = std::move(parsed);
        return result;
    }
    work = closeTruncated(work, &changed);
    if (changed) {
        result.repairs.append(QStringLiteral("closed a truncated value"));
        result.truncated = true;
        if (auto parsed = tryParse(work)) {
            result.value = std::move(parsed);
            return result;
        }
    }
    QString error;
    (void)parseJson(work.toUtf8(), &error);
    result.error = error.isEmpty() ? QStringLiteral("no JSON value found") : error;
    return result;
}

} // namespace shotcraft::pipeline
