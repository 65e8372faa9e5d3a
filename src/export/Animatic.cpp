#include "export/Animatic.h"

#include "domain/Logging.h"
#include "export/AtomicPath.h"
#include "export/FrameArt.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtConcurrent/QtConcurrentMap>

#include <atomic>
#include <numeric>

namespace shotcraft::exporting {

namespace {

// The concat list: every frame with its duration in exact frames. The last file is listed twice
// because the concat demuxer ignores the last entry's duration; -frames:v cuts the total exactly.
QByteArray concatList(const ExportSnapshot &snapshot, int fps) {
    QByteArray list = "ffconcat version 1.0\n";
    for (const ExportShot &shot : snapshot.shots) {
        list += "file " + QStringLiteral("%1.png").arg(shot.index, 5, 10, QLatin1Char('0')).toUtf8() + '\n';
        list +=
            "duration " +
            QByteArray::number(ExportSnapshot::frameCount(shot.shot.durationSec, fps) / double(fps), 'f', 6) +
            '\n';
    }
    list += "file " +
            QStringLiteral("%1.png").arg(snapshot.shots.last().index, 5, 10, QLatin1Char('0')).toUtf8() +
            '\n';
    return list;
}

} // namespace

bool Animatic::validFps(int fps) {
    return fps == 24 || fps == 25 || fps == 30;
}

Result<QString> Animatic::findFfmpeg(const QString &explicitPath) {
    if (!explicitPath.isEmpty()) {
        const QFileInfo info(explicitPath);
        if (info.isFile() && info.isExecutable())
            return info.absoluteFilePath();
        const QString found = QStandardPaths::findExecutable(explicitPath);
        if (!found.isEmpty())
            return found;
        return Result<QString>::failure(
            QStringLiteral("the ffmpeg program %1 does not exist or cannot run").arg(explicitPath));
    }
    const QString found = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    if (found.isEmpty())
        return Result<QString>::failure(
            QStringLiteral("the animatic needs ffmpeg, which is not on PATH: install the Debian package "
                           "'ffmpeg' (sudo apt install ffmpeg) or give its path"));
    return found;
}

Result<ExportSummary> Animatic::write(const ExportSnapshot &snapshot, const QString &path,
                                      const AnimaticOptions &options, const ExportControl &control) {
    using R = Result<ExportSummary>;
    if (!validFps(options.fps))
        return R::failure(QStringLiteral("the animatic's frame rate must be 24, 25 or 30 fps"));
    if (options.width < 64 || options.width > 7680)
        return R::failure(QStringLiteral("the animatic's width must be 64 to 7680 pixels"));
    if (!options.audioPath.isEmpty() && !QFileInfo(options.audioPath).isFile())
        return R::failure(QStringLiteral("no audio file %1").arg(options.audioPath));
    const Result<QString> ffmpeg = findFfmpeg(options.ffmpeg);
    if (!ffmpeg)
        return R::failure(ffmpeg.error());
    AtomicPath output(path, AtomicPath::Kind::File);
    if (Status s = output.prepare(); !s)
        return R::failure(s.error());

    // 1. One still per shot, drawn on the pool.
    QTemporaryDir stills;
    if (!stills.isValid())
        return R::failure(QStringLiteral("cannot make a temporary folder for the animatic's frames"));
    const QSize size = frameSize(options.width, snapshot.info.aspectRatio);
    const FrameOptions frameOptions{options.burnIn};
    std::atomic<bool> failed{false};
    QtConcurrent::blockingMap(snapshot.shots, [&](const ExportShot &shot) {
        if (failed || control.isCancelled())
            return;
        const QImage frame = renderFrame(shot, size, frameOptions);
        if (!frame.save(stills.filePath(QStringLiteral("%1.png").arg(shot.index, 5, 10, QLatin1Char('0'))),
                        "PNG", 10))
            failed = true;
    });
    if (control.isCancelled())
        return R::failure(cancelledMessage());
    if (failed)
        return R::failure(QStringLiteral("cannot write the animatic's frames to a temporary folder"));
    QFile list(stills.filePath(QStringLiteral("list.ffconcat")));
    if (!list.open(QIODevice::WriteOnly) || list.write(concatList(snapshot, options.fps)) < 0)
        return R::failure(QStringLiteral("cannot write the animatic's frame list"));
    list.close();

    // 2. ffmpeg holds each still for its shot and encodes; -frames:v makes the length exact.
    const qint64 total = snapshot.totalFrames(options.fps);
    QStringList args{QStringLiteral("-hide_banner"), QStringLiteral("-nostdin"), QStringLiteral("-loglevel"),
                     QStringLiteral("error"),        QStringLiteral("-y"),       QStringLiteral("-f"),
                     QStringLiteral("concat"),       QStringLiteral("-i"),       list.fileName()};
    if (!options.audioPath.isEmpty())
        args << QStringLiteral("-i") << options.audioPath;
    args << QStringLiteral("-map") << QStringLiteral("0:v:0");
    if (!options.audioPath.isEmpty())
        args << QStringLiteral("-map") << QStringLiteral("1:a:0") << QStringLiteral("-c:a")
             << QStringLiteral("aac") << QStringLiteral("-af") << QStringLiteral("apad")
             << QStringLiteral("-shortest");
    args << QStringLiteral("-vf") << QStringLiteral("fps=%1,format=yuv420p").arg(options.fps)
         << QStringLiteral("-fps_mode") << QStringLiteral("cfr") << QStringLiteral("-frames:v")
         << QString::number(total) << QStringLiteral("-c:v") << QStringLiteral("libx264")
         << QStringLiteral("-preset") << QStringLiteral("veryfast") << QStringLiteral("-tune")
         << QStringLiteral("stillimage") << QStringLiteral("-r") << QString::number(options.fps)
         << QStringLiteral("-movflags") << QStringLiteral("+faststart") << QStringLiteral("-progress")
         << QStringLiteral("pipe:1") << QStringLiteral("-nostats") << output.temporaryPath();
    QProcess process;
    process.start(*ffmpeg, args);
    if (!process.waitForStarted(10000))
        return R::failure(QStringLiteral("cannot start %1: %2").arg(*ffmpeg, process.errorString()));
    QByteArray pending;
    while (process.state() != QProcess::NotRunning) {
        process.waitForReadyRead(100);
        if (control.isCancelled()) {
            process.kill();
            process.waitForFinished(5000);
            return R::failure(cancelledMessage()); // the AtomicPath removes the partial file
        }
        pending += process.readAllStandardOutput();
        qsizetype newline;
        while ((newline = pending.indexOf('\n')) >= 0) {
            const QByteArray line = pending.left(newline).trimmed();
            pending.remove(0, newline + 1);
            if (line.startsWith("frame="))
                control.report(std::min(total, line.mid(6).toLongLong()), total);
        }
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QString why = QString::fromUtf8(process.readAllStandardError()).trimmed().section(u'\n', -1);
        return R::failure(
            QStringLiteral("ffmpeg failed: %1")
                .arg(why.isEmpty() ? QStringLiteral("exit code %1").arg(process.exitCode()) : why));
    }
    if (Status s = output.commit(); !s)
        return R::failure(s.error());
    ExportSummary summary;
    summary.format = QStringLiteral("mp4");
    summary.path = path;
    summary.shots = int(snapshot.shots.size());
    summary.placeholders = snapshot.placeholders();
    summary.fps = options.fps;
    summary.frames = total;
    summary.seconds = double(total) / options.fps;
    return summary;
}

} // namespace shotcraft::exporting
