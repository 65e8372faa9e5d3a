// OpenAI Images end to end against OpenAiImageServer: edits with image[] references and
// input_fidelity, generations without, the 16-reference cap, every fault mapped to a retry or a
// clear failure kind, the concurrency cap, cancellation and a missing key.
#include "ImageTestKit.h"
#include "providers/OpenAiImagesProvider.h"
#include "providers/Secrets.h"
#include "support/OpenAiImageServer.h"

#include <QTest>

using namespace shotcraft;
using namespace shotcraft::providers;
using namespace shotcraft::test;

Q_DECLARE_METATYPE(shotcraft::test::Fault)
Q_DECLARE_METATYPE(shotcraft::providers::FailureKind)

class TestOpenAiImages : public QObject {
    Q_OBJECT
private:
    OpenAiImageServer *m_server = nullptr;
    QByteArray m_key;

    ProviderProfile profile() const {
        ProviderProfile p =
            testProfile(QStringLiteral("openai-test"), ProviderKind::OpenAiImages, m_server->baseUrl());
        p.model = QStringLiteral("gpt-image-1");
        p.options = {{"quality", "low"}, {"input_fidelity", "high"}};
        return p;
    }

private Q_SLOTS:
    void initTestCase() {
        RetryPolicy::setTimeScale(0.02);
        Secrets::setKeychainEnabled(false);
        if (qEnvironmentVariableIsEmpty("SHOTCRAFT_OPENAI_API_KEY"))
            qputenv("SHOTCRAFT_OPENAI_API_KEY", "sk-local-test-key");
        m_key = qgetenv("SHOTCRAFT_OPENAI_API_KEY");
    }
    void init() {
        m_server = new OpenAiImageServer(this);
        m_server->setExpectedKey(m_key);
        QVERIFY(m_server->listen());
    }
    void cleanup() {
        delete m_server;
        m_server = nullptr;
    }

