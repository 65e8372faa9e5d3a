// The user's "regenerate with changes" text on a shot job's prompt: appended to the positive prompt
// and recorded among the package's modifications. The window and the director share it, so a change
// asked for in the chat reaches the prompt exactly as one typed in the shot's menu does.
#pragma once

#include "pipeline/RequestBuilder.h"

#include <functional>

namespace shotcraft::director {

pipeline::RequestBuilder withUserChanges(pipeline::RequestBuilder base,
                                         std::function<QString(Id jobId)> changesOf);

} // namespace shotcraft::director
