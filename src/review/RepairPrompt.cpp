#include "review/RepairPrompt.h"

namespace shotcraft::review {

namespace {
// Share-weighted mean of the dominant colours.
Lab meanOf(const PixelMeasure &pixels) {
    Lab m;
    for (const DominantColour &d : pixels.dominant) {
        m.L += d.share * d.lab.L;
        m.a += d.share * d.lab.a;
        m.b += d.share * d.lab.b;
    }
    return m;
}

QString paletteChanges(const TakeReview &review, const Palette &palette) {
    QList<Lab> swatches;
    QStringList hexes;
    Lab mean;
    for (const Swatch &s : palette.swatches)
        if (QColor c(s.hex); c.isValid()) {
            swatches.append(toLab(c));
            hexes.append(c.name());
            mean.L += swatches.back().L;
            mean.a += swatches.back().a;
            mean.b += swatches.back().b;
        }
    if (swatches.isEmpty())
        return {};
    mean = {mean.L / swatches.size(), mean.a / swatches.size(), mean.b / swatches.size()};
    const Lab image = meanOf(review.pixels);
    QStringList words;
    // b* is the blue-yellow axis: a cast shows there first.
    if (image.b < mean.b - 4.0)
        words.append(QStringLiteral("warmer"));
    else if (image.b > mean.b + 4.0)
        words.append(QStringLiteral("cooler"));
    if (image.a < mean.a - 4.0)
        words.append(QStringLiteral("less green"));
    else if (image.a > mean.a + 4.0)
        words.append(QStringLiteral("less magenta"));
    // The swatch the frame misses most: farthest from every dominant colour.
    int missing = 0;
    double worst = -1.0;
    for (int i = 0; i < swatches.size(); ++i) {
        double nearest = 1e9;
        for (const DominantColour &d : review.pixels.dominant)
            nearest = std::min(nearest, deltaE2000(swatches[i], d.lab));
        if (nearest > worst) {
            worst = nearest;
            missing = i;
        }
    }
    words.append(QStringLiteral("closer to %1").arg(hexes[missing]));
    return words.join(QStringLiteral(", "));
}

QString toneChanges(const TakeReview &review, const ToneTarget &target) {
    QStringList words;
    if (review.pixels.meanL < target.meanL - target.meanTolerance)
        words.append(QStringLiteral("brighter exposure"));
    else if (review.pixels.meanL > target.meanL + target.meanTolerance)
        words.append(QStringLiteral("darker exposure"));
    if (review.pixels.contrast < target.contrast - target.contrastTolerance)
        words.append(QStringLiteral("lower key, deeper shadows"));
    else if (review.pixels.contrast > target.contrast + target.contrastTolerance)
        words.append(QStringLiteral("higher key, softer contrast"));
    return words.join(QStringLiteral(", "));
}

QString thirdOf(double x) {
    return x < 1.0 / 3.0   ? QStringLiteral("the left third")
           : x > 2.0 / 3.0 ? QStringLiteral("the right third")
                           : QStringLiteral("the centre");
}

QString presenceChanges(const Project &project, const Shot &shot) {
    QStringList words;
    for (const Blocking &b : shot.blocking) {
        const Character *c = project.character(b.characterId);
        words.append(QStringLiteral("%1 in frame at %2")
                         .arg(c ? c->name : QStringLiteral("the figure"), thirdOf(b.screenX)));
    }
    return words.join(QStringLiteral(", "));
}
} // namespace

QString repairChanges(const Project &project, const Shot &shot, const TakeReview &review,
                      const Palette *palette, const ToneTarget &target) {
    QStringList parts;
    if (review.palette.verdict == Verdict::Outlier && palette)
        parts.append(paletteChanges(review, *palette));
    if (review.tone.verdict == Verdict::Outlier)
        parts.append(toneChanges(review, target));
    if (review.presence.verdict == Verdict::Outlier)
        parts.append(presenceChanges(project, shot));
    parts.removeAll(QString());
    return parts.join(QStringLiteral("; "));
}

} // namespace shotcraft::review
