// bench_export: the 300-shot PDF boards and animatic, each against a baseline measured in the same
// run: writing the same frames (same snapshot, same size) as a PNG sequence. A ratio of 2 means the
// format costs twice what merely drawing and saving its frames costs.
//   bench_export [shots=300] [width=1280]
#include "export/ExportFixture.h"
#include "export/Exporter.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <cstdio>

using namespace shotcraft;
using namespace shotcraft::exporting;

namespace {

double secondsFor(const ExportSnapshot &snapshot, const ExportRequest &request) {
    QElapsedTimer clock;
    clock.start();
    Result<ExportSummary> result = Exporter::run(snapshot, request);
    if (!result) {
        std::fprintf(stderr, "%s failed: %s\n", qPrintable(Exporter::formatName(request.format)),
                     qPrintable(result.error()));
        std::exit(1);
    }
    return clock.nsecsElapsed() / 1e9;
}

} // namespace

int main(int argc, char **argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const int shots = argc > 1 ? std::atoi(argv[1]) : 300;
    const int width = argc > 2 ? std::atoi(argv[2]) : 1280;
    QTemporaryDir dir;
    test::ExportRig rig = test::generatedFilm(dir.filePath(QStringLiteral("bench.shotcraft")), shots);
    const ExportSnapshot snapshot = rig.snapshot();

    ExportRequest png;
    png.format = ExportFormat::Png;
    png.path = dir.filePath(QStringLiteral("frames"));
    png.images.width = width;
    ExportRequest pdf;
    pdf.format = ExportFormat::Pdf;
    pdf.path = dir.filePath(QStringLiteral("boards.pdf"));
    ExportRequest mp4;
    mp4.format = ExportFormat::Mp4;
    mp4.path = dir.filePath(QStringLiteral("animatic.mp4"));
    mp4.animatic.width = width;

    const double baseline = secondsFor(snapshot, png);
    const double boards = secondsFor(snapshot, pdf);
    const double animatic = Animatic::findFfmpeg().ok() ? secondsFor(snapshot, mp4) : -1;
    const double baseline2 = secondsFor(snapshot, png); // the baseline again, for its spread
    const double base = (baseline + baseline2) / 2;
    std::printf("bench_export: %d shots (%d placeholders), %lld frames at 24 fps, frames %d px wide\n", shots,
                snapshot.placeholders(), static_cast<long long>(snapshot.totalFrames(24)), width);
    std::printf("%-34s %10s %10s\n", "export", "seconds", "x PNG seq");
    std::printf("%-34s %10.2f %10.2f\n", "PNG sequence (baseline, 1st/2nd)", baseline, baseline / base);
    std::printf("%-34s %10.2f %10.2f\n", "", baseline2, baseline2 / base);
    std::printf("%-34s %10.2f %10.2f\n", "PDF boards (6 per page, A4)", boards, boards / base);
    if (animatic >= 0)
        std::printf("%-34s %10.2f %10.2f\n", "animatic (H.264, 24 fps)", animatic, animatic / base);
    else
        std::printf("%-34s %10s\n", "animatic", "skipped: no ffmpeg");
    return 0;
}
