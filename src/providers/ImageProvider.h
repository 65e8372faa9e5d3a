// The one interface every image back-end implements: the built-in previz renderer and the network
// services (OpenAI Images, ComfyUI, AUTOMATIC1111/Forge). Asynchronous, cancellable, with progress.
#pragma once

#include "domain/ConsistencyPlan.h"
#include "domain/Project.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

namespace shotcraft::providers {

// Why a request failed, which decides what the pipeline does next.
enum class FailureKind {
    None,
    Transient,     // network, timeout, 429/5xx after the HTTP layer's own retries: try again later
    ContentPolicy, // the service refused the prompt: retry once with a softened prompt
    Permanent,     // bad request, missing model, bad credentials: the shot fails with this reason
    Cancelled
};

// A reference image resolved to bytes, ready to send.
struct ReferenceData {
    PromptReference reference;
    QByteArray encoded; // PNG or JPEG bytes
};

struct ImageRequest {
    PromptPackage package;              // prompt, negative, params (size, seed, ...), planned references
    QList<ReferenceData> referenceData; // bytes of the kept references that have images
    // The shot's structure, for engines that draw from it rather than from text (previz).
    Project project; // settings, characters, locations, palettes (no image bytes)
    Shot shot;       // empty (id 0) for a look-book frame
    ConsistencyPlan plan;
};

struct ImageResult {
    FailureKind failure = FailureKind::None;
    QString error; // one line, for the user
    QByteArray encoded;
    QByteArray format = "png";
    int width = 0;
    int height = 0;
    qint64 seedUsed = 0;
    QString model;
    QList<Id> referencesUsed;    // reference ids the service actually received
    QList<Id> referencesDropped; // planned but not sent (limit, unsupported role, no image yet)
    double costUsd = 0.0;
    bool placementsReported = false; // the engine says where it drew each character
    QList<FigurePlacement> placements;
    bool ok() const { return failure == FailureKind::None; }
};

// One request in flight. Emits progress() any number of times, then finished() exactly once
// (also after cancel(), with FailureKind::Cancelled). Deletes itself after finished().
class ImageJob : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void cancel() = 0;

Q_SIGNALS:
    void progress(double fraction); // 0..1
    void finished(const shotcraft::providers::ImageResult &result);
};

struct ImageProviderCaps {
    int maxReferences = 0;  // how many reference images one request can carry
    int maxConcurrency = 1; // the provider's own cap, which the pipeline's window never exceeds
    PromptDialect dialect = PromptDialect::Natural;
    QList<QSize> allowedSizes; // empty: any size (multiples of 8)
};

class ImageProvider : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    virtual QString name() const = 0; // profile name, e.g. "previz", "comfy-local"
    virtual ImageProviderCaps caps() const = 0;
    // Starts a request; the job belongs to the caller's event loop thread.
    virtual ImageJob *generate(const ImageRequest &request) = 0;
};

} // namespace shotcraft::providers

Q_DECLARE_METATYPE(shotcraft::providers::ImageResult)
