#include "cli/GenerationCommand.h"

#include "pipeline/ImageProviderFactory.h"

namespace shotcraft::cli {

QCommandLineOption concurrencyOption() {
    return QCommandLineOption(QStringLiteral("concurrency"),
                              QStringLiteral("Requests in flight at most (default: the provider's cap)."),
                              QStringLiteral("N"));
}

Result<int> concurrencyValue(const QCommandLineParser &parser, const QCommandLineOption &option) {
    if (!parser.isSet(option))
        return 0;
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value < 1)
        return Result<int>::failure(QStringLiteral("--concurrency needs a positive number"));
    return value;
}

Result<std::unique_ptr<providers::ImageProvider>> imageProviderNamed(const QString &name) {
    QString error;
    std::unique_ptr<providers::ImageProvider> provider = pipeline::createImageProvider(name, &error);
    if (!provider)
        return Result<std::unique_ptr<providers::ImageProvider>>::failure(
            error.isEmpty() ? QStringLiteral("no image provider named '%1'").arg(name) : error);
    return provider;
}

Result<pipeline::RunSummary> generateWithProgress(storage::ProjectStore &store, Project &project,
                                                  providers::ImageProvider &provider,
                                                  const pipeline::GenerationRequest &request, CommandIo &io) {
    auto summary =
        pipeline::runGeneration(store, project, provider, request, [&io](int done, int total, qint64 eta) {
            const QString label =
                eta > 0 ? QStringLiteral("Generating (%1 left)").arg(pipeline::formatDuration(eta))
                        : QStringLiteral("Generating");
            io.progress(label, done, total);
        });
    io.endProgress();
    return summary;
}

} // namespace shotcraft::cli
