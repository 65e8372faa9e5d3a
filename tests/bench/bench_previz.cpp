// Previz throughput: milliseconds per 1344x768 frame on one core and frames per second on the pool,
// each beside the floor measured in the same run (a plain fill of the same image, encoded the
// same way), and the time for a 200-shot board (goal: under 10 s on 2 cores).
#include "previz/PrevizProvider.h"
#include "previz/PrevizRenderer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <cstdio>

using namespace shotcraft;
using namespace shotcraft::previz;
using namespace shotcraft::providers;

namespace {

constexpr int kWidth = 1344;
constexpr int kHeight = 768;

// A board of varied shots: every size, angle, weather, interiors and exteriors, one to three people.
QList<ImageRequest> board(int count) {
    Project project;
    const char *colours[][2] = {{"#d0208f", "#f0e020"}, {"#10b4e0", "#30e070"}, {"#8a3a2a", "#e0d0b0"}};
    const char *hair[] = {"long red hair", "short grey hair, beard", "black curly hair"};
    for (int i = 0; i < 3; ++i) {
        Character c;
        c.id = 10 + i;
        c.name = QStringLiteral("Person %1").arg(i + 1);
        c.hair = QLatin1String(hair[i]);
        c.signatureColours = {QLatin1String(colours[i][0]), QLatin1String(colours[i][1])};
        project.characters.append(c);
    }
    for (int i = 0; i < 4; ++i) {
        Location l;
        l.id = 20 + i;
        l.name = QLatin1String(i == 0 ? "HARBOUR" : i == 1 ? "KITCHEN" : i == 2 ? "PARK" : "STREET");
        l.intExt = i == 1 ? InteriorExterior::Interior : InteriorExterior::Exterior;
        project.locations.append(l);
        Scene s;
        s.id = 30 + i;
        s.locationId = l.id;
        s.intExt = l.intExt;
        s.timeOfDay = TimeOfDay(1 + i % 4);
        s.weather = Weather(i * 2 % 7);
        project.scenes.append(s);
    }
    QList<ImageRequest> out;
    for (int i = 0; i < count; ++i) {
        Shot shot;
        shot.id = 1000 + i;
        shot.number = QString::number(i + 1);
        shot.sceneId = 30 + i % 4;
        shot.size = ShotSize(i % 7);
        shot.angle = CameraAngle(i % 5);
        shot.lens = {double(18 + (i * 7) % 100), i % 3 == 0 ? 1.8 : 5.6, Sensor::Super35};
        shot.weather = Weather(i % 7);
        for (int c = 0; c <= i % 3; ++c)
            shot.blocking.append({Id(10 + c), 0.2 + 0.3 * c, Facing(c % 6), DepthPlane(c % 3), {}, {}});
        ImageRequest r;
        r.project = project;
        r.shot = shot;
        r.package.params.width = kWidth;
        r.package.params.height = kHeight;
        r.package.params.seed = 1234 + i;
        out.append(r);
    }
    return out;
}

QByteArray floorFrame(const ImageRequest &r) {
    QImage image(QSize(r.package.params.width, r.package.params.height), QImage::Format_RGB32);
    image.fill(QColor(0x4a, 0x7f, 0xb5));
    return PrevizRenderer::encodePng(image);
}

QByteArray previzFrame(const ImageRequest &r) {
    return PrevizProvider::renderResult(r, {}).encoded;
}

template <typename F> double serialMsPerFrame(const QList<ImageRequest> &requests, F frame) {
    QElapsedTimer timer;
    timer.start();
    qint64 bytes = 0;
    for (const ImageRequest &r : requests)
        bytes += frame(r).size();
    Q_UNUSED(bytes);
    return double(timer.nsecsElapsed()) / 1e6 / requests.size();
}

template <typename F> double poolSeconds(const QList<ImageRequest> &requests, F frame) {
    QElapsedTimer timer;
    timer.start();
    const QList<QByteArray> frames = QtConcurrent::blockingMapped(requests, frame);
    Q_UNUSED(frames);
    return double(timer.nsecsElapsed()) / 1e9;
}

double renderOnlyMs(const QList<ImageRequest> &requests) {
    QElapsedTimer timer;
    timer.start();
    for (const ImageRequest &r : requests) {
        const Result<QImage> image = PrevizRenderer::render(r);
        Q_UNUSED(image);
    }
    return double(timer.nsecsElapsed()) / 1e6 / requests.size();
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const int boardSize = argc > 1 ? std::max(1, atoi(argv[1])) : 200;
    const QList<ImageRequest> serial = board(28);
    const QList<ImageRequest> full = board(boardSize);
    const int threads = QThreadPool::globalInstance()->maxThreadCount();

    const double floorMs = serialMsPerFrame(serial, floorFrame);
    const double previzMs = serialMsPerFrame(serial, previzFrame);
    const double drawMs = renderOnlyMs(serial);
    const double floorPool = poolSeconds(full, floorFrame);
    const double previzPool = poolSeconds(full, previzFrame);

    std::printf("bench_previz: %dx%d frames, %d pool threads\n\n", kWidth, kHeight, threads);
    std::printf("%-44s %12s %14s\n", "measure", "value", "vs floor");
    std::printf("%-44s %9.2f ms %13s\n", "floor: plain fill + PNG, one core", floorMs, "1.00x");
    std::printf("%-44s %9.2f ms %12.2fx\n", "previz: draw + PNG, one core", previzMs, previzMs / floorMs);
    std::printf("%-44s %9.2f ms %12.2fx\n", "previz: draw only, one core", drawMs, drawMs / floorMs);
    std::printf("%-44s %8.1f f/s %12.2fx\n", "floor on the pool", full.size() / floorPool, 1.0);
    std::printf("%-44s %8.1f f/s %12.2fx\n", "previz on the pool", full.size() / previzPool,
                (full.size() / previzPool) / (full.size() / floorPool));
    std::printf("%-44s %10.2f s %12.2fx\n",
                qPrintable(QStringLiteral("%1-shot board on the pool").arg(full.size())), previzPool,
                previzPool / floorPool);
    std::printf("\ngoal: 200-shot board < 10 s -> %s (%.2f s scaled to 200)\n",
                previzPool * 200.0 / full.size() < 10.0 ? "met" : "NOT met",
                previzPool * 200.0 / full.size());
    return 0;
}
