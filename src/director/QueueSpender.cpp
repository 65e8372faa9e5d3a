#include "director/QueueSpender.h"

#include "pipeline/PromptChanges.h"

namespace shotcraft::director {

QueueSpender::QueueSpender(storage::ProjectStore &store, Project &project, ProviderLookup providerNamed)
    : m_store(store)
    , m_project(project)
    , m_providerNamed(std::move(providerNamed)) {
}

Status QueueSpender::run(const pipeline::GenerationRequest &request, const QString &changes,
                         const QString &provider) {
    Result<std::unique_ptr<providers::ImageProvider>> engine = m_providerNamed(provider);
    if (!engine)
        return Status::failure(engine.error());
    const pipeline::RequestBuilder builder = pipeline::withPromptChanges(
        pipeline::defaultRequestBuilder(), [changes](const Job &) { return changes; },
        QStringLiteral("user"));
    Result<pipeline::RunSummary> summary =
        pipeline::runGeneration(m_store, m_project, **engine, request, m_progress, builder);
    if (!summary)
        return Status::failure(summary.error());
    m_runs.append(*summary);
    if (summary->failed > 0)
        return Status::failure(pipeline::summaryLines(*summary).join(QLatin1Char(' ')));
    return Status::success();
}

Status QueueSpender::regenerate(const QList<Id> &shotIds, const QString &changes, const QString &provider) {
    pipeline::GenerationRequest request;
    request.shots = shotIds;
    return run(request, changes, provider);
}

Status QueueSpender::generateLookBook(bool regenerateAll, const QString &provider) {
    if (regenerateAll)
        return Status::failure(
            QStringLiteral("regenerating every look-book frame is done in the window or with "
                           "`shotcraft dna --build`; headless runs fill the missing frames"));
    pipeline::GenerationRequest request;
    request.wholeLookBook = true;
    return run(request, {}, provider);
}

} // namespace shotcraft::director
