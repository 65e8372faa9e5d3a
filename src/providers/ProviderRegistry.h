// Checks a stored service profile is reachable. Creating providers by profile name lives a layer up
// (pipeline/ImageProviderFactory.h), because the built-in previz engine sits on this interface.
#pragma once

#include "providers/ProviderProfile.h"

#include <QObject>

#include <functional>

namespace shotcraft::providers {

class HttpClient;

// "Test connection": one cheap authenticated request per kind (OpenAI/compatible: GET /v1/models;
// Anthropic: GET /v1/models; ComfyUI: /system_stats; AUTOMATIC1111: /sdapi/v1/options; Ollama:
// /api/tags), without retries. `done` runs on `context`'s thread with success and a one-line detail,
// or the reason it failed (unreachable, key rejected, not that kind of service).
void testConnection(const ProviderProfile &profile, QObject *context,
                    std::function<void(const Status &status, const QString &detail)> done,
                    HttpClient *client = nullptr);

} // namespace shotcraft::providers
