// shotcraft export PROJECT --format F -o PATH: the storyboard out of a project as an image sequence,
// PDF boards, an animatic, an editorial timeline (OTIO, EDL, FCP XML) or a CSV shot list. The
// snapshot is read here; the writing runs on the pool while this thread prints progress.
#include "cli/ExportCommand.h"

#include "cli/Commands.h"
#include "cli/OpenedProject.h"
#include "storage/ProjectStore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QTimer>

#include <atomic>

namespace shotcraft::cli {

namespace {

struct Options {
    QCommandLineOption format{QStringLiteral("format"),
                              QStringLiteral("png|jpeg|pdf|mp4|otio|edl|fcpxml|csv"), QStringLiteral("F")};
    QCommandLineOption output{{QStringLiteral("o"), QStringLiteral("output")},
                              QStringLiteral("The file (or folder, for png/jpeg) to write."),
                              QStringLiteral("PATH")};
    QCommandLineOption scenes{QStringLiteral("scenes"),
                              QStringLiteral("Only these scenes: \"2\", \"1-3,5\"."),
                              QStringLiteral("RANGE")};
    QCommandLineOption width{
        QStringLiteral("width"),
        QStringLiteral("Frame width in pixels (png/jpeg/timeline frames: default native; mp4: 1280)."),
        QStringLiteral("PX")};
    QCommandLineOption quality{QStringLiteral("quality"), QStringLiteral("JPEG quality 1-100 (default 90)."),
                               QStringLiteral("Q")};
    QCommandLineOption pattern{QStringLiteral("pattern"),
                               QStringLiteral("File names: {scene} {shot} {index} {index:04} (default "
                                              "{index:04}_sc{scene}_sh{shot})."),
                               QStringLiteral("P")};
    QCommandLineOption page{QStringLiteral("page"), QStringLiteral("PDF page: a4 or letter (default a4)."),
                            QStringLiteral("SIZE")};
    QCommandLineOption orientation{QStringLiteral("orientation"),
                                   QStringLiteral("PDF: landscape or portrait (default landscape)."),
                                   QStringLiteral("O")};
    QCommandLineOption panels{QStringLiteral("panels"),
                              QStringLiteral("PDF panels per page: 1,2,3,4,6,9 (default 6)."),
                              QStringLiteral("N")};
    QCommandLineOption fps{QStringLiteral("fps"),
                           QStringLiteral("Animatic frame rate: 24, 25 or 30 (default 24)."),
                           QStringLiteral("FPS")};
    QCommandLineOption burnIn{QStringLiteral("burn-in"),
                              QStringLiteral("Animatic: burn in shot numbers and captions.")};
    QCommandLineOption audio{QStringLiteral("audio"),
                             QStringLiteral("Animatic: an audio file for the sound track."),
                             QStringLiteral("FILE")};
    QCommandLineOption ffmpeg{QStringLiteral("ffmpeg"),
                              QStringLiteral("Animatic: the ffmpeg program (default: PATH)."),
                              QStringLiteral("PROGRAM")};
    QCommandLineOption bom{QStringLiteral("bom"), QStringLiteral("CSV: start with a UTF-8 byte-order mark.")};
};

Result<int> intValue(const QCommandLineParser &parser, const QCommandLineOption &option, int fallback) {
    if (!parser.isSet(option))
        return fallback;
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok)
        return Result<int>::failure(QStringLiteral("--%1 wants a number, not '%2'")
                                        .arg(option.names().first(), parser.value(option)));
    return value;
}

// The request from the options; a usage error as the failure.
Result<exporting::ExportRequest> requestFrom(const QCommandLineParser &parser, const Options &o) {
    using R = Result<exporting::ExportRequest>;
    using namespace exporting;
    ExportRequest request;
    const auto format = Exporter::formatFromName(parser.value(o.format));
    if (!format)
        return R::failure(QStringLiteral("unknown format '%1' (use %2)")
                              .arg(parser.value(o.format), Exporter::formatNames().join(u'|')));
    request.format = *format;
    request.path = parser.value(o.output);
    const Result<int> width = intValue(parser, o.width, 0);
    const Result<int> quality = intValue(parser, o.quality, 90);
    const Result<int> panels = intValue(parser, o.panels, 6);
    const Result<int> fps = intValue(parser, o.fps, 24);
    for (const Result<int> *r : {&width, &quality, &panels, &fps})
        if (!*r)
            return R::failure(r->error());
    if (*width < 0 || *width > 7680)
        return R::failure(QStringLiteral("--width must be 16 to 7680 pixels"));
    if (*quality < 1 || *quality > 100)
        return R::failure(QStringLiteral("--quality must be 1 to 100"));
    if (!PdfBoards::validPanelCount(*panels))
        return R::failure(QStringLiteral("--panels must be 1, 2, 3, 4, 6 or 9"));
    if (!Animatic::validFps(*fps))
        return R::failure(QStringLiteral("--fps must be 24, 25 or 30"));
    request.images.width = *width;
    request.images.quality = *quality;
    if (parser.isSet(o.pattern))
        request.images.pattern = parser.value(o.pattern);
    if (Status s = ImageSequence::validatePattern(request.images.pattern); !s)
        return R::failure(s.error());
    const QString page = parser.value(o.page).toLower();
    if (!page.isEmpty() && page != QLatin1String("a4") && page != QLatin1String("letter"))
        return R::failure(QStringLiteral("--page must be a4 or letter"));
    request.pdf.pageSize = page == QLatin1String("letter") ? QPageSize::Letter : QPageSize::A4;
    const QString orientation = parser.value(o.orientation).toLower();
    if (!orientation.isEmpty() && orientation != QLatin1String("portrait") &&
        orientation != QLatin1String("landscape"))
        return R::failure(QStringLiteral("--orientation must be portrait or landscape"));
    request.pdf.orientation =
        orientation == QLatin1String("portrait") ? QPageLayout::Portrait : QPageLayout::Landscape;
    request.pdf.panelsPerPage = *panels;
    request.animatic.fps = *fps;
    if (*width > 0)
        request.animatic.width = *width;
    request.animatic.burnIn = parser.isSet(o.burnIn);
    request.animatic.audioPath = parser.value(o.audio);
    request.animatic.ffmpeg = parser.value(o.ffmpeg);
    request.csvByteOrderMark = parser.isSet(o.bom);
    return request;
}

} // namespace

