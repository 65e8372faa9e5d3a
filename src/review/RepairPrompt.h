// Turns a take's measured deviations into prompt changes a model can act on ("warmer, closer to
// #c8743a; lower key; MARA at the left third"), for the regenerate-with-changes path.
#pragma once

#include "review/ReviewTypes.h"
#include "review/ToneTarget.h"

namespace shotcraft::review {

// Empty when every measure passes. `palette` may be null (no swatches: no colour advice).
QString repairChanges(const Project &project, const Shot &shot, const TakeReview &review,
                      const Palette *palette, const ToneTarget &target);

} // namespace shotcraft::review
