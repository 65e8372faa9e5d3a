// The child process tst_crashresume kills: opens a project, resumes its unfinished jobs, queues
// every shot still without a take, and generates through the real OpenAI Images client against the
// test image server that lives in the parent (which counts requests per job key across kills).
// Prints "running" once dispatching.
// Usage: pipeline_worker PROJECT SERVER_URL
#include "PipelineFixture.h"
#include "WireImageServer.h"
#include "pipeline/GenerationQueue.h"
#include "pipeline/ShotSelection.h"
#include "storage/ProjectStore.h"

#include <QCoreApplication>

#include <cstdio>

using namespace shotcraft;

// The plan rules the crash test checks: frames 51/52 before the shots that use them, chains.
test::PlanRules crashRules() {
    test::PlanRules rules;
    rules.lookBook.insert(101, {51});
    rules.lookBook.insert(102, {51, 52});
    rules.lookBook.insert(108, {52});
    rules.chain.insert(104, 103);
    rules.chain.insert(105, 104);
    rules.chain.insert(110, 109);
    return rules;
}

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: pipeline_worker PROJECT SERVER_URL\n");
        return 2;
    }
    auto store = storage::ProjectStore::open(args[1]);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error()));
        return 1;
    }
    Result<Project> loaded = (*store)->load();
    if (!loaded) {
        std::fprintf(stderr, "%s\n", qPrintable(loaded.error()));
        return 1;
    }
    Project project = *loaded;
    const providers::ProviderProfile profile = test::openAiProfile(QUrl(args[2]), 4);
    providers::OpenAiImagesProvider provider(profile);
    pipeline::GenerationQueue queue(**store, project, test::scriptedBuilder(crashRules()));
    queue.addProvider(&provider);
    if (Status s = queue.resume(); !s) {
        std::fprintf(stderr, "%s\n", qPrintable(s.error()));
        return 1;
    }
    if (auto jobs = queue.enqueueShots(pipeline::shotsWithoutTakes(project), profile.name); !jobs) {
        std::fprintf(stderr, "%s\n", qPrintable(jobs.error()));
        return 1;
    }
    QObject::connect(&queue, &pipeline::GenerationQueue::finished, &app, [&]() {
        const pipeline::RunSummary s = queue.summary();
        std::printf("done %d succeeded %d failed %d recovered\n", s.succeeded, s.failed, s.recovered);
        app.exit(s.failed == 0 ? 0 : 1);
    });
    queue.start();
    std::printf("running\n");
    std::fflush(stdout);
    if (!queue.isActive()) // nothing left to do: finished() has already fired
        return queue.summary().failed == 0 ? 0 : 1;
    return app.exec();
}
