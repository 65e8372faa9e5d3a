// The breakdown checks every script must pass, whatever script it is: shared by the fixture tests
// and the corpus tests. They report through QTest (call from a test function).
#pragma once

#include "domain/Project.h"

namespace shotcraft::test {

// Acts, scenes and every shot field filled (each check names its audit item, A.1-A.4).
void checkEveryShotField(const Project &p);
// The 180-degree rule: of each scene's dialogue pair, A stays screen-left looking right and B
// screen-right looking left in every shot that holds them. Sets the number of pairs seen.
void checkBlockingKeepsTheLine(const Project &p, int *pairs);

} // namespace shotcraft::test
