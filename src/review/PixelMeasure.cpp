#include "review/PixelMeasure.h"

#include <cmath>
#include <limits>

namespace shotcraft::review {

namespace {
double distance2(const Lab &x, const Lab &y) {
    const double dl = x.L - y.L, da = x.a - y.a, db = x.b - y.b;
    return dl * dl + da * da + db * db;
}

// Farthest-point seeding: spreads the centres over the colours present, with no randomness.
QList<Lab> seeds(const std::vector<Lab> &points, int k) {
    QList<Lab> centres{points.front()};
    std::vector<double> nearest(points.size(), std::numeric_limits<double>::max());
    while (centres.size() < k) {
        size_t far = 0;
        double farD = -1.0;
        for (size_t i = 0; i < points.size(); ++i) {
            nearest[i] = std::min(nearest[i], distance2(points[i], centres.back()));
            if (nearest[i] > farD) {
                farD = nearest[i];
                far = i;
            }
        }
        if (farD <= 1e-6)
            break; // fewer distinct colours than clusters
        centres.append(points[far]);
    }
    return centres;
}
} // namespace

PixelMeasure PixelMeasure::of(const QImage &source, int clusters, int samples) {
    PixelMeasure out;
    if (source.isNull() || clusters < 1)
        return out;
    const QImage image = source.convertToFormat(QImage::Format_RGB32);
    const double step =
        std::max(1.0, std::sqrt(double(image.width()) * image.height() / std::max(1, samples)));
    std::vector<Lab> points;
    points.reserve(size_t(samples) + 64);
    for (double y = step / 2; y < image.height(); y += step) {
        const QRgb *line = reinterpret_cast<const QRgb *>(image.constScanLine(int(y)));
        for (double x = step / 2; x < image.width(); x += step)
            points.push_back(toLab(line[int(x)]));
    }
    if (points.empty())
        return out;

    double sum = 0.0, sum2 = 0.0;
    for (const Lab &p : points) {
        sum += p.L;
        sum2 += p.L * p.L;
    }
    const double n = double(points.size());
    out.meanL = sum / n;
    out.contrast = std::sqrt(std::max(0.0, sum2 / n - out.meanL * out.meanL));

    QList<Lab> centres = seeds(points, clusters);
    std::vector<int> label(points.size(), 0);
    for (int iteration = 0; iteration < 12; ++iteration) {
        bool moved = false;
        for (size_t i = 0; i < points.size(); ++i) {
            int best = 0;
            double bestD = std::numeric_limits<double>::max();
            for (int c = 0; c < centres.size(); ++c)
                if (const double d = distance2(points[i], centres[c]); d < bestD) {
                    bestD = d;
                    best = c;
                }
            moved |= label[i] != best;
            label[i] = best;
        }
        QList<Lab> sums(centres.size());
        QList<int> counts(centres.size(), 0);
        for (size_t i = 0; i < points.size(); ++i) {
            Lab &s = sums[label[i]];
            s.L += points[i].L;
            s.a += points[i].a;
            s.b += points[i].b;
            ++counts[label[i]];
        }
        for (int c = 0; c < centres.size(); ++c)
            if (counts[c] > 0)
                centres[c] = {sums[c].L / counts[c], sums[c].a / counts[c], sums[c].b / counts[c]};
        if (!moved && iteration > 0)
            break;
    }
    QList<int> counts(centres.size(), 0);
    for (int l : label)
        ++counts[l];
    for (int c = 0; c < centres.size(); ++c)
        if (counts[c] > 0)
            out.dominant.append({centres[c], counts[c] / n});
    std::stable_sort(out.dominant.begin(), out.dominant.end(),
                     [](const DominantColour &x, const DominantColour &y) { return x.share > y.share; });
    return out;
}

} // namespace shotcraft::review
