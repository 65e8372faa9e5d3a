// ProjectInfo::enhancePrompts honoured by generation: with it on, the default request builder sends
// each shot's package through the configured language model (a test server speaking Ollama's wire
// format) before the image request, and the take records the enhanced package and its rationale.
// When the model fails the engine's own package is sent and the shot is still generated; with it off
// no model is asked at all.
#include "pipeline/GenerationQueue.h"
#include "pipeline/PromptEnhancer.h"
#include "previz/PrevizProvider.h"
#include "providers/ProviderProfile.h"
#include "providers/Secrets.h"
#include "storage/ProjectStore.h"
#include "support/LlmTestServer.h"
#include "support/SampleProject.h"

#include <QEventLoop>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace shotcraft;
using namespace shotcraft::pipeline;
using shotcraft::test::LlmProtocol;
using shotcraft::test::LlmScriptedReply;
using shotcraft::test::LlmTestServer;

namespace {

const QString kAddition = QStringLiteral("a thin haze catching the key light, wet asphalt in the foreground");

// A valid answer for `original`: its positive prompt (identity tokens and all) with one addition.
QString answerFor(const PromptPackage &original) {
    const Json answer = {
        {"positive", (original.positive + QStringLiteral(", ") + kAddition).toStdString()},
        {"description", "The moment just before the line lands."},
        {"staging", {{"foreground", "wet asphalt"}, {"midground", "the speaker"}, {"background", "haze"}}},
        {"lighting", "hard key from camera left through haze, 4:1"},
        {"negativeAdditions", {"lens flare"}},
        {"rationale",
         {{{"aspect", "atmosphere"}, {"choice", "haze"}, {"reason", "gives the key light shape"}}}}};
    return QString::fromStdString(answer.dump());
}

} // namespace

class TestEnhancedGeneration : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void enhancedTakeRecordsPackageAndRationale();
    void failingModelKeepsEnginePackage();
    void offAsksNoModel();
    void noProfileKeepsEnginePackage();

private:
    // Generates `shots` shots of the sample project with previz; returns the takes stored for them.
    QList<Take> generate(bool enhance, int shots, const QString &llmProfile);
    // The package the engine makes for the shot, as the queue would before enhancing it.
    PromptPackage enginePackage(const Project &project, Id shotId) const;

    QTemporaryDir m_settings;
    std::unique_ptr<LlmTestServer> m_server;
    RunSummary m_summary;
};

void TestEnhancedGeneration::initTestCase() {
    QVERIFY(m_settings.isValid());
    providers::Secrets::setKeychainEnabled(false);
    // Profiles go to a settings file of this test's own, never the shared one.
    qputenv("SHOTCRAFT_SETTINGS_DIR", m_settings.path().toUtf8());
}

void TestEnhancedGeneration::init() {
    m_server = std::make_unique<LlmTestServer>(LlmProtocol::Ollama);
    QVERIFY(m_server->listen());
    providers::ProviderProfile profile;
    profile.name = QStringLiteral("local-llm");
    profile.kind = providers::ProviderKind::Ollama;
    profile.baseUrl = m_server->baseUrl().toString();
    profile.model = QStringLiteral("llama3.1");
    profile.maxRetries = 0;
    QVERIFY(providers::ProfileStore::upsert(profile).ok());
}

void TestEnhancedGeneration::cleanup() {
    QVERIFY(providers::ProfileStore::remove(QStringLiteral("local-llm")).ok());
    m_server.reset();
}

PromptPackage TestEnhancedGeneration::enginePackage(const Project &project, Id shotId) const {
    const RequestBuilder builder = defaultRequestBuilder();
    previz::PrevizProvider previz;
    Job job;
    job.kind = JobKind::Shot;
    job.shotId = shotId;
    const ConsistencyPlan plan = builder.plan(project, job, previz.caps().maxReferences);
    return builder.prompt(project, job, plan, previz.caps());
}

