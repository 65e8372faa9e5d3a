#include "previz/PrevizProvider.h"

#include "domain/Logging.h"

#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace shotcraft::previz {

using providers::FailureKind;

PrevizProvider::PrevizProvider(QObject *parent)
    : ImageProvider(parent) {
    qRegisterMetaType<shotcraft::providers::ImageResult>();
}

ImageProviderCaps PrevizProvider::caps() const {
    ImageProviderCaps caps;
    caps.maxReferences = 0; // it draws from the shot's structure, not from images
    caps.maxConcurrency = std::max(1, (m_pool ? m_pool : QThreadPool::globalInstance())->maxThreadCount());
    caps.dialect = PromptDialect::Natural;
    return caps;
}

ImageJob *PrevizProvider::generate(const ImageRequest &request) {
    return new PrevizJob(request, m_options, m_pool ? m_pool : QThreadPool::globalInstance());
}

ImageResult PrevizProvider::renderResult(const ImageRequest &request, const PrevizOptions &options,
                                         const std::function<bool(double)> &progress) {
    ImageResult result;
    result.model = QStringLiteral("previz");
    result.seedUsed = request.package.params.seed != 0 ? request.package.params.seed : request.plan.seed;
    // Nothing is sent anywhere: every planned reference is reported as dropped.
    for (const PromptReference &r : request.package.keptReferences())
        result.referencesDropped.append(r.referenceId);
    bool stopped = false;
    const Result<QImage> image = PrevizRenderer::render(request, options, [&](double fraction) {
        stopped = progress && !progress(fraction);
        return !stopped;
    });
    if (!image) {
        result.failure = stopped ? FailureKind::Cancelled : FailureKind::Permanent;
        result.error = image.error();
        return result;
    }
    result.encoded = PrevizRenderer::encodePng(*image);
    result.width = image->width();
    result.height = image->height();
    result.placementsReported = true;
    result.placements = PrevizScene::fromRequest(request, image->size()).placements();
    return result;
}

PrevizJob::PrevizJob(const ImageRequest &request, const PrevizOptions &options, QThreadPool *pool,
                     QObject *parent)
    : ImageJob(parent) {
    connect(&m_watcher, &QFutureWatcher<ImageResult>::progressValueChanged, this,
            [this](int value) { Q_EMIT progress(value / 1000.0); });
    connect(&m_watcher, &QFutureWatcher<ImageResult>::finished, this, &PrevizJob::onFinished);
    const auto cancelled = m_cancelled;
    m_watcher.setFuture(
        QtConcurrent::run(pool, [request, options, cancelled](QPromise<ImageResult> &promise) {
            promise.setProgressRange(0, 1000);
            auto check = [&](double fraction) {
                if (cancelled->load() || promise.isCanceled())
                    return false;
                promise.setProgressValue(int(fraction * 1000));
                return true;
            };
            promise.addResult(PrevizProvider::renderResult(request, options, check));
        }));
}

void PrevizJob::cancel() {
    m_cancelled->store(true);
}

void PrevizJob::onFinished() {
    if (m_done)
        return;
    m_done = true;
    ImageResult result;
    if (m_cancelled->load()) {
        result.failure = FailureKind::Cancelled;
        result.error = QStringLiteral("previz render cancelled");
    } else if (m_watcher.future().resultCount() > 0) {
        result = m_watcher.future().result();
    } else {
        result.failure = FailureKind::Permanent;
        result.error = QStringLiteral("previz render produced no image");
    }
    qCDebug(lcProviders) << "previz job finished" << result.width << "x" << result.height << result.error;
    Q_EMIT finished(result);
    deleteLater();
}

} // namespace shotcraft::previz
