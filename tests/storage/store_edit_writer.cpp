// Child process for the crash-safety test: opens a project and makes edits in a loop, each one a
// single transaction, printing "committed RUN:N" only after the commit returned. The parent kills
// it with SIGKILL at a random moment and checks that every reported edit survived.
#include "storage/ProjectStore.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QImage>

#include <cstdio>

using namespace shotcraft;

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: store_edit_writer PROJECT RUN\n");
        return 2;
    }
    const QString run = args.at(2);
    auto store = storage::ProjectStore::open(args.at(1));
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error()));
        return 1;
    }
    Result<Project> project = (*store)->load();
    if (!project || project->shots.isEmpty())
        return 1;

    QImage image(160, 90, QImage::Format_RGB32);
    for (int i = 0;; ++i) {
        Shot shot = project->shots.at(i % project->shots.size());
        shot.notes = QStringLiteral("edit %1:%2").arg(run).arg(i);
        const Status s = (*store)->transaction([&]() -> Status {
            if (Status st = (*store)->save(shot); !st)
                return st;
            if (i % 8 == 0) { // some edits carry a BLOB, as a take or a dropped reference would
                image.fill(QColor::fromHsv((i * 37) % 360, 200, 200));
                QByteArray png;
                QBuffer buffer(&png);
                buffer.open(QIODevice::WriteOnly);
                image.save(&buffer, "PNG");
                if (auto added = (*store)->addImage(png); !added)
                    return Status::failure(added.error());
            }
            Result<Id> id = (*store)->allocateId();
            if (!id)
                return Status::failure(id.error());
            ChatMessage note;
            note.id = *id;
            note.content = QStringLiteral("%1:%2").arg(run).arg(i);
            return (*store)->save(note);
        });
        if (!s) {
            std::fprintf(stderr, "%s\n", qPrintable(s.error()));
            return 1;
        }
        std::printf("committed %s:%d\n", qPrintable(run), i);
        std::fflush(stdout);
    }
}
