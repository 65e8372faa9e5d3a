#include "providers/NetworkImageJob.h"

#include "domain/Logging.h"

#include <QTimer>

namespace shotcraft::providers {

ReferenceSelection selectReferences(const ImageRequest &request, int limit,
                                    const std::function<bool(const ReferenceData &)> &accept) {
    ReferenceSelection out;
    QSet<Id> withData;
    for (const ReferenceData &data : request.referenceData) {
        withData.insert(data.reference.referenceId);
        const bool fits = out.sent.size() < limit && !data.encoded.isEmpty() && (!accept || accept(data));
        if (fits)
            out.sent.append(data);
        else
            out.dropped.append(data.reference.referenceId);
    }
    for (const PromptReference &ref : request.package.references)
        if (!withData.contains(ref.referenceId) && !out.dropped.contains(ref.referenceId))
            out.dropped.append(ref.referenceId);
    return out;
}

NetworkImageJob::NetworkImageJob(const ProviderProfile &profile, ConcurrencyGate *gate, HttpClient *client,
                                 QObject *parent)
    : ImageJob(parent)
    , m_profile(profile)
    , m_client(client ? client : &HttpClient::instance())
    , m_gate(gate) {
    qRegisterMetaType<shotcraft::providers::ImageResult>();
    m_result.model = profile.model;
}

NetworkImageJob::~NetworkImageJob() {
    if (m_holdsSlot && m_gate)
        m_gate->release();
}

void NetworkImageJob::start() {
    if (m_started)
        return;
    m_started = true;
    auto run = [this] {
        if (m_done) {
            if (m_gate)
                m_gate->release();
            return;
        }
        m_holdsSlot = true;
        begin();
    };
    if (m_gate)
        m_gate->acquire(this, run);
    else
        QTimer::singleShot(0, this, run);
}

void NetworkImageJob::cancel() {
    if (m_done)
        return;
    // Copied: a cancelled call reports back at once and removes itself from m_calls.
    const QList<QPointer<HttpCall>> calls = m_calls;
    for (const QPointer<HttpCall> &call : calls)
        if (call)
            call->cancel();
    fail(FailureKind::Cancelled, QStringLiteral("cancelled"));
}

HttpRequest NetworkImageJob::request(const QByteArray &method, const QString &path) const {
    HttpRequest r;
    r.method = method;
    r.url = m_profile.url(path);
    r.timeouts = m_profile.timeouts();
    r.retry = m_profile.retryPolicy();
    r.label = m_profile.name;
    return r;
}

void NetworkImageJob::send(HttpRequest request, std::function<void(const HttpResponse &)> done) {
    if (m_done)
        return;
    HttpCall *call = m_client->send(request);
    m_calls.append(call);
    connect(call, &HttpCall::finished, this, [this, call, done](const HttpResponse &response) {
        m_calls.removeAll(call);
        if (!m_done)
            done(response);
    });
}

Result<Json> NetworkImageJob::jsonBody(const HttpResponse &response) {
    const QByteArray type = response.header("content-type").toLower();
    if (!type.contains("json")) {
        const QByteArray head = response.body.left(256).trimmed().toLower();
        if (head.startsWith("<!doctype html") || head.startsWith("<html"))
            return Result<Json>::failure(
                QStringLiteral("the service answered with an HTML page instead of JSON "
                               "(a proxy or server error page?)"));
        return Result<Json>::failure(
            QStringLiteral("the service answered with %1 instead of JSON")
                .arg(type.isEmpty() ? QStringLiteral("no content type") : QString::fromLatin1(type)));
    }
    Json j = Json::parse(response.body.constBegin(), response.body.constEnd(), nullptr, false);
    if (j.is_discarded())
        return Result<Json>::failure(
            QStringLiteral("the service's answer was not complete JSON (%1 bytes; cut off?)")
                .arg(response.body.size()));
    return j;
}

void NetworkImageJob::finishWithImage(const QByteArray &bytes) {
    if (m_done)
        return;
    QFuture<Result<DecodedImage>> future = decodeImageAsync(bytes);
    future.then(this, [this](const Result<DecodedImage> &decoded) {
        if (m_done)
            return;
        if (!decoded) {
            fail(FailureKind::Transient, decoded.error());
            return;
        }
        ImageResult r = m_result;
        r.failure = FailureKind::None;
        r.error.clear();
        r.encoded = decoded->encoded;
        r.format = decoded->format;
        r.width = decoded->width;
        r.height = decoded->height;
        finish(r);
    });
}

void NetworkImageJob::fail(FailureKind kind, const QString &error) {
    ImageResult r = m_result;
    r.failure = kind;
    r.error = error;
    r.encoded.clear();
    finish(r);
}

void NetworkImageJob::failFromHttp(const HttpResponse &response, const QString &context) {
    FailureKind kind = FailureKind::Permanent;
    switch (response.failure) {
    case HttpFailure::Cancelled:
        kind = FailureKind::Cancelled;
        break;
    case HttpFailure::Network:
    case HttpFailure::Timeout:
        kind = FailureKind::Transient;
        break;
    case HttpFailure::Status:
        kind = response.retryable ? FailureKind::Transient : FailureKind::Permanent;
        break;
    default:
        kind = FailureKind::Permanent;
    }
    fail(kind, context.isEmpty() ? response.error : context + QStringLiteral(": ") + response.error);
}

void NetworkImageJob::finish(ImageResult result) {
    if (m_done)
        return;
    m_done = true;
    if (m_holdsSlot && m_gate) {
        m_holdsSlot = false;
        m_gate->release();
    }
    if (!result.ok())
        qCInfo(lcProviders).noquote() << m_profile.name << "image request failed:" << result.error;
    // Delivered from the event loop so that a cancel() inside a slot never re-enters the caller.
    QTimer::singleShot(0, this, [this, result] {
        Q_EMIT finished(result);
        deleteLater();
    });
}

} // namespace shotcraft::providers
