// A file or folder written under a temporary name beside its destination and renamed into place
// at the end, so a crash, a failure or a cancel never leaves half an export under the final name.
// (Single files written by Qt itself use QSaveFile; this is for folders and for files another
// program writes, like ffmpeg's MP4.)
#pragma once

#include "domain/Result.h"

#include <QString>

namespace shotcraft::exporting {

class AtomicPath {
public:
    enum class Kind { File, Folder };
    AtomicPath(QString destination, Kind kind);
    ~AtomicPath(); // removes the temporary unless committed
    AtomicPath(const AtomicPath &) = delete;
    AtomicPath &operator=(const AtomicPath &) = delete;

    // Creates the parent folder (and, for a folder, the temporary folder). Fails on a read-only place.
    Status prepare();
    QString temporaryPath() const { return m_temporary; }
    // Replaces the destination with the temporary.
    Status commit();
    void discard();

private:
    QString m_destination;
    QString m_temporary;
    Kind m_kind;
    bool m_committed = false;
};

} // namespace shotcraft::exporting
