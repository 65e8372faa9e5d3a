#include "cli/Commands.h"

namespace shotcraft::cli {

namespace {
// Keep in the order `shotcraft --help` lists them: the main job first.
constexpr CommandSpec kCommands[] = {
    {"run", "From a script to a finished storyboard: project, look book, every shot, frames, contact sheet",
     &runRun},
    {"new", "Create a project from a script (import and breakdown)", &runNew},
    {"parse", "Read a script and show its scenes, characters and dialogue counts", &runParse},
    {"generate",
     "Generate takes (resumes an interrupted run; --shots RANGE, --stale, --provider, --concurrency)",
     &runGenerate},
    {"dna", "Show (or --build) a project's Visual DNA: characters, locations, palettes, style, look book",
     &runDna},
    {"plan", "Show one shot's consistency plan: identity, ranked references, seed, dependencies", &runPlan},
    {"stale", "List the takes made stale by Visual DNA edits, with the reasons", &runStale},
    {"prompt", "Show one shot's cinematographer prompt (--dialect natural|sdxl|sd15) with its reasons",
     &runPrompt},
    {"director", "One turn with the director: edit shots in plain English, regenerate with --yes",
     &runDirector},
    {"review",
     "Measure approved takes against the Visual DNA (palette, tone, presence); --repair the outliers",
     &runReview},
    {"export", "Export PNG/JPEG frames, PDF boards, an MP4 animatic, OTIO/EDL/FCP XML or a CSV shot list",
     &runExport},
    {"info", "Show a project's schema version, file size and counts", &runInfo},
    {"providers", "List provider profiles (no keys), or test / set / remove one", &runProviders},
};
} // namespace

std::span<const CommandSpec> commands() {
    return kCommands;
}

} // namespace shotcraft::cli
