// The HTTP layer against a scripted server: retries on exactly the retryable faults (each
// Retry-After form honoured), none after a non-retryable error, timeouts, cancellation, size and
// redirect limits, and the concurrency gate's cap.
#include "providers/HttpClient.h"
#include "support/HttpTestServer.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace shotcraft;
using namespace shotcraft::providers;
using namespace shotcraft::test;

Q_DECLARE_METATYPE(shotcraft::test::Fault)

class TestHttpClient : public QObject {
    Q_OBJECT
private:
    HttpTestServer *m_server = nullptr;

    HttpResponse run(HttpRequest request, HttpClient &client) {
        HttpCall *call = client.send(request);
        QSignalSpy spy(call, &HttpCall::finished);
        if (!spy.wait(10000))
            return HttpResponse{HttpFailure::Cancelled,           0, {},   {},
                                QStringLiteral("test timed out"), 0, false};
        return spy.first().first().value<HttpResponse>();
    }
    HttpRequest apiRequest(const QByteArray &path = "/v1/thing") {
        HttpRequest r = HttpRequest::postJson(
            QUrl(m_server->baseUrl().toString() + QString::fromLatin1(path)), R"({"hello":"world"})");
        r.timeouts.connectMs = 2000;
        r.timeouts.transferMs = 3000;
        r.timeouts.totalMs = 5000;
        return r;
    }

private Q_SLOTS:
    void initTestCase() {
        qRegisterMetaType<HttpResponse>();
        RetryPolicy::setTimeScale(0.02); // 0.5 s backoff -> 10 ms
    }
    void init() {
        m_server = new HttpTestServer(this);
        m_server->setHandler([](const TestHttpRequest &req, Fault) {
            if (req.path == "/big")
                return TestHttpResponse::bytes(200, "application/octet-stream", QByteArray(4096, 'x'));
            return TestHttpResponse::json(200, {{"ok", true}, {"echo", req.json()}});
        });
        QVERIFY(m_server->listen());
    }
    void cleanup() {
        delete m_server;
        m_server = nullptr;
    }

    void backoff_data() {
        QTest::addColumn<int>("retry");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("first") << 0 << qint64(500);
        QTest::newRow("second") << 1 << qint64(1000);
        QTest::newRow("fourth") << 3 << qint64(4000);
        QTest::newRow("capped") << 4 << qint64(8000);
        QTest::newRow("far") << 12 << qint64(8000);
    }
    void backoff() {
        QFETCH(int, retry);
        QFETCH(qint64, expected);
        QCOMPARE(RetryPolicy().backoffMs(retry), expected);
    }

