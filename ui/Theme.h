// Dark and light palettes for the studio (Fusion style, so both look the same on every desktop).
#pragma once

#include <QString>

namespace shotcraft::ui {

enum class Theme { Dark, Light };

Theme themeFromName(const QString &name);
QString themeName(Theme theme);
void applyTheme(Theme theme);

} // namespace shotcraft::ui
