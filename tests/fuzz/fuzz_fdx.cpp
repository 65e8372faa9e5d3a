// libFuzzer target: any bytes through the Final Draft reader (untrusted XML).
#include "story/FdxParser.h"
#include "support/ScreenplayInvariants.h"

#include <cstddef>
#include <cstdint>

using namespace shotcraft::story;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto script = parseFdx(bytes);
    if (script.ok()) {
        if (!shotcraft::test::brokenInvariant(*script).isEmpty())
            __builtin_trap();
    } else if (script.error().isEmpty() || script.error().contains(u'\n')) {
        __builtin_trap(); // a refusal is one line
    }
    return 0;
}