QList<Take> TestEnhancedGeneration::generate(bool enhance, int shots, const QString &llmProfile) {
    QTemporaryDir dir;
    Project project = test::sampleProject();
    project.info.enhancePrompts = enhance;
    auto store = storage::ProjectStore::create(dir.filePath(QStringLiteral("p.shotcraft")), project);
    if (!store) {
        qWarning() << store.error();
        return {};
    }
    previz::PrevizProvider previz;
    QList<Id> ids;
    for (int i = 0; i < shots; ++i)
        ids.append(project.shots.at(i).id);
    GenerationQueue queue(**store, project, defaultRequestBuilder(llmProfile));
    queue.addProvider(&previz);
    if (!queue.enqueueShots(ids, previz.name()))
        return {};
    QEventLoop loop;
    QObject::connect(&queue, &GenerationQueue::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    queue.start();
    if (queue.isActive())
        loop.exec();
    m_summary = queue.summary();
    QList<Take> takes;
    for (const Id id : std::as_const(ids))
        for (const Take *take : project.takesOfShot(id))
            takes.append(*take);
    // What the file holds, not only the queue's copy.
    auto reloaded = (*store)->load();
    if (!reloaded || reloaded->takes.size() != project.takes.size())
        return {};
    return takes;
}

void TestEnhancedGeneration::enhancedTakeRecordsPackageAndRationale() {
    const Project sample = test::sampleProject();
    const int shots = 2;
    QList<PromptPackage> originals;
    for (int i = 0; i < shots; ++i) {
        originals.append(enginePackage(sample, sample.shots.at(i).id));
        QVERIFY(!originals.last().identityTokens.isEmpty());
        m_server->enqueue(LlmScriptedReply::text(answerFor(originals.last())));
    }
    // The profile is found as the first language model configured (no name given).
    const QList<Take> takes = generate(true, shots, {});
    QCOMPARE(m_summary.succeeded, m_summary.total);
    QCOMPARE(takes.size(), shots);
    QCOMPARE(m_server->requests().size(), shots);
    QCOMPARE(m_server->pending(), 0);
    for (int i = 0; i < shots; ++i) {
        const PromptPackage &sent = takes.at(i).package;
        const PromptPackage &original = originals.at(i);
        QVERIFY(sent.enhanced);
        QVERIFY(sent.positive.endsWith(kAddition));
        QCOMPARE(PromptEnhancer::verify(original, sent), QStringList());
        QCOMPARE(sent.identityTokens, original.identityTokens);
        QCOMPARE(sent.references, original.references);
        QCOMPARE(sent.negative, original.negative + QStringLiteral(", lens flare"));
        QVERIFY(sent.rationale.size() > original.rationale.size());
        QCOMPARE(sent.rationale.last().aspect, QStringLiteral("enhancement: atmosphere"));
        // The model was shown this shot's own prompt and identity tokens.
        const Json &request = m_server->requests().at(i);
        const QString user = QString::fromStdString(request["messages"][1]["content"].get<std::string>());
        for (const QString &token : original.identityTokens)
            QVERIFY(user.contains(token));
        QVERIFY(user.contains(original.negative));
    }
}

void TestEnhancedGeneration::failingModelKeepsEnginePackage() {
    const Project sample = test::sampleProject();
    const PromptPackage original = enginePackage(sample, sample.shots.first().id);
    // A model that drops an identity token three times (the first answer and both re-asks), then
    // nothing more: the shot must still be generated, from the engine's own package.
    QString broken = answerFor(original);
    broken.replace(original.identityTokens.first(), QStringLiteral("a man"));
    for (int i = 0; i < 3; ++i)
        m_server->enqueue(LlmScriptedReply::text(broken));
    QList<Take> takes = generate(true, 1, QStringLiteral("local-llm"));
    QCOMPARE(m_server->requests().size(), 3);
    QCOMPARE(m_summary.succeeded, m_summary.total);
    QCOMPARE(takes.size(), 1);
    QVERIFY(!takes.first().package.enhanced);
    QCOMPARE(takes.first().package, original);

    // A service that answers with an error: the same.
    LlmScriptedReply down = LlmScriptedReply::httpError(500);
    down.content = QStringLiteral("model crashed");
    m_server->enqueue(down);
    takes = generate(true, 1, QStringLiteral("local-llm"));
    QCOMPARE(m_server->requests().size(), 4);
    QCOMPARE(m_summary.succeeded, m_summary.total);
    QCOMPARE(takes.size(), 1);
    QCOMPARE(takes.first().package, original);
}

void TestEnhancedGeneration::offAsksNoModel() {
    const Project sample = test::sampleProject();
    const QList<Take> takes = generate(false, 2, QStringLiteral("local-llm"));
    QCOMPARE(takes.size(), 2);
    QVERIFY(m_server->requests().isEmpty());
    QCOMPARE(takes.first().package, enginePackage(sample, sample.shots.first().id));
}

void TestEnhancedGeneration::noProfileKeepsEnginePackage() {
    const Project sample = test::sampleProject();
    const QList<Take> takes = generate(true, 1, QStringLiteral("no-such-profile"));
    QCOMPARE(m_summary.succeeded, m_summary.total);
    QCOMPARE(takes.size(), 1);
    QVERIFY(m_server->requests().isEmpty());
    QCOMPARE(takes.first().package, enginePackage(sample, sample.shots.first().id));
}

QTEST_GUILESS_MAIN(TestEnhancedGeneration)
#include "tst_enhancedgeneration.moc"
