// The previz renderer's seeded randomness: one stream per purpose (skyline, clouds, rain, ...)
// so changing one layer never reshuffles another, and the same seed always draws the same frame.
#pragma once

#include <QtGlobal>

#include <random>

namespace shotcraft::previz {

class PrevizRandom {
public:
    PrevizRandom(quint64 seed, quint64 stream)
        : m_engine(seed * 0x9E3779B97F4A7C15ull ^ (stream + 0x632BE5AB)) {}
    // Uniform in [lo, hi), computed from raw bits so it is identical with every standard library.
    double uniform(double lo, double hi) { return lo + (hi - lo) * double(m_engine() >> 11) * 0x1.0p-53; }
    bool chance(double p) { return uniform(0.0, 1.0) < p; }

private:
    std::mt19937_64 m_engine;
};

} // namespace shotcraft::previz
