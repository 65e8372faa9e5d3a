// Where the tests find the shared corpus, the source tree and scratch space.
#pragma once

#include <QString>

namespace shotcraft::test {

QString sharedDir();                         // ../shared beside the checkout
QString corpusPath(const QString &relative); // shared/corpus/screenplays/<relative>
QString sourcePath(const QString &relative); // a file of the source tree
QString demoStoryPath();                     // resources/demo/the-last-ferry.fountain
QString shotcraftExecutable();               // the built app, for tests that run the CLI

} // namespace shotcraft::test
