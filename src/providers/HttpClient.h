// The HTTP layer every network provider (image and LLM) talks through: one client per thread,
// as many connections per service as its callers run requests at once, connect/transfer/total timeouts per
// request, retries with backoff and Retry-After (RetryPolicy), cancellation per call and for all,
// same-origin-only redirects, response-size limits, streaming chunks for SSE/NDJSON, and logging that never
// prints a header (so never a key).
//
// Usage (on a thread with an event loop, normally the main thread):
//   HttpRequest req = HttpRequest::postJson(url, body);
//   req.setHeader("Authorization", "Bearer " + key);   // never logged
//   HttpCall *call = HttpClient::instance().send(req);
//   QObject::connect(call, &HttpCall::finished, ctx, [](const HttpResponse &r) { ... });
// A call emits finished() exactly once (also after cancel()) and deletes itself afterwards.
#pragma once

#include "domain/Result.h"
#include "providers/RetryPolicy.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>

#include <deque>
#include <functional>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace shotcraft::providers {

struct HttpTimeouts {
    int connectMs = 15000;   // until the request is on the wire (connection + TLS)
    int transferMs = 120000; // longest silence while sending or receiving
    int totalMs = 600000;    // whole attempt, so a slow drip cannot hold a slot forever
};

struct HttpRequest {
    QByteArray method = "GET";
    QUrl url;
    HttpHeaders headers; // never logged
    QByteArray body;
    HttpTimeouts timeouts;
    RetryPolicy retry;
    qint64 maxResponseBytes = 64 * 1024 * 1024;
    int maxRedirects = 3;   // redirects are followed only within the same scheme/host/port
    bool streaming = false; // emit HttpCall::chunk() as the body arrives (2xx only)
    QString label;          // what the log calls it ("openai images", ...)

    void setHeader(const QByteArray &name, const QByteArray &value);
    static HttpRequest get(const QUrl &url);
    static HttpRequest postJson(const QUrl &url, const QByteArray &json);
    static HttpRequest post(const QUrl &url, const QByteArray &contentType, const QByteArray &body);
};

enum class HttpFailure {
    None,
    Network,  // connection refused/reset/dropped, DNS, TLS
    Timeout,  // connect, transfer or total timeout
    Status,   // the server answered with a non-2xx status
    TooLarge, // the response exceeded maxResponseBytes
    Redirect, // too many redirects, or one to another origin
    Cancelled
};

struct HttpResponse {
    HttpFailure failure = HttpFailure::None;
    int status = 0; // 0 when no response arrived
    HttpHeaders headers;
    QByteArray body;
    QString error;          // one line, for the user (empty on success)
    int attempts = 0;       // how many times it was sent
    bool retryable = false; // the last failure was of a retryable kind (retries ran out)

    bool ok() const { return failure == HttpFailure::None; }
    QByteArray header(const QByteArray &name) const { return headerValue(headers, name); }
    // The service's own words from an error body: error.message, error (string), detail, message.
    QString serviceMessage() const;
};

// One logical request including its retries.
class HttpCall : public QObject {
    Q_OBJECT
public:
    void cancel();
    const HttpRequest &request() const { return m_request; }

Q_SIGNALS:
    void finished(const shotcraft::providers::HttpResponse &response);
    void chunk(const QByteArray &data); // streaming requests only
    void retrying(int attempt, qint64 delayMs, const QString &reason);
    void uploadProgress(qint64 sent, qint64 total);
    void downloadProgress(qint64 received, qint64 total);

private:
    friend class HttpClient;
    HttpCall(class HttpClient *client, HttpRequest request);
    void startAttempt();
    void onFinished();
    void abortWith(HttpFailure failure, const QString &error);
    void complete(HttpResponse response);
    void armTimeout(int ms, const QString &what);
    QString describe() const;

    QPointer<HttpClient> m_client;
    HttpRequest m_request;
    QPointer<QNetworkReply> m_reply;
    QNetworkAccessManager *m_replyManager = nullptr; // the lane the running attempt holds a slot in
    QTimer *m_connectTimer = nullptr;
    QTimer *m_totalTimer = nullptr;
    QTimer *m_retryTimer = nullptr;
    QByteArray m_buffer;
    HttpFailure m_abortReason = HttpFailure::None;
    QString m_abortError;
    int m_attempt = 0;
    bool m_streamed = false; // a chunk went out: resending would duplicate it
    bool m_done = false;
};

class HttpClient : public QObject {
    Q_OBJECT
public:
    explicit HttpClient(QObject *parent = nullptr);
    ~HttpClient() override;

    // The calling thread's client (created on first use).
    static HttpClient &instance();

    HttpCall *send(const HttpRequest &request);
    void cancelAll();
    int activeCalls() const { return int(m_calls.size()); }
    int managerCount() const { return int(m_lanes.size()); }

    // Qt 6.4's QNetworkAccessManager opens at most this many HTTP/1.1 connections to one origin
    // and queues the rest, so a sliding window wider than that would never reach the server.
    static constexpr int kConnectionsPerManager = 6;

private:
    friend class HttpCall;
    // A manager with a free connection slot for the URL's origin: the first such lane, so that
    // kept-alive connections are reused; a new lane when every existing one is full.
    QNetworkAccessManager *checkOut(const QUrl &url);
    void checkIn(QNetworkAccessManager *manager, const QUrl &url);

    struct Lane {
        QNetworkAccessManager *manager;
        QHash<QString, int> inFlight; // per origin
    };
    std::vector<Lane> m_lanes;
    QSet<HttpCall *> m_calls;
};

// A multipart/form-data body built in memory, so that a retry can send it again unchanged.
class MultipartBody {
public:
    MultipartBody();
    void addField(const QByteArray &name, const QByteArray &value);
    void addFile(const QByteArray &name, const QByteArray &fileName, const QByteArray &contentType,
                 const QByteArray &data);
    QByteArray contentType() const;
    QByteArray body() const; // closes the body with the final boundary

private:
    QByteArray m_boundary;
    QByteArray m_parts;
};

// A FIFO of work limited to N at a time: a provider's caps().maxConcurrency, enforced on its own
// requests whatever the caller does. acquire() runs `start` (queued, never synchronously) when a
// slot is free; the holder calls release() exactly once.
class ConcurrencyGate : public QObject {
    Q_OBJECT
public:
    explicit ConcurrencyGate(int limit, QObject *parent = nullptr);
    void setLimit(int limit);
    int limit() const { return m_limit; }
    int inFlight() const { return m_inFlight; }
    int waiting() const { return int(m_waiting.size()); }
    // `context` going away before its turn drops the waiter.
    void acquire(QObject *context, std::function<void()> start);
    void release();

private:
    void pump();
    struct Waiter {
        QPointer<QObject> context;
        std::function<void()> start;
    };
    int m_limit;
    int m_inFlight = 0;
    std::deque<Waiter> m_waiting;
};

} // namespace shotcraft::providers

Q_DECLARE_METATYPE(shotcraft::providers::HttpResponse)
