// shotcraft run SCRIPT -o DIR: the headless main job. A project from the script (import, breakdown,
// Visual DNA), its look book and every shot generated (previz by default), then the storyboard as a
// PNG sequence, a contact sheet, PDF boards, a CSV shot list and (when ffmpeg is installed) an
// animatic: DIR/project.shotcraft, DIR/frames/, DIR/contact-sheet.png, DIR/storyboard.pdf,
// DIR/shot-list.csv, DIR/animatic.mp4.
// Running it again on the same DIR resumes the project there instead of starting over.
#include "cli/Commands.h"
#include "cli/ExportCommand.h"
#include "cli/GenerationCommand.h"
#include "export/ProjectContactSheet.h"
#include "pipeline/GenerationRun.h"
#include "pipeline/ProjectFactory.h"
#include "pipeline/ShotSelection.h"
#include "storage/ProjectStore.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>

namespace shotcraft::cli {

int runRun(const QStringList &args, CommandIo &io) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("From a script to a finished storyboard: project, look "
                                                    "book, every shot, PNG frames and a contact sheet."));
    parser.addPositionalArgument(QStringLiteral("SCRIPT"), QStringLiteral("A .fountain, .fdx or text file."));
    const QCommandLineOption outputOption({QStringLiteral("o"), QStringLiteral("output")},
                                          QStringLiteral("The folder to write into (created if needed)."),
                                          QStringLiteral("DIR"));
    const QCommandLineOption providerOption(QStringLiteral("provider"),
                                            QStringLiteral("Image provider profile (default: previz)."),
                                            QStringLiteral("NAME"));
    const QCommandLineOption concurrency = concurrencyOption();
    parser.addOptions({outputOption, providerOption, concurrency});
    if (!io.parse(parser, QStringLiteral("run"), args))
        return io.exitCode();
    if (parser.positionalArguments().size() != 1 || !parser.isSet(outputOption))
        return io.fail(
            QStringLiteral("usage: shotcraft run SCRIPT -o DIR [--provider NAME] [--concurrency N] [--json]"),
            ExitUsage);
    const Result<int> window = concurrencyValue(parser, concurrency);
    if (!window)
        return io.fail(window.error(), ExitUsage);
    const QString script = parser.positionalArguments().first();
    const QDir dir(parser.value(outputOption));
    if (!QDir().mkpath(dir.path()))
        return io.fail(QStringLiteral("cannot create the folder %1").arg(dir.path()));
    const QString projectPath = dir.filePath(QStringLiteral("project.shotcraft"));

    // 1. The project: made from the script, or the one an earlier (interrupted) run left here.
    std::unique_ptr<storage::ProjectStore> store;
    if (QFileInfo::exists(projectPath)) {
        auto opened = storage::ProjectStore::open(projectPath);
        if (!opened)
            return io.fail(opened.error());
        store = std::move(*opened);
        io.err() << "Continuing " << projectPath << '\n';
    } else {
        Result<Project> made = pipeline::createProjectFromScript(script);
        if (!made)
            return io.fail(made.error());
        auto created = storage::ProjectStore::create(projectPath, *made);
        if (!created)
            return io.fail(created.error());
        store = std::move(*created);
    }
    Result<Project> loaded = store->load();
    if (!loaded)
        return io.fail(loaded.error());
    Project project = *loaded;

    // 2. The look book and every shot still without a take.
    const QString providerName =
        parser.isSet(providerOption) ? parser.value(providerOption) : QStringLiteral("previz");
    auto provider = imageProviderNamed(providerName);
    if (!provider)
        return io.fail(provider.error());
    pipeline::GenerationRequest request;
    request.shots = pipeline::shotsWithoutTakes(project);
    request.wholeLookBook = true;
    request.concurrency = *window;
    auto summary = generateWithProgress(*store, project, **provider, request, io);
    if (!summary)
        return io.fail(summary.error());

    // 3. The storyboard out of the project: frames and the contact sheet.
    // One snapshot for every file, so they all show the same takes.
    Result<exporting::ExportSnapshot> snapshot = exporting::takeSnapshot(*store, project);
    if (!snapshot)
        return io.fail(snapshot.error());
    auto exportTo = [&](exporting::ExportFormat format, const QString &path) {
        exporting::ExportRequest request;
        request.format = format;
        request.path = path;
        return exportWithProgress(*snapshot, request, io);
    };
    const QString framesDir = dir.filePath(QStringLiteral("frames"));
    auto sequence = exportTo(exporting::ExportFormat::Png, framesDir);
    if (!sequence)
        return io.fail(sequence.error());
    const QString sheetPath = dir.filePath(QStringLiteral("contact-sheet.png"));
    if (Status s = exporting::writeProjectContactSheet(*store, project, sheetPath); !s)
        return io.fail(QStringLiteral("contact sheet: %1").arg(s.error()));
    const QString pdfPath = dir.filePath(QStringLiteral("storyboard.pdf"));
    auto boards = exportTo(exporting::ExportFormat::Pdf, pdfPath);
    if (!boards)
        return io.fail(boards.error());
    const QString csvPath = dir.filePath(QStringLiteral("shot-list.csv"));
    if (auto csv = exportTo(exporting::ExportFormat::Csv, csvPath); !csv)
        return io.fail(csv.error());
    // The animatic only where ffmpeg is installed; the rest of the run does not need it.
    const bool hasFfmpeg = exporting::Animatic::findFfmpeg().ok();
    const QString animaticPath = dir.filePath(QStringLiteral("animatic.mp4"));
    if (hasFfmpeg) {
        if (auto animatic = exportTo(exporting::ExportFormat::Mp4, animaticPath); !animatic)
            return io.fail(animatic.error());
    }

    if (io.json()) {
        Json out = pipeline::summaryJson(*summary);
        out["project"] = projectPath;
        out["frames"] = framesDir;
        out["framesWritten"] = sequence->files;
        out["placeholders"] = sequence->placeholders;
        out["contactSheet"] = sheetPath;
        out["pdf"] = pdfPath;
        out["pdfPages"] = boards->pages;
        out["csv"] = csvPath;
        out["animatic"] = hasFfmpeg ? Json(animaticPath) : Json(nullptr);
        out["shots"] = project.shots.size();
        io.printJson(out);
    } else {
        for (const QString &line : pipeline::summaryLines(*summary))
            io.out() << line << '\n';
        io.out() << "Project:       " << projectPath << '\n'
                 << "Frames:        " << framesDir << " (" << sequence->files << " shots, "
                 << sequence->placeholders << " placeholders)\n"
                 << "Contact sheet: " << sheetPath << '\n'
                 << "PDF boards:    " << pdfPath << " (" << boards->pages << " pages)\n"
                 << "Shot list:     " << csvPath << '\n'
                 << "Animatic:      "
                 << (hasFfmpeg ? animaticPath : QStringLiteral("skipped: ffmpeg not found")) << '\n';
    }
    io.out().flush();
    if (summary->failed > 0)
        return io.fail(QStringLiteral("%1 of %2 jobs failed").arg(summary->failed).arg(summary->total));
    return ExitSuccess;
}

} // namespace shotcraft::cli
