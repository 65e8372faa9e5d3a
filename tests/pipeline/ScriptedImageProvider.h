// An in-process stand-in for an image service, for the pipeline's tests and benchmark: random latency,
// a server-side concurrency limit answered with overload (429 -> FailureKind::Transient), scripted
// refusals and permanent faults keyed on prompt words, and a count of requests per job key (the
// prompt carries "[key:...]"). Every request can also be appended to a log file before it is
// answered, so a parent process can count what a killed child sent.
#pragma once

#include "providers/ImageProvider.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QImage>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>

namespace shotcraft::test {

struct ScriptedServer {
    QString name = QStringLiteral("scripted");
    int maxConcurrency = 8; // the provider's advertised cap
    int serverLimit = 0;    // above this many in flight the server answers 429 (0: no limit)
    int meanLatencyMs = 20; // uniform in [mean/2, 3*mean/2]
    int overloadLatencyMs = 1;
    QString refuseWord = QStringLiteral("gore"); // a prompt containing it is refused
    QString failWord = QStringLiteral("[fail]"); // a prompt containing it fails permanently
    QString busyWord = QStringLiteral("[busy]"); // a prompt containing it always gets a 503
    QString logPath;                             // one line per request: "<key>\n", flushed before answering
    quint32 seed = 7;
};

class ScriptedImageJob : public providers::ImageJob {
public:
    using providers::ImageJob::ImageJob;
    void cancel() override {
        if (m_done)
            return;
        providers::ImageResult r;
        r.failure = providers::FailureKind::Cancelled;
        r.error = QStringLiteral("cancelled");
        finish(r);
    }
    void finish(const providers::ImageResult &r) {
        if (m_done)
            return;
        m_done = true;
        if (onFinish)
            onFinish(r);
        Q_EMIT finished(r);
        deleteLater();
    }
    std::function<void(const providers::ImageResult &)> onFinish;

private:
    bool m_done = false;
};

class ScriptedImageProvider : public providers::ImageProvider {
public:
    explicit ScriptedImageProvider(ScriptedServer config, QObject *parent = nullptr)
        : providers::ImageProvider(parent)
        , m_config(std::move(config))
        , m_random(m_config.seed) {
        QImage image(64, 36, QImage::Format_RGB32);
        image.fill(QColor(40, 60, 90));
        QBuffer buffer(&m_png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        m_clock.start();
    }

    QString name() const override { return m_config.name; }
    providers::ImageProviderCaps caps() const override {
        providers::ImageProviderCaps c;
        c.maxConcurrency = m_config.maxConcurrency;
        c.maxReferences = 4;
        return c;
    }

    static QString keyOf(const QString &prompt) {
        static const QRegularExpression re(QStringLiteral("\\[key:([^\\]]+)\\]"));
        const QRegularExpressionMatch m = re.match(prompt);
        return m.hasMatch() ? m.captured(1) : QString();
    }

    providers::ImageJob *generate(const providers::ImageRequest &request) override {
        auto *job = new ScriptedImageJob(this);
        const QString prompt = request.package.positive;
        const QString key = keyOf(prompt);
        ++m_requests;
        m_requestsPerKey[key] += 1;
        m_prompts[key].append(prompt);
        if (!m_config.logPath.isEmpty()) {
            QFile log(m_config.logPath);
            if (log.open(QIODevice::Append)) {
                log.write(key.toUtf8() + '\n');
                log.close(); // flushed before anything is answered
            }
        }
        ++m_inFlight;
        m_maxInFlight = std::max(m_maxInFlight, m_inFlight);
        m_started[key].append(m_clock.elapsed());

        providers::ImageResult result;
        int latency = 0;
        if (m_config.serverLimit > 0 && m_inFlight > m_config.serverLimit) {
            result.failure = providers::FailureKind::Transient;
            result.error = QStringLiteral("HTTP 429: too many concurrent requests");
            latency = m_config.overloadLatencyMs;
            ++m_overloads;
        } else {
            const int mean = m_config.meanLatencyMs;
            latency = mean > 0 ? mean / 2 + int(m_random.bounded(mean + 1)) : 0;
            if (prompt.contains(m_config.busyWord)) {
                result.failure = providers::FailureKind::Transient;
                result.error = QStringLiteral("HTTP 503: service unavailable");
            } else if (prompt.contains(m_config.failWord)) {
                result.failure = providers::FailureKind::Permanent;
                result.error = QStringLiteral("HTTP 400: the model does not exist");
            } else if (!m_config.refuseWord.isEmpty() && prompt.contains(m_config.refuseWord)) {
                result.failure = providers::FailureKind::ContentPolicy;
                result.error = QStringLiteral("HTTP 400: content_policy_violation");
            } else {
                result.encoded = m_png;
                result.width = 64;
                result.height = 36;
                result.seedUsed = request.package.params.seed;
                result.model = QStringLiteral("scripted-1");
                for (const providers::ReferenceData &d : request.referenceData)
                    result.referencesUsed.append(d.reference.referenceId != 0 ? d.reference.referenceId
                                                                              : d.reference.takeId);
            }
            m_totalLatencyMs += latency;
        }
        job->onFinish = [this, key](const providers::ImageResult &) {
            --m_inFlight;
            m_finished[key].append(m_clock.elapsed());
        };
        QTimer::singleShot(latency, job, [job, result]() { job->finish(result); });
        return job;
    }

    int requests() const { return m_requests; }
    int requestsFor(const QString &key) const { return m_requestsPerKey.value(key); }
    QStringList promptsFor(const QString &key) const { return m_prompts.value(key); }
    int maxInFlight() const { return m_maxInFlight; }
    int inFlight() const { return m_inFlight; }
    int overloads() const { return m_overloads; }
    qint64 totalLatencyMs() const { return m_totalLatencyMs; }
    // Elapsed ms at which each request for `key` started / finished.
    QList<qint64> startedAt(const QString &key) const { return m_started.value(key); }
    QList<qint64> finishedAt(const QString &key) const { return m_finished.value(key); }
    ScriptedServer &config() { return m_config; }

private:
    ScriptedServer m_config;
    QRandomGenerator m_random;
    QByteArray m_png;
    QElapsedTimer m_clock;
    int m_requests = 0;
    int m_inFlight = 0;
    int m_maxInFlight = 0;
    int m_overloads = 0;
    qint64 m_totalLatencyMs = 0;
    QHash<QString, int> m_requestsPerKey;
    QHash<QString, QStringList> m_prompts;
    QHash<QString, QList<qint64>> m_started;
    QHash<QString, QList<qint64>> m_finished;
};

} // namespace shotcraft::test
