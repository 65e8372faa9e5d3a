// Confirmed spend actions run headless: one generation run through pipeline::GenerationQueue (the
// same queue the window and `shotcraft generate` use), with the changes text on each shot's prompt.
#pragma once

#include "director/Director.h"
#include "pipeline/GenerationRun.h"

#include <functional>
#include <memory>

namespace shotcraft::director {

class QueueSpender : public Spender {
public:
    // `providerNamed` gives the image engine for a profile name (or a reason it cannot).
    using ProviderLookup =
        std::function<Result<std::unique_ptr<providers::ImageProvider>>(const QString &name)>;
    QueueSpender(storage::ProjectStore &store, Project &project, ProviderLookup providerNamed);

    void setProgress(pipeline::ProgressCallback progress) { m_progress = std::move(progress); }
    Status regenerate(const QList<Id> &shotIds, const QString &changes, const QString &provider) override;
    Status generateLookBook(bool regenerateAll, const QString &provider) override;
    // The summaries of the runs so far.
    const QList<pipeline::RunSummary> &runs() const { return m_runs; }

private:
    Status run(const pipeline::GenerationRequest &request, const QString &changes, const QString &provider);

    storage::ProjectStore &m_store;
    Project &m_project;
    ProviderLookup m_providerNamed;
    pipeline::ProgressCallback m_progress;
    QList<pipeline::RunSummary> m_runs;
};

} // namespace shotcraft::director
