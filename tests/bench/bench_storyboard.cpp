// Storyboard at scale: a 10,000-shot project where every shot has an approved take with a
// thumbnail (recorded with its DNA hash, as the pipeline stores it). Measures the studio window
// against baselines taken in the same run:
//   - open and show the first screen: the 10,000-shot project against a 100-shot one;
//   - frame time while the board scrolls from top to bottom (thumbnails decoding on the pool as it
//     goes): the storyboard against a plain QListView with a trivial delegate over the same model;
//   - memory: the thumbnail cache and the process's growth while scrolling, against the cache's
//     limit (and the plain list's growth for scale).
//   bench_storyboard [shots=10000]
#include "MainWindow.h"
#include "StalenessTracker.h"
#include "StoryboardView.h"
#include "ThumbnailCache.h"
#include "dna/ConsistencyPlanner.h"
#include "models/ProjectDocument.h"
#include "models/StoryboardModel.h"
#include "storage/ProjectStore.h"

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QListView>
#include <QPainter>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QTemporaryDir>
#include <QTimer>
#include <QtConcurrent>

#include <algorithm>
#include <cstdio>
#include <numeric>

using namespace shotcraft;

namespace {

double rssMb() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return 0;
}

QByteArray frameJpeg(int i) {
    QImage image(384, 161, QImage::Format_RGB32); // 2.39:1, as a stored thumbnail
    image.fill(QColor::fromHsv((i * 37) % 360, 120, 150));
    QPainter p(&image);
    p.setPen(Qt::white);
    p.drawText(image.rect(), Qt::AlignCenter, QString::number(i));
    p.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 80);
    return bytes;
}

// Writes the project: scenes of 20 shots at one of four locations, two characters in frame, each
// shot with one approved take, its own image and the DNA hash of the plan it was made under.
QString buildProject(const QString &dir, const QString &name, int shotCount) {
    Project p;
    p.info.title = QStringLiteral("%1 shots").arg(shotCount);
    p.info.aspectRatio = 2.39;
    const Id act = p.allocateId();
    p.acts.append({act, 1, QStringLiteral("One"), {}});
    for (const char *n : {"MARA", "ELIAS"}) {
        Character c;
        c.id = p.allocateId();
        c.name = QLatin1String(n);
        c.wardrobe = QStringLiteral("oilskin coat");
        p.characters.append(c);
    }
    for (int i = 0; i < 4; ++i)
        p.locations.append({p.allocateId(),
                            QStringLiteral("SET %1").arg(i + 1),
                            InteriorExterior::Interior,
                            QStringLiteral("a room by the harbour"),
                            {},
                            {},
                            {}});
    for (int i = 0; i < shotCount; ++i) {
        if (i % 20 == 0) {
            Scene scene;
            scene.id = p.allocateId();
            scene.actId = act;
            scene.order = int(p.scenes.size());
            scene.locationId = p.locations[scene.order % 4].id;
            scene.number = QString::number(scene.order + 1);
            scene.heading = QStringLiteral("INT. SET %1 - NIGHT").arg(scene.order % 4 + 1);
            scene.characterIds = {p.characters[0].id, p.characters[1].id};
            p.scenes.append(scene);
        }
        Shot shot;
        shot.id = p.allocateId();
        shot.sceneId = p.scenes.last().id;
        shot.order = i % 20;
        shot.number = QStringLiteral("%1%2").arg(p.scenes.last().number).arg(QChar(u'A' + i % 20));
        shot.description = QStringLiteral("She crosses to the window and looks down at the harbour lights, "
                                          "then back at the door.");
        shot.size = ShotSize(i % 8);
        shot.blocking = {{p.characters[i % 2].id, 0.4, Facing::Right, DepthPlane::Midground, {}, {}}};
        p.shots.append(shot);
    }
    const QString path = QDir(dir).filePath(name);
    auto store = storage::ProjectStore::create(path, p);
    if (!store)
        qFatal("create: %s", qPrintable(store.error()));
    // Encode and plan on the pool (the DNA hash needs each shot's plan), store on this thread.
    QList<int> indexes(shotCount);
    std::iota(indexes.begin(), indexes.end(), 0);
    const QList<QByteArray> jpegs = QtConcurrent::blockingMapped(indexes, frameJpeg);
    QList<QString> hashes(shotCount);
    QtConcurrent::blockingMap(indexes,
                              [&](int i) { hashes[i] = dna::planShot(p, p.shots[i].id, -1).dnaHash; });
    Status st = (*store)->transaction([&]() -> Status {
        for (int i = 0; i < shotCount; ++i) {
            auto image = (*store)->addImage(jpegs[i], jpegs[i]);
            if (!image)
                return Status::failure(image.error());
            Take take;
            take.id = *(*store)->allocateId();
            take.shotId = p.shots[i].id;
            take.imageId = image->id;
            take.provider = QStringLiteral("bench");
            take.dnaHash = hashes[i];
            if (Status s = (*store)->save(take); !s)
                return s;
            Shot shot = p.shots[i];
            shot.approvedTakeId = take.id;
            if (Status s = (*store)->save(shot); !s)
                return s;
        }
        return Status::success();
    });
    if (!st)
        qFatal("fill: %s", qPrintable(st.error()));
    return path;
}

struct ScrollStats {
    double medianMs = 0;
    double maxMs = 0;
    int frames = 0;
};

