// Where the tests find the source tree, the in-repo fixtures, the optional conformance corpus and
// the built app.
#pragma once

#include <QString>

namespace shotcraft::test {

// Exit code ctest reads as "Skipped" (SKIP_RETURN_CODE of every corpus-labelled test).
inline constexpr int kSkipExitCode = 77;

QString corpusDir();                          // SHOTCRAFT_CORPUS_DIR (the public screenplay corpora)
QString corpusPath(const QString &relative);  // <corpus>/<relative>
QString sourcePath(const QString &relative);  // a file of the source tree
QString fixturePath(const QString &relative); // tests/data/<relative>
QString demoStoryPath();                      // resources/demo/the-last-ferry.fountain
QString shotcraftExecutable();                // the built app, for tests that run the CLI

// For a corpus test's main(), before QTest runs: 0 when the corpus is there, otherwise prints one
// line naming SHOTCRAFT_CORPUS_DIR and returns kSkipExitCode.
int skipUnlessCorpus();

} // namespace shotcraft::test

// QTEST_GUILESS_MAIN for a test that reads the corpus: reported as Skipped when it is absent.
#define SHOTCRAFT_CORPUS_TEST_MAIN(TestObject)                                                               \
    int main(int argc, char *argv[]) {                                                                       \
        if (const int skip = shotcraft::test::skipUnlessCorpus())                                            \
            return skip;                                                                                     \
        QCoreApplication app(argc, argv);                                                                    \
        app.setAttribute(Qt::AA_Use96Dpi, true);                                                             \
        TestObject tc;                                                                                       \
        QTEST_SET_MAIN_SOURCE_PATH                                                                           \
        return QTest::qExec(&tc, argc, argv);                                                                \
    }
