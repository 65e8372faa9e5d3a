// A table-driven view of a parsed script for the Fountain tests: "count:action", "texts:lyrics",
// "centered", "dual", "numbers", "depths", "forced:scene-heading", "notes", "title:author", "all".
#pragma once

#include "story/Screenplay.h"

namespace shotcraft::test {

QString probe(const story::Screenplay &s, const QString &what);

} // namespace shotcraft::test
