// The demo story as a project file with a previz take for every shot, and the ways the review tests
// spoil a take: an image replaced by a wrongly graded one, a figure drawn away from its mark.
#pragma once

#include "pipeline/GenerationRun.h"
#include "pipeline/ProjectFactory.h"
#include "previz/PrevizProvider.h"
#include "review/ReviewRepair.h"
#include "storage/ProjectStore.h"
#include "support/TestPaths.h"

#include <QBuffer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace shotcraft::test {

struct ReviewRig {
    QTemporaryDir dir;
    std::unique_ptr<storage::ProjectStore> store;
    Project project;
    previz::PrevizProvider previz;

    // False (with a warning) when the demo cannot be made or generated.
    bool make() {
        auto made = pipeline::createProjectFromScript(demoStoryPath());
        if (!made) {
            qWarning() << made.error();
            return false;
        }
        auto created = storage::ProjectStore::create(dir.filePath(QStringLiteral("demo.shotcraft")), *made);
        if (!created) {
            qWarning() << created.error();
            return false;
        }
        store = std::move(*created);
        project = *store->load();
        pipeline::GenerationRequest request;
        for (const Shot &s : project.shots)
            request.shots.append(s.id);
        auto ran = pipeline::runGeneration(*store, project, previz, request);
        if (!ran || ran->failed > 0) {
            qWarning() << (ran ? QStringLiteral("%1 failed").arg(ran->failed) : ran.error());
            return false;
        }
        return true;
    }

    Result<review::FilmReview>
    review(const review::ConsistencyReviewer &reviewer = review::ConsistencyReviewer()) {
        return reviewer.reviewFilm(project, review::storeImages(*store));
    }

    // Puts `image` in the file and points take `takeId` at it (the take keeps everything else).
    bool replaceImage(Id takeId, const QImage &image, const QList<FigurePlacement> *placements = nullptr) {
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        auto stored = store->addImage(png);
        if (!stored)
            return false;
        Take take = *project.take(takeId);
        take.imageId = stored->id;
        if (placements)
            take.placements = *placements;
        if (!store->save(take))
            return false;
        project = *store->load();
        return true;
    }

    QImage imageOf(Id takeId) { return QImage::fromData(*store->imageData(project.take(takeId)->imageId)); }

    // The first shot with someone blocked on screen.
    const Shot *blockedShot() const {
        for (const Shot &s : project.shots)
            if (!s.blocking.isEmpty() && s.size != ShotSize::Insert)
                return &s;
        return nullptr;
    }
};

// A strong cast towards `cast`: every pixel moved `amount` of the way.
inline QImage tinted(const QImage &source, const QColor &cast, double amount) {
    QImage image = source.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y) {
        QRgb *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = line[x];
            auto mix = [amount](int a, int b) {
                return int(a + (b - a) * amount);
            };
            line[x] =
                qRgb(mix(qRed(p), cast.red()), mix(qGreen(p), cast.green()), mix(qBlue(p), cast.blue()));
        }
    }
    return image;
}

} // namespace shotcraft::test
