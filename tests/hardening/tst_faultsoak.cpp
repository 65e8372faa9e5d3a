// Network faults by the thousand: every fault the wire test servers can produce — each Retry-After
// form, 5xx, 529, drops mid-body, truncated JSON and SSE, HTML with status 200, bad base64,
// decompression-bomb images, quota and auth errors — injected one job at a time into the image
// services (OpenAI Images, ComfyUI, AUTOMATIC1111) and the three chat protocols, from a seeded
// random sequence. Each job must end as its fault says (retried and whole, or a clear failure of the
// right kind), a non-retryable error must reach the server exactly once, and bursts of concurrent
// jobs through the faults must never put more requests in flight than the provider's cap.
//
// SHOTCRAFT_SOAK_FAULTS sets how many faults (the default run is a short slice; `ctest -L soak`
// runs 10,000). The summary line gives the counts the reliability notes quote.
#include "llm/LlmTestKit.h"
#include "providers/Automatic1111Provider.h"
#include "providers/ComfyUiProvider.h"
#include "providers/ImageTestKit.h"
#include "providers/LlmRegistry.h"
#include "providers/OpenAiImagesProvider.h"
#include "providers/RetryPolicy.h"
#include "providers/Secrets.h"
#include "support/Automatic1111ImageServer.h"
#include "support/ComfyUiImageServer.h"
#include "support/LlmTestServer.h"
#include "support/OpenAiImageServer.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

#include <memory>
#include <vector>

using namespace shotcraft;
using namespace shotcraft::providers;
using namespace shotcraft::test;
using LlmFault = LlmScriptedReply::Fault;

namespace {

// What a fault must lead to: the job's failure kind and how many requests reach the endpoint.
struct Expectation {
    FailureKind kind;
    int requests;
    bool retryable() const { return kind == FailureKind::None; }
};

struct ImageFault {
    Fault fault;
    Expectation expect;
};

// One image service under test: its server, its provider and where its faults land.
struct ImageRig {
    QString name;
    HttpTestServer *http = nullptr;
    std::shared_ptr<ImageProvider> provider;
    QByteArray faultPath;
    QList<ImageFault> faults;
};

struct LlmFaultCase {
    LlmScriptedReply reply;
    Expectation expect;
    bool stream;
};

struct LlmRig {
    QString name;
    std::shared_ptr<LlmTestServer> server;
    std::shared_ptr<LlmProvider> provider;
    QList<LlmFaultCase> faults;
};

// Faults a single HTTP request can meet, and what each must come to, as the services' own tests
// establish them one by one. Retryable faults are retried once and succeed.
QList<ImageFault> commonImageFaults() {
    const Expectation retried{FailureKind::None, 2};
    const Expectation badAnswer{FailureKind::Transient, 1};
    return {{Fault::RateLimitSeconds, retried},    {Fault::RateLimitMs, retried},
            {Fault::RateLimitDate, retried},       {Fault::Status500, retried},
            {Fault::Status503, retried},           {Fault::Status529, retried},
            {Fault::DropMidBody, retried},         {Fault::InvalidBase64, badAnswer},
            {Fault::DecompressionBomb, badAnswer}, {Fault::TruncatedJson, badAnswer},
            {Fault::HtmlErrorPage200, badAnswer}};
}

LlmScriptedReply llmReply(LlmFault fault, int status = 200, const QByteArray &retryAfter = {}) {
    LlmScriptedReply r = LlmScriptedReply::text(QStringLiteral("{\"acts\":[{\"number\":1,\"title\":\"Ferry"));
    r.fault = fault;
    r.status = status;
    r.retryAfter = retryAfter;
    return r;
}

int soakFaults() {
    bool ok = false;
    const int n = qEnvironmentVariableIntValue("SHOTCRAFT_SOAK_FAULTS", &ok);
    return ok && n > 0 ? n : 500;
}

} // namespace

class TestFaultSoak : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void faultsEndAsTheySay();

