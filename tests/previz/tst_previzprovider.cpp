// The previz provider behind the ImageProvider interface: asynchronous on the pool with results on
// the caller's thread, progress, exactly one finished() (also when cancelled), many jobs at once.
#include "previz/PrevizProvider.h"
#include "previz/PrevizTestProject.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QThreadPool>

using namespace shotcraft;
using namespace shotcraft::previz;
using namespace shotcraft::providers;
using namespace shotcraft::test;

class TestPrevizProvider : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void capsDescribeAnOfflineEngine();
    void generatesOnThePoolAndFinishesOnCallerThread();
    void cancelFinishesOnceAsCancelled();
    void manyJobsAtOnceAreIdentical();
    void badSizeFailsPermanently();
};

void TestPrevizProvider::capsDescribeAnOfflineEngine() {
    PrevizProvider provider;
    QCOMPARE(provider.name(), QStringLiteral("previz"));
    QCOMPARE(provider.caps().maxReferences, 0);
    QVERIFY(provider.caps().maxConcurrency >= 1);
    QVERIFY(provider.caps().allowedSizes.isEmpty());
}

void TestPrevizProvider::generatesOnThePoolAndFinishesOnCallerThread() {
    PrevizProvider provider;
    ImageRequest request = previzRequest(
        previzProject(),
        previzShot(ShotSize::Medium, {{kMara, 0.4, Facing::Camera, DepthPlane::Midground, {}, {}}}), 31, 640,
        352);
    PromptReference ref;
    ref.referenceId = 77;
    request.package.references = {ref};
    ImageJob *job = provider.generate(request);
    const QPointer<ImageJob> guard(job);
    QList<double> progress;
    QThread *finishedOn = nullptr;
    ImageResult result;
    int finishedCount = 0;
    connect(job, &ImageJob::progress, this, [&](double f) { progress.append(f); });
    connect(job, &ImageJob::finished, this, [&](const ImageResult &r) {
        finishedOn = QThread::currentThread();
        result = r;
        ++finishedCount;
    });
    QTRY_COMPARE_WITH_TIMEOUT(finishedCount, 1, 20000);
    QCOMPARE(finishedOn, QThread::currentThread());
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.width, 640);
    QCOMPARE(result.height, 352);
    QCOMPARE(result.seedUsed, qint64(31));
    QCOMPARE(result.referencesDropped, QList<Id>{77});
    QImage decoded;
    QVERIFY(decoded.loadFromData(result.encoded, "PNG"));
    QCOMPARE(decoded.size(), QSize(640, 352));
    QVERIFY(!progress.isEmpty());
    QVERIFY(std::is_sorted(progress.cbegin(), progress.cend()));
    // The job deletes itself after finishing.
    QTRY_VERIFY(guard.isNull());
    QCOMPARE(finishedCount, 1);
}

void TestPrevizProvider::cancelFinishesOnceAsCancelled() {
    // A pool of one thread kept busy, so the job is still queued when it is cancelled.
    QThreadPool pool;
    pool.setMaxThreadCount(1);
    QSemaphore gate;
    pool.start([&gate] { gate.acquire(); });
    PrevizProvider provider;
    provider.setThreadPool(&pool);
    ImageJob *job = provider.generate(previzRequest(previzProject(), previzShot(ShotSize::Wide)));
    QSignalSpy finished(job, &ImageJob::finished);
    job->cancel();
    gate.release();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    const auto result = finished.first().first().value<ImageResult>();
    QCOMPARE(result.failure, FailureKind::Cancelled);
    QVERIFY(result.encoded.isEmpty());
    QTest::qWait(50);
    QCOMPARE(finished.size(), 1);
    pool.waitForDone();
}

void TestPrevizProvider::manyJobsAtOnceAreIdentical() {
    PrevizProvider provider;
    provider.setOptions({true, true});
    const Project project = previzProject();
    Shot shot =
        previzShot(ShotSize::MediumWide, {{kMara, 0.3, Facing::Right, DepthPlane::Foreground, {}, {}},
                                          {kElias, 0.65, Facing::Left, DepthPlane::Midground, {}, {}}});
    shot.weather = Weather::Rain;
    QList<QByteArray> images;
    constexpr int kJobs = 8;
    for (int i = 0; i < kJobs; ++i) {
        // Two seeds, alternating: equal seeds must give equal bytes whatever ran beside them.
        ImageJob *job = provider.generate(previzRequest(project, shot, 100 + i % 2, 480, 272));
        connect(job, &ImageJob::finished, this, [&images, i](const ImageResult &r) {
            QVERIFY(r.ok());
            while (images.size() <= i)
                images.append(QByteArray());
            images[i] = r.encoded;
        });
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        images.size() == kJobs &&
            std::none_of(images.cbegin(), images.cend(), [](const QByteArray &b) { return b.isEmpty(); }),
        30000);
    for (int i = 2; i < kJobs; ++i)
        QCOMPARE(images[i], images[i % 2]);
    QVERIFY(images[0] != images[1]);
}

void TestPrevizProvider::badSizeFailsPermanently() {
    PrevizProvider provider;
    ImageJob *job =
        provider.generate(previzRequest(previzProject(), previzShot(ShotSize::Wide), 1, 100000, 10));
    QSignalSpy finished(job, &ImageJob::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    const auto result = finished.first().first().value<ImageResult>();
    QCOMPARE(result.failure, FailureKind::Permanent);
    QVERIFY(!result.error.isEmpty());
    QVERIFY(!result.error.contains(u'\n'));
}

QTEST_GUILESS_MAIN(TestPrevizProvider)
#include "tst_previzprovider.moc"
