#include "export/ExportSnapshot.h"

#include "export/ShotText.h"
#include "storage/ProjectStore.h"

#include <cmath>

namespace shotcraft::exporting {

namespace {

QString sceneNumber(const Scene &scene) {
    return scene.number.isEmpty() ? QString::number(scene.order + 1) : scene.number;
}

int sceneIndex(const Project &project, const QString &number) {
    for (int i = 0; i < project.scenes.size(); ++i)
        if (sceneNumber(project.scenes[i]).compare(number.trimmed(), Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

} // namespace

int ExportSnapshot::placeholders() const {
    int count = 0;
    for (const ExportShot &s : shots)
        count += s.image.isEmpty() ? 1 : 0;
    return count;
}

int ExportSnapshot::frameCount(double durationSec, double fps) {
    return std::max(1, int(std::lround(durationSec * fps)));
}

qint64 ExportSnapshot::totalFrames(double fps) const {
    qint64 total = 0;
    for (const ExportShot &s : shots)
        total += frameCount(s.shot.durationSec, fps);
    return total;
}

Result<QList<Id>> parseSceneRange(const Project &project, const QString &range) {
    using R = Result<QList<Id>>;
    QList<Id> ids;
    const QStringList items = range.split(u',', Qt::SkipEmptyParts);
    if (items.isEmpty())
        return R::failure(QStringLiteral("empty scene range"));
    for (const QString &item : items) {
        const int dash = item.indexOf(u'-', 1);
        const QString from = dash < 0 ? item : item.left(dash);
        const QString to = dash < 0 ? item : item.mid(dash + 1);
        const int a = sceneIndex(project, from), b = sceneIndex(project, to);
        if (a < 0 || b < 0)
            return R::failure(
                QStringLiteral("no scene %1 in the project").arg((a < 0 ? from : to).trimmed()));
        if (b < a)
            return R::failure(QStringLiteral("scene range %1 runs backwards").arg(item.trimmed()));
        for (int i = a; i <= b; ++i)
            if (!ids.contains(project.scenes[i].id))
                ids.append(project.scenes[i].id);
    }
    return ids;
}

Result<ExportSnapshot> takeSnapshot(storage::ProjectStore &store, const Project &project,
                                    const QString &sceneRange) {
    using R = Result<ExportSnapshot>;
    QList<Id> scenes;
    if (!sceneRange.trimmed().isEmpty()) {
        Result<QList<Id>> parsed = parseSceneRange(project, sceneRange);
        if (!parsed)
            return R::failure(parsed.error());
        scenes = *parsed;
    }
    ExportSnapshot snapshot;
    snapshot.info = project.info;
    Id lastScene = -1;
    for (const Shot &shot : project.shots) {
        if (!scenes.isEmpty() && !scenes.contains(shot.sceneId))
            continue;
        ExportShot out;
        out.shot = shot;
        if (const Scene *scene = project.scene(shot.sceneId))
            out.scene = *scene;
        out.index = int(snapshot.shots.size());
        out.sceneStart = shot.sceneId != lastScene;
        lastScene = shot.sceneId;
        const QList<const Take *> takes = project.takesOfShot(shot.id);
        out.takeCount = int(takes.size());
        const Take *take = shot.approvedTakeId ? project.take(shot.approvedTakeId) : nullptr;
        out.approved = take != nullptr;
        if (!take && !takes.isEmpty())
            take = takes.last();
        if (take && take->imageId != 0) {
            Result<QByteArray> bytes = store.imageData(take->imageId);
            if (!bytes)
                return R::failure(QStringLiteral("shot %1: %2").arg(shot.number, bytes.error()));
            out.image = *bytes;
            out.takeId = take->id;
        }
        QStringList names;
        for (Id id : shot.characterIds())
            if (const Character *c = project.character(id); c && !names.contains(c->name))
                names.append(c->name);
        out.characters = names.join(QStringLiteral(", "));
        if (const Location *location = project.location(out.scene.locationId))
            out.location = location->name;
        out.fileName = defaultFrameName(out);
        snapshot.shots.append(out);
    }
    if (snapshot.shots.isEmpty())
        return R::failure(QStringLiteral("nothing to export: the project (or the scene range) has no shots"));
    return snapshot;
}

} // namespace shotcraft::exporting
