// Which shots a run generates: a --shots RANGE from the command line, or every shot still without
// a take (what an interrupted run resumes).
#pragma once

#include "domain/Project.h"
#include "domain/Result.h"

namespace shotcraft::pipeline {

// RANGE: comma-separated items, each a shot's board number or id ("12A", "104"), or a span of two
// of them in film order ("3-7", "1A..2C"). Film order is the project's shot order.
Result<QList<Id>> parseShotRange(const Project &project, const QString &range);

// Shots with no take at all, in film order.
QList<Id> shotsWithoutTakes(const Project &project);

} // namespace shotcraft::pipeline
