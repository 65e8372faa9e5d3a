#include "export/CsvShotList.h"

#include "export/ShotText.h"

#include <QLocale>

namespace shotcraft::exporting {

QStringList CsvShotList::header() {
    return {QStringLiteral("scene"),       QStringLiteral("shot"),
            QStringLiteral("int/ext"),     QStringLiteral("location"),
            QStringLiteral("time of day"), QStringLiteral("size"),
            QStringLiteral("angle"),       QStringLiteral("movement"),
            QStringLiteral("lens"),        QStringLiteral("aperture"),
            QStringLiteral("characters"),  QStringLiteral("description"),
            QStringLiteral("dialogue"),    QStringLiteral("duration"),
            QStringLiteral("take count"),  QStringLiteral("approved take file")};
}

QString CsvShotList::quoted(const QString &field) {
    if (!field.contains(u',') && !field.contains(u'"') && !field.contains(u'\n') && !field.contains(u'\r'))
        return field;
    QString out = field;
    out.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + out + u'"';
}

QByteArray CsvShotList::serialize(const ExportSnapshot &snapshot, bool byteOrderMark) {
    const QLocale c = QLocale::c();
    auto row = [](const QStringList &fields) {
        QStringList cells;
        for (const QString &f : fields)
            cells.append(quoted(f));
        return cells.join(u',') + QStringLiteral("\r\n");
    };
    QString out = row(header());
    for (const ExportShot &s : snapshot.shots) {
        const Shot &shot = s.shot;
        const TimeOfDay time = shot.timeOfDay != TimeOfDay::Unknown ? shot.timeOfDay : s.scene.timeOfDay;
        out += row({sceneLabel(s.scene), shotLabel(shot), enumName(s.scene.intExt), s.location,
                    enumName(time), enumName(shot.size), enumName(shot.angle), enumName(shot.movement),
                    QStringLiteral("%1mm").arg(c.toString(shot.lens.focalLengthMm, 'g', 4)),
                    QStringLiteral("f/%1").arg(c.toString(shot.lens.aperture, 'g', 3)), s.characters,
                    shot.description, shot.dialogueExcerpt, c.toString(shot.durationSec, 'g', 6),
                    QString::number(s.takeCount), s.approved ? s.fileName : QString()});
    }
    QByteArray bytes = byteOrderMark ? QByteArray("\xEF\xBB\xBF") : QByteArray();
    return bytes + out.toUtf8();
}

} // namespace shotcraft::exporting
