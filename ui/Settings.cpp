#include "Settings.h"

#include <QDir>
#include <QFileInfo>

namespace shotcraft::ui {

namespace {
struct KeyInfo {
    SettingKey key;
    const char *name;
    QVariant defaultValue;
};

const KeyInfo &info(SettingKey key) {
    static const KeyInfo table[] = {
        {SettingKey::WindowGeometry, "window/geometry", QByteArray()},
        {SettingKey::WindowState, "window/state", QByteArray()},
        {SettingKey::RecentFiles, "files/recent", QStringList()},
        {SettingKey::Theme, "appearance/theme", QStringLiteral("dark")},
        {SettingKey::CardWidth, "storyboard/cardWidth", 240},
        {SettingKey::LastDirectory, "files/lastDirectory", QDir::homePath()},
    };
    for (const KeyInfo &k : table)
        if (k.key == key)
            return k;
    Q_UNREACHABLE();
}
} // namespace

Settings::Settings() {
    const QString dir = qEnvironmentVariable("SHOTCRAFT_SETTINGS_DIR");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        m_settings = std::make_unique<QSettings>(QDir(dir).filePath(QStringLiteral("shotcraft.ini")),
                                                 QSettings::IniFormat);
    } else {
        m_settings = std::make_unique<QSettings>(QStringLiteral("Shotcraft"), QStringLiteral("Shotcraft"));
    }
}

QVariant Settings::value(SettingKey key) const {
    const KeyInfo &k = info(key);
    return m_settings->value(QLatin1String(k.name), k.defaultValue);
}

void Settings::setValue(SettingKey key, const QVariant &value) {
    m_settings->setValue(QLatin1String(info(key).name), value);
}

QStringList Settings::recentFiles() const {
    QStringList files;
    for (const QString &f : value(SettingKey::RecentFiles).toStringList())
        if (QFileInfo::exists(f))
            files.append(f);
    return files;
}

void Settings::addRecentFile(const QString &path) {
    QStringList files = value(SettingKey::RecentFiles).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > maxRecentFiles)
        files.removeLast();
    setValue(SettingKey::RecentFiles, files);
}

} // namespace shotcraft::ui
