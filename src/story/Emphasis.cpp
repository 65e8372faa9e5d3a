#include "story/Emphasis.h"

namespace shotcraft::story {

namespace {
enum Marker { Underline, Italic, Bold, BoldItalic, MarkerCount };

int markerAt(const QString &t, qsizetype i, int *length) {
    if (t.at(i) == u'_') {
        *length = 1;
        return Underline;
    }
    if (t.at(i) != u'*')
        return -1;
    int n = 1;
    while (i + n < t.size() && n < 3 && t.at(i + n) == u'*')
        ++n;
    *length = n;
    return n == 1 ? Italic : n == 2 ? Bold : BoldItalic;
}
} // namespace

QList<StyledRun> parseEmphasis(const QString &text) {
    // Where each marker last occurs: an opener counts only if a closer of its kind follows it.
    qsizetype last[MarkerCount] = {-1, -1, -1, -1};
    for (qsizetype i = 0; i < text.size();) {
        if (text.at(i) == u'\\') {
            i += 2;
            continue;
        }
        int len = 0;
        const int m = markerAt(text, i, &len);
        if (m >= 0) {
            last[m] = i;
            i += len;
        } else {
            ++i;
        }
    }

    QList<StyledRun> runs;
    bool open[MarkerCount] = {false, false, false, false};
    QString current;
    auto flush = [&] {
        if (current.isEmpty())
            return;
        runs.append(
            {current, open[Bold] || open[BoldItalic], open[Italic] || open[BoldItalic], open[Underline]});
        current.clear();
    };
    for (qsizetype i = 0; i < text.size();) {
        const QChar c = text.at(i);
        if (c == u'\\' && i + 1 < text.size() && (text.at(i + 1) == u'*' || text.at(i + 1) == u'_')) {
            current.append(text.at(i + 1));
            i += 2;
            continue;
        }
        int len = 0;
        const int m = markerAt(text, i, &len);
        if (m < 0) {
            current.append(c);
            ++i;
            continue;
        }
        if (open[m]) {
            flush();
            open[m] = false;
        } else if (last[m] > i) {
            flush();
            open[m] = true;
        } else {
            current.append(text.mid(i, len));
        }
        i += len;
    }
    flush();
    return runs;
}

QString stripEmphasis(const QString &text) {
    QString out;
    for (const StyledRun &r : parseEmphasis(text))
        out += r.text;
    return out;
}

} // namespace shotcraft::story