    void serverDelay_data() {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("expected"); // -1: none
        QTest::newRow("ms") << QByteArray("retry-after-ms") << QByteArray("1500") << qint64(1500);
        QTest::newRow("seconds float") << QByteArray("Retry-After") << QByteArray("2.5") << qint64(2500);
        QTest::newRow("seconds int") << QByteArray("retry-after") << QByteArray("7") << qint64(7000);
        QTest::newRow("date") << QByteArray("retry-after") << QByteArray("Fri, 27 Nov 2026 10:00:30 GMT")
                              << qint64(30000);
        QTest::newRow("past date") << QByteArray("retry-after") << QByteArray("Fri, 27 Nov 2026 09:00:00 GMT")
                                   << qint64(0);
        QTest::newRow("capped") << QByteArray("retry-after") << QByteArray("600") << qint64(60000);
        QTest::newRow("garbage") << QByteArray("retry-after") << QByteArray("soon") << qint64(-1);
        QTest::newRow("absent") << QByteArray("x-other") << QByteArray("5") << qint64(-1);
    }
    void serverDelay() {
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, value);
        QFETCH(qint64, expected);
        const QDateTime now(QDate(2026, 11, 27), QTime(10, 0, 0), QTimeZone::utc());
        const auto got = RetryPolicy().serverDelayMs({{header, value}}, now);
        QCOMPARE(got.value_or(-1), expected);
    }

    void retryableStatus_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("retryable");
        for (int s : {408, 409, 429, 500, 502, 503, 504, 529})
            QTest::addRow("%d", s) << s << QByteArray("{}") << true;
        for (int s : {400, 401, 403, 404, 422})
            QTest::addRow("%d", s) << s << QByteArray("{}") << false;
        QTest::newRow("429 quota") << 429 << QByteArray(R"({"error":{"code":"insufficient_quota"}})")
                                   << false;
    }
    void retryableStatus() {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(bool, retryable);
        QCOMPARE(RetryPolicy::isRetryableStatus(status, body), retryable);
    }

    void faults_data() {
        QTest::addColumn<Fault>("fault");
        QTest::addColumn<bool>("succeeds");
        QTest::addColumn<int>("attempts");
        QTest::newRow("429 retry-after seconds") << Fault::RateLimitSeconds << true << 2;
        QTest::newRow("429 retry-after-ms") << Fault::RateLimitMs << true << 2;
        QTest::newRow("429 retry-after date") << Fault::RateLimitDate << true << 2;
        QTest::newRow("500") << Fault::Status500 << true << 2;
        QTest::newRow("503") << Fault::Status503 << true << 2;
        QTest::newRow("529") << Fault::Status529 << true << 2;
        QTest::newRow("dropped mid-body") << Fault::DropMidBody << true << 2;
        QTest::newRow("latency") << Fault::Latency << true << 1;
        QTest::newRow("slow drip") << Fault::SlowDrip << true << 1;
        QTest::newRow("400") << Fault::Status400 << false << 1;
        QTest::newRow("401") << Fault::Status401 << false << 1;
        QTest::newRow("404") << Fault::Status404 << false << 1;
        QTest::newRow("422") << Fault::Status422 << false << 1;
        QTest::newRow("429 insufficient_quota") << Fault::RateLimitQuota << false << 1;
    }
    void faults() {
        QFETCH(Fault, fault);
        QFETCH(bool, succeeds);
        QFETCH(int, attempts);
        m_server->faults().push(fault);
        m_server->faults().dripChunk = 4;
        m_server->faults().dripIntervalMs = 2;
        HttpClient client;
        QElapsedTimer clock;
        clock.start();
        const HttpResponse r = run(apiRequest(), client);
        QVERIFY2(r.ok() == succeeds, qPrintable(r.error));
        QVERIFY2(r.attempts == attempts, qPrintable(QStringLiteral("%1 attempts, status %2, body %3 bytes")
                                                        .arg(r.attempts)
                                                        .arg(r.status)
                                                        .arg(r.body.size())));
        QCOMPARE(m_server->requestCount(), attempts);
        if (succeeds) {
            QVERIFY(r.body.contains("\"ok\":true"));
        } else {
            QCOMPARE(r.failure, HttpFailure::Status);
            QVERIFY(!r.retryable);
            QVERIFY2(r.error.startsWith(QStringLiteral("HTTP 4")), qPrintable(r.error));
            QVERIFY2(!r.serviceMessage().isEmpty(), qPrintable(r.error));
        }
        if (fault == Fault::RateLimitDate) // one second ahead, scaled by 0.02: at least ~0 ms but honoured
            QVERIFY(clock.elapsed() < 3000);
    }

    void retriesRunOut() {
        m_server->faults().push(Fault::Status503, 10);
        HttpClient client;
        HttpRequest req = apiRequest();
        req.retry.maxRetries = 2;
        const HttpResponse r = run(req, client);
        QCOMPARE(r.failure, HttpFailure::Status);
        QCOMPARE(r.status, 503);
        QCOMPARE(r.attempts, 3);
        QVERIFY(r.retryable);
        QCOMPARE(m_server->requestCount(), 3);
    }

    void retryAfterIsHonoured() {
        // retry-after-ms: 50, unscaled here: the retry must wait at least that long.
        RetryPolicy::setTimeScale(1.0);
        m_server->faults().push(Fault::RateLimitMs);
        HttpClient client;
        QElapsedTimer clock;
        clock.start();
        const HttpResponse r = run(apiRequest(), client);
        RetryPolicy::setTimeScale(0.02);
        QVERIFY(r.ok());
        QVERIFY2(clock.elapsed() >= 45, qPrintable(QString::number(clock.elapsed())));
    }

    void transferTimeout() {
        m_server->faults().push(Fault::Hang, 5);
        HttpClient client;
        HttpRequest req = apiRequest();
        req.timeouts.transferMs = 150;
        req.retry.maxRetries = 1;
        const HttpResponse r = run(req, client);
        QCOMPARE(r.failure, HttpFailure::Timeout);
        QCOMPARE(r.attempts, 2); // timeouts are retried
    }

    void slowDripHitsTotalTimeout() {
        m_server->faults().push(Fault::SlowDrip);
        m_server->faults().dripChunk = 1;
        m_server->faults().dripIntervalMs = 30;
        HttpClient client;
        HttpRequest req = apiRequest();
        req.timeouts.totalMs = 300;
        req.retry.maxRetries = 0;
        const HttpResponse r = run(req, client);
        QCOMPARE(r.failure, HttpFailure::Timeout);
        QVERIFY2(r.error.contains(QStringLiteral("did not finish")), qPrintable(r.error));
    }

    void connectionRefused() {
        const QUrl dead = m_server->baseUrl();
        delete m_server;
        m_server = nullptr;
        HttpClient client;
        HttpRequest req = HttpRequest::get(dead);
        req.retry.maxRetries = 1;
        HttpCall *call = client.send(req);
        QSignalSpy retries(call, &HttpCall::retrying);
        QSignalSpy spy(call, &HttpCall::finished);
        QVERIFY(spy.wait(5000));
        const auto r = spy.first().first().value<HttpResponse>();
        QCOMPARE(r.failure, HttpFailure::Network);
        QCOMPARE(r.attempts, 2);
        QCOMPARE(retries.size(), 1);
        QVERIFY(r.error.contains(QStringLiteral("refused")));
    }

    void responseTooLarge() {
        HttpClient client;
        HttpRequest req = HttpRequest::get(QUrl(m_server->baseUrl().toString() + QStringLiteral("/big")));
        req.maxResponseBytes = 1000;
        const HttpResponse r = run(req, client);
        QCOMPARE(r.failure, HttpFailure::TooLarge);
        QCOMPARE(r.attempts, 1);
    }

    void redirectToOtherHostRefused() {
        HttpTestServer other;
        QVERIFY(other.listen());
        other.setHandler([](const TestHttpRequest &, Fault) {
            return TestHttpResponse::json(200, {{"stolen", true}});
        });
        const QByteArray target = other.baseUrl().toString().toLatin1() + "/collect";
        m_server->setHandler([target](const TestHttpRequest &req, Fault) {
            if (req.path == "/same") {
                auto r = TestHttpResponse::json(302, Json::object());
                r.setHeader("Location", "/landing");
                return r;
            }
            if (req.path == "/landing")
                return TestHttpResponse::json(200, {{"landed", true}});
            auto r = TestHttpResponse::json(302, Json::object());
            r.setHeader("Location", target);
            return r;
        });
        HttpClient client;
        HttpRequest away = HttpRequest::get(QUrl(m_server->baseUrl().toString() + QStringLiteral("/away")));
        away.setHeader("Authorization", "Bearer sk-test-redirect");
        const HttpResponse r = run(away, client);
        QCOMPARE(r.failure, HttpFailure::Redirect);
        QCOMPARE(other.requestCount(), 0);

        const HttpResponse same =
            run(HttpRequest::get(QUrl(m_server->baseUrl().toString() + QStringLiteral("/same"))), client);
        QVERIFY2(same.ok(), qPrintable(same.error));
        QVERIFY(same.body.contains("landed"));
    }

    void cancelOneAndAll() {
        m_server->faults().push(Fault::Hang, 3);
        HttpClient client;
        HttpCall *a = client.send(apiRequest());
        HttpCall *b = client.send(apiRequest());
        HttpCall *c = client.send(apiRequest());
        QSignalSpy sa(a, &HttpCall::finished), sb(b, &HttpCall::finished), sc(c, &HttpCall::finished);
        QTRY_COMPARE(m_server->inFlight(), 3);
        a->cancel();
        QTRY_COMPARE(sa.size(), 1);
        QCOMPARE(sa.first().first().value<HttpResponse>().failure, HttpFailure::Cancelled);
        QCOMPARE(sb.size(), 0);
        client.cancelAll();
        QTRY_COMPARE(sb.size(), 1);
        QTRY_COMPARE(sc.size(), 1);
        QCOMPARE(sc.first().first().value<HttpResponse>().failure, HttpFailure::Cancelled);
        QCOMPARE(client.activeCalls(), 0);
        QCOMPARE(m_server->requestCount(), 3); // nothing was retried after a cancel
    }

    void gateCapsInFlight() {
        m_server->faults().latencyMs = 40;
        HttpClient client;
        ConcurrencyGate gate(2);
        int done = 0;
        for (int i = 0; i < 7; ++i) {
            gate.acquire(this, [&] {
                HttpCall *call = client.send(apiRequest());
                connect(call, &HttpCall::finished, this, [&](const HttpResponse &) {
                    ++done;
                    gate.release();
                });
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(done, 7, 10000);
        QCOMPARE(m_server->maxInFlight(), 2);
        QCOMPARE(gate.inFlight(), 0);
    }

    void windowWiderThanOneManagerReachesTheServer() {
        // Qt queues a seventh request to one origin inside a single manager; sixteen callers must
        // all be on the wire at once, and a second round must reuse the managers already opened.
        m_server->faults().latencyMs = 400;
        HttpClient client;
        constexpr int kWide = 16;
        for (int round = 0; round < 2; ++round) {
            int done = 0, ok = 0;
            for (int i = 0; i < kWide; ++i) {
                HttpCall *call = client.send(apiRequest());
                connect(call, &HttpCall::finished, this, [&](const HttpResponse &r) {
                    ++done;
                    ok += r.ok() ? 1 : 0;
                });
            }
            QTRY_COMPARE_WITH_TIMEOUT(done, kWide, 10000);
            QCOMPARE(ok, kWide);
            QCOMPARE(m_server->maxInFlight(), kWide);
            QCOMPARE(client.managerCount(),
                     (kWide + HttpClient::kConnectionsPerManager - 1) / HttpClient::kConnectionsPerManager);
        }
    }

    void serverConcurrencyLimitAnswers429() {
        // Unscaled here: the 429s ask for 20 ms, and the one admitted request takes 60 ms.
        RetryPolicy::setTimeScale(1.0);
        m_server->faults().latencyMs = 60;
        m_server->setConcurrencyLimit(1);
        HttpClient client;
        QList<HttpCall *> calls;
        int ok = 0, finished = 0;
        for (int i = 0; i < 3; ++i) {
            HttpRequest req = apiRequest();
            req.retry.maxRetries = 30;
            HttpCall *call = client.send(req);
            connect(call, &HttpCall::finished, this, [&](const HttpResponse &r) {
                ++finished;
                ok += r.ok() ? 1 : 0;
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished, 3, 10000);
        RetryPolicy::setTimeScale(0.02);
        QVERIFY(m_server->rejectedOverLimit() > 0); // the 429s happened and were retried through
        QCOMPARE(ok, 3);
    }

    void multipartRoundTrip() {
        MultipartBody form;
        form.addField("prompt", "a lighthouse");
        form.addFile("image[]", "a.png", "image/png", QByteArray("\x89PNG-one", 8));
        form.addFile("image[]", "b.png", "image/png", QByteArray("\x89PNG-two\r\n", 10));
        HttpClient client;
        HttpRequest req = HttpRequest::post(QUrl(m_server->baseUrl().toString() + QStringLiteral("/form")),
                                            form.contentType(), form.body());
        QVERIFY(run(req, client).ok());
        const QList<MultipartPart> parts = m_server->requests().last().multipart();
        QCOMPARE(parts.size(), 3);
        QCOMPARE(parts[0].data, QByteArray("a lighthouse"));
        QCOMPARE(parts[1].name, QByteArray("image[]"));
        QCOMPARE(parts[2].data, QByteArray("\x89PNG-two\r\n", 10));
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