    void editsCarryReferences() {
        OpenAiImagesProvider provider(profile());
        const ImageRequest request = requestWithReferences(3);
        const ImageResult r = runJob(provider.generate(request));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(m_server->calls().size(), 1);
        const OpenAiImageCall &call = m_server->calls().first();
        QCOMPARE(call.endpoint, QByteArray("edits"));
        QCOMPARE(call.images.size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(call.images[i], request.referenceData[i].encoded);
        QCOMPARE(call.inputFidelity, QStringLiteral("high"));
        QCOMPARE(call.size, QStringLiteral("1536x1024")); // nearest to 1344x768
        QCOMPARE(call.model, QStringLiteral("gpt-image-1"));
        QVERIFY(call.prompt.startsWith(request.package.positive));
        QVERIFY(call.prompt.contains(QStringLiteral("Avoid: blurry, extra fingers")));
        QCOMPARE(call.authorization, "Bearer " + m_key);
        QCOMPARE(r.referencesUsed, (QList<Id>{100, 101, 102}));
        QVERIFY(r.referencesDropped.contains(kUnavailableReference));
        QVERIFY(r.width > 0 && r.height > 0);
        QCOMPARE(r.format, QByteArray("png"));
    }

    void generationsWithoutReferences() {
        OpenAiImagesProvider provider(profile());
        ImageRequest request = requestWithReferences(0);
        request.package.params.width = 768;
        request.package.params.height = 1344;
        const ImageResult r = runJob(provider.generate(request));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(m_server->calls().first().endpoint, QByteArray("generations"));
        QCOMPARE(m_server->calls().first().size, QStringLiteral("1024x1536"));
        QCOMPARE(m_server->calls().first().quality, QStringLiteral("low"));
    }

    void atMostSixteenReferences() {
        OpenAiImagesProvider provider(profile());
        QCOMPARE(provider.caps().maxReferences, 16);
        const ImageResult r = runJob(provider.generate(requestWithReferences(18)));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(m_server->calls().first().images.size(), 16);
        QCOMPARE(r.referencesUsed.size(), 16);
        QVERIFY(r.referencesDropped.contains(116));
        QVERIFY(r.referencesDropped.contains(117));
    }

    void faults_data() {
        QTest::addColumn<Fault>("fault");
        QTest::addColumn<FailureKind>("kind");
        QTest::addColumn<int>("requests");
        QTest::addColumn<QString>("words");
        QTest::newRow("429 seconds") << Fault::RateLimitSeconds << FailureKind::None << 2 << QString();
        QTest::newRow("429 ms") << Fault::RateLimitMs << FailureKind::None << 2 << QString();
        QTest::newRow("429 date") << Fault::RateLimitDate << FailureKind::None << 2 << QString();
        QTest::newRow("500") << Fault::Status500 << FailureKind::None << 2 << QString();
        QTest::newRow("503") << Fault::Status503 << FailureKind::None << 2 << QString();
        QTest::newRow("529") << Fault::Status529 << FailureKind::None << 2 << QString();
        QTest::newRow("dropped mid-body") << Fault::DropMidBody << FailureKind::None << 2 << QString();
        QTest::newRow("slow drip") << Fault::SlowDrip << FailureKind::None << 1 << QString();
        QTest::newRow("latency") << Fault::Latency << FailureKind::None << 1 << QString();
        QTest::newRow("content policy")
            << Fault::ContentPolicy << FailureKind::ContentPolicy << 1 << QStringLiteral("content policy");
        QTest::newRow("invalid base64")
            << Fault::InvalidBase64 << FailureKind::Transient << 1 << QStringLiteral("base64");
        QTest::newRow("decompression bomb")
            << Fault::DecompressionBomb << FailureKind::Transient << 1 << QStringLiteral("20000x20000");
        QTest::newRow("truncated JSON")
            << Fault::TruncatedJson << FailureKind::Transient << 1 << QStringLiteral("not complete JSON");
        QTest::newRow("HTML page with 200")
            << Fault::HtmlErrorPage200 << FailureKind::Transient << 1 << QStringLiteral("HTML");
        QTest::newRow("wrong content type")
            << Fault::WrongContentType << FailureKind::Transient << 1 << QStringLiteral("instead of JSON");
        QTest::newRow("401") << Fault::Status401 << FailureKind::Permanent << 1 << QStringLiteral("API key");
        QTest::newRow("400") << Fault::Status400 << FailureKind::Permanent << 1 << QStringLiteral("HTTP 400");
        QTest::newRow("insufficient quota")
            << Fault::RateLimitQuota << FailureKind::Permanent << 1 << QStringLiteral("quota");
    }
    void faults() {
        QFETCH(Fault, fault);
        QFETCH(FailureKind, kind);
        QFETCH(int, requests);
        QFETCH(QString, words);
        m_server->http().faults().push(fault);
        m_server->http().faults().dripChunk = 64;
        m_server->http().faults().dripIntervalMs = 2;
        OpenAiImagesProvider provider(profile());
        const ImageResult r = runJob(provider.generate(requestWithReferences(1)));
        QCOMPARE(r.failure, kind);
        QCOMPARE(m_server->http().requestCount(), requests);
        if (!words.isEmpty())
            QVERIFY2(r.error.contains(words, Qt::CaseInsensitive), qPrintable(r.error));
        if (kind == FailureKind::None)
            QVERIFY(!r.encoded.isEmpty());
        else
            QVERIFY(r.encoded.isEmpty());
    }

    void inFlightNeverExceedsCap() {
        m_server->http().faults().latencyMs = 40;
        OpenAiImagesProvider provider(profile());
        QCOMPARE(provider.caps().maxConcurrency, 2);
        QList<QSignalSpy *> spies;
        for (int i = 0; i < 6; ++i)
            spies.append(
                new QSignalSpy(provider.generate(requestWithReferences(i % 2)), &ImageJob::finished));
        for (QSignalSpy *spy : spies) {
            QTRY_COMPARE_WITH_TIMEOUT(spy->size(), 1, 10000);
            QVERIFY(spy->first().first().value<ImageResult>().ok());
        }
        qDeleteAll(spies);
        QCOMPARE(m_server->http().requestCount(), 6);
        QCOMPARE(m_server->http().maxInFlight(), 2);
    }

    void cancelInFlight() {
        m_server->http().faults().push(Fault::Hang);
        OpenAiImagesProvider provider(profile());
        ImageJob *job = provider.generate(requestWithReferences(1));
        QSignalSpy spy(job, &ImageJob::finished);
        QTRY_COMPARE(m_server->http().inFlight(), 1);
        job->cancel();
        QVERIFY(spy.wait(2000));
        QCOMPARE(spy.first().first().value<ImageResult>().failure, FailureKind::Cancelled);
        QTRY_COMPARE(m_server->http().inFlight(), 0); // the connection was really closed
        QCOMPARE(m_server->http().requestCount(), 1);
    }

    void missingKeyIsAClearPermanentFailure() {
        const QByteArray saved = qgetenv("SHOTCRAFT_OPENAI_API_KEY");
        qunsetenv("SHOTCRAFT_OPENAI_API_KEY");
        OpenAiImagesProvider provider(profile());
        const ImageResult r = runJob(provider.generate(requestWithReferences(0)));
        qputenv("SHOTCRAFT_OPENAI_API_KEY", saved);
        QCOMPARE(r.failure, FailureKind::Permanent);
        QVERIFY2(r.error.contains(QStringLiteral("SHOTCRAFT_OPENAI_TEST_API_KEY")), qPrintable(r.error));
        QCOMPARE(m_server->http().requestCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestOpenAiImages)
#include "tst_openaiimages.moc"
