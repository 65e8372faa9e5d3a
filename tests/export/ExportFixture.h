// Projects for the export tests: a generated film of N shots in a real project file (small PNG
// takes on most shots, some left ungenerated, dialogue with commas, quotes and line breaks), and the
// demo story as the importer makes it. Built with the core API, fast enough for 300 shots.
#pragma once

#include "domain/Project.h"
#include "export/ExportSnapshot.h"
#include "pipeline/ProjectFactory.h"
#include "storage/ProjectStore.h"
#include "support/SampleProject.h"
#include "support/TestPaths.h"

#include <QColor>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <memory>

namespace shotcraft::test {

struct ExportRig {
    std::unique_ptr<storage::ProjectStore> store; // null when the film could not be made: see error
    Project project;
    QString error;
    exporting::ExportSnapshot snapshot() {
        auto s = exporting::takeSnapshot(*store, project);
        if (!s)
            qFatal("snapshot: %s", qPrintable(s.error()));
        return *s;
    }
};

// `shots` shots in scenes of 6; every `ungeneratedEvery`-th shot has no take (0: all generated).
inline ExportRig generatedFilm(const QString &path, int shots, int ungeneratedEvery = 7) {
    Project p;
    p.info.title = QStringLiteral("Harbour Lights, a \"test\" film");
    p.info.author = QStringLiteral("Ada Reel");
    p.info.aspectRatio = 16.0 / 9.0;
    p.info.fps = 24;
    Character mara;
    mara.id = p.allocateId();
    mara.name = QStringLiteral("MARA");
    p.characters = {mara};
    Location pier{
        p.allocateId(), QStringLiteral("PIER, NORTH END"), InteriorExterior::Exterior, {}, {}, {}, {}};
    p.locations = {pier};
    const double durations[] = {1.0, 2.5, 1.5, 3.0, 0.8, 2.0};
    Scene scene;
    for (int i = 0; i < shots; ++i) {
        if (i % 6 == 0) {
            scene = Scene();
            scene.id = p.allocateId();
            scene.order = int(p.scenes.size());
            scene.number = QString::number(scene.order + 1);
            scene.heading = QStringLiteral("EXT. PIER, NORTH END - NIGHT");
            scene.intExt = InteriorExterior::Exterior;
            scene.locationId = pier.id;
            scene.timeOfDay = TimeOfDay::Night;
            p.scenes.append(scene);
        }
        Shot shot;
        shot.id = p.allocateId();
        shot.sceneId = scene.id;
        shot.order = i % 6;
        shot.number = QStringLiteral("%1%2").arg(scene.number).arg(QChar(u'A' + i % 6));
        shot.size = i % 2 ? ShotSize::CloseUp : ShotSize::Wide;
        shot.description = QStringLiteral("Mara waits, shot %1, on the pier").arg(i + 1);
        shot.dialogueExcerpt =
            i % 3 == 0 ? QStringLiteral("MARA: \"Wait,\" she said,\nthen: \"go.\"") : QString();
        shot.notes = i % 5 == 0 ? QStringLiteral("Hold on the lamp") : QString();
        shot.durationSec = durations[i % 6];
        shot.blocking = {{mara.id, 0.4, Facing::Right, DepthPlane::Midground, {}, {}}};
        p.shots.append(shot);
    }
    auto created = storage::ProjectStore::create(path, p);
    if (!created)
        qFatal("create: %s", qPrintable(created.error()));
    ExportRig rig{std::move(*created), {}, {}};
    const Status written = rig.store->transaction([&]() -> Status {
        for (int i = 0; i < p.shots.size(); ++i) {
            if (ungeneratedEvery > 0 && i % ungeneratedEvery == ungeneratedEvery - 1)
                continue;
            auto image = rig.store->addImage(pngBytes(64, 36, QColor::fromHsv((i * 37) % 360, 160, 200)));
            if (!image)
                return Status::failure(image.error());
            Result<Id> takeId = rig.store->allocateId();
            if (!takeId)
                return Status::failure(takeId.error());
            Take take;
            take.id = *takeId;
            take.shotId = p.shots[i].id;
            take.imageId = image->id;
            take.width = 64;
            take.height = 36;
            if (Status s = rig.store->save(take); !s)
                return s;
            p.shots[i].approvedTakeId = take.id;
            if (Status s = rig.store->save(p.shots[i]); !s)
                return s;
        }
        return Status::success();
    });
    if (!written)
        qFatal("takes: %s", qPrintable(written.error()));
    rig.project = *rig.store->load();
    return rig;
}

// The demo story, imported and broken down, nothing generated: every frame a placeholder. A missing
// or unreadable demo story gives a rig without a store and the reason, naming the path.
inline ExportRig demoFilm(const QString &path) {
    Result<Project> made = pipeline::createProjectFromScript(demoStoryPath());
    if (!made)
        return {{}, {}, made.error()}; // names the path
    auto created = storage::ProjectStore::create(path, *made);
    if (!created)
        return {{}, {}, path + QStringLiteral(": ") + created.error()};
    ExportRig rig{std::move(*created), {}, {}};
    rig.project = *rig.store->load();
    return rig;
}

// Runs a program (pdfinfo, ffprobe, ...) and returns its stdout; empty when it fails.
inline QByteArray toolOutput(const QString &program, const QStringList &args) {
    QProcess process;
    process.start(program, args);
    if (!process.waitForFinished(120000) || process.exitCode() != 0) {
        qWarning("%s failed: %s", qPrintable(program), process.readAllStandardError().constData());
        return {};
    }
    return process.readAllStandardOutput();
}

} // namespace shotcraft::test
