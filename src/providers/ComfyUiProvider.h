// ComfyUI (protocols.md §5): references uploaded through /upload/image, a workflow template
// (ComfyUiWorkflow: plain txt2img, IP-Adapter, Flux Kontext or Redux) filled by slot name and
// queued with /prompt, progress over the /ws websocket (with /history polling as the fallback when
// the socket cannot connect or drops), the image fetched with /view. node_errors and
// execution errors are reported in plain words ("CheckpointLoaderSimple: ckpt_name 'x' not in list").
//
// Profile options: "template" ("auto": ipadapter when there are references, else txt2img; or a
// built-in name or a .json path), "scheduler", "ipadapter_preset", "clip_l", "t5", "vae",
// "clip_vision", "style_model", "guidance", "poll_ms", "websocket" (false: poll only).
#pragma once

#include "providers/ImageProvider.h"
#include "providers/ProviderProfile.h"

#include <QSize>

namespace shotcraft::providers {

class ConcurrencyGate;
class HttpClient;

class ComfyUiProvider : public ImageProvider {
    Q_OBJECT
public:
    explicit ComfyUiProvider(const ProviderProfile &profile, HttpClient *client = nullptr,
                             QObject *parent = nullptr);
    QString name() const override { return m_profile.name; }
    ImageProviderCaps caps() const override;
    ImageJob *generate(const ImageRequest &request) override;

    // node_errors / error of a rejected /prompt in plain words.
    static QString describeNodeErrors(const Json &body);

private:
    ProviderProfile m_profile;
    HttpClient *m_client;
    ConcurrencyGate *m_gate;
};

} // namespace shotcraft::providers
