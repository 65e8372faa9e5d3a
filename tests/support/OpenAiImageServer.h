// A test stand-in for the OpenAI Images API (protocols.md §4): POST /v1/images/generations (JSON)
// and POST /v1/images/edits (multipart with repeated image[] parts), answering
// {"created","data":[{"b64_json"}],"usage"}. Checks the bearer key; records what each request
// carried (prompt, size, model, reference images, input_fidelity) for the test to assert; service
// faults: ContentPolicy (400 moderation_blocked), InvalidBase64, DecompressionBomb.
// Generic faults, latency and a concurrency limit come from HttpTestServer:
//   OpenAiImageServer server; server.listen();
//   server.http().setConcurrencyLimit(2); server.http().faults().push(Fault::RateLimitMs);
#pragma once

#include "support/HttpTestServer.h"

namespace shotcraft::test {

struct OpenAiImageCall {
    QByteArray endpoint; // "generations" or "edits"
    QString model;
    QString prompt;
    QString size;
    QString quality;
    QString inputFidelity;
    QList<QByteArray> images; // image[] parts, in order
    QByteArray authorization;
};

class OpenAiImageServer : public QObject {
    Q_OBJECT
public:
    explicit OpenAiImageServer(QObject *parent = nullptr);
    bool listen() { return m_http.listen(); }
    QUrl baseUrl() const { return m_http.baseUrl(); }
    HttpTestServer &http() { return m_http; }

    // Requests without "Authorization: Bearer <key>" get 401. Empty: any key is accepted.
    void setExpectedKey(const QByteArray &key) { m_key = key; }
    const QList<OpenAiImageCall> &calls() const { return m_calls; }

private:
    TestHttpResponse handle(const TestHttpRequest &request, Fault fault);
    HttpTestServer m_http;
    QByteArray m_key;
    QList<OpenAiImageCall> m_calls;
};

} // namespace shotcraft::test
