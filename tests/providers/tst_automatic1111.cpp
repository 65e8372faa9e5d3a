// AUTOMATIC1111 / Forge end to end against Automatic1111ImageServer: txt2img with ControlNet
// IP-Adapter units (model name checked against /controlnet/model_list), img2img from a chained
// take, the seed read back from `info`, faults and the concurrency cap.
#include "ImageTestKit.h"
#include "providers/Automatic1111Provider.h"
#include "support/Automatic1111ImageServer.h"

#include <QTest>

using namespace shotcraft;
using namespace shotcraft::providers;
using namespace shotcraft::test;

Q_DECLARE_METATYPE(shotcraft::test::Fault)
Q_DECLARE_METATYPE(shotcraft::providers::FailureKind)

class TestAutomatic1111 : public QObject {
    Q_OBJECT
private:
    Automatic1111ImageServer *m_server = nullptr;

    ProviderProfile profile() const {
        ProviderProfile p =
            testProfile(QStringLiteral("a1111-test"), ProviderKind::Automatic1111, m_server->baseUrl());
        p.options = {{"ipadapter_module", "ip-adapter_clip_sd15"}, {"ipadapter_model", "ip-adapter_sd15"}};
        return p;
    }

private Q_SLOTS:
    void initTestCase() { RetryPolicy::setTimeScale(0.02); }
    void init() {
        m_server = new Automatic1111ImageServer(this);
        QVERIFY(m_server->listen());
    }
    void cleanup() {
        delete m_server;
        m_server = nullptr;
    }

    void txt2imgWithIpAdapterReferences() {
        Automatic1111Provider provider(profile());
        const ImageRequest request = requestWithReferences(2);
        const ImageResult r = runJob(provider.generate(request));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(m_server->http().countPath("/controlnet/model_list"), 1);
        QCOMPARE(m_server->calls().size(), 1);
        const Automatic1111Call &call = m_server->calls().first();
        QCOMPARE(call.endpoint, QByteArray("txt2img"));
        QCOMPARE(call.prompt, request.package.positive);
        QCOMPARE(call.negativePrompt, request.package.negative);
        QCOMPARE(call.seed, qint64(4242));
        QCOMPARE(call.width, 1344);
        QCOMPARE(call.height, 768);
        QCOMPARE(call.steps, 24);
        QCOMPARE(call.sampler, QStringLiteral("DPM++ 2M"));
        QCOMPARE(call.controlNet.size(), 2);
        QCOMPARE(call.controlNet[0].model, QStringLiteral("ip-adapter_sd15 [6a3f6166]"));
        QCOMPARE(call.controlNet[0].module, QStringLiteral("ip-adapter_clip_sd15"));
        QCOMPARE(call.controlNet[0].image, request.referenceData[0].encoded);
        QCOMPARE(call.controlNet[1].image, request.referenceData[1].encoded);
        QCOMPARE(r.seedUsed, qint64(4242));
        QCOMPARE(r.referencesUsed, (QList<Id>{100, 101}));
        QVERIFY(r.referencesDropped.contains(kUnavailableReference));
    }

    void img2imgFromChainedTake() {
        Automatic1111Provider provider(profile());
        const ImageRequest request = requestWithReferences(2, /*chainedFirst*/ true);
        const ImageResult r = runJob(provider.generate(request));
        QVERIFY2(r.ok(), qPrintable(r.error));
        const Automatic1111Call &call = m_server->calls().first();
        QCOMPARE(call.endpoint, QByteArray("img2img"));
        QCOMPARE(call.initImages.size(), 1);
        QCOMPARE(call.initImages.first(), request.referenceData[0].encoded);
        QVERIFY(call.denoisingStrength > 0 && call.denoisingStrength < 1);
        QCOMPARE(call.controlNet.size(), 1);
        QCOMPARE(call.controlNet.first().image, request.referenceData[1].encoded);
        QCOMPARE(r.referencesUsed.size(), 2);
    }