private:
    void buildImageRigs();
    void buildLlmRigs();
    bool runImageFault(ImageRig &rig, const ImageFault &f, QString *mismatch);
    bool runLlmFault(LlmRig &rig, const LlmFaultCase &f, QString *mismatch);
    int burst(ImageRig &rig, QRandomGenerator &rng); // peak in flight

    std::unique_ptr<OpenAiImageServer> m_openAi;
    std::unique_ptr<ComfyUiImageServer> m_comfy;
    std::unique_ptr<Automatic1111ImageServer> m_a1111;
    std::vector<ImageRig> m_images;
    std::vector<LlmRig> m_llms;
    int m_nonRetryableRetried = 0;
};

void TestFaultSoak::initTestCase() {
    RetryPolicy::setTimeScale(0.01); // backoff and Retry-After in milliseconds
    Secrets::setKeychainEnabled(false);
    qRegisterMetaType<LlmResponse>();
    if (qEnvironmentVariableIsEmpty("SHOTCRAFT_OPENAI_API_KEY"))
        qputenv("SHOTCRAFT_OPENAI_API_KEY", "sk-local-test-key");
    if (qEnvironmentVariableIsEmpty("SHOTCRAFT_ANTHROPIC_API_KEY"))
        qputenv("SHOTCRAFT_ANTHROPIC_API_KEY", "sk-local-test-key");
    buildImageRigs();
    buildLlmRigs();
}

void TestFaultSoak::buildImageRigs() {
    m_openAi = std::make_unique<OpenAiImageServer>();
    m_comfy = std::make_unique<ComfyUiImageServer>();
    m_a1111 = std::make_unique<Automatic1111ImageServer>();
    QVERIFY(m_openAi->listen() && m_comfy->listen() && m_a1111->listen());

    ImageRig openAi;
    openAi.name = QStringLiteral("openai-images");
    openAi.http = &m_openAi->http();
    ProviderProfile p = testProfile(openAi.name, ProviderKind::OpenAiImages, m_openAi->baseUrl());
    p.model = QStringLiteral("gpt-image-1");
    openAi.provider = std::make_shared<OpenAiImagesProvider>(p);
    openAi.faultPath = "/v1/images";
    openAi.faults = commonImageFaults();
    openAi.faults += {{Fault::WrongContentType, {FailureKind::Transient, 1}},
                      {Fault::ContentPolicy, {FailureKind::ContentPolicy, 1}},
                      {Fault::RateLimitQuota, {FailureKind::Permanent, 1}},
                      {Fault::Status400, {FailureKind::Permanent, 1}},
                      {Fault::Status401, {FailureKind::Permanent, 1}}};
    m_images.push_back(std::move(openAi));

    ImageRig comfy;
    comfy.name = QStringLiteral("comfyui");
    comfy.http = &m_comfy->http();
    p = testProfile(comfy.name, ProviderKind::ComfyUi, m_comfy->baseUrl(), 5000);
    p.model = QStringLiteral("sd_xl_base_1.0.safetensors");
    p.options = {{"poll_ms", 5}};
    comfy.provider = std::make_shared<ComfyUiProvider>(p);
    comfy.faultPath = "/prompt";
    comfy.faults = {{Fault::RateLimitMs, {FailureKind::None, 2}},
                    {Fault::RateLimitSeconds, {FailureKind::None, 2}},
                    {Fault::Status500, {FailureKind::None, 2}},
                    {Fault::Status503, {FailureKind::None, 2}},
                    {Fault::DecompressionBomb, {FailureKind::Transient, 1}},
                    {Fault::ServiceError, {FailureKind::Permanent, 1}}};
    m_images.push_back(std::move(comfy));

    ImageRig a1111;
    a1111.name = QStringLiteral("automatic1111");
    a1111.http = &m_a1111->http();
    p = testProfile(a1111.name, ProviderKind::Automatic1111, m_a1111->baseUrl());
    a1111.provider = std::make_shared<Automatic1111Provider>(p);
    a1111.faultPath = "/sdapi/";
    a1111.faults = commonImageFaults();
    a1111.faults += {{Fault::ServiceError, {FailureKind::Permanent, 1}}};
    m_images.push_back(std::move(a1111));
}

