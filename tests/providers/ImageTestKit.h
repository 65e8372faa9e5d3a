// Shared by the image-service tests: a request with ranked reference images (one planned
// reference without bytes, which must be reported as dropped) and a synchronous wait for a job.
#pragma once

#include "providers/ImageProvider.h"
#include "providers/ProviderProfile.h"
#include "support/HttpTestServer.h"

#include <QSignalSpy>

namespace shotcraft::test {

constexpr Id kUnavailableReference = 999;

inline providers::ImageRequest requestWithReferences(int count, bool chainedFirst = false,
                                                     qint64 seed = 4242) {
    providers::ImageRequest r;
    r.package.positive =
        QStringLiteral("MARA VOSS, weathered ferry captain, 35mm lens, low-key tungsten light");
    r.package.negative = QStringLiteral("blurry, extra fingers, watermark");
    r.package.params.width = 1344;
    r.package.params.height = 768;
    r.package.params.seed = seed;
    r.package.params.steps = 24;
    for (int i = 0; i < count; ++i) {
        PromptReference ref;
        ref.referenceId = 100 + i;
        ref.imageId = 200 + i;
        ref.role = (i == 0 && chainedFirst) ? ReferenceRole::ChainedTake : ReferenceRole::CharacterSheet;
        ref.weight = 0.8;
        ref.rank = i;
        r.package.references.append(ref);
        r.referenceData.append({ref, solidPng(16 + i, 16, 0x101010u * quint32(i + 1))});
    }
    PromptReference missing;
    missing.referenceId = kUnavailableReference;
    missing.role = ReferenceRole::StyleFrame;
    missing.rank = count;
    r.package.references.append(missing);
    return r;
}

// A profile for a provider test: two requests at once and short timeouts, so faults show quickly.
inline providers::ProviderProfile testProfile(const QString &name, providers::ProviderKind kind,
                                              const QUrl &baseUrl, int totalTimeoutMs = 4000) {
    providers::ProviderProfile p;
    p.name = name;
    p.kind = kind;
    p.baseUrl = baseUrl.toString();
    p.maxConcurrency = 2;
    p.connectTimeoutMs = 2000;
    p.transferTimeoutMs = 2000;
    p.totalTimeoutMs = totalTimeoutMs;
    return p;
}

inline providers::ImageResult runJob(providers::ImageJob *job, int timeoutMs = 10000) {
    QSignalSpy spy(job, &providers::ImageJob::finished);
    if (!spy.wait(timeoutMs)) {
        providers::ImageResult r;
        r.failure = providers::FailureKind::Transient;
        r.error = QStringLiteral("test: no answer in time");
        return r;
    }
    return spy.first().first().value<providers::ImageResult>();
}

} // namespace shotcraft::test
