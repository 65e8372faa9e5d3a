#include "export/ImageSequence.h"

#include "export/AtomicPath.h"
#include "export/FrameArt.h"
#include "export/ShotText.h"

#include <QDir>
#include <QImageWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QtConcurrent/QtConcurrentMap>

#include <atomic>
#include <numeric>

namespace shotcraft::exporting {

namespace {

const QRegularExpression &tokenPattern() {
    static const QRegularExpression token(QStringLiteral("\\{(scene|shot|index)(?::0?(\\d))?\\}"));
    return token;
}

QString expand(const QString &pattern, const ExportShot &shot) {
    QString out;
    qsizetype last = 0;
    auto it = tokenPattern().globalMatch(pattern);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += pattern.mid(last, m.capturedStart() - last);
        const QString name = m.captured(1);
        const int width = m.captured(2).isEmpty() ? 0 : m.captured(2).toInt();
        if (name == QLatin1String("index"))
            out += QStringLiteral("%1").arg(shot.index + 1, width, 10, QLatin1Char('0'));
        else
            out +=
                safeFilePart(name == QLatin1String("scene") ? sceneLabel(shot.scene) : shotLabel(shot.shot))
                    .rightJustified(width, QLatin1Char('0'));
        last = m.capturedEnd();
    }
    return out + pattern.mid(last);
}

} // namespace

Status ImageSequence::validatePattern(const QString &pattern) {
    if (pattern.trimmed().isEmpty())
        return Status::failure(QStringLiteral("the file-name pattern is empty"));
    QString rest = pattern;
    rest.remove(tokenPattern());
    if (rest.contains(u'{') || rest.contains(u'}'))
        return Status::failure(
            QStringLiteral("unknown token in the pattern %1 (use {scene}, {shot}, {index}, {index:04})")
                .arg(pattern));
    if (rest.contains(u'/') || rest.contains(u'\\'))
        return Status::failure(QStringLiteral("the pattern %1 names a folder, not a file").arg(pattern));
    return Status::success();
}

QStringList ImageSequence::fileNames(const ExportSnapshot &snapshot, const ImageSequenceOptions &options) {
    const QString extension = options.format == ImageSequenceOptions::Format::Jpeg ? QStringLiteral(".jpg")
                                                                                   : QStringLiteral(".png");
    QStringList names;
    QSet<QString> used;
    for (const ExportShot &shot : snapshot.shots) {
        const QString base = expand(options.pattern, shot);
        QString name = base + extension;
        for (int n = 2; used.contains(name.toLower()); ++n)
            name = QStringLiteral("%1-%2%3").arg(base).arg(n).arg(extension);
        used.insert(name.toLower());
        names.append(name);
    }
    return names;
}

Result<ExportSummary> ImageSequence::write(const ExportSnapshot &snapshot, const QString &directory,
                                           const ImageSequenceOptions &options,
                                           const ExportControl &control) {
    using R = Result<ExportSummary>;
    if (Status s = validatePattern(options.pattern); !s)
        return R::failure(s.error());
    if (options.quality < 1 || options.quality > 100)
        return R::failure(QStringLiteral("JPEG quality must be 1 to 100"));
    AtomicPath folder(directory, AtomicPath::Kind::Folder);
    if (Status s = folder.prepare(); !s)
        return R::failure(s.error());
    const QDir dir(folder.temporaryPath());
    const QStringList names = fileNames(snapshot, options);
    const QSize placeholder = frameSize(options.width > 0 ? options.width : 1280, snapshot.info.aspectRatio);
    const bool jpeg = options.format == ImageSequenceOptions::Format::Jpeg;

    std::atomic<int> done{0};
    std::atomic<bool> stop{false};
    QList<int> indexes(snapshot.shots.size());
    std::iota(indexes.begin(), indexes.end(), 0);
    QList<QString> errors(snapshot.shots.size());
    QtConcurrent::blockingMap(indexes, [&](int i) {
        if (stop || control.isCancelled()) {
            stop = true;
            return;
        }
        const ExportShot &shot = snapshot.shots[i];
        const QImage image =
            options.width > 0 ? renderFrame(shot, placeholder) : nativeFrame(shot, placeholder);
        QSaveFile file(dir.filePath(names[i]));
        QImageWriter writer(&file, jpeg ? "jpeg" : "png");
        if (jpeg)
            writer.setQuality(options.quality);
        if (!file.open(QIODevice::WriteOnly) || !writer.write(image) || !file.commit()) {
            errors[i] = QStringLiteral("cannot write %1: %2").arg(names[i], file.errorString());
            stop = true;
            return;
        }
        control.report(++done, snapshot.shots.size());
    });
    for (const QString &error : std::as_const(errors))
        if (!error.isEmpty())
            return R::failure(error);
    if (stop || control.isCancelled())
        return R::failure(cancelledMessage());
    if (Status s = folder.commit(); !s)
        return R::failure(s.error());
    ExportSummary summary;
    summary.format = jpeg ? QStringLiteral("jpeg") : QStringLiteral("png");
    summary.path = directory;
    summary.shots = int(snapshot.shots.size());
    summary.placeholders = snapshot.placeholders();
    summary.files = int(names.size());
    return summary;
}

} // namespace shotcraft::exporting
