#include "export/ProjectContactSheet.h"

#include "storage/ProjectStore.h"

namespace shotcraft::exporting {

QString contactSheetCaption(const Project &project, const Shot &shot) {
    QStringList parts{enumName(shot.size).toUpper()};
    if (shot.lens.focalLengthMm > 0)
        parts.append(QStringLiteral("%1mm").arg(shot.lens.focalLengthMm));
    QStringList names;
    for (Id id : shot.characterIds())
        if (const Character *c = project.character(id))
            names.append(c->name);
    if (!names.isEmpty())
        parts.append(names.join(QStringLiteral(", ")));
    return parts.join(QStringLiteral(" · "));
}

Status writeProjectContactSheet(storage::ProjectStore &store, const Project &project, const QString &path,
                                const QHash<Id, QString> &marks) {
    QList<ContactSheetFrame> frames;
    for (const Shot &shot : project.shots) {
        ContactSheetFrame frame;
        frame.label = shot.number;
        frame.caption = contactSheetCaption(project, shot);
        frame.mark = marks.value(shot.id);
        if (const Take *take = project.take(shot.approvedTakeId))
            if (Result<QByteArray> bytes = store.imageData(take->imageId))
                frame.image.loadFromData(*bytes);
        frames.append(frame);
    }
    ContactSheetOptions options;
    options.title = project.info.title;
    options.subtitle = QStringLiteral("%1 shots · %2").arg(project.shots.size()).arg(project.info.genre);
    options.frameAspect = project.info.aspectRatio;
    Result<QImage> sheet = ContactSheet::render(frames, options);
    if (!sheet)
        return Status::failure(sheet.error());
    return ContactSheet::save(*sheet, path);
}

} // namespace shotcraft::exporting
