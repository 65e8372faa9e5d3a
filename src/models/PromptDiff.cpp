#include "models/PromptDiff.h"

#include <QRegularExpression>

#include <vector>

namespace shotcraft::models {

QList<DiffPiece> diffWords(const QString &before, const QString &after) {
    static const QRegularExpression space(QStringLiteral("\\s+"));
    const QStringList a = before.split(space, Qt::SkipEmptyParts);
    const QStringList b = after.split(space, Qt::SkipEmptyParts);
    const qsizetype n = a.size(), m = b.size();
    // Prompts are a few hundred words at most: the quadratic table is small.
    std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);

    QList<DiffPiece> pieces;
    auto push = [&pieces](DiffPiece::Kind kind, const QString &word) {
        if (!pieces.isEmpty() && pieces.last().kind == kind)
            pieces.last().text += QLatin1Char(' ') + word;
        else
            pieces.append({kind, word});
    };
    qsizetype i = 0, j = 0;
    while (i < n && j < m) {
        if (a[i] == b[j]) {
            push(DiffPiece::Same, a[i]);
            ++i;
            ++j;
        } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
            push(DiffPiece::Removed, a[i++]);
        } else {
            push(DiffPiece::Added, b[j++]);
        }
    }
    while (i < n)
        push(DiffPiece::Removed, a[i++]);
    while (j < m)
        push(DiffPiece::Added, b[j++]);
    return pieces;
}

QString diffToHtml(const QList<DiffPiece> &pieces) {
    QStringList parts;
    for (const DiffPiece &p : pieces) {
        const QString text = p.text.toHtmlEscaped();
        switch (p.kind) {
        case DiffPiece::Same:
            parts.append(text);
            break;
        case DiffPiece::Removed:
            parts.append(
                QStringLiteral("<span style=\"color:#e74c3c;text-decoration:line-through\">%1</span>")
                    .arg(text));
            break;
        case DiffPiece::Added:
            parts.append(
                QStringLiteral("<span style=\"color:#2ecc71;font-weight:bold\">%1</span>").arg(text));
            break;
        }
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace shotcraft::models
