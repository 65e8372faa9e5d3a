// A feature-length Fountain screenplay made up on the spot from a seed, for tests and benchmarks
// that need scale (many scenes, a large cast) without a file beside the checkout. The same seed and
// size always give the same bytes.
#pragma once

#include <QString>
#include <QStringList>

namespace shotcraft::test {

struct GeneratedScript {
    QString text;           // the Fountain source
    int scenes = 0;         // scene headings written
    QStringList speakers;   // every character given a line, in order of first line
    int dialogueBlocks = 0; // character cues written
};

// scenes >= 1; the cast grows with the length (24 speakers from 48 scenes on).
GeneratedScript generateFeatureScript(int scenes = 160, quint32 seed = 1);

} // namespace shotcraft::test
