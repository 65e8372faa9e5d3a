// Scripted faults for the protocol test servers: "the next 2 requests to /v1/images get a 429 with
// retry-after-ms", "the next one drops the connection mid-body". Generic faults are applied by
// HttpTestServer itself; service faults (invalid base64, decompression bomb, content-policy
// refusal, node errors) are handed to the service's own handler.
#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>

#include <optional>

namespace shotcraft::test {

enum class Fault {
    None,
    Latency,          // answer normally after FaultScript::latencyMs
    RateLimitSeconds, // 429 with retry-after: 0.05 (seconds, a float)
    RateLimitMs,      // 429 with retry-after-ms: 50
    RateLimitDate,    // 429 with retry-after as an HTTP date (one second ahead)
    RateLimitQuota,   // 429 insufficient_quota: must not be retried
    Status500,
    Status503,
    Status529, // Anthropic-style overloaded
    Status400,
    Status401,
    Status404,
    Status422,
    DropMidBody,      // Content-Length promises more than is sent, then the socket closes
    TruncatedJson,    // a complete HTTP response whose JSON body is cut in half
    HtmlErrorPage200, // status 200 with an HTML error page
    WrongContentType, // the right body labelled text/plain (and no JSON)
    SlowDrip,         // the body trickles a few bytes at a time
    Hang,             // never answers (timeouts)
    // Service faults: the service handler decides what they look like.
    InvalidBase64,
    DecompressionBomb, // an image whose header claims 20000x20000 pixels
    ContentPolicy,
    ServiceError // the service's own error shape (node_errors, FastAPI 422, ...)
};

bool isServiceFault(Fault fault);
const char *faultName(Fault fault);

class FaultScript {
public:
    // The next `times` requests whose path contains `pathContains` (empty: any) get `fault`.
    void push(Fault fault, int times = 1, const QByteArray &pathContains = {});
    // Removes and returns the fault for this request, if any is scripted for its path.
    Fault take(const QByteArray &path);
    void clear();
    int pending() const;

    int latencyMs = 0;  // added to every response (and what Fault::Latency adds once more)
    int dripChunk = 16; // bytes per drip
    int dripIntervalMs = 20;

private:
    struct Entry {
        Fault fault;
        int times;
        QByteArray path;
    };
    mutable QMutex m_mutex;
    QList<Entry> m_entries;
};

} // namespace shotcraft::test
