#include "pipeline/ImageProviderFactory.h"

#include "previz/PrevizProvider.h"
#include "providers/Automatic1111Provider.h"
#include "providers/ComfyUiProvider.h"
#include "providers/OpenAiImagesProvider.h"

namespace shotcraft::pipeline {

using namespace providers;

std::unique_ptr<ImageProvider> createImageProvider(const ProviderProfile &profile, QString *error,
                                                   HttpClient *client) {
    auto failed = [error](const QString &why) -> std::unique_ptr<ImageProvider> {
        if (error)
            *error = why;
        return nullptr;
    };
    if (Status s = profile.validate(); !s)
        return failed(s.error());
    switch (profile.kind) {
    case ProviderKind::Previz:
        return std::make_unique<previz::PrevizProvider>();
    case ProviderKind::OpenAiImages:
        return std::make_unique<OpenAiImagesProvider>(profile, client);
    case ProviderKind::ComfyUi:
        return std::make_unique<ComfyUiProvider>(profile, client);
    case ProviderKind::Automatic1111:
        return std::make_unique<Automatic1111Provider>(profile, client);
    default:
        return failed(QStringLiteral("profile %1 (%2) is not an image service")
                          .arg(profile.name, enumName(profile.kind)));
    }
}

std::unique_ptr<ImageProvider> createImageProvider(const QString &name, QString *error) {
    if (name == QLatin1String("previz") || name.isEmpty()) {
        if (const auto stored = ProfileStore::find(QStringLiteral("previz"));
            !stored || stored->kind == ProviderKind::Previz)
            return std::make_unique<previz::PrevizProvider>();
    }
    const auto profile = ProfileStore::find(name);
    if (!profile) {
        if (error)
            *error = QStringLiteral("no provider profile named \"%1\" (see: shotcraft providers)").arg(name);
        return nullptr;
    }
    return createImageProvider(*profile, error);
}

QStringList imageProviderNames() {
    QStringList names{QStringLiteral("previz")};
    for (const ProviderProfile &p : ProfileStore::load())
        if (isImageKind(p.kind) && !names.contains(p.name))
            names.append(p.name);
    return names;
}

} // namespace shotcraft::pipeline
