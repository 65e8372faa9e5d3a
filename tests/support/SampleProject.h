// A small hand-built project (two acts, three scenes, six shots, two characters) for tests that
// need realistic data without running the importer.
#pragma once

#include "domain/Project.h"

#include <QByteArray>
#include <QColor>

namespace shotcraft::test {

Project sampleProject();
// A PNG of the given size filled with one colour.
QByteArray pngBytes(int width, int height, const QColor &colour);

} // namespace shotcraft::test