void TestFaultSoak::buildLlmRigs() {
    const struct {
        LlmProtocol protocol;
        ProviderKind kind;
        const char *name;
    } protocols[] = {{LlmProtocol::OpenAi, ProviderKind::OpenAiChat, "openai-chat"},
                     {LlmProtocol::Anthropic, ProviderKind::Anthropic, "anthropic"},
                     {LlmProtocol::Ollama, ProviderKind::Ollama, "ollama"}};
    const QByteArray httpDate =
        QDateTime::currentDateTimeUtc().addSecs(1).toString(Qt::RFC2822Date).toLatin1();
    for (const auto &proto : protocols) {
        LlmRig rig;
        rig.name = QLatin1String(proto.name);
        rig.server = std::make_shared<LlmTestServer>(proto.protocol);
        QVERIFY(rig.server->listen());
        auto provider = LlmRegistry::create(llmTestProfile(proto.protocol, rig.server->baseUrl()));
        QVERIFY2(provider.ok(), qPrintable(provider.error()));
        rig.provider = *provider;
        const Expectation retried{FailureKind::None, 2};
        // A stream that has started is never resent: what came is reported, once.
        const Expectation brokenStream{FailureKind::Transient, 1};
        const Expectation refused{FailureKind::Permanent, 1};
        for (const bool stream : {true, false}) {
            rig.faults += {{llmReply(LlmFault::Status, 429, "1"), retried, stream},
                           {llmReply(LlmFault::Status, 429, "0.5"), retried, stream},
                           {llmReply(LlmFault::Status, 429, httpDate), retried, stream},
                           {llmReply(LlmFault::Status, 500), retried, stream},
                           {llmReply(LlmFault::Status, 503, "1"), retried, stream},
                           {llmReply(LlmFault::Status, 400), refused, stream},
                           {llmReply(LlmFault::Status, 401), refused, stream},
                           {llmReply(LlmFault::Status, 404), refused, stream}};
        }
        rig.faults += {{llmReply(LlmFault::ErrorMidStream), brokenStream, true},
                       {llmReply(LlmFault::CutConnection), brokenStream, true}};
        if (proto.protocol == LlmProtocol::Anthropic)
            rig.faults += {{llmReply(LlmFault::Status, 529), retried, true},
                           {llmReply(LlmFault::Status, 529), retried, false}};
        m_llms.push_back(std::move(rig));
    }
}

bool TestFaultSoak::runImageFault(ImageRig &rig, const ImageFault &f, QString *mismatch) {
    rig.http->resetCounters();
    rig.http->faults().push(f.fault, 1, rig.faultPath);
    const ImageResult r = runJob(rig.provider->generate(requestWithReferences(0)), 20000);
    const int requests = rig.http->countPath(rig.faultPath);
    if (!f.expect.retryable() && requests > 1)
        ++m_nonRetryableRetried;
    const bool ok = r.failure == f.expect.kind && requests == f.expect.requests &&
                    r.ok() == !r.encoded.isEmpty() &&
                    (r.ok() || (!r.error.isEmpty() && !r.error.contains(u'\n')));
    if (!ok)
        *mismatch = QStringLiteral("%1 %2: failure %3 after %4 requests (%5), expected %6 after %7")
                        .arg(rig.name, QLatin1String(faultName(f.fault)))
                        .arg(int(r.failure))
                        .arg(requests)
                        .arg(r.error)
                        .arg(int(f.expect.kind))
                        .arg(f.expect.requests);
    rig.http->faults().clear();
    return ok;
}

bool TestFaultSoak::runLlmFault(LlmRig &rig, const LlmFaultCase &f, QString *mismatch) {
    const int before = int(rig.server->requests().size());
    rig.server->enqueue(f.reply);
    if (f.expect.retryable())
        rig.server->enqueue(LlmScriptedReply::text(QStringLiteral("Low angle, 35mm, hard noon light.")));
    LlmJob *job = rig.provider->chat(simpleChatRequest(f.stream));
    QSignalSpy done(job, &LlmJob::finished);
    LlmResponse r{FailureKind::Transient, QStringLiteral("no answer in time")};
    if (done.wait(20000))
        r = done.first().first().value<LlmResponse>();
    const int requests = int(rig.server->requests().size()) - before;
    if (!f.expect.retryable() && requests > 1)
        ++m_nonRetryableRetried;
    const bool ok = r.failure == f.expect.kind && requests == f.expect.requests &&
                    (r.ok() || (!r.error.isEmpty() && !r.error.contains(u'\n')));
    if (!ok)
        *mismatch = QStringLiteral("%1 HTTP %2 fault %3 (%4): failure %5 after %6 requests (%7)")
                        .arg(rig.name)
                        .arg(f.reply.status)
                        .arg(int(f.reply.fault))
                        .arg(f.stream ? QStringLiteral("stream") : QStringLiteral("whole"))
                        .arg(int(r.failure))
                        .arg(requests)
                        .arg(r.error);
    // A reply the provider did not ask for must not answer the next case.
    rig.server->clearScript();
    return ok;
}

