// ComfyUI end to end against ComfyUiImageServer: templates filled by slot name, references
// uploaded and wired to IP-Adapter / Flux nodes, progress over /ws, the /history polling fallback,
// node_errors and execution errors in plain words, a decompression bomb from /view, the cap.
#include "ImageTestKit.h"
#include "providers/ComfyUiProvider.h"
#include "providers/ComfyUiWorkflow.h"
#include "support/ComfyUiImageServer.h"

#include <QTest>

using namespace shotcraft;
using namespace shotcraft::providers;
using namespace shotcraft::test;

class TestComfyUi : public QObject {
    Q_OBJECT
private:
    ComfyUiImageServer *m_server = nullptr;

    ProviderProfile profile() const {
        ProviderProfile p =
            testProfile(QStringLiteral("comfy-test"), ProviderKind::ComfyUi, m_server->baseUrl(), 5000);
        p.model = QStringLiteral("sd_xl_base_1.0.safetensors");
        p.options = {{"poll_ms", 20}};
        return p;
    }

private Q_SLOTS:
    void initTestCase() { RetryPolicy::setTimeScale(0.02); }
    void init() {
        m_server = new ComfyUiImageServer(this);
        QVERIFY(m_server->listen());
    }
    void cleanup() {
        delete m_server;
        m_server = nullptr;
    }

