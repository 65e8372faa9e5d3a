// One consistent reading of a project for every export format: the shots in film order with their
// scene, their approved (else latest) take's image bytes and their length in frames. Taken on the
// thread that owns the store; everything after it runs on the pool without touching the store.
#pragma once

#include "domain/Project.h"
#include "domain/Result.h"

namespace shotcraft::storage {
class ProjectStore;
}

namespace shotcraft::exporting {

struct ExportShot {
    Shot shot;
    Scene scene;             // a default scene when the shot has none
    int index = 0;           // 0-based position in the export
    bool sceneStart = false; // the first exported shot of its scene
    Id takeId = 0;           // the take exported, 0 for a placeholder
    bool approved = false;   // the take is the shot's approved one
    int takeCount = 0;
    QByteArray image; // encoded image of the take; empty: drawn as a placeholder frame
    QString characters;
    QString location;
    QString fileName; // the frame's name in an image sequence (and a timeline's media)
};

struct ExportSnapshot {
    ProjectInfo info;
    QList<ExportShot> shots;

    int placeholders() const;
    // Each shot lasts a whole number of frames (at least one), so every format agrees on the total.
    static int frameCount(double durationSec, double fps);
    qint64 totalFrames(double fps) const;
};

// RANGE: comma-separated scene numbers ("3", "1A") or spans of two in film order ("2-4").
Result<QList<Id>> parseSceneRange(const Project &project, const QString &range);

// Every shot (or the shots of the scenes in `sceneRange`), with the image bytes read from `store`.
Result<ExportSnapshot> takeSnapshot(storage::ProjectStore &store, const Project &project,
                                    const QString &sceneRange = {});

} // namespace shotcraft::exporting
