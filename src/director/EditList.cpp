#include "director/EditList.h"

#include <QCoreApplication>

namespace shotcraft::director {

namespace {
Status write(ProjectAccess &access, const DirectorEdit &edit, const Json &value) {
    try {
        switch (edit.kind) {
        case DirectorEdit::Kind::Shot:
            return access.saveShot(value.get<Shot>());
        case DirectorEdit::Kind::Character:
            return access.saveCharacter(value.get<Character>());
        case DirectorEdit::Kind::Location:
            return access.saveLocation(value.get<Location>());
        case DirectorEdit::Kind::Palette:
            return access.savePalette(value.get<Palette>());
        }
    } catch (const std::exception &e) {
        return Status::failure(
            QStringLiteral("cannot restore %1: %2").arg(edit.label, QString::fromUtf8(e.what())));
    }
    return Status::failure(QStringLiteral("unknown edit"));
}
} // namespace

Status revertEdits(ProjectAccess &access, const QList<DirectorEdit> &edits) {
    for (auto it = edits.crbegin(); it != edits.crend(); ++it)
        if (Status st = write(access, *it, it->before); !st)
            return st;
    return Status::success();
}

Status reapplyEdits(ProjectAccess &access, const QList<DirectorEdit> &edits) {
    for (const DirectorEdit &edit : edits)
        if (Status st = write(access, edit, edit.after); !st)
            return st;
    return Status::success();
}

QString undoText(const QList<DirectorEdit> &edits) {
    return edits.size() == 1 ? QStringLiteral("Director: 1 edit")
                             : QStringLiteral("Director: %1 edits").arg(edits.size());
}

} // namespace shotcraft::director
