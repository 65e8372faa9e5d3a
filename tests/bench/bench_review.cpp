// The consistency review over a 1,000-take project, against decoding the same images alone (the
// floor any pixel review pays) in the same run. The project is the demo story drawn by previz, its
// scenes repeated until there are 1,000 shots, each with its own approved take and image in the file.
#include "BenchTimes.h"
#include "pipeline/GenerationRun.h"
#include "pipeline/ProjectFactory.h"
#include "previz/PrevizProvider.h"
#include "review/ReviewRepair.h"
#include "storage/ProjectStore.h"
#include "support/TestPaths.h"

#include <QGuiApplication>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <cstdio>

using namespace shotcraft;

namespace {
constexpr int kTakes = 1000;

struct Fixture {
    QTemporaryDir dir;
    std::unique_ptr<storage::ProjectStore> store;
    Project project;
};

// The demo drawn once, then its scenes copied (new ids, new takes with a copy of each image) up to
// kTakes shots.
Fixture &fixture() {
    static Fixture f = [] {
        Fixture out;
        auto made = pipeline::createProjectFromScript(test::demoStoryPath());
        if (!made)
            qFatal("%s", qPrintable(made.error()));
        auto created =
            storage::ProjectStore::create(out.dir.filePath(QStringLiteral("review.shotcraft")), *made);
        if (!created)
            qFatal("%s", qPrintable(created.error()));
        out.store = std::move(*created);
        Project p = *out.store->load();
        previz::PrevizProvider previz;
        pipeline::GenerationRequest request;
        for (const Shot &s : p.shots)
            request.shots.append(s.id);
        if (auto ran = pipeline::runGeneration(*out.store, p, previz, request); !ran || ran->failed > 0)
            qFatal("the demo could not be drawn");
        const Project demo = p;
        const Status filled = out.store->transaction([&]() -> Status {
            for (int copy = 1; p.shots.size() < kTakes; ++copy) {
                for (const Scene &scene : demo.scenes) {
                    Scene s = scene;
                    s.id = p.allocateId();
                    s.order = int(p.scenes.size());
                    s.number = QStringLiteral("%1.%2").arg(scene.number).arg(copy);
                    p.scenes.append(s);
                    if (Status st = out.store->save(s); !st)
                        return st;
                    for (const Shot *shot : demo.shotsOfScene(scene.id)) {
                        if (p.shots.size() >= kTakes)
                            break;
                        const Take *take = demo.take(shot->approvedTakeId);
                        auto bytes = out.store->imageData(take->imageId);
                        auto image =
                            bytes ? out.store->addImage(*bytes) : Result<storage::StoredImage>::failure({});
                        if (!image)
                            return Status::failure(image.error());
                        Take t = *take;
                        t.id = p.allocateId();
                        Shot sh = *shot;
                        sh.id = p.allocateId();
                        sh.sceneId = s.id;
                        sh.approvedTakeId = t.id;
                        t.shotId = sh.id;
                        t.imageId = image->id;
                        t.jobId = 0;
                        p.shots.append(sh);
                        p.takes.append(t);
                        if (Status st = out.store->save(sh); !st)
                            return st;
                        if (Status st = out.store->save(t); !st)
                            return st;
                    }
                    if (p.shots.size() >= kTakes)
                        break;
                }
            }
            return Status::success();
        });
        if (!filled)
            qFatal("%s", qPrintable(filled.error()));
        out.project = *out.store->load();
        return out;
    }();
    return f;
}

void decodeOnly(benchmark::State &state) {
    Fixture &f = fixture();
    const auto load = review::storeImages(*f.store);
    const QList<const Take *> takes = review::ConsistencyReviewer::approvedTakes(f.project);
    for (auto _ : state) {
        qint64 pixels = 0;
        for (const Take *t : takes)
            pixels += load(t->imageId)->sizeInBytes();
        benchmark::DoNotOptimize(pixels);
    }
    state.counters["takes"] = double(takes.size());
}
BENCHMARK(decodeOnly)->Unit(benchmark::kMillisecond)->Iterations(3);

void reviewFilm(benchmark::State &state) {
    Fixture &f = fixture();
    const review::ConsistencyReviewer reviewer;
    int outliers = 0;
    for (auto _ : state) {
        auto film = reviewer.reviewFilm(f.project, review::storeImages(*f.store));
        if (!film) {
            state.SkipWithError(qPrintable(film.error()));
            return;
        }
        outliers = film->outliers();
        benchmark::DoNotOptimize(film->score);
    }
    state.counters["takes"] = double(review::ConsistencyReviewer::approvedTakes(f.project).size());
    state.counters["outliers"] = outliers;
}
BENCHMARK(reviewFilm)->Unit(benchmark::kMillisecond)->Iterations(3);

// Both clocks: on a machine busy with something else the real-time ratio drifts, the CPU one holds.
void printRatios(const bench::TimesReporter &times) {
    const char *decode = "decodeOnly/iterations:3";
    const char *review = "reviewFilm/iterations:3";
    std::printf("\n%-52s %12s %12s %8s\n", "figure", "value", "baseline", "ratio");
    std::printf("%-52s %10.0fms %10.0fms %8.2f\n", "review of 1,000 takes vs decoding them, real time",
                times.realTime(review), times.realTime(decode),
                bench::ratio(times.realTime(review), times.realTime(decode)));
    std::printf("%-52s %10.0fms %10.0fms %8.2f\n", "review of 1,000 takes vs decoding them, CPU time",
                times.cpuTime(review), times.cpuTime(decode),
                bench::ratio(times.cpuTime(review), times.cpuTime(decode)));
    std::printf("%-52s %10.2fms %10.2fms\n", "per take, real time", times.realTime(review) / kTakes,
                times.realTime(decode) / kTakes);
}
} // namespace

int main(int argc, char **argv) {
    QGuiApplication app(argc, argv); // previz draws text
    return bench::runBenchmarks(argc, argv, printRatios);
}
