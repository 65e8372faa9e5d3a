// What every parse of any input must hold, whatever the bytes: each element keeps a valid source
// line range and each scene a non-empty range of elements inside the script. Shared by the fuzz
// targets (which trap on a break) and tst_parserinputs (which replays their corpora under ASan).
#pragma once

#include "story/Screenplay.h"

#include <QString>

namespace shotcraft::test {

// Empty when the script holds; otherwise the first invariant it breaks.
inline QString brokenInvariant(const story::Screenplay &script) {
    for (const story::ScriptElement &e : script.elements)
        if (e.lineStart > e.lineEnd)
            return QStringLiteral("an element ends (line %1) before it starts (line %2)")
                .arg(e.lineEnd)
                .arg(e.lineStart);
    for (const story::ScreenplayScene &s : script.scenes)
        if (s.firstElement >= s.elementEnd || s.elementEnd > script.elements.size())
            return QStringLiteral("a scene's elements [%1, %2) are not inside the script's %3")
                .arg(s.firstElement)
                .arg(s.elementEnd)
                .arg(script.elements.size());
    return {};
}

} // namespace shotcraft::test