Result<exporting::ExportSummary> exportWithProgress(const exporting::ExportSnapshot &snapshot,
                                                    const exporting::ExportRequest &request, CommandIo &io) {
    // The pool reports into atomics; this thread's event loop draws them and waits for the end.
    auto done = std::make_shared<std::atomic<qint64>>(0);
    auto total = std::make_shared<std::atomic<qint64>>(0);
    exporting::ExportControl control;
    control.progress = [done, total](qint64 d, qint64 t) {
        *done = d;
        *total = t;
    };
    QFutureWatcher<exporting::ExportOutcome> watcher;
    QEventLoop loop;
    QTimer tick;
    const QString label = QStringLiteral("Exporting %1").arg(exporting::Exporter::formatName(request.format));
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        if (*total > 0)
            io.progress(label, *done, *total);
    });
    QObject::connect(&watcher, &QFutureWatcher<exporting::ExportOutcome>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(exporting::Exporter::start(snapshot, request, control));
    tick.start(200);
    if (!watcher.isFinished())
        loop.exec();
    tick.stop();
    if (*total > 0)
        io.progress(label, *total, *total);
    io.endProgress();
    const exporting::ExportOutcome outcome = watcher.result();
    if (!outcome.ok())
        return Result<exporting::ExportSummary>::failure(outcome.error);
    return outcome.summary;
}

int runExport(const QStringList &args, CommandIo &io) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Export a project's storyboard: image sequence, PDF "
                                                    "boards, animatic, OTIO/EDL/FCP XML timeline or CSV."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("A .shotcraft project file."));
    const Options o;
    parser.addOptions({o.format, o.output, o.scenes, o.width, o.quality, o.pattern, o.page, o.orientation,
                       o.panels, o.fps, o.burnIn, o.audio, o.ffmpeg, o.bom});
    if (!io.parse(parser, QStringLiteral("export"), args))
        return io.exitCode();
    if (parser.positionalArguments().size() != 1 || !parser.isSet(o.format) || !parser.isSet(o.output))
        return io.fail(
            QStringLiteral(
                "usage: shotcraft export PROJECT --format "
                "png|jpeg|pdf|mp4|otio|edl|fcpxml|csv -o PATH [options] [--scenes RANGE] [--json]"),
            ExitUsage);
    Result<exporting::ExportRequest> request = requestFrom(parser, o);
    if (!request)
        return io.fail(request.error(), ExitUsage);

    Result<OpenedProject> opened = openProject(parser.positionalArguments().first());
    if (!opened)
        return io.fail(opened.error());
    Result<exporting::ExportSnapshot> snapshot =
        exporting::takeSnapshot(*opened->store, opened->project, parser.value(o.scenes));
    if (!snapshot)
        return io.fail(snapshot.error(),
                       parser.isSet(o.scenes) && opened->project.shots.size() > 0 ? ExitUsage : ExitFailure);
    Result<exporting::ExportSummary> summary = exportWithProgress(*snapshot, *request, io);
    if (!summary)
        return io.fail(summary.error());
    if (io.json()) {
        io.printJson(exporting::Exporter::toJson(*summary));
    } else {
        io.out() << "Wrote " << summary->path << ": " << exporting::Exporter::preview(*snapshot, *request)
                 << '\n';
    }
    return ExitSuccess;
}

} // namespace shotcraft::cli
