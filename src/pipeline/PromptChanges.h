// Changes asked for on a shot's regeneration ("warmer", "lower key", the user's own words) on the
// job's prompt: appended to the positive prompt and recorded among the package's modifications
// with who asked ("user: ...", "review: ..."). The window, the director and the consistency review's
// repair all go through here, so a change reaches the prompt the same way whoever asked for it.
#pragma once

#include "pipeline/RequestBuilder.h"

#include <functional>

namespace shotcraft::pipeline {

// `changesOf` is asked for shot jobs only; an empty answer leaves the prompt as it was.
RequestBuilder withPromptChanges(RequestBuilder base, std::function<QString(const Job &)> changesOf,
                                 const QString &origin);

} // namespace shotcraft::pipeline
