#include "review/ConsistencyReviewer.h"

#include "cinema/Continuity.h"
#include "dna/PaletteDesigner.h"
#include "review/RepairPrompt.h"
#include "review/ToneTarget.h"

namespace shotcraft::review {

namespace {
QString hexOf(const Lab &lab) {
    return fromLab(lab).name();
}

QString nameOf(const Project &project, Id characterId) {
    const Character *c = project.character(characterId);
    return c ? c->name : QStringLiteral("character %1").arg(characterId);
}
} // namespace

Measure ConsistencyReviewer::measurePalette(const Project &project, const Shot &shot,
                                            const PixelMeasure &pixels) const {
    Measure m;
    m.name = QStringLiteral("palette");
    m.unit = QStringLiteral("ΔE00");
    m.threshold = m_thresholds.paletteDeltaE;
    const Palette *palette = dna::paletteFor(project, shot.sceneId);
    QList<Lab> swatches;
    if (palette)
        for (const Swatch &s : palette->swatches)
            if (QColor c(s.hex); c.isValid())
                swatches.append(toLab(c));
    if (swatches.isEmpty() || pixels.dominant.isEmpty()) {
        m.reason = QStringLiteral("the scene has no palette swatches");
        return m;
    }
    // Both ways round: the frame's colours must sit near the palette (a cast moves them off it) and
    // the palette must be found in the frame (a cast onto one swatch loses the others).
    double toPalette = 0.0;
    for (const DominantColour &d : pixels.dominant) {
        double nearest = 1e9;
        for (const Lab &s : swatches)
            nearest = std::min(nearest, deltaE2000(d.lab, s));
        toPalette += d.share * nearest;
    }
    double fromPalette = 0.0, missingDe = -1.0;
    Lab missing;
    for (const Lab &s : swatches) {
        double nearest = 1e9;
        for (const DominantColour &d : pixels.dominant)
            nearest = std::min(nearest, deltaE2000(d.lab, s));
        fromPalette += nearest / swatches.size();
        if (nearest > missingDe) {
            missingDe = nearest;
            missing = s;
        }
    }
    m.value = (toPalette + fromPalette) / 2.0;
    m.verdict = m.value <= m.threshold ? Verdict::Pass : Verdict::Outlier;
    m.reason = QStringLiteral("ΔE00 %1 between the frame and the %2 palette (at most %3): its colours sit %4 "
                              "from the swatches, the swatches %5 from its colours; %6 is missed most (%7)")
                   .arg(m.value, 0, 'f', 1)
                   .arg(palette->name.isEmpty() ? enumName(palette->scope) : palette->name)
                   .arg(m.threshold, 0, 'f', 1)
                   .arg(toPalette, 0, 'f', 1)
                   .arg(fromPalette, 0, 'f', 1)
                   .arg(hexOf(missing))
                   .arg(missingDe, 0, 'f', 1);
    return m;
}

Measure ConsistencyReviewer::measureTone(const Project &project, const Shot &shot,
                                         const PixelMeasure &pixels) const {
    const ToneTarget t = ToneTarget::forShot(project, shot);
    Measure m;
    m.name = QStringLiteral("tone");
    m.unit = QStringLiteral("× tolerance");
    m.threshold = m_thresholds.tone;
    const double meanOff = std::abs(pixels.meanL - t.meanL) / t.meanTolerance;
    const double contrastOff = std::abs(pixels.contrast - t.contrast) / t.contrastTolerance;
    m.value = std::max(meanOff, contrastOff);
    m.verdict = m.value <= m.threshold ? Verdict::Pass : Verdict::Outlier;
    m.reason = QStringLiteral("mean L* %1 for a target of %2 ± %3, contrast %4 for %5 ± %6 (%7)")
                   .arg(pixels.meanL, 0, 'f', 1)
                   .arg(t.meanL, 0, 'f', 0)
                   .arg(t.meanTolerance, 0, 'f', 0)
                   .arg(pixels.contrast, 0, 'f', 1)
                   .arg(t.contrast, 0, 'f', 0)
                   .arg(t.contrastTolerance, 0, 'f', 0)
                   .arg(t.look);
    return m;
}

Measure ConsistencyReviewer::measurePresence(const Project &project, const Shot &shot,
                                             const Take &take) const {
    Measure m;
    m.name = QStringLiteral("presence");
    m.unit = QStringLiteral("frame widths");
    m.threshold = m_thresholds.presence;
    if (!take.placementsReported) {
        m.reason = QStringLiteral("%1 does not report where it drew whom")
                       .arg(take.provider.isEmpty() ? QStringLiteral("the engine") : take.provider);
        return m;
    }
    m.verdict = Verdict::Pass;
    if (shot.blocking.isEmpty()) {
        m.reason = QStringLiteral("no one is blocked on screen");
        return m;
    }
    QStringList off;
    for (const Blocking &b : shot.blocking) {
        const auto drawn =
            std::find_if(take.placements.cbegin(), take.placements.cend(),
                         [&](const FigurePlacement &p) { return p.characterId == b.characterId; });
        if (drawn == take.placements.cend()) {
            m.value = std::max(m.value, 1.0);
            off.append(QStringLiteral("%1 is not in frame").arg(nameOf(project, b.characterId)));
            continue;
        }
        const double dx = std::abs(drawn->screenX - b.screenX);
        m.value = std::max(m.value, dx);
        if (dx > m.threshold)
            off.append(QStringLiteral("%1 at x %2, blocked at %3")
                           .arg(nameOf(project, b.characterId))
                           .arg(drawn->screenX, 0, 'f', 2)
                           .arg(b.screenX, 0, 'f', 2));
    }
    if (!off.isEmpty()) {
        m.verdict = Verdict::Outlier;
        m.reason = off.join(QStringLiteral("; "));
    } else {
        m.reason = QStringLiteral("%1 blocked on screen, all within %2 of their mark")
                       .arg(shot.blocking.size())
                       .arg(m.threshold, 0, 'f', 3);
    }
    return m;
}

TakeReview ConsistencyReviewer::reviewTake(const Project &project, const Take &take,
                                           const QImage &image) const {
    return reviewTake(project, take, PixelMeasure::of(image));
}

TakeReview ConsistencyReviewer::reviewTake(const Project &project, const Take &take,
                                           const PixelMeasure &pixels) const {
    TakeReview r;
    r.takeId = take.id;
    r.shotId = take.shotId;
    r.provider = take.provider;
    const Shot *shot = project.shot(take.shotId);
    if (!shot)
        return r;
    r.sceneId = shot->sceneId;
    r.shotNumber = shot->number;
    r.pixels = pixels;
    r.palette = measurePalette(project, *shot, r.pixels);
    r.tone = measureTone(project, *shot, r.pixels);
    r.presence = measurePresence(project, *shot, take);
    for (const cinema::ContinuityIssue &issue : cinema::checkContinuity(project, *shot).issues)
        r.continuity.append(issue.rule + QStringLiteral(": ") + issue.detail);
    r.changes = repairChanges(project, *shot, r, dna::paletteFor(project, shot->sceneId),
                              ToneTarget::forShot(project, *shot));
    return r;
}

Result<FilmReview> ConsistencyReviewer::reviewFilm(const Project &project, const ImageLoader &load,
                                                   const Progress &progress) const {
    const QList<const Take *> approved = approvedTakes(project);
    FilmReview film;
    for (int i = 0; i < approved.size(); ++i) {
        const Take &take = *approved[i];
        Result<QImage> image = load(take.imageId);
        if (!image)
            return Result<FilmReview>::failure(
                QStringLiteral("take %1: cannot read its image: %2").arg(take.id).arg(image.error()));
        film.takes.append(reviewTake(project, take, *image));
        if (progress && !progress(i + 1, int(approved.size())))
            return Result<FilmReview>::failure(QStringLiteral("review stopped"));
    }
    score(project, film);
    return film;
}

QList<const Take *> ConsistencyReviewer::approvedTakes(const Project &project) {
    QList<const Take *> approved;
    for (const Scene &scene : project.scenes)
        for (const Shot *shot : project.shotsOfScene(scene.id))
            if (const Take *take = project.take(shot->approvedTakeId); take && take->imageId != 0)
                approved.append(take);
    return approved;
}

void ConsistencyReviewer::score(const Project &project, FilmReview &film) {
    film.scenes.clear();
    double total = 0.0;
    for (const Scene &scene : project.scenes) {
        SceneReview s;
        s.sceneId = scene.id;
        s.number = scene.number;
        s.heading = scene.heading;
        double sum = 0.0;
        for (const TakeReview &t : std::as_const(film.takes))
            if (t.sceneId == scene.id) {
                ++s.takes;
                s.outliers += t.outlier() ? 1 : 0;
                sum += t.score();
            }
        if (s.takes == 0)
            continue;
        s.score = sum / s.takes;
        film.scenes.append(s);
    }
    for (const TakeReview &t : std::as_const(film.takes))
        total += t.score();
    film.score = film.takes.isEmpty() ? 1.0 : total / film.takes.size();
}

} // namespace shotcraft::review
