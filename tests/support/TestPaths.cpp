#include "support/TestPaths.h"

#include <QDir>
#include <QFileInfo>

#include <cstdio>

namespace shotcraft::test {

namespace {
QString fromEnv(const char *name) {
    return QDir::cleanPath(qEnvironmentVariable(name));
}
} // namespace

// The variable of the test run wins; ctest passes the configured default beside it.
QString corpusDir() {
    return fromEnv(qEnvironmentVariableIsEmpty("SHOTCRAFT_CORPUS_DIR") ? "SHOTCRAFT_CORPUS_DEFAULT_DIR"
                                                                       : "SHOTCRAFT_CORPUS_DIR");
}

QString corpusPath(const QString &relative) {
    return corpusDir() + u'/' + relative;
}

QString sourcePath(const QString &relative) {
    return fromEnv("SHOTCRAFT_SOURCE_DIR") + u'/' + relative;
}

QString fixturePath(const QString &relative) {
    return sourcePath(QStringLiteral("tests/data/") + relative);
}

QString demoStoryPath() {
    return sourcePath(QStringLiteral("resources/demo/the-last-ferry.fountain"));
}

QString shotcraftExecutable() {
    return fromEnv("SHOTCRAFT_TEST_BINARY_DIR") + QStringLiteral("/app/shotcraft");
}

int skipUnlessCorpus() {
    const QString dir = corpusDir();
    // The samples folder is what every corpus test reads; a bare or wrong folder is not the corpus.
    if (!dir.isEmpty() && dir != u'.' && QFileInfo(dir + QStringLiteral("/samples")).isDir())
        return 0;
    std::printf("SKIP: the screenplay corpus is not at SHOTCRAFT_CORPUS_DIR=%s\n", qPrintable(dir));
    std::fflush(stdout);
    return kSkipExitCode;
}

} // namespace shotcraft::test