    void templatesFillEverySlot_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("references");
        for (const QString &name : {QStringLiteral("txt2img"), QStringLiteral("ipadapter"),
                                    QStringLiteral("flux-kontext"), QStringLiteral("flux-redux")})
            for (int refs : {0, 3})
                QTest::addRow("%s, %d refs", qPrintable(name), refs) << name << refs;
    }
    void templatesFillEverySlot() {
        QFETCH(QString, name);
        QFETCH(int, references);
        const Result<ComfyUiWorkflow> w = ComfyUiWorkflow::load(name);
        QVERIFY2(w.ok(), qPrintable(w.error()));
        QMap<QString, Json> values;
        for (const QString &slot : w->slotNames())
            values[slot] = slot.toStdString();
        values.remove(QStringLiteral("chain_end"));
        values.remove(QStringLiteral("chain_prev"));
        QList<ComfyUiReferenceSlot> refs;
        for (int i = 0; i < references; ++i)
            refs.append({QStringLiteral("ref%1.png").arg(i), 0.5});
        const Result<Json> graph = w->fill(values, refs);
        QVERIFY2(graph.ok(), qPrintable(graph.error()));
        const std::string text = graph->dump();
        QVERIFY(text.find("{{") == std::string::npos);
        int loadImages = 0;
        for (const Json &node : *graph)
            loadImages += node["class_type"] == "LoadImage" ? 1 : 0;
        QCOMPARE(loadImages, std::min(references, w->maxReferences()));
        QVERIFY(!w->fill({}, {}).ok()); // an unfilled slot is an error, not a silent default
    }

    void referencesOverWebSocket() {
        ComfyUiProvider provider(profile());
        const ImageRequest request = requestWithReferences(2);
        ImageJob *job = provider.generate(request);
        QSignalSpy progress(job, &ImageJob::progress);
        const ImageResult r = runJob(job);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(m_server->uploads(), 2);
        QCOMPARE(m_server->calls().size(), 1);
        const ComfyUiCall &call = m_server->calls().first();
        QCOMPARE(call.referenceImages.size(), 2);
        QCOMPARE(call.referenceImages[0], request.referenceData[0].encoded);
        QCOMPARE(call.referenceImages[1], request.referenceData[1].encoded);
        QCOMPARE(call.ipAdapterNodes, 2);
        QCOMPARE(call.positive, request.package.positive);
        QCOMPARE(call.negative, request.package.negative);
        QCOMPARE(call.seed, qint64(4242));
        QCOMPARE(call.width, 1344);
        QCOMPARE(call.height, 768);
        QCOMPARE(r.seedUsed, qint64(4242));
        QCOMPARE(r.referencesUsed, (QList<Id>{100, 101}));
        QVERIFY(r.referencesDropped.contains(kUnavailableReference));
        QVERIFY(progress.size() >= 2);                        // websocket progress frames arrived
        QCOMPARE(m_server->http().countPath("/history/"), 1); // no polling needed
    }

    void pollingFallbackWithoutWebSocket() {
        m_server->setWebSocketEnabled(false);
        ComfyUiProvider provider(profile());
        const ImageResult r = runJob(provider.generate(requestWithReferences(0)));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(m_server->http().countPath("/history/") >= 1);
        QCOMPARE(m_server->http().countPath("/view"), 1);
    }

    void fluxKontextTemplate() {
        ProviderProfile p = profile();
        p.model = QStringLiteral("flux1-kontext-dev.safetensors");
        p.options["template"] = "flux-kontext";
        ComfyUiProvider provider(p);
        const ImageResult r = runJob(provider.generate(requestWithReferences(3)));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(m_server->calls().first().ipAdapterNodes, 3); // one ReferenceLatent per reference
        QCOMPARE(m_server->calls().first().referenceImages.size(), 3);
    }

    void missingCheckpointInPlainWords() {
        ProviderProfile p = profile();
        p.model = QStringLiteral("dreamshaper_8.safetensors");
        ComfyUiProvider provider(p);
        const ImageResult r = runJob(provider.generate(requestWithReferences(0)));
        QCOMPARE(r.failure, FailureKind::Permanent);
        QVERIFY2(r.error.contains(QStringLiteral("CheckpointLoaderSimple")), qPrintable(r.error));
        QVERIFY2(r.error.contains(QStringLiteral("dreamshaper_8.safetensors' not in")), qPrintable(r.error));
        QCOMPARE(m_server->http().countPath("/prompt"), 1); // not retried
    }

    void executionErrorReported() {
        m_server->http().faults().push(Fault::ServiceError, 1, "/prompt");
        ComfyUiProvider provider(profile());
        const ImageResult r = runJob(provider.generate(requestWithReferences(0)));
        QCOMPARE(r.failure, FailureKind::Permanent);
        QVERIFY2(r.error.contains(QStringLiteral("CUDA out of memory")), qPrintable(r.error));
    }

    void decompressionBombRefused() {
        m_server->http().faults().push(Fault::DecompressionBomb, 1, "/prompt");
        ComfyUiProvider provider(profile());
        const ImageResult r = runJob(provider.generate(requestWithReferences(0)));
        QCOMPARE(r.failure, FailureKind::Transient);
        QVERIFY2(r.error.contains(QStringLiteral("20000x20000")), qPrintable(r.error));
    }

    void transientFaultsRetried() {
        m_server->http().faults().push(Fault::Status503, 1, "/prompt");
        m_server->http().faults().push(Fault::DropMidBody, 1, "/view");
        m_server->http().faults().push(Fault::RateLimitMs, 1, "/upload/image");
        ComfyUiProvider provider(profile());
        const ImageResult r = runJob(provider.generate(requestWithReferences(1)));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(m_server->http().countPath("/prompt"), 2);
        // Qt itself may resend an idempotent GET once on a dropped keep-alive connection.
        QVERIFY(m_server->http().countPath("/view") >= 2);
        QCOMPARE(m_server->http().countPath("/upload/image"), 2);
    }

    void runningNeverExceedsCap() {
        m_server->setRunMs(40);
        ComfyUiProvider provider(profile());
        QList<QSignalSpy *> spies;
        for (int i = 0; i < 5; ++i)
            spies.append(new QSignalSpy(provider.generate(requestWithReferences(0)), &ImageJob::finished));
        for (QSignalSpy *spy : spies) {
            QTRY_COMPARE_WITH_TIMEOUT(spy->size(), 1, 10000);
            QVERIFY(spy->first().first().value<ImageResult>().ok());
        }
        qDeleteAll(spies);
        QCOMPARE(m_server->calls().size(), 5);
        QVERIFY(m_server->maxRunning() <= 2);
        QVERIFY(m_server->maxRunning() >= 1);
    }

    void cancelWhileRunning() {
        m_server->setRunMs(2000);
        ComfyUiProvider provider(profile());
        ImageJob *job = provider.generate(requestWithReferences(0));
        QSignalSpy spy(job, &ImageJob::finished);
        QTRY_COMPARE(m_server->calls().size(), 1);
        job->cancel();
        QVERIFY(spy.wait(2000));
        QCOMPARE(spy.first().first().value<ImageResult>().failure, FailureKind::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestComfyUi)
#include "tst_comfyui.moc"
