// What `generate` and `run` share: the --concurrency option, the image provider by profile name, and
// a generation run whose progress (with ETA) goes to stderr.
#pragma once

#include "cli/CommandIo.h"
#include "domain/Result.h"
#include "pipeline/GenerationRun.h"
#include "providers/ImageProvider.h"

#include <memory>

namespace shotcraft::storage {
class ProjectStore;
}

namespace shotcraft::cli {

QCommandLineOption concurrencyOption();
// The option's value, 0 when it is not set; a usage error for anything but a positive number.
Result<int> concurrencyValue(const QCommandLineParser &parser, const QCommandLineOption &option);

Result<std::unique_ptr<providers::ImageProvider>> imageProviderNamed(const QString &name);

Result<pipeline::RunSummary> generateWithProgress(storage::ProjectStore &store, Project &project,
                                                  providers::ImageProvider &provider,
                                                  const pipeline::GenerationRequest &request, CommandIo &io);

} // namespace shotcraft::cli
