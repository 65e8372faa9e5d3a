// shotcraft review PROJECT [--repair] [--provider NAME] [--sheet PATH]: measures every approved take
// against the Visual DNA from its pixels (palette, tone, presence, with the continuity flags beside),
// prints per-take verdicts with their reasons and per-scene and film scores; --repair regenerates the
// outliers through the generation queue with their deviation as prompt changes and measures again.
#include "cli/Commands.h"
#include "cli/GenerationCommand.h"
#include "cli/OpenedProject.h"
#include "export/ProjectContactSheet.h"
#include "review/ReviewRepair.h"
#include "storage/ProjectStore.h"

#include <QDir>
#include <QFileInfo>

namespace shotcraft::cli {

namespace {
QString valueText(const review::Measure &m) {
    if (m.verdict == review::Verdict::NotMeasurable)
        return m.name + QStringLiteral(" not measurable");
    return QStringLiteral("%1 %2%3")
        .arg(m.name)
        .arg(m.value, 0, 'f', 2)
        .arg(m.verdict == review::Verdict::Outlier ? QStringLiteral(" (over %1)").arg(m.threshold, 0, 'f', 2)
                                                   : QString());
}

void printFilm(const review::FilmReview &film, QTextStream &out) {
    for (const review::TakeReview &t : film.takes) {
        out << t.shotNumber << "  take " << t.takeId << "  " << (t.outlier() ? "OUTLIER" : "pass") << "  "
            << valueText(t.palette) << " · " << valueText(t.tone) << " · " << valueText(t.presence) << '\n';
        for (const review::Measure *m : t.measures())
            if (m->verdict != review::Verdict::Pass)
                out << "    " << m->name << ": " << m->reason << '\n';
        for (const QString &flag : t.continuity)
            out << "    continuity: " << flag << '\n';
        if (!t.changes.isEmpty())
            out << "    repair: " << t.changes << '\n';
    }
    for (const review::SceneReview &s : film.scenes)
        out << "Scene " << s.number << "  " << s.heading << "  score " << QString::number(s.score, 'f', 2)
            << "  (" << s.takes << " takes, " << s.outliers << " outliers)\n";
    out << "Film score " << QString::number(film.score, 'f', 2) << ": " << film.takes.size() << " takes, "
        << film.outliers() << " outliers\n";
}

Json repairJson(const review::RepairOutcome &o) {
    return {{"shotId", o.shotId},
            {"oldTake", o.oldTakeId},
            {"newTake", o.newTakeId},
            {"changes", o.changes},
            {"approved", o.approved},
            {"error", o.error},
            {"after", o.newTakeId != 0 && o.error.isEmpty() ? review::toJson(o.after) : Json(nullptr)}};
}
} // namespace

int runReview(const QStringList &args, CommandIo &io) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Measure every approved take against the Visual DNA (palette, tone, presence) and score scenes and "
        "film; --repair regenerates the outliers."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("A .shotcraft project file."));
    const QCommandLineOption repairOption(
        QStringLiteral("repair"),
        QStringLiteral("Regenerate each outlier once with its measured deviation as prompt changes."));
    const QCommandLineOption providerOption(
        QStringLiteral("provider"),
        QStringLiteral("Image provider profile for --repair (default: the project's)."),
        QStringLiteral("NAME"));
    const QCommandLineOption sheetOption(QStringLiteral("sheet"),
                                         QStringLiteral("Also write a contact sheet (.png/.jpg) with the "
                                                        "outliers marked."),
                                         QStringLiteral("PATH"));
    parser.addOptions({repairOption, providerOption, sheetOption});
    if (!io.parse(parser, QStringLiteral("review"), args))
        return io.exitCode();
    const QString usage = QStringLiteral(
        "usage: shotcraft review PROJECT [--repair [--provider NAME]] [--sheet PATH] [--json]");
    if (parser.positionalArguments().size() != 1)
        return io.fail(usage, ExitUsage);
    if (parser.isSet(providerOption) && !parser.isSet(repairOption))
        return io.fail(QStringLiteral("--provider is only for --repair"), ExitUsage);

    Result<OpenedProject> opened = openProject(parser.positionalArguments().first());
    if (!opened)
        return io.fail(opened.error());
    storage::ProjectStore &store = *opened->store;
    Project &project = opened->project;
    // What could fail later is checked before the review, so a mistake costs nothing.
    std::unique_ptr<providers::ImageProvider> provider;
    if (parser.isSet(repairOption)) {
        auto named = imageProviderNamed(parser.isSet(providerOption) ? parser.value(providerOption)
                                                                     : project.info.imageProvider);
        if (!named)
            return io.fail(named.error());
        provider = std::move(*named);
    }
    const QString sheetPath = parser.value(sheetOption);
    if (parser.isSet(sheetOption) && !QFileInfo(sheetPath).absoluteDir().exists())
        return io.fail(QStringLiteral("cannot write contact sheet %1: no such folder").arg(sheetPath));

    const review::ConsistencyReviewer reviewer;
    auto film = reviewer.reviewFilm(project, review::storeImages(store), [&io](int done, int total) {
        // About a hundred lines at most when stderr is a file.
        if (done == total || done % std::max(1, total / 100) == 0)
            io.progress(QStringLiteral("Reviewing"), done, total);
        return true;
    });
    io.endProgress();
    if (!film)
        return io.fail(film.error());

    Json repairs = Json::array();
    if (provider && film->outliers() > 0) {
        const auto outcomes = review::repairOutliers(
            store, project, *provider, film->takes, reviewer, pipeline::defaultRequestBuilder(),
            [&io](int done, int total, qint64) { io.progress(QStringLiteral("Repairing"), done, total); });
        io.endProgress();
        if (!outcomes)
            return io.fail(outcomes.error());
        for (const review::RepairOutcome &o : *outcomes) {
            repairs.push_back(repairJson(o));
            if (!io.json()) {
                const Shot *shot = project.shot(o.shotId);
                io.out() << "repaired " << (shot ? shot->number : QString::number(o.shotId)) << ": "
                         << (o.error.isEmpty() ? QStringLiteral("take %1 %2")
                                                     .arg(o.newTakeId)
                                                     .arg(o.approved ? QStringLiteral("approved")
                                                                     : QStringLiteral("kept beside"))
                                               : o.error)
                         << '\n';
            }
        }
        review::applyRepairs(project, *film, *outcomes);
    }

    if (parser.isSet(sheetOption)) {
        QHash<Id, QString> marks;
        for (const review::TakeReview &t : film->takes)
            if (t.outlier())
                marks.insert(t.shotId, t.outlierMeasures().join(QStringLiteral(" · ")));
        if (Status s = exporting::writeProjectContactSheet(store, project, sheetPath, marks); !s)
            return io.fail(s.error());
    }

    if (io.json()) {
        Json out = review::toJson(*film);
        if (parser.isSet(repairOption))
            out["repairs"] = repairs;
        io.printJson(out);
    } else {
        printFilm(*film, io.out());
        io.out().flush();
    }
    if (parser.isSet(repairOption) && film->outliers() > 0)
        return io.fail(QStringLiteral("%1 outliers remain after repair").arg(film->outliers()));
    return ExitSuccess;
}

} // namespace shotcraft::cli
