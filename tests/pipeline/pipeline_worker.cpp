// The child process tst_crashresume kills: opens a project, resumes its unfinished jobs, queues
// every shot still without a take, and generates either through the real OpenAI Images client
// against the test image server that lives in the parent (which counts requests per job key across
// kills), or on the built-in previz engine, appending each dispatched job key to a log file that
// outlives the kill. Prints "running" once dispatching.
// Usage: pipeline_worker PROJECT SERVER_URL
//        pipeline_worker PROJECT --previz DISPATCH_LOG
#include "PipelineFixture.h"
#include "WireImageServer.h"
#include "pipeline/GenerationQueue.h"
#include "pipeline/ShotSelection.h"
#include "previz/PrevizProvider.h"
#include "storage/ProjectStore.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>
#include <memory>

using namespace shotcraft;

namespace {

// The previz engine, with every request's job key written through to a file before it starts, so
// the parent can tell which jobs a killed run dispatched.
class DispatchLoggingPreviz : public previz::PrevizProvider {
public:
    explicit DispatchLoggingPreviz(const QString &logPath)
        : m_log(logPath) {
        m_log.open(QIODevice::Append | QIODevice::Unbuffered);
    }
    bool isLogging() const { return m_log.isOpen(); }
    providers::ImageJob *generate(const providers::ImageRequest &request) override {
        m_log.write(test::ScriptedImageProvider::keyOf(request.package.positive).toUtf8() + '\n');
        return PrevizProvider::generate(request);
    }

private:
    QFile m_log;
};

} // namespace

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
    const bool previz = args.size() >= 4 && args[2] == QLatin1String("--previz");
    if (args.size() < 3 || (args[2] == QLatin1String("--previz") && !previz)) {
        std::fprintf(stderr, "usage: pipeline_worker PROJECT SERVER_URL | PROJECT --previz DISPATCH_LOG\n");
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
    std::unique_ptr<providers::ImageProvider> provider;
    if (previz) {
        auto logging = std::make_unique<DispatchLoggingPreviz>(args[3]);
        if (!logging->isLogging()) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(args[3]));
            return 1;
        }
        provider = std::move(logging);
    } else {
        provider = std::make_unique<providers::OpenAiImagesProvider>(test::openAiProfile(QUrl(args[2]), 4));
    }
    pipeline::GenerationQueue queue(**store, project, test::scriptedBuilder(crashRules()));
    queue.addProvider(provider.get());
    if (Status s = queue.resume(); !s) {
        std::fprintf(stderr, "%s\n", qPrintable(s.error()));
        return 1;
    }
    if (auto jobs = queue.enqueueShots(pipeline::shotsWithoutTakes(project), provider->name()); !jobs) {
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
