#include "dna/DnaHash.h"

#include <QCryptographicHash>

#include <algorithm>

namespace shotcraft::dna {

namespace {
const QString kVersion = QStringLiteral("dna1");
}

QString shortHash(const QString &text) {
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1).toHex().left(12));
}

QString composeDnaHash(QList<DnaPart> parts) {
    // Sorted, so the same parts always give the same string whatever order the plan met them in.
    std::sort(parts.begin(), parts.end(), [](const DnaPart &a, const DnaPart &b) { return a.key < b.key; });
    QStringList out{kVersion};
    for (const DnaPart &p : parts)
        out.append(p.key + QLatin1Char('=') + p.hash);
    return out.join(QLatin1Char(';'));
}

QList<DnaPart> parseDnaHash(const QString &dnaHash) {
    const QStringList fields = dnaHash.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    if (fields.isEmpty() || fields.first() != kVersion)
        return {};
    QList<DnaPart> parts;
    for (qsizetype i = 1; i < fields.size(); ++i) {
        const qsizetype eq = fields[i].indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        parts.append(DnaPart{fields[i].left(eq), fields[i].mid(eq + 1)});
    }
    return parts;
}

} // namespace shotcraft::dna
