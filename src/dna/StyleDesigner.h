// The film's style tokens: format and aspect ratio from the project, film stock, lens character,
// grain, grade and lighting habit from the genre (through the knowledge base). Carried verbatim in
// every image request so the whole film shares one look.
#pragma once

#include "domain/Project.h"

namespace shotcraft::cinema {
class KnowledgeBase;
}

namespace shotcraft::dna {

// "2.39:1 anamorphic widescreen" for 2.39, "16:9 widescreen" for 1.78, ...
QString aspectRatioToken(double aspectRatio);

// Adds one token per category the project does not have yet (a rebuild keeps the user's edits),
// except the aspect ratio, which always follows the project setting.
void designStyleTokens(Project &project, const cinema::KnowledgeBase &kb);

// The tokens in a fixed category order, as they go into a request.
QStringList styleTokenValues(const Project &project);

} // namespace shotcraft::dna
