// The Fountain parser (fountain.io/syntax): title page, every screenplay element with its source line
// range, notes and boneyard. Runs in linear time in the length of the text; never fails (anything it
// cannot read as another element is action, as the spec says).
#pragma once

#include "story/Screenplay.h"

namespace shotcraft::story {

// `text` may start with a BOM and use CRLF or CR line ends.
Screenplay parseFountain(const QString &text);

} // namespace shotcraft::story
