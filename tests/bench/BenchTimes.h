// The console report of Google Benchmark, with each benchmark's real and CPU time per iteration kept
// by name, so a bench can print its figures as ratios against a baseline measured in the same run.
// CPU time is there for the machine that is busy with something else: a baseline that waited for a
// core shows it as real time well above its CPU time.
#pragma once

#include <benchmark/benchmark.h>

#include <functional>
#include <map>
#include <string>

namespace shotcraft::bench {

class TimesReporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run> &runs) override {
        ConsoleReporter::ReportRuns(runs);
        for (const Run &run : runs)
            if (run.run_type == Run::RT_Iteration)
                m_times[run.benchmark_name()] = {run.GetAdjustedRealTime(), run.GetAdjustedCPUTime()};
    }
    // In the benchmark's own unit; 0 when it did not run (filtered out, or it failed).
    double realTime(const std::string &name) const { return find(name).first; }
    double cpuTime(const std::string &name) const { return find(name).second; }

private:
    std::pair<double, double> find(const std::string &name) const {
        const auto it = m_times.find(name);
        return it == m_times.end() ? std::pair{0.0, 0.0} : it->second;
    }
    std::map<std::string, std::pair<double, double>> m_times;
};

inline double ratio(double value, double baseline) {
    return baseline > 0 ? value / baseline : 0.0;
}

// Runs the benchmarks the command line selects, then `printRatios` with their times.
inline int runBenchmarks(int argc, char **argv,
                         const std::function<void(const TimesReporter &)> &printRatios) {
    benchmark::Initialize(&argc, argv);
    TimesReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    printRatios(reporter);
    benchmark::Shutdown();
    return 0;
}

} // namespace shotcraft::bench
