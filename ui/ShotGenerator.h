// Regenerates shots from the studio: one persistent Job per request, sent to an ImageProvider
// within its concurrency cap; progress goes to the cards; a finished image is thumbnailed off the
// GUI thread and stored as a new take, which becomes the circled one. Cancel and retry per job.
#pragma once

#include "domain/Project.h"
#include "domain/Result.h"
#include "providers/ImageProvider.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

namespace shotcraft::models {
class ProjectDocument;
}

namespace shotcraft::ui {

class ShotGenerator : public QObject {
    Q_OBJECT
public:
    // Builds the request for one shot; `changes` is the user's "regenerate with changes" text.
    using RequestBuilder =
        std::function<providers::ImageRequest(const Project &, const Shot &, const QString &changes)>;

    explicit ShotGenerator(QObject *parent = nullptr);
    void setDocument(models::ProjectDocument *document);
    // Not owned; must outlive the requests it serves.
    void setProvider(providers::ImageProvider *provider);
    providers::ImageProvider *provider() const { return m_provider; }
    void setRequestBuilder(RequestBuilder builder) { m_builder = std::move(builder); }
    // The fallback request: the shot's last prompt (or its description) at the project's aspect ratio.
    static providers::ImageRequest defaultRequest(const Project &project, const Shot &shot,
                                                  const QString &changes);

    Status regenerate(const QList<Id> &shotIds, const QString &changes = {});
    void cancel(Id jobId);
    void cancelAll();
    Status retry(Id jobId);
    bool isBusy() const { return !m_active.isEmpty() || !m_waiting.isEmpty(); }

Q_SIGNALS:
    // Jobs finished (any outcome) of those started since the queue was last idle; ETA -1 if unknown.
    void progressChanged(int done, int total, qint64 etaMs);
    void shotFinished(shotcraft::Id shotId, bool ok);
    void idle();

private:
    struct Pending {
        Id jobId = 0;
        Id shotId = 0;
        QString changes;
        PromptPackage package; // of the request in flight, stored with its take
    };
    void pump();
    void start(const Pending &pending);
    void finish(Id jobId, const providers::ImageResult &result);
    void complete(Id jobId, JobState state, const QString &error);
    Job *job(Id jobId);
    void emitProgress();

    QPointer<models::ProjectDocument> m_document;
    QPointer<providers::ImageProvider> m_provider;
    RequestBuilder m_builder;
    QList<Pending> m_waiting;
    QHash<Id, QPointer<providers::ImageJob>> m_active; // job id -> request in flight
    QHash<Id, Pending> m_activeInfo;
    QHash<Id, QString> m_changes; // for retry
    int m_total = 0;
    int m_done = 0;
    QElapsedTimer m_clock;
};

} // namespace shotcraft::ui
