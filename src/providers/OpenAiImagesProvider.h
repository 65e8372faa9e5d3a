// OpenAI Images (protocols.md §4): /v1/images/generations without references, /v1/images/edits with
// up to 16 image[] references (character sheets, location plate, chained take) and input_fidelity.
// The API has no negative prompt, so the negative terms are folded into the text as "Avoid: ...".
// Content-policy refusals (content_policy_violation, moderation_blocked) come back as
// FailureKind::ContentPolicy so the pipeline can retry with a softened prompt.
#pragma once

#include "providers/ImageProvider.h"
#include "providers/ProviderProfile.h"

#include <QSize>

namespace shotcraft::providers {

class ConcurrencyGate;
class HttpClient;

class OpenAiImagesProvider : public ImageProvider {
    Q_OBJECT
public:
    explicit OpenAiImagesProvider(const ProviderProfile &profile, HttpClient *client = nullptr,
                                  QObject *parent = nullptr);
    QString name() const override { return m_profile.name; }
    ImageProviderCaps caps() const override;
    ImageJob *generate(const ImageRequest &request) override;

    // The allowed size nearest to the wanted aspect ratio ("1536x1024").
    static QSize nearestSize(int width, int height);
    // The prompt text sent: positive, then "Avoid: negative".
    static QString promptText(const PromptPackage &package);

private:
    ProviderProfile m_profile;
    HttpClient *m_client;
    ConcurrencyGate *m_gate;
};

} // namespace shotcraft::providers
