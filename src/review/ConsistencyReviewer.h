// Measures approved takes against the Visual DNA from their pixels: palette adherence (dominant
// colours against the scene's swatches, ΔE00), tone (mean L* and contrast against the look's
// targets), character presence (where the engine says it drew whom against the blocking; "not
// measurable" for engines that do not say), with the 180°, eyeline and screen-direction flags beside.
#pragma once

#include "domain/Result.h"
#include "review/ReviewTypes.h"

#include <QImage>

#include <functional>

namespace shotcraft::review {

struct ReviewThresholds {
    // Share-weighted mean ΔE00 of the dominant colours to their nearest swatch. Previz frames of
    // the demo sit between 8 and 16; a strong cast lifts every cluster at once.
    double paletteDeltaE = 20.0;
    // Worst of |mean L* - target| / tolerance and |contrast - target| / tolerance.
    double tone = 1.0;
    // Distance of a drawn figure from its blocked screen x, in frame widths (a sixteenth: a figure
    // that kept its third of the frame).
    double presence = 0.0625;
};

class ConsistencyReviewer {
public:
    using ImageLoader = std::function<Result<QImage>(Id imageId)>;
    // Called after each take with done/total; returning false stops the review.
    using Progress = std::function<bool(int done, int total)>;

    explicit ConsistencyReviewer(ReviewThresholds thresholds = {})
        : m_thresholds(thresholds) {}
    const ReviewThresholds &thresholds() const { return m_thresholds; }

    TakeReview reviewTake(const Project &project, const Take &take, const QImage &image) const;
    // From the take's pixels as measured before (they depend on the image alone): an edit to the
    // shot or the Visual DNA is measured again without decoding the image again.
    TakeReview reviewTake(const Project &project, const Take &take, const PixelMeasure &pixels) const;
    // Every approved take, in film order, with per-scene and film scores. Fails when an image
    // cannot be read or the review is stopped.
    Result<FilmReview> reviewFilm(const Project &project, const ImageLoader &load,
                                  const Progress &progress = {}) const;

    // The takes a review measures: each shot's approved take that has an image, in film order.
    static QList<const Take *> approvedTakes(const Project &project);
    // Fills the per-scene and film scores from the take reviews.
    static void score(const Project &project, FilmReview &film);

private:
    Measure measurePalette(const Project &project, const Shot &shot, const PixelMeasure &pixels) const;
    Measure measureTone(const Project &project, const Shot &shot, const PixelMeasure &pixels) const;
    Measure measurePresence(const Project &project, const Shot &shot, const Take &take) const;

    ReviewThresholds m_thresholds;
};

} // namespace shotcraft::review
