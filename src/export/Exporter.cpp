#include "export/Exporter.h"

#include "export/CsvShotList.h"
#include "export/EdlTimeline.h"
#include "export/FcpXmlTimeline.h"
#include "export/FrameArt.h"
#include "export/OtioTimeline.h"
#include "export/ShotText.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

namespace shotcraft::exporting {

namespace {

constexpr std::pair<ExportFormat, const char *> kNames[] = {
    {ExportFormat::Png, "png"},       {ExportFormat::Jpeg, "jpeg"}, {ExportFormat::Pdf, "pdf"},
    {ExportFormat::Mp4, "mp4"},       {ExportFormat::Otio, "otio"}, {ExportFormat::Edl, "edl"},
    {ExportFormat::FcpXml, "fcpxml"}, {ExportFormat::Csv, "csv"}};

Status saveBytes(const QString &path, const QByteArray &bytes) {
    QSaveFile file(path);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()) || !file.open(QIODevice::WriteOnly) ||
        file.write(bytes) != bytes.size() || !file.commit())
        return Status::failure(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return Status::success();
}

Result<ExportSummary> writeTimeline(const ExportSnapshot &snapshot, const ExportRequest &request,
                                    const ExportControl &control) {
    using R = Result<ExportSummary>;
    // The frames first (the clips' media), then the timeline that points at them.
    ImageSequenceOptions media = request.images;
    media.format = ImageSequenceOptions::Format::Png;
    const QString folder = Exporter::mediaFolder(request.path);
    Result<ExportSummary> frames = ImageSequence::write(snapshot, folder, media, control);
    if (!frames)
        return frames;
    QStringList paths;
    for (const QString &name : ImageSequence::fileNames(snapshot, media))
        paths.append(QDir(QFileInfo(folder).absoluteFilePath()).filePath(name));
    const QSize size = frameSize(media.width > 0 ? media.width : 1920, snapshot.info.aspectRatio);
    const TimelineClips timeline = TimelineClips::make(snapshot, paths, size);
    const QByteArray bytes = request.format == ExportFormat::Otio  ? OtioTimeline::serialize(timeline)
                             : request.format == ExportFormat::Edl ? EdlTimeline::serialize(timeline)
                                                                   : FcpXmlTimeline::serialize(timeline);
    if (Status s = saveBytes(request.path, bytes); !s)
        return R::failure(s.error());
    ExportSummary summary = *frames;
    summary.format = Exporter::formatName(request.format);
    summary.path = request.path;
    summary.fps = timeline.fps;
    summary.frames = timeline.totalFrames;
    summary.seconds = timeline.totalFrames / timeline.fps;
    return summary;
}

} // namespace

QStringList Exporter::formatNames() {
    QStringList names;
    for (const auto &[format, name] : kNames)
        names.append(QLatin1String(name));
    return names;
}

std::optional<ExportFormat> Exporter::formatFromName(const QString &name) {
    for (const auto &[format, text] : kNames)
        if (name.compare(QLatin1String(text), Qt::CaseInsensitive) == 0)
            return format;
    if (name.compare(QLatin1String("jpg"), Qt::CaseInsensitive) == 0)
        return ExportFormat::Jpeg;
    return std::nullopt;
}

QString Exporter::formatName(ExportFormat format) {
    for (const auto &[f, text] : kNames)
        if (f == format)
            return QLatin1String(text);
    return {};
}

QString Exporter::mediaFolder(const QString &timelinePath) {
    const QFileInfo info(timelinePath);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral("-frames"));
}

Result<ExportSummary> Exporter::run(const ExportSnapshot &snapshot, const ExportRequest &request,
                                    const ExportControl &control) {
    using R = Result<ExportSummary>;
    if (request.path.isEmpty())
        return R::failure(QStringLiteral("no output path"));
    switch (request.format) {
    case ExportFormat::Png:
    case ExportFormat::Jpeg: {
        ImageSequenceOptions options = request.images;
        options.format = request.format == ExportFormat::Jpeg ? ImageSequenceOptions::Format::Jpeg
                                                              : ImageSequenceOptions::Format::Png;
        return ImageSequence::write(snapshot, request.path, options, control);
    }
    case ExportFormat::Pdf:
        return PdfBoards::write(snapshot, request.path, request.pdf, control);
    case ExportFormat::Mp4:
        return Animatic::write(snapshot, request.path, request.animatic, control);
    case ExportFormat::Otio:
    case ExportFormat::Edl:
    case ExportFormat::FcpXml:
        return writeTimeline(snapshot, request, control);
    case ExportFormat::Csv: {
        if (Status s = saveBytes(request.path, CsvShotList::serialize(snapshot, request.csvByteOrderMark));
            !s)
            return R::failure(s.error());
        control.report(snapshot.shots.size(), snapshot.shots.size());
        ExportSummary summary;
        summary.format = formatName(request.format);
        summary.path = request.path;
        summary.shots = int(snapshot.shots.size());
        summary.placeholders = snapshot.placeholders();
        summary.fps = snapshot.info.fps > 0 ? snapshot.info.fps : 24.0;
        summary.frames = snapshot.totalFrames(summary.fps);
        summary.seconds = summary.frames / summary.fps;
        return summary;
    }
    }
    return R::failure(QStringLiteral("unknown export format"));
}

QFuture<ExportOutcome> Exporter::start(ExportSnapshot snapshot, ExportRequest request,
                                       ExportControl control) {
    return QtConcurrent::run(
        [snapshot = std::move(snapshot), request = std::move(request), control = std::move(control)] {
            Result<ExportSummary> result = run(snapshot, request, control);
            return result ? ExportOutcome{*result, {}} : ExportOutcome{{}, result.error()};
        });
}

Json Exporter::toJson(const ExportSummary &s) {
    return {{"format", s.format},  {"path", s.path},   {"shots", s.shots},   {"placeholders", s.placeholders},
            {"files", s.files},    {"pages", s.pages}, {"frames", s.frames}, {"fps", s.fps},
            {"seconds", s.seconds}};
}

QString Exporter::counted(qint64 n, const char *noun) {
    return QStringLiteral("%1 %2%3").arg(n).arg(QLatin1String(noun),
                                                n == 1 ? QString() : QStringLiteral("s"));
}

QString Exporter::placeholderNote(int placeholders) {
    return placeholders > 0 ? QStringLiteral(" (%1)").arg(counted(placeholders, "placeholder frame"))
                            : QString();
}

QString Exporter::preview(const ExportSnapshot &snapshot, const ExportRequest &request) {
    const int shots = int(snapshot.shots.size());
    const QString missing = placeholderNote(snapshot.placeholders());
    const double fps = request.format == ExportFormat::Mp4 ? request.animatic.fps
                       : snapshot.info.fps > 0             ? snapshot.info.fps
                                                           : 24.0;
    switch (request.format) {
    case ExportFormat::Pdf:
        return QStringLiteral("%1 on %2%3")
            .arg(counted(shots, "panel"),
                 counted(PdfBoards::pageCount(shots, request.pdf.panelsPerPage), "page"), missing);
    case ExportFormat::Png:
    case ExportFormat::Jpeg:
    case ExportFormat::Csv:
        return counted(shots, "shot") + missing;
    default:
        return QStringLiteral("%1, %2, %3 at %4 fps%5")
            .arg(counted(shots, "shot"))
            .arg(counted(snapshot.totalFrames(fps), "frame"))
            .arg(runningTime(snapshot.totalFrames(fps) / fps))
            .arg(fps)
            .arg(missing);
    }
}

} // namespace shotcraft::exporting
