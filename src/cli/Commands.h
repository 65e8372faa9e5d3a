// The table of sub-commands. Each command lives in its own <Name>Command.cpp.
#pragma once

#include "cli/CommandIo.h"

#include <span>

namespace shotcraft::cli {

struct CommandSpec {
    const char *name;
    const char *summary;
    int (*run)(const QStringList &args, CommandIo &io);
};

std::span<const CommandSpec> commands();

int runInfo(const QStringList &args, CommandIo &io);
int runRun(const QStringList &args, CommandIo &io);
int runProviders(const QStringList &args, CommandIo &io);
int runPrompt(const QStringList &args, CommandIo &io);
int runGenerate(const QStringList &args, CommandIo &io);
int runDna(const QStringList &args, CommandIo &io);
int runPlan(const QStringList &args, CommandIo &io);
int runStale(const QStringList &args, CommandIo &io);
int runParse(const QStringList &args, CommandIo &io);
int runNew(const QStringList &args, CommandIo &io);
int runExport(const QStringList &args, CommandIo &io);
int runDirector(const QStringList &args, CommandIo &io);
int runReview(const QStringList &args, CommandIo &io);

} // namespace shotcraft::cli
