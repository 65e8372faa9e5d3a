// Fountain parse throughput on a feature-length script repeated 20 times (the generated one of the
// test support, or a script named on the command line), beside a plain
// line-splitting pass over the same bytes in the same run (UTF-8 decode and split into lines: the
// least any parser must do). Prints MB/s for both and the parser's share of the floor (goal >= 25 %).
#include "story/ScriptImporter.h"
#include "support/ScriptGenerator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace shotcraft;

namespace {

// The median of several timed runs, in seconds.
double medianSeconds(const std::function<qsizetype()> &work, int runs, qsizetype *sink) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        *sink += work();
        times.push_back(double(t.nsecsElapsed()) / 1e9);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    // The script: the first argument, else the generated feature (190 scenes, as long as Big Fish).
    QByteArray script;
    QString name = QStringLiteral("generated feature (190 scenes)");
    if (argc > 1) {
        name = QString::fromLocal8Bit(argv[1]);
        QFile f(name);
        if (!f.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "bench_parse: cannot read %s\n", qPrintable(name));
            return 1;
        }
        script = f.readAll();
    } else {
        script = test::generateFeatureScript(190).text.toUtf8();
    }
    const QByteArray bytes = script.repeated(20);
    const double mb = double(bytes.size()) / (1024.0 * 1024.0);
    const int runs = 7;
    qsizetype sink = 0;

    const double floor =
        medianSeconds([&] { return QString::fromUtf8(bytes).split(u'\n').size(); }, runs, &sink);
    const double parse = medianSeconds(
        [&] {
            const auto s = story::importText(bytes, story::ScriptFormat::Fountain);
            return s.ok() ? s->elements.size() : 0;
        },
        runs, &sink);

    std::printf("Fountain parse throughput: %s x20 (%.2f MB), median of %d runs\n", qPrintable(name), mb,
                runs);
    std::printf("%-36s %10s %10s %10s\n", "pass", "ms", "MB/s", "vs floor");
    std::printf("%-36s %10.1f %10.1f %9.0f%%\n", "line split (UTF-8 decode + split)", floor * 1e3, mb / floor,
                100.0);
    std::printf("%-36s %10.1f %10.1f %9.0f%%\n", "importText (Fountain, full index)", parse * 1e3, mb / parse,
                100.0 * floor / parse);
    std::printf("goal: parser >= 25%% of the floor -> %s   (checksum %lld)\n",
                floor / parse >= 0.25 ? "met" : "NOT met", static_cast<long long>(sink));
    return 0;
}
