// The built-in previz renderer as an image provider: the offline default that needs no network.
// It draws each shot from its structure (shot, project, consistency plan), never from the prompt
// text, on the QtConcurrent pool; results come back on the caller's thread.
#pragma once

#include "previz/PrevizRenderer.h"
#include "providers/ImageProvider.h"

#include <QFutureWatcher>

#include <atomic>
#include <memory>

class QThreadPool;

namespace shotcraft::previz {

using providers::ImageJob;
using providers::ImageProvider;
using providers::ImageProviderCaps;

class PrevizProvider : public ImageProvider {
    Q_OBJECT
public:
    explicit PrevizProvider(QObject *parent = nullptr);
    QString name() const override { return QStringLiteral("previz"); }
    ImageProviderCaps caps() const override;
    ImageJob *generate(const ImageRequest &request) override;

    // Overlays for every frame this provider draws from now on.
    void setOptions(const PrevizOptions &options) { m_options = options; }
    PrevizOptions options() const { return m_options; }
    // The pool the renders run on (default: QThreadPool::globalInstance()).
    void setThreadPool(QThreadPool *pool) { m_pool = pool; }

    // Renders and encodes one request synchronously, as the pooled job does.
    static ImageResult renderResult(const ImageRequest &request, const PrevizOptions &options,
                                    const std::function<bool(double)> &progress = {});

private:
    PrevizOptions m_options;
    QThreadPool *m_pool = nullptr;
};

// One previz render in flight.
class PrevizJob : public ImageJob {
    Q_OBJECT
public:
    PrevizJob(const ImageRequest &request, const PrevizOptions &options, QThreadPool *pool,
              QObject *parent = nullptr);
    void cancel() override;

private:
    void onFinished();

    QFutureWatcher<ImageResult> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancelled = std::make_shared<std::atomic<bool>>(false);
    bool m_done = false;
};

} // namespace shotcraft::previz
