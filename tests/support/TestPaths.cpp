#include "support/TestPaths.h"

#include <QDir>

namespace shotcraft::test {

namespace {
QString fromEnv(const char *name) {
    return QDir::cleanPath(qEnvironmentVariable(name));
}
} // namespace

QString sharedDir() {
    return fromEnv("SHOTCRAFT_SHARED_DIR");
}

QString corpusPath(const QString &relative) {
    return sharedDir() + QStringLiteral("/corpus/screenplays/") + relative;
}

QString sourcePath(const QString &relative) {
    return fromEnv("SHOTCRAFT_SOURCE_DIR") + u'/' + relative;
}

QString demoStoryPath() {
    return sourcePath(QStringLiteral("resources/demo/the-last-ferry.fountain"));
}

QString shotcraftExecutable() {
    return fromEnv("SHOTCRAFT_TEST_BINARY_DIR") + QStringLiteral("/app/shotcraft");
}

} // namespace shotcraft::test
