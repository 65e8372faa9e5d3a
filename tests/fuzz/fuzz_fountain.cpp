// libFuzzer target: any bytes through the script importer's Fountain and prose paths, the Fountain
// parser itself and emphasis parsing. Crashes, sanitizer reports and hangs are failures.
#include "story/Emphasis.h"
#include "story/FountainParser.h"
#include "story/ProseImporter.h"
#include "story/ScriptImporter.h"
#include "support/ScreenplayInvariants.h"

#include <cstddef>
#include <cstdint>

using namespace shotcraft::story;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto imported = importText(bytes, ScriptFormat::Auto);
    if (imported.ok()) {
        if (!shotcraft::test::brokenInvariant(*imported).isEmpty())
            __builtin_trap();
        for (const ScriptElement &e : imported->elements)
            (void)stripEmphasis(e.text);
    }
    if (!shotcraft::test::brokenInvariant(parseFountain(QString::fromUtf8(bytes))).isEmpty())
        __builtin_trap();
    if (size < 8192)
        (void)parseProse(QString::fromUtf8(bytes));
    return 0;
}
