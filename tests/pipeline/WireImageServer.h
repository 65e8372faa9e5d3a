// The pipeline's tests and benchmark over the real wire: an OpenAiImageServer (the OpenAI Images
// protocol, in this process) with random latency per request, faults chosen by prompt words
// (a content-policy refusal answered with 400 moderation_blocked, a permanent 400
// invalid_request_error) and a count of requests per job key (the prompt carries "[key:...]", see
// PipelineFixture.h). Jobs reach it through the real OpenAiImagesProvider built by openAiProfile().
#pragma once

#include "ScriptedImageProvider.h"
#include "providers/OpenAiImagesProvider.h"
#include "providers/ProviderProfile.h"
#include "support/OpenAiImageServer.h"

#include <QHash>
#include <QRandomGenerator>

namespace shotcraft::test {

struct WireServerConfig {
    int meanLatencyMs = 20;                      // uniform in [mean/2, 3*mean/2]
    int concurrencyLimit = 0;                    // above this many in flight: 429 + retry-after-ms
    QString refuseWord = QStringLiteral("gore"); // refused with moderation_blocked
    QString failWord = QStringLiteral("[fail]"); // answered 400 invalid_request_error
    quint32 seed = 7;
};

class WireImageServer : public QObject {
public:
    explicit WireImageServer(WireServerConfig config = {}, QObject *parent = nullptr)
        : QObject(parent)
        , m_config(std::move(config))
        , m_random(m_config.seed) {
        m_server.setExpectedKey(qgetenv("SHOTCRAFT_OPENAI_API_KEY"));
        m_server.http().setConcurrencyLimit(m_config.concurrencyLimit);
        // Emitted before the server takes its scripted fault and latency for this very request,
        // so a fault or latency set here applies to it.
        connect(&m_server.http(), &HttpTestServer::requestReceived, this,
                [this](const TestHttpRequest &r) { onRequest(r); });
    }
    bool listen() { return m_server.listen(); }
    QUrl baseUrl() const { return m_server.baseUrl(); }
    OpenAiImageServer &server() { return m_server; }

    int requests() const { return m_requests; }
    int requestsFor(const QString &key) const { return m_perKey.value(key); }
    QStringList promptsFor(const QString &key) const { return m_prompts.value(key); }
    QStringList keysInOrder() const { return m_keys; }
    int overloads() const { return m_server.http().rejectedOverLimit(); }
    int maxInFlight() const { return m_server.http().maxInFlight(); }
    qint64 servedLatencyMs() const { return m_servedLatencyMs; } // latency of requests not answered 429

private:
    static QString promptOf(const TestHttpRequest &r) {
        if (r.header("content-type").startsWith("multipart/form-data")) {
            for (const MultipartPart &part : r.multipart())
                if (part.name == "prompt")
                    return QString::fromUtf8(part.data);
            return {};
        }
        const Json j = r.json();
        return j.is_object() && j.contains("prompt") && j["prompt"].is_string()
                   ? QString::fromStdString(j["prompt"].get<std::string>())
                   : QString();
    }

    void onRequest(const TestHttpRequest &r) {
        if (!r.path.startsWith("/v1/images/"))
            return;
        const QString prompt = promptOf(r);
        const QString key = ScriptedImageProvider::keyOf(prompt);
        ++m_requests;
        m_perKey[key] += 1;
        m_prompts[key].append(prompt);
        m_keys.append(key);
        const int mean = m_config.meanLatencyMs;
        const int latency = mean > 0 ? mean / 2 + int(m_random.bounded(mean + 1)) : 0;
        m_server.http().faults().latencyMs = latency;
        const bool overloaded =
            m_config.concurrencyLimit > 0 && m_server.http().inFlight() > m_config.concurrencyLimit;
        if (!overloaded)
            m_servedLatencyMs += latency;
        if (overloaded)
            return;
        if (!m_config.failWord.isEmpty() && prompt.contains(m_config.failWord))
            m_server.http().faults().push(Fault::Status400, 1, r.path);
        else if (!m_config.refuseWord.isEmpty() && prompt.contains(m_config.refuseWord))
            m_server.http().faults().push(Fault::ContentPolicy, 1, r.path);
    }

    WireServerConfig m_config;
    QRandomGenerator m_random;
    mutable OpenAiImageServer m_server; // mutable: its counters are read through http()
    int m_requests = 0;
    qint64 m_servedLatencyMs = 0;
    QHash<QString, int> m_perKey;
    QHash<QString, QStringList> m_prompts;
    QStringList m_keys;
};

// A profile for the real OpenAI Images client against `baseUrl`; the key comes from
// SHOTCRAFT_OPENAI_API_KEY (the provider's secret lookup), which the server checks.
inline providers::ProviderProfile openAiProfile(const QUrl &baseUrl, int maxConcurrency) {
    providers::ProviderProfile p;
    p.name = QStringLiteral("openai-wire");
    p.kind = providers::ProviderKind::OpenAiImages;
    p.baseUrl = baseUrl.toString();
    p.model = QStringLiteral("gpt-image-1");
    p.maxConcurrency = maxConcurrency;
    p.connectTimeoutMs = 5000;
    p.transferTimeoutMs = 10000;
    p.totalTimeoutMs = 20000;
    p.secretName = QStringLiteral("openai");
    p.options = {{"quality", "low"}};
    return p;
}

} // namespace shotcraft::test
