#include "cli/OpenedProject.h"

namespace shotcraft::cli {

Result<OpenedProject> openProject(const QString &path) {
    auto store = storage::ProjectStore::open(path);
    if (!store)
        return Result<OpenedProject>::failure(store.error());
    Result<Project> loaded = (*store)->load();
    if (!loaded)
        return Result<OpenedProject>::failure(loaded.error());
    return OpenedProject{std::move(*store), std::move(*loaded)};
}

} // namespace shotcraft::cli
