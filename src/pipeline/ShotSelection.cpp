#include "pipeline/ShotSelection.h"

#include <QSet>

namespace shotcraft::pipeline {

namespace {
qsizetype filmIndex(const Project &project, const Shot *shot) {
    for (qsizetype i = 0; i < project.shots.size(); ++i)
        if (project.shots[i].id == shot->id)
            return i;
    return -1;
}
} // namespace

Result<QList<Id>> parseShotRange(const Project &project, const QString &range) {
    using R = Result<QList<Id>>;
    QList<Id> ids;
    auto add = [&ids](Id id) {
        if (!ids.contains(id))
            ids.append(id);
    };
    const QStringList items = range.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (items.isEmpty())
        return R::failure(QStringLiteral("empty shot range"));
    for (const QString &raw : items) {
        const QString item = raw.trimmed();
        if (const Shot *shot = project.findShot(item)) {
            add(shot->id);
            continue;
        }
        // A span: "A-B" or "A..B" between two shots that exist.
        const QString separator =
            item.contains(QStringLiteral("..")) ? QStringLiteral("..") : QStringLiteral("-");
        const QStringList ends = item.split(separator);
        if (ends.size() != 2)
            return R::failure(QStringLiteral("no shot '%1' in the project").arg(item));
        const Shot *from = project.findShot(ends[0].trimmed());
        const Shot *to = project.findShot(ends[1].trimmed());
        if (!from || !to)
            return R::failure(QStringLiteral("no shot '%1' in the project").arg(!from ? ends[0] : ends[1]));
        qsizetype a = filmIndex(project, from), b = filmIndex(project, to);
        if (a > b)
            std::swap(a, b);
        for (qsizetype i = a; i <= b; ++i)
            add(project.shots[i].id);
    }
    return ids;
}

QList<Id> shotsWithoutTakes(const Project &project) {
    QSet<Id> withTakes;
    for (const Take &take : project.takes)
        withTakes.insert(take.shotId);
    QList<Id> ids;
    for (const Shot &shot : project.shots)
        if (!withTakes.contains(shot.id))
            ids.append(shot.id);
    return ids;
}

} // namespace shotcraft::pipeline
