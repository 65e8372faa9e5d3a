// API keys: read from the environment first (SHOTCRAFT_<NAME>_API_KEY, for headless use and CI),
// then from the system keychain through QtKeychain. Keys are never written to the settings file,
// the project or a log. The keychain may have no backend (no D-Bus secret service): every keychain
// call then fails cleanly with a reason, and a keychain that does not answer within a few seconds
// counts as absent, so nothing hangs.
//
//   Secrets::readKey(profile, this, [](const Result<QString> &key) { ... });
#pragma once

#include "domain/Result.h"
#include "providers/ProviderProfile.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace shotcraft::providers {

class Secrets {
public:
    // "openai" -> "SHOTCRAFT_OPENAI_API_KEY"; "comfy-local" -> "SHOTCRAFT_COMFY_LOCAL_API_KEY".
    static QString environmentVariable(const QString &secretName);
    // The key from the environment: the profile's own variable, then its vendor's
    // (SHOTCRAFT_OPENAI_API_KEY for any OpenAI profile).
    static std::optional<QString> fromEnvironment(const ProviderProfile &profile);
    // Where a key would come from, without reading the keychain: "environment" or "keychain".
    static QString source(const ProviderProfile &profile);

    // Reads the key: environment, then keychain. `done` runs on `context`'s thread (never
    // synchronously) with the key, or a one-line reason. A profile that needs no key gets "".
    static void readKey(const ProviderProfile &profile, QObject *context,
                        std::function<void(const Result<QString> &)> done);
    static void storeKey(const QString &secretName, const QString &key, QObject *context,
                         std::function<void(const Status &)> done);
    static void deleteKey(const QString &secretName, QObject *context,
                          std::function<void(const Status &)> done);

    // The keychain is skipped entirely when SHOTCRAFT_NO_KEYCHAIN is set or this was called with
    // false (tests, CI). Default: enabled.
    static void setKeychainEnabled(bool enabled);
    static bool keychainEnabled();
    static void setKeychainTimeoutMs(int ms); // default 5000
};

} // namespace shotcraft::providers
