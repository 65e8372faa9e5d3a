// Project-file benchmarks: the latency of one edit on a 100-shot and a 10,000-shot project (an edit
// must not cost more as the project grows: goal ratio <= 1.5), and the time to open a 1,000-shot
// project holding a 200 KB image per shot, against opening the 100-shot project in the same run.
#include "BenchTimes.h"
#include "storage/ProjectStore.h"
#include "support/SampleProject.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QImage>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <cstdio>

using namespace shotcraft;

namespace {

QTemporaryDir &scratch() {
    static QTemporaryDir dir;
    return dir;
}

// A project with `shots` shots spread over scenes of 8, optionally with one image per shot.
QString makeProject(int shots, int imageBytes) {
    const QString path = scratch().filePath(QStringLiteral("p%1-%2.shotcraft").arg(shots).arg(imageBytes));
    if (QFileInfo::exists(path))
        return path;
    Project p = test::sampleProject();
    const Scene sceneTemplate = p.scenes.first();
    const Shot shotTemplate = p.shots.first();
    p.scenes.clear();
    p.shots.clear();
    for (int i = 0; i < shots; ++i) {
        if (i % 8 == 0) {
            Scene scene = sceneTemplate;
            scene.id = p.allocateId();
            scene.order = i / 8;
            p.scenes.append(scene);
        }
        Shot shot = shotTemplate;
        shot.id = p.allocateId();
        shot.sceneId = p.scenes.last().id;
        shot.order = i % 8;
        shot.number = QString::number(i + 1);
        p.shots.append(shot);
    }
    auto store = storage::ProjectStore::create(path, p);
    if (!store)
        qFatal("%s", qPrintable(store.error()));
    if (imageBytes > 0) {
        // Noise compresses badly, so a PNG of this size weighs about imageBytes.
        const int side = int(std::sqrt(imageBytes / 3.0));
        QImage noise(side, side, QImage::Format_RGB888);
        QRandomGenerator rng(1);
        for (int y = 0; y < side; ++y)
            for (int x = 0; x < side * 3; ++x)
                noise.scanLine(y)[x] = uchar(rng.bounded(256));
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        noise.save(&buffer, "PNG");
        const QByteArray thumb = storage::ProjectStore::makeThumbnail(png);
        const Status filled = (*store)->transaction([&]() -> Status {
            for (const Shot &shot : p.shots) {
                auto image = (*store)->addImage(png, thumb);
                Take take;
                take.id = *(*store)->allocateId();
                take.shotId = shot.id;
                take.imageId = image->id;
                if (Status s = (*store)->save(take); !s)
                    return s;
            }
            return Status::success();
        });
        if (!filled)
            qFatal("%s", qPrintable(filled.error()));
    }
    return path;
}

void editOneShot(benchmark::State &state) {
    const int shots = int(state.range(0));
    auto store = storage::ProjectStore::open(makeProject(shots, 0));
    Result<Project> project = (*store)->load();
    QRandomGenerator rng(42);
    int i = 0;
    for (auto _ : state) {
        Shot shot = project->shots.at(rng.bounded(int(project->shots.size())));
        shot.notes = QStringLiteral("edit %1").arg(++i);
        if (!(*store)->save(shot))
            state.SkipWithError("save failed");
    }
    state.counters["shots"] = shots;
}
BENCHMARK(editOneShot)->Arg(100)->Arg(10000)->Unit(benchmark::kMicrosecond)->MinTime(2.0);

void openProject(benchmark::State &state) {
    const QString path = makeProject(int(state.range(0)), int(state.range(1)));
    for (auto _ : state) {
        auto store = storage::ProjectStore::open(path);
        Result<Project> project = (*store)->load();
        benchmark::DoNotOptimize(project->shots.size());
    }
    state.counters["MB"] = double(QFileInfo(path).size()) / (1024.0 * 1024.0);
}
BENCHMARK(openProject)->Args({100, 0})->Args({1000, 200 * 1024})->Unit(benchmark::kMillisecond);

// The ratios, once every benchmark has run.
void printRatios(const bench::TimesReporter &times) {
    const double small = times.realTime("editOneShot/100/min_time:2.000");
    const double large = times.realTime("editOneShot/10000/min_time:2.000");
    const double openSmall = times.realTime("openProject/100/0");
    const double openLarge = times.realTime("openProject/1000/204800");
    std::printf("\n%-58s %12s %12s %8s\n", "figure", "value", "baseline", "ratio");
    std::printf("%-58s %10.1fus %10.1fus %8.2f  (goal <= 1.5)\n", "edit latency, 10,000 shots vs 100 shots",
                large, small, bench::ratio(large, small));
    std::printf("%-58s %10.2fms %10.2fms %8.2f\n", "open, 1,000 shots + 200 KB image each vs 100 shots",
                openLarge, openSmall, bench::ratio(openLarge, openSmall));
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    return bench::runBenchmarks(argc, argv, printRatios);
}
