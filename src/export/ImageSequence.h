// The storyboard as a numbered PNG sequence: one file per shot's approved take, in film order,
// named by scene and shot number ("0007_sc02_sh3B.png") so an editor or a file browser sorts it
// right. Store reads happen on the calling thread; decoding and PNG encoding run on the pool.
#pragma once

#include "domain/Project.h"
#include "domain/Result.h"

namespace shotcraft::storage {
class ProjectStore;
}

namespace shotcraft::exporting {

struct ImageSequenceFrame {
    Id shotId = 0;
    Id takeId = 0;
    QString fileName;
};

struct ImageSequenceReport {
    QList<ImageSequenceFrame> frames; // written, in film order
    QList<Id> missing;                // shots without a take, not written
};

// The file name of the `index`-th (0-based) shot of the film.
QString sequenceFileName(int index, const Scene *scene, const Shot &shot);

// Writes every shot's approved take (else its latest) into `directory` (created if needed).
Result<ImageSequenceReport> exportImageSequence(storage::ProjectStore &store, const Project &project,
                                                const QString &directory);

} // namespace shotcraft::exporting
