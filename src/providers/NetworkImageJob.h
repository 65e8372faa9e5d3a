// What every network image job shares (OpenAI Images, ComfyUI, AUTOMATIC1111): waiting for a slot
// under the provider's concurrency cap, the HTTP calls it owns (all cancelled by cancel()), mapping
// HTTP failures to FailureKind, choosing which references fit the service's limit, strict JSON
// parsing of answers, and decoding the image off the main thread before finished() goes out once.
#pragma once

#include "domain/Result.h"
#include "providers/HttpClient.h"
#include "providers/ImageDecoding.h"
#include "providers/ImageProvider.h"
#include "providers/ProviderProfile.h"
#include <QSize>

#include <QPointer>

#include <functional>

namespace shotcraft::providers {

// The references one request sends, and what it drops (over the limit, not kept, no image yet).
struct ReferenceSelection {
    QList<ReferenceData> sent;
    QList<Id> dropped;
};
ReferenceSelection selectReferences(const ImageRequest &request, int limit,
                                    const std::function<bool(const ReferenceData &)> &accept = {});

class NetworkImageJob : public ImageJob {
    Q_OBJECT
public:
    NetworkImageJob(const ProviderProfile &profile, ConcurrencyGate *gate, HttpClient *client,
                    QObject *parent = nullptr);
    ~NetworkImageJob() override;
    // Queues the job behind the gate; begin() runs when a slot is free (never synchronously).
    void start();
    void cancel() override;

protected:
    virtual void begin() = 0;

    // Sends a request owned by this job; `done` is skipped once the job has finished.
    void send(HttpRequest request, std::function<void(const HttpResponse &)> done);
    // A request with the profile's timeouts and retry policy.
    HttpRequest request(const QByteArray &method, const QString &path) const;
    // The body as JSON, or a clear reason (HTML page, wrong content type, truncated JSON).
    static Result<Json> jsonBody(const HttpResponse &response);
    // Decodes off the main thread, then finishes with the image (or the decoding error).
    void finishWithImage(const QByteArray &bytes);
    void fail(FailureKind kind, const QString &error);
    void failFromHttp(const HttpResponse &response, const QString &context);
    bool isDone() const { return m_done; }

    ProviderProfile m_profile;
    ImageResult m_result; // filled as the job goes (model, references, seed), sent by finish
    HttpClient *m_client;

private:
    void finish(ImageResult result);
    QPointer<ConcurrencyGate> m_gate;
    QList<QPointer<HttpCall>> m_calls;
    bool m_holdsSlot = false;
    bool m_started = false;
    bool m_done = false;
};

} // namespace shotcraft::providers