int TestFaultSoak::burst(ImageRig &rig, QRandomGenerator &rng) {
    rig.http->resetCounters();
    rig.http->faults().latencyMs = 3;
    // Rate limits while the jobs queue up: retries must wait their turn under the cap too.
    rig.http->faults().push(Fault::RateLimitMs, 1 + int(rng.bounded(3)), rig.faultPath);
    QList<std::shared_ptr<QSignalSpy>> spies;
    for (int i = 0; i < 6; ++i)
        spies.append(std::make_shared<QSignalSpy>(rig.provider->generate(requestWithReferences(i % 2)),
                                                  &ImageJob::finished));
    for (const auto &spy : spies)
        if (spy->isEmpty() && !spy->wait(20000))
            return -1;
    rig.http->faults().latencyMs = 0;
    rig.http->faults().clear();
    return rig.http->maxInFlight();
}

void TestFaultSoak::faultsEndAsTheySay() {
    const int target = soakFaults();
    QRandomGenerator rng(20261207);
    QElapsedTimer clock;
    clock.start();
    int injected = 0, imageFaults = 0, llmFaults = 0, bursts = 0, jobs = 0, peakInFlight = 0, wrong = 0;
    QStringList mismatches;
    while (injected < target) {
        QString mismatch;
        bool ok;
        // Three in five faults go to the image services, where a paid request is at stake.
        if (rng.bounded(5) < 3) {
            ImageRig &rig = m_images[rng.bounded(int(m_images.size()))];
            ok = runImageFault(rig, rig.faults[rng.bounded(int(rig.faults.size()))], &mismatch);
            ++imageFaults;
        } else {
            LlmRig &rig = m_llms[rng.bounded(int(m_llms.size()))];
            ok = runLlmFault(rig, rig.faults[rng.bounded(int(rig.faults.size()))], &mismatch);
            ++llmFaults;
        }
        ++injected;
        ++jobs;
        if (!ok && ++wrong <= 20)
            mismatches.append(mismatch);
        if (injected % 50 == 0) {
            ImageRig &rig = m_images[rng.bounded(int(m_images.size()))];
            const int peak = burst(rig, rng);
            if (peak < 0 && ++wrong <= 20)
                mismatches.append(rig.name + QStringLiteral(": a job in a burst never finished"));
            peakInFlight = std::max(peakInFlight, peak);
            ++bursts;
            jobs += 6;
        }
    }
    const int cap = m_images.front().provider->caps().maxConcurrency;
    const QString summary =
        QStringLiteral("fault soak: %1 faults injected (%2 image, %3 chat) over %4 jobs and "
                       "%5 concurrent bursts in %6 s; %7 mismatches, 0 crashes, %8 retries "
                       "of non-retryable errors, peak in flight %9 (cap %10)")
            .arg(injected)
            .arg(imageFaults)
            .arg(llmFaults)
            .arg(jobs)
            .arg(bursts)
            .arg(clock.elapsed() / 1000.0, 0, 'f', 1)
            .arg(wrong)
            .arg(m_nonRetryableRetried)
            .arg(peakInFlight)
            .arg(cap);
    // The one line the reliability notes quote; stdout so ctest -V and the CI log show it.
    fprintf(stdout, "%s\n", qPrintable(summary));
    fflush(stdout);
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(u'\n')));
    QCOMPARE(m_nonRetryableRetried, 0);
    QVERIFY2(peakInFlight <= cap, qPrintable(summary));
}

QTEST_GUILESS_MAIN(TestFaultSoak)
#include "tst_faultsoak.moc"
