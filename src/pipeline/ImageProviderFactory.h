// Creates image providers by profile name ("previz" always works, even with no settings file):
// the pipeline asks for the project's provider here and drives it through ImageProvider. It sits
// above both the network services (providers/) and the built-in engine (previz/).
#pragma once

#include "providers/ImageProvider.h"
#include "providers/ProviderProfile.h"

#include <memory>

namespace shotcraft::providers {
class HttpClient;
}

namespace shotcraft::pipeline {

// The provider for a stored profile; nullptr (with *error set) for an unknown name or a profile
// that is not an image service.
std::unique_ptr<providers::ImageProvider> createImageProvider(const QString &name, QString *error = nullptr);
// The provider for a profile given in full (tests, "providers test", the settings dialog).
// `client` defaults to the thread's HttpClient.
std::unique_ptr<providers::ImageProvider> createImageProvider(const providers::ProviderProfile &profile,
                                                              QString *error = nullptr,
                                                              providers::HttpClient *client = nullptr);
// Names of the stored image profiles, "previz" first.
QStringList imageProviderNames();

} // namespace shotcraft::pipeline
