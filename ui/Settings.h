// Typed settings keys with one table of defaults. Tests (and portable installs) point
// SHOTCRAFT_SETTINGS_DIR at a folder so they never touch the user's own settings.
#pragma once

#include <QSettings>
#include <QVariant>

#include <memory>

namespace shotcraft::ui {

enum class SettingKey { WindowGeometry, WindowState, RecentFiles, Theme, CardWidth, LastDirectory };

class Settings {
public:
    Settings();
    QVariant value(SettingKey key) const;
    void setValue(SettingKey key, const QVariant &value);
    QStringList recentFiles() const;
    void addRecentFile(const QString &path);
    static constexpr int maxRecentFiles = 8;

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace shotcraft::ui
