// shotcraft info PROJECT: schema version, file size and what the project holds.
#include "cli/Commands.h"
#include "storage/ProjectStore.h"

namespace shotcraft::cli {

int runInfo(const QStringList &args, CommandIo &io) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Show a project's schema version, file size and counts."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("A .shotcraft project file."));
    if (!io.parse(parser, QStringLiteral("info"), args))
        return io.exitCode();
    if (parser.positionalArguments().size() != 1)
        return io.fail(QStringLiteral("usage: shotcraft info PROJECT [--json]"), ExitUsage);

    auto store = storage::ProjectStore::open(parser.positionalArguments().first());
    if (!store)
        return io.fail(store.error());
    const storage::ProjectStats st = (*store)->stats();
    const auto info = (*store)->info();
    const QString title = info ? info->title : QString();
    if (io.json()) {
        io.printJson({{"title", title},
                      {"schemaVersion", st.schemaVersion},
                      {"fileSize", st.fileSize},
                      {"acts", st.acts},
                      {"scenes", st.scenes},
                      {"shots", st.shots},
                      {"characters", st.characters},
                      {"locations", st.locations},
                      {"takes", st.takes},
                      {"jobs", st.jobs},
                      {"images", st.images}});
        return ExitSuccess;
    }
    io.out() << "Title:      " << title << '\n'
             << "Schema:     v" << st.schemaVersion << '\n'
             << "File size:  " << st.fileSize << " bytes\n"
             << "Acts:       " << st.acts << "\nScenes:     " << st.scenes << "\nShots:      " << st.shots
             << "\nCharacters: " << st.characters << "\nLocations:  " << st.locations
             << "\nTakes:      " << st.takes << "\nJobs:       " << st.jobs << '\n';
    return ExitSuccess;
}

} // namespace shotcraft::cli
