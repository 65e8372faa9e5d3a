// Storyboard at scale: a 10,000-shot project where every shot has an approved take with a
// thumbnail. Measures the time to open it and show the first screen, the frame time while the
// board scrolls from top to bottom (thumbnails decoding on the pool as it goes), and the memory the
// thumbnail cache holds. Each figure is printed beside a baseline measured in the same run: a plain
// QListView over 10,000 text rows, opened and scrolled the same way.
//   bench_storyboard [shots=10000]
#include "MainWindow.h"
#include "StoryboardView.h"
#include "ThumbnailCache.h"
#include "models/ProjectDocument.h"
#include "storage/ProjectStore.h"

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QListView>
#include <QPainter>
#include <QScrollBar>
#include <QStringListModel>
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

// Writes the project: scenes of 20 shots, each shot with one approved take and its own image.
QString buildProject(const QString &dir, int shotCount) {
    Project p;
    p.info.title = QStringLiteral("Ten thousand shots");
    p.info.aspectRatio = 2.39;
    const Id act = p.allocateId();
    p.acts.append({act, 1, QStringLiteral("One"), {}});
    for (int i = 0; i < shotCount; ++i) {
        if (i % 20 == 0) {
            Scene scene;
            scene.id = p.allocateId();
            scene.actId = act;
            scene.order = int(p.scenes.size());
            scene.number = QString::number(scene.order + 1);
            scene.heading = QStringLiteral("INT. SET %1 - NIGHT").arg(scene.order + 1);
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
        p.shots.append(shot);
    }
    const QString path = QDir(dir).filePath(QStringLiteral("big.shotcraft"));
    auto store = storage::ProjectStore::create(path, p);
    if (!store)
        qFatal("create: %s", qPrintable(store.error()));
    // Encode on the pool, store on this thread in one transaction.
    QList<int> indexes(shotCount);
    std::iota(indexes.begin(), indexes.end(), 0);
    const QList<QByteArray> jpegs = QtConcurrent::blockingMapped(indexes, frameJpeg);
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

} // namespace

int main(int argc, char *argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir settings;
    qputenv("SHOTCRAFT_SETTINGS_DIR", settings.path().toUtf8());
    QApplication app(argc, argv);
    const int shots = argc > 1 ? std::max(100, atoi(argv[1])) : 10000;
    QTemporaryDir dir;
    QElapsedTimer build;
    build.start();
    const QString path = buildProject(dir.path(), shots);
    std::printf("built a %d-shot project with %d thumbnails in %.1f s\n\n", shots, shots,
                build.elapsed() / 1000.0);
    const QSize windowSize(1600, 1000);

    // Baseline: a plain QListView of the same number of text rows.
    QElapsedTimer t;
    t.start();
    QStringList rows;
    rows.reserve(shots);
    for (int i = 0; i < shots; ++i)
        rows.append(QStringLiteral("Shot %1 \u2014 she crosses to the window").arg(i));
    QStringListModel plainModel(rows);
    QListView plain;
    plain.setModel(&plainModel);
    plain.resize(windowSize);
    plain.show();
    plain.viewport()->repaint();
    const double plainOpenMs = t.nsecsElapsed() / 1e6;
    const ScrollStats plainScroll = scrollThrough(&plain, plain.viewport()->height() / 4);
    plain.hide();

    const double rssBefore = rssMb();
    t.restart();
    ui::MainWindow window;
    window.resize(windowSize);
    if (!window.openProject(path).ok())
        qFatal("open failed");
    window.show();
    window.storyboard()->viewport()->repaint();
    const double openMs = t.nsecsElapsed() / 1e6;
    ui::StoryboardView *board = window.storyboard();
    const ScrollStats boardScroll = scrollThrough(board, board->viewport()->height() / 4);
    const double cacheMb = window.thumbnails()->totalCostKb() / 1024.0;
    const double cacheLimitMb = window.thumbnails()->maxCostKb() / 1024.0;
    const double rssAfter = rssMb();

    std::printf("%-42s %12s %12s %8s\n", "measure", "storyboard", "baseline", "ratio");
    std::printf("%-42s %12.1f %12.1f %8.1f\n", "open and show first screen (ms)", openMs, plainOpenMs,
                openMs / std::max(0.01, plainOpenMs));
    std::printf("%-42s %12.2f %12.2f %8.1f\n", "scroll frame time, median (ms)", boardScroll.medianMs,
                plainScroll.medianMs, boardScroll.medianMs / std::max(0.001, plainScroll.medianMs));
    std::printf("%-42s %12.2f %12.2f %8.1f\n", "scroll frame time, max (ms)", boardScroll.maxMs,
                plainScroll.maxMs, boardScroll.maxMs / std::max(0.001, plainScroll.maxMs));
    std::printf("%-42s %12d %12d\n", "frames scrolled top to bottom", boardScroll.frames, plainScroll.frames);
    std::printf("%-42s %12.1f %12.1f %8.2f\n", "thumbnail cache held / limit (MB)", cacheMb, cacheLimitMb,
                cacheMb / std::max(0.01, cacheLimitMb));
    std::printf("%-42s %12.1f\n", "process RSS growth over the run (MB)", rssAfter - rssBefore);
    return 0;
}
