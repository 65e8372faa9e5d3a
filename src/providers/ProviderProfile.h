// A provider profile: which service to talk to and how (kind, base URL, model, concurrency,
// timeouts, reference-image limit, extra options), under a user-chosen name such as "openai" or
// "comfy-local". Profiles live in the settings file (QSettings; SHOTCRAFT_SETTINGS_DIR overrides its
// folder for tests) and NEVER hold an API key: keys go through Secrets.
#pragma once

#include "domain/Json.h"
#include "domain/Result.h"
#include "providers/HttpClient.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace shotcraft::providers {

enum class ProviderKind {
    Previz,        // built-in offline renderer
    OpenAiImages,  // /v1/images/generations + /v1/images/edits
    ComfyUi,       // /prompt, /ws, /history, /view, /upload/image
    Automatic1111, // /sdapi/v1/txt2img, img2img (also Forge)
    OpenAiChat,    // /v1/chat/completions (OpenAI and compatible local servers)
    Anthropic,     // /v1/messages
    Ollama         // /api/chat
};
NLOHMANN_JSON_SERIALIZE_ENUM(ProviderKind, {{ProviderKind::Previz, "previz"},
                                            {ProviderKind::OpenAiImages, "openai-images"},
                                            {ProviderKind::ComfyUi, "comfyui"},
                                            {ProviderKind::Automatic1111, "automatic1111"},
                                            {ProviderKind::OpenAiChat, "openai-chat"},
                                            {ProviderKind::Anthropic, "anthropic"},
                                            {ProviderKind::Ollama, "ollama"}})

bool isImageKind(ProviderKind kind);
bool isLlmKind(ProviderKind kind);

struct ProviderProfile {
    QString name; // unique; letters, digits, '-', '_'
    ProviderKind kind = ProviderKind::Previz;
    QString baseUrl; // scheme://host[:port][/prefix], no trailing slash needed
    QString model;
    int maxConcurrency = 1;
    int connectTimeoutMs = 15000;
    int transferTimeoutMs = 120000;
    int totalTimeoutMs = 600000;
    int maxRetries = 2;
    int referenceLimit = 0;        // reference images one request may carry (0: the kind's default)
    QString secretName;            // whose key to use; empty: the profile name
    Json options = Json::object(); // kind-specific extras (quality, input_fidelity, template, ...)
    bool operator==(const ProviderProfile &) const = default;

    // An endpoint under the base URL: url("/v1/images/edits").
    QUrl url(const QString &path) const;
    HttpTimeouts timeouts() const;
    RetryPolicy retryPolicy() const;
    bool needsKey() const; // cloud services do; local ones (ComfyUI, A1111, Ollama) do not
    QString effectiveSecretName() const { return secretName.isEmpty() ? name : secretName; }
    // The vendor whose key fits this kind: "openai", "anthropic" or empty.
    QString vendor() const;
    // The kind's default reference-image limit when referenceLimit is 0.
    int effectiveReferenceLimit() const;
    QString option(const char *key, const QString &fallback = {}) const;
    double numberOption(const char *key, double fallback) const;
    Status validate() const;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ProviderProfile, name, kind, baseUrl, model, maxConcurrency,
                                                connectTimeoutMs, transferTimeoutMs, totalTimeoutMs,
                                                maxRetries, referenceLimit, secretName, options)

// The profiles in the settings file. Every call reads or writes the file, so the window, the CLI
// and tests see the same state.
class ProfileStore {
public:
    // $SHOTCRAFT_SETTINGS_DIR/shotcraft.ini when set, otherwise the platform's user config file.
    static QString settingsPath();
    // Stored profiles, or the built-in defaults when none were ever saved.
    static QList<ProviderProfile> load();
    static std::optional<ProviderProfile> find(const QString &name);
    static Status save(const QList<ProviderProfile> &profiles);
    static Status upsert(const ProviderProfile &profile);
    static Status remove(const QString &name);
    // previz, openai (gpt-image-1), comfyui (127.0.0.1:8188), automatic1111 (127.0.0.1:7860).
    static QList<ProviderProfile> defaults();
};

} // namespace shotcraft::providers
