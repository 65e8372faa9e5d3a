// Final Draft (.fdx) import. The XML is untrusted: a DOCTYPE (and so any entity or external
// reference) is refused, the input size is capped, and the reader never fetches anything.
#pragma once

#include "domain/Result.h"
#include "story/Screenplay.h"

#include <QByteArray>

namespace shotcraft::story {

Result<Screenplay> parseFdx(const QByteArray &xml);

} // namespace shotcraft::story
