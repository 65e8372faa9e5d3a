#include "providers/LlmHttpProvider.h"

#include "domain/Logging.h"
#include "providers/Secrets.h"

namespace shotcraft::providers {

LlmHttpJob::LlmHttpJob(ProviderProfile profile, LlmWire wire, QObject *parent)
    : LlmJob(parent)
    , m_profile(std::move(profile))
    , m_wire(std::move(wire)) {
}

void LlmHttpJob::start() {
    Secrets::readKey(m_profile, this, [this](const Result<QString> &key) {
        if (m_cancelled)
            return;
        if (!key.ok()) {
            LlmResponse r;
            r.failure = FailureKind::Permanent;
            r.finish = LlmFinish::Error;
            r.error = key.error();
            complete(r);
            return;
        }
        send(key.value());
    });
}

void LlmHttpJob::send(const QString &key) {
    HttpRequest request = m_wire.buildRequest(key);
    if (m_wire.makeStream) {
        m_stream = m_wire.makeStream();
        request.streaming = true;
    }
    m_call = HttpClient::instance().send(request);
    if (m_stream)
        connect(m_call, &HttpCall::chunk, this, &LlmHttpJob::onChunk);
    connect(m_call, &HttpCall::finished, this, &LlmHttpJob::onFinished);
}

void LlmHttpJob::cancel() {
    if (m_done || m_cancelled)
        return;
    m_cancelled = true;
    if (m_call) {
        m_call->cancel(); // finished() follows with HttpFailure::Cancelled
        return;
    }
    LlmResponse r;
    r.failure = FailureKind::Cancelled;
    r.finish = LlmFinish::Cancelled;
    r.error = QStringLiteral("cancelled");
    QMetaObject::invokeMethod(
        this, [this, r] { complete(r); }, Qt::QueuedConnection);
}

void LlmHttpJob::onChunk(const QByteArray &data) {
    for (const QString &piece : m_stream->feed(data))
        Q_EMIT delta(piece);
}

void LlmHttpJob::onFinished(const HttpResponse &response) {
    if (response.failure == HttpFailure::Cancelled || m_cancelled) {
        LlmResponse r;
        r.failure = FailureKind::Cancelled;
        r.finish = LlmFinish::Cancelled;
        r.error = QStringLiteral("cancelled");
        complete(r);
        return;
    }
    if (response.failure == HttpFailure::Status) {
        complete(m_wire.parseError(response.status, response.body));
        return;
    }
    if (!response.ok()) {
        // A stream cut after its first bytes is reported by the assembler: it knows what arrived.
        if (m_stream && response.failure == HttpFailure::Network && m_stream->failed()) {
            complete(m_stream->finish());
            return;
        }
        LlmResponse r;
        r.failure = FailureKind::Transient;
        r.finish = LlmFinish::Error;
        r.httpStatus = response.status;
        r.error = response.error;
        complete(r);
        return;
    }
    LlmResponse r = m_stream ? m_stream->finish() : m_wire.parseResponse(response.body);
    r.httpStatus = response.status;
    complete(r);
}

void LlmHttpJob::complete(LlmResponse response) {
    if (m_done)
        return;
    m_done = true;
    if (!response.ok())
        qCInfo(lcProviders) << "llm" << m_profile.name << "failed:" << response.error;
    Q_EMIT finished(response);
    deleteLater();
}

LlmHttpProvider::LlmHttpProvider(ProviderProfile profile, QObject *parent)
    : LlmProvider(parent)
    , m_profile(std::move(profile)) {
}

LlmJob *LlmHttpProvider::chat(const LlmRequest &request) {
    auto *job = new LlmHttpJob(m_profile, wire(request));
    // Started from the event loop, so a caller can connect before anything is emitted.
    QMetaObject::invokeMethod(job, &LlmHttpJob::start, Qt::QueuedConnection);
    return job;
}

HttpRequest LlmHttpProvider::baseRequest(const QString &path, const Json &body, bool stream) const {
    HttpRequest request = HttpRequest::postJson(m_profile.url(path), toJsonBytes(body));
    request.timeouts = m_profile.timeouts();
    request.retry = m_profile.retryPolicy();
    request.label = m_profile.name;
    request.streaming = stream;
    return request;
}

} // namespace shotcraft::providers