// Scrolls `view` from top to bottom one step per event-loop turn, so work queued by a frame (the
// thumbnail decodes) runs between frames as it would for a user; times each repaint.
ScrollStats scrollThrough(QAbstractItemView *view, int step) {
    QList<double> times;
    QScrollBar *bar = view->verticalScrollBar();
    bar->setValue(0);
    QEventLoop loop;
    QTimer tick;
    tick.setInterval(0);
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        QElapsedTimer t;
        t.start();
        view->viewport()->repaint();
        times.append(t.nsecsElapsed() / 1e6);
        if (bar->value() >= bar->maximum()) {
            loop.quit();
            return;
        }
        bar->setValue(bar->value() + step);
    });
    tick.start();
    loop.exec();
    std::sort(times.begin(), times.end());
    ScrollStats s;
    s.frames = int(times.size());
    s.medianMs = times.isEmpty() ? 0 : times[times.size() / 2];
    s.maxMs = times.isEmpty() ? 0 : times.last();
    return s;
}

// Opens `path` in a studio window and paints the first screen; returns the milliseconds it took.
double openAndShow(ui::MainWindow &window, const QString &path, const QSize &size) {
    QElapsedTimer t;
    t.start();
    window.resize(size);
    if (!window.openProject(path).ok())
        qFatal("open failed: %s", qPrintable(path));
    window.show();
    window.storyboard()->viewport()->repaint();
    return t.nsecsElapsed() / 1e6;
}

// Runs the event loop until `done` holds (or a minute passes).
void waitFor(const std::function<bool()> &done) {
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
}

void row(const char *label, double value, double baseline, int decimals = 1) {
    std::printf("%-44s %12.*f %12.*f %8.2f\n", label, decimals, value, decimals, baseline,
                value / std::max(1e-3, baseline));
}

} // namespace

int main(int argc, char *argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir settings;
    qputenv("SHOTCRAFT_SETTINGS_DIR", settings.path().toUtf8());
    QApplication app(argc, argv);
    const int shots = argc > 1 ? std::max(200, atoi(argv[1])) : 10000;
    const int smallShots = 100;
    QTemporaryDir dir;
    QElapsedTimer build;
    build.start();
    const QString bigPath = buildProject(dir.path(), QStringLiteral("big.shotcraft"), shots);
    const QString smallPath = buildProject(dir.path(), QStringLiteral("small.shotcraft"), smallShots);
    std::printf("built %d- and %d-shot projects (a thumbnail per shot) in %.1f s\n\n", shots, smallShots,
                build.elapsed() / 1000.0);
    const QSize windowSize(1600, 1000);

    // Open time: the small project first (it also warms fonts and styles), then the big one.
    double smallOpenMs = 0;
    {
        ui::MainWindow small;
        smallOpenMs = openAndShow(small, smallPath, windowSize);
        waitFor([&] { return !small.staleness()->isPending() && small.thumbnails()->pendingCount() == 0; });
    }
    // How much of opening is reading the file (everything but image bytes) into memory.
    QElapsedTimer load;
    load.start();
    if (!models::ProjectDocument::open(bigPath))
        qFatal("load failed");
    const double loadMs = load.nsecsElapsed() / 1e6;
    ui::MainWindow window;
    const double openMs = openAndShow(window, bigPath, windowSize);
    QElapsedTimer settle;
    settle.start();
    waitFor([&] { return !window.staleness()->isPending(); });
    const double staleMs = settle.nsecsElapsed() / 1e6;
    const int staleCount = int(window.document()->staleShots().size());
    waitFor([&] { return window.thumbnails()->pendingCount() == 0; });

    // Baseline for scrolling: a plain list over the same model, one text row per item.
    const double rssPlainBefore = rssMb();
    models::StoryboardModel plainModel;
    plainModel.setDocument(window.document());
    QListView plain;
    plain.setItemDelegate(new QStyledItemDelegate(&plain));
    plain.setUniformItemSizes(true);
    plain.setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    plain.setModel(&plainModel);
    plain.resize(window.storyboard()->viewport()->size());
    plain.show();
    const ScrollStats plainScroll = scrollThrough(&plain, plain.viewport()->height() / 4);
    plain.hide();
    const double rssPlain = rssMb() - rssPlainBefore;

    const double rssBefore = rssMb();
    ui::StoryboardView *board = window.storyboard();
    const ScrollStats boardScroll = scrollThrough(board, board->viewport()->height() / 4);
    const double rssBoard = rssMb() - rssBefore;
    const double cacheMb = window.thumbnails()->totalCostKb() / 1024.0;
    const double cacheLimitMb = window.thumbnails()->maxCostKb() / 1024.0;

    std::printf("%-44s %12s %12s %8s\n", "measure", "storyboard", "baseline", "ratio");
    std::printf("%-44s %12s %12s\n", "", QByteArray::number(shots).append(" shots").constData(),
                QByteArray::number(smallShots).append(" shots").constData());
    row("open and show first screen (ms)", openMs, smallOpenMs);
    std::printf("%-44s %12.1f\n", "  reading the project file alone (ms)", loadMs);
    std::printf("%-44s %12s %12s\n", "", "storyboard", "plain list");
    row("scroll frame time, median (ms)", boardScroll.medianMs, plainScroll.medianMs, 2);
    row("scroll frame time, max (ms)", boardScroll.maxMs, plainScroll.maxMs, 2);
    std::printf("%-44s %12d %12d\n", "frames, top to bottom", boardScroll.frames, plainScroll.frames);
    std::printf("%-44s %12s %12s\n", "", "", "cache limit");
    row("thumbnail cache held after scrolling (MB)", cacheMb, cacheLimitMb);
    row("process memory growth while scrolling (MB)", rssBoard, cacheLimitMb);
    std::printf("%-44s %12.1f\n", "plain list's growth while scrolling (MB)", rssPlain);
    std::printf("\nstaleness pass after opening (dna::staleShots on the pool): %.0f ms, %d stale shots\n",
                staleMs, staleCount);
    return 0;
}
