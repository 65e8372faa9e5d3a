// Creates image providers by profile name ("previz" always works, even with no settings file):
// the pipeline asks for the project's provider here and drives it through ImageProvider.
#pragma once

#include "providers/ImageProvider.h"
#include "providers/ProviderProfile.h"

#include <QObject>

#include <functional>
#include <memory>

namespace shotcraft::providers {

class HttpClient;

// The provider for a stored profile; nullptr (with *error set) for an unknown name or a profile
// that is not an image service.
std::unique_ptr<ImageProvider> createImageProvider(const QString &name, QString *error = nullptr);
// The provider for a profile given in full (tests, "providers test", the settings dialog).
// `client` defaults to the thread's HttpClient.
std::unique_ptr<ImageProvider> createImageProvider(const ProviderProfile &profile, QString *error = nullptr,
                                                   HttpClient *client = nullptr);
// Names of the stored image profiles, "previz" first.
QStringList imageProviderNames();

// "Test connection": one cheap authenticated request per kind (OpenAI/compatible: GET /v1/models;
// Anthropic: GET /v1/models; ComfyUI: /system_stats; AUTOMATIC1111: /sdapi/v1/options; Ollama:
// /api/tags), without retries. `done` runs on `context`'s thread with success and a one-line detail,
// or the reason it failed (unreachable, key rejected, not that kind of service).
void testConnection(const ProviderProfile &profile, QObject *context,
                    std::function<void(const Status &status, const QString &detail)> done,
                    HttpClient *client = nullptr);

} // namespace shotcraft::providers