    void randomSeedReadFromInfo() {
        m_server->setRandomSeed(987654321);
        Automatic1111Provider provider(profile());
        const ImageResult r = runJob(provider.generate(requestWithReferences(0, false, /*seed*/ 0)));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(m_server->calls().first().seed, qint64(-1));
        QCOMPARE(r.seedUsed, qint64(987654321));
        QCOMPARE(m_server->http().countPath("/controlnet/model_list"),
                 0); // nothing to check without references
    }

    void unknownControlNetModelDropsReferences() {
        m_server->setControlNetModels({QStringLiteral("control_v11p_sd15_canny [d14c016b]")});
        Automatic1111Provider provider(profile());
        const ImageResult r = runJob(provider.generate(requestWithReferences(2)));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(m_server->calls().first().controlNet.size(), 0);
        QVERIFY(r.referencesUsed.isEmpty());
        QVERIFY(r.referencesDropped.contains(100));
        QVERIFY(r.referencesDropped.contains(101));
    }

    void faults_data() {
        QTest::addColumn<Fault>("fault");
        QTest::addColumn<FailureKind>("kind");
        QTest::addColumn<QString>("words");
        QTest::newRow("503 retried") << Fault::Status503 << FailureKind::None << QString();
        QTest::newRow("dropped mid-body retried") << Fault::DropMidBody << FailureKind::None << QString();
        QTest::newRow("invalid base64")
            << Fault::InvalidBase64 << FailureKind::Transient << QStringLiteral("base64");
        QTest::newRow("decompression bomb")
            << Fault::DecompressionBomb << FailureKind::Transient << QStringLiteral("20000x20000");
        QTest::newRow("truncated JSON")
            << Fault::TruncatedJson << FailureKind::Transient << QStringLiteral("not complete JSON");
        QTest::newRow("HTML with 200")
            << Fault::HtmlErrorPage200 << FailureKind::Transient << QStringLiteral("HTML");
        QTest::newRow("FastAPI 422") << Fault::ServiceError << FailureKind::Permanent
                                     << QStringLiteral("Sampler not found");
    }
    void faults() {
        QFETCH(Fault, fault);
        QFETCH(FailureKind, kind);
        QFETCH(QString, words);
        m_server->http().faults().push(fault, 1, "/sdapi/");
        Automatic1111Provider provider(profile());
        const ImageResult r = runJob(provider.generate(requestWithReferences(0)));
        QCOMPARE(r.failure, kind);
        if (!words.isEmpty())
            QVERIFY2(r.error.contains(words), qPrintable(r.error));
        const int expected = kind == FailureKind::None ? 2 : 1;
        QCOMPARE(m_server->http().countPath("/sdapi/"), expected);
    }

    void inFlightNeverExceedsCap() {
        m_server->http().faults().latencyMs = 30;
        Automatic1111Provider provider(profile());
        QList<QSignalSpy *> spies;
        for (int i = 0; i < 5; ++i)
            spies.append(new QSignalSpy(provider.generate(requestWithReferences(1)), &ImageJob::finished));
        for (QSignalSpy *spy : spies)
            QTRY_COMPARE_WITH_TIMEOUT(spy->size(), 1, 10000);
        qDeleteAll(spies);
        QCOMPARE(m_server->calls().size(), 5);
        QVERIFY(m_server->http().maxInFlight() <= 2);
    }

    void modelMatching() {
        const QStringList available{QStringLiteral("ip-adapter_sd15 [6a3f6166]"),
                                    QStringLiteral("ip-adapter_sd15_plus [32cd8f7f]")};
        QCOMPARE(Automatic1111Provider::matchModel(available, QStringLiteral("ip-adapter_sd15")),
                 available[0]);
        QCOMPARE(Automatic1111Provider::matchModel(available, available[1]), available[1]);
        QCOMPARE(Automatic1111Provider::matchModel(available, QStringLiteral("ip-adapter")), QString());
    }
};

QTEST_GUILESS_MAIN(TestAutomatic1111)
#include "tst_automatic1111.moc"
