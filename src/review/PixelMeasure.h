// What the review reads from a take's pixels: its dominant colours (k-means in CIELAB over a
// sample grid) and its tone (mean L* and the spread of L*, the contrast).
#pragma once

#include "review/Cielab.h"

#include <QImage>
#include <QList>

namespace shotcraft::review {

struct DominantColour {
    Lab lab;
    double share = 0.0; // of the sampled pixels, 0..1
};

struct PixelMeasure {
    QList<DominantColour> dominant; // largest share first
    double meanL = 0.0;             // mean L*, 0..100
    double contrast = 0.0;          // standard deviation of L*

    // Samples at most `samples` pixels on a regular grid; `clusters` k-means centres, deterministic.
    static PixelMeasure of(const QImage &image, int clusters = 6, int samples = 4096);
};

} // namespace shotcraft::review
