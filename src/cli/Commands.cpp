#include "cli/Commands.h"

namespace shotcraft::cli {

namespace {
// Keep in the order `shotcraft --help` lists them: the main job first.
constexpr CommandSpec kCommands[] = {
    {"info", "Show a project's schema version, file size and counts", &runInfo},
};
} // namespace

std::span<const CommandSpec> commands() {
    return kCommands;
}

} // namespace shotcraft::cli
