// Running an export from a command with progress on stderr (shared by `export` and `run`).
#pragma once

#include "cli/CommandIo.h"
#include "export/Exporter.h"

namespace shotcraft::cli {

Result<exporting::ExportSummary> exportWithProgress(const exporting::ExportSnapshot &snapshot,
                                                    const exporting::ExportRequest &request, CommandIo &io);

} // namespace shotcraft::cli
