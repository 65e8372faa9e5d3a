#include "export/ShotText.h"

#include "domain/Json.h"
#include "domain/Scene.h"
#include "domain/Shot.h"
#include "export/ExportSnapshot.h"

#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace shotcraft::exporting {

QString sceneLabel(const Scene &scene) {
    return scene.number.isEmpty() ? QString::number(scene.order + 1) : scene.number;
}

QString shotLabel(const Shot &shot) {
    return shot.number.isEmpty() ? QString::number(shot.order + 1) : shot.number;
}

QString cameraLine(const Shot &shot) {
    QStringList parts{enumName(shot.size), enumName(shot.angle), enumName(shot.movement)};
    if (shot.lens.focalLengthMm > 0)
        parts.append(QStringLiteral("%1mm").arg(shot.lens.focalLengthMm));
    return parts.join(QStringLiteral(" · "));
}

QString excerpt(const Shot &shot) {
    return shot.dialogueExcerpt.trimmed().isEmpty() ? shot.description.trimmed()
                                                    : shot.dialogueExcerpt.trimmed();
}

QString safeFilePart(const QString &text) {
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9.\\-]+"));
    QString out = text;
    out.replace(unsafe, QStringLiteral("-"));
    return out.isEmpty() ? QStringLiteral("x") : out;
}

QString defaultFrameName(const ExportShot &shot) {
    return QStringLiteral("%1_sc%2_sh%3.png")
        .arg(shot.index + 1, 4, 10, QLatin1Char('0'))
        .arg(safeFilePart(sceneLabel(shot.scene)), safeFilePart(shotLabel(shot.shot)));
}

QString timecode(qint64 frames, int fps) {
    const qint64 ff = frames % fps, totalSeconds = frames / fps;
    return QStringLiteral("%1:%2:%3:%4")
        .arg(totalSeconds / 3600, 2, 10, QLatin1Char('0'))
        .arg((totalSeconds / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(totalSeconds % 60, 2, 10, QLatin1Char('0'))
        .arg(ff, 2, 10, QLatin1Char('0'));
}

QString runningTime(double seconds) {
    const qint64 total = std::llround(seconds);
    return QStringLiteral("%1m %2s").arg(total / 60).arg(total % 60, 2, 10, QLatin1Char('0'));
}

QString seconds(double durationSec) {
    return QStringLiteral("%1s").arg(QLocale::c().toString(durationSec, 'g', 4));
}

} // namespace shotcraft::exporting
