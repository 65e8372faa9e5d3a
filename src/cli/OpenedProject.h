// A project file opened and read for a command: the store and the project in it, or the one-line
// reason it cannot be (missing, not a project, damaged, from a newer Shotcraft).
#pragma once

#include "domain/Project.h"
#include "domain/Result.h"
#include "storage/ProjectStore.h"

#include <memory>

namespace shotcraft::cli {

struct OpenedProject {
    std::unique_ptr<storage::ProjectStore> store;
    Project project;
};

Result<OpenedProject> openProject(const QString &path);

} // namespace shotcraft::cli
