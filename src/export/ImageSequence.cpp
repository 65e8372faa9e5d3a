#include "export/ImageSequence.h"

#include "storage/ProjectStore.h"

#include <QDir>
#include <QImage>
#include <QRegularExpression>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentMap>

namespace shotcraft::exporting {

namespace {

// Keeps a board number readable in a file name: letters, digits, '.' and '-' only.
QString safePart(const QString &text) {
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9.\\-]+"));
    QString out = text;
    out.replace(unsafe, QStringLiteral("-"));
    return out.isEmpty() ? QStringLiteral("x") : out;
}

struct PendingFrame {
    QString path;
    QByteArray encoded;
    QString error;
};

} // namespace

QString sequenceFileName(int index, const Scene *scene, const Shot &shot) {
    const QString sceneNumber = scene && !scene->number.isEmpty() ? scene->number
                                : scene                           ? QString::number(scene->order + 1)
                                                                  : QStringLiteral("0");
    const QString shotNumber = shot.number.isEmpty() ? QString::number(shot.order + 1) : shot.number;
    return QStringLiteral("%1_sc%2_sh%3.png")
        .arg(index + 1, 4, 10, QLatin1Char('0'))
        .arg(safePart(sceneNumber), safePart(shotNumber));
}

Result<ImageSequenceReport> exportImageSequence(storage::ProjectStore &store, const Project &project,
                                                const QString &directory) {
    using R = Result<ImageSequenceReport>;
    if (!QDir().mkpath(directory))
        return R::failure(QStringLiteral("cannot create the folder %1").arg(directory));
    const QDir dir(directory);
    ImageSequenceReport report;
    QList<PendingFrame> pending;
    int index = 0;
    for (const Shot &shot : project.shots) {
        const int position = index++;
        const Take *take = shot.approvedTakeId ? project.take(shot.approvedTakeId) : nullptr;
        if (!take) {
            const QList<const Take *> takes = project.takesOfShot(shot.id);
            take = takes.isEmpty() ? nullptr : takes.last();
        }
        if (!take || take->imageId == 0) {
            report.missing.append(shot.id);
            continue;
        }
        Result<QByteArray> bytes = store.imageData(take->imageId);
        if (!bytes)
            return R::failure(QStringLiteral("shot %1: %2").arg(shot.number, bytes.error()));
        const QString name = sequenceFileName(position, project.scene(shot.sceneId), shot);
        report.frames.append(ImageSequenceFrame{shot.id, take->id, name});
        pending.append(PendingFrame{dir.filePath(name), *bytes, {}});
    }
    // Decode and re-encode as PNG (takes may be JPEG or WebP) on the pool.
    QtConcurrent::blockingMap(pending, [](PendingFrame &frame) {
        QImage image;
        if (!image.loadFromData(frame.encoded)) {
            frame.error = QStringLiteral("unreadable image");
            return;
        }
        QSaveFile file(frame.path);
        if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit())
            frame.error = QStringLiteral("cannot write %1").arg(frame.path);
    });
    for (const PendingFrame &frame : std::as_const(pending))
        if (!frame.error.isEmpty())
            return R::failure(frame.error);
    return report;
}

} // namespace shotcraft::exporting
