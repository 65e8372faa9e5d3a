// libFuzzer target: any bytes through the script importer's Fountain and prose paths, the Fountain
// parser itself and emphasis parsing. Crashes, sanitizer reports and hangs are failures.
#include "story/Emphasis.h"
#include "story/FountainParser.h"
#include "story/ProseImporter.h"
#include "story/ScriptImporter.h"

#include <cstddef>
#include <cstdint>

using namespace shotcraft::story;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto imported = importText(bytes, ScriptFormat::Auto);
    if (imported.ok()) {
        for (const ScriptElement &e : imported->elements) {
            if (e.lineStart > e.lineEnd)
                __builtin_trap(); // every element keeps a valid source line range
            (void)stripEmphasis(e.text);
        }
    }
    const Screenplay direct = parseFountain(QString::fromUtf8(bytes));
    for (const ScreenplayScene &s : direct.scenes)
        if (s.firstElement >= s.elementEnd || s.elementEnd > direct.elements.size())
            __builtin_trap();
    if (size < 8192)
        (void)parseProse(QString::fromUtf8(bytes));
    return 0;
}
