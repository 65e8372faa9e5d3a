// AUTOMATIC1111 / Forge with --api (protocols.md §6): txt2img, or img2img when the plan chains an
// earlier approved take; the other references go as ControlNet IP-Adapter units whose model name
// is first checked against /controlnet/model_list (a wrong name is silently ignored by the server,
// so an unknown model drops the references and says so). The seed actually used is read from
// `info`, a JSON string inside the JSON answer.
#pragma once

#include "providers/ImageProvider.h"
#include "providers/ProviderProfile.h"

#include <QSize>

namespace shotcraft::providers {

class ConcurrencyGate;
class HttpClient;

class Automatic1111Provider : public ImageProvider {
    Q_OBJECT
public:
    explicit Automatic1111Provider(const ProviderProfile &profile, HttpClient *client = nullptr,
                                   QObject *parent = nullptr);
    QString name() const override { return m_profile.name; }
    ImageProviderCaps caps() const override;
    ImageJob *generate(const ImageRequest &request) override;

    // Shotcraft's sampler names (ComfyUI style, "dpmpp_2m") in A1111's spelling ("DPM++ 2M").
    static QString samplerName(const QString &sampler);
    // The exact model_list entry for a configured name ("ip-adapter_sd15" -> "ip-adapter_sd15 [6a3f6166]").
    static QString matchModel(const QStringList &available, const QString &wanted);

private:
    ProviderProfile m_profile;
    HttpClient *m_client;
    ConcurrencyGate *m_gate;
};

} // namespace shotcraft::providers
