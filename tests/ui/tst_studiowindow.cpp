// The studio window end to end (offscreen): open a project, select a shot, edit a field, undo and
// redo with the store checked each time; drag-reorder; circle a take; regenerate shots on the previz
// engine through the generation queue and see the cards update; STALE badges from the takes' DNA
// hashes, across a reopen; drop a reference image onto a character; change the aspect ratio.
#include "EditCommands.h"
#include "GenerationController.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "PromptInspector.h"
#include "QueuePanel.h"
#include "Screenshot.h"
#include "ShotCardDelegate.h"
#include "ShotInspector.h"
#include "StalenessTracker.h"
#include "StoryboardView.h"
#include "ThumbnailCache.h"
#include "VisualDnaPanel.h"
#include "cinema/PromptEngine.h"
#include "dna/ConsistencyPlanner.h"
#include "models/JobsModel.h"
#include "models/ProjectDocument.h"
#include "models/StoryboardModel.h"
#include "models/TakesModel.h"
#include "pipeline/GenerationQueue.h"
#include "previz/PrevizProvider.h"
#include "support/SampleProject.h"

#include <QBuffer>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMimeData>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>

using namespace shotcraft;
using models::StoryboardModel;

namespace {
// Previz renders take a moment on a loaded machine.
constexpr int generationTimeoutMs = 60000;
} // namespace

class TestStudioWindow : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    Id m_firstShot = 0;
    Id m_takeA = 0, m_takeB = 0;

    static std::unique_ptr<storage::ProjectStore> reopen(const QString &path) {
        auto store = storage::ProjectStore::open(path);
        return store ? std::move(*store) : nullptr;
    }

    // Opens this test's project in `w`, shows it and selects the shot at `index`; 0 if it fails.
    Id openAndSelectShot(ui::MainWindow &w, int index) {
        if (!w.openProject(m_path).ok())
            return 0;
        w.show();
        const Id shotId = w.document()->project().shots.value(index).id;
        w.storyboard()->selectShot(shotId);
        return shotId;
    }

    QPoint cardCentre(ui::MainWindow &w, Id shotId) {
        return w.storyboard()->visualRect(w.storyboardModel()->indexOfShot(shotId)).center();
    }

private Q_SLOTS:
    void initTestCase() {
        qputenv("SHOTCRAFT_SETTINGS_DIR", m_dir.filePath(QStringLiteral("settings")).toUtf8());
    }

    void init() {
        // A fresh project per test: the sample film with two takes on its first shot.
        m_path =
            m_dir.filePath(QStringLiteral("%1.shotcraft").arg(QLatin1String(QTest::currentTestFunction())));
        auto doc = models::ProjectDocument::create(m_path, test::sampleProject());
        QVERIFY2(doc.ok(), qPrintable(doc.error()));
        m_firstShot = (*doc)->project().shots.first().id;
        Take take;
        take.shotId = m_firstShot;
        take.provider = QStringLiteral("sample");
        // Generated under the project's DNA as it is: not stale.
        take.dnaHash = dna::planShot((*doc)->project(), m_firstShot, -1).dnaHash;
        take.package.positive = QStringLiteral("wide shot, harbour pier at dusk, Mara waits");
        auto a = (*doc)->addTake(take, test::pngBytes(384, 216, QColor(200, 120, 40)), {});
        take.package.positive = QStringLiteral("wide shot, harbour pier at dusk, Mara waits in the rain");
        auto b = (*doc)->addTake(take, test::pngBytes(384, 216, QColor(40, 120, 200)), {});
        QVERIFY(a.ok() && b.ok());
        m_takeA = a->id;
        m_takeB = b->id;
        Shot shot = *(*doc)->shot(m_firstShot);
        shot.approvedTakeId = m_takeA;
        QVERIFY((*doc)->saveShot(shot).ok());
    }

    void openSelectEditUndoRedo() {
        ui::MainWindow w;
        const Id shotId = openAndSelectShot(w, 1);
        QVERIFY(shotId != 0);
        QCOMPARE(w.shotInspector()->shotId(), shotId);

        auto *lighting = w.shotInspector()->findChild<QLineEdit *>(QStringLiteral("lighting"));
        QVERIFY(lighting);
        lighting->setFocus();
        lighting->selectAll();
        QTest::keyClicks(lighting, QStringLiteral("sodium streetlight, hard key from frame left"));
        QTest::keyClick(lighting, Qt::Key_Return);
        const QString edited = QStringLiteral("sodium streetlight, hard key from frame left");
        QCOMPARE(reopen(m_path)->shot(shotId)->lighting, edited);
        QCOMPARE(w.undoStack()->count(), 1);

        w.undoStack()->undo();
        QCOMPARE(reopen(m_path)->shot(shotId)->lighting, QString());
        QCOMPARE(lighting->text(), QString());
        w.undoStack()->redo();
        QCOMPARE(reopen(m_path)->shot(shotId)->lighting, edited);
        QCOMPARE(lighting->text(), edited);

        // A combo edit reaches the card's badge.
        auto *size = w.shotInspector()->findChild<QComboBox *>(QStringLiteral("size"));
        QVERIFY(size);
        const int ecu = size->findText(QStringLiteral("ECU"));
        size->setCurrentIndex(ecu);
        Q_EMIT size->activated(ecu);
        QCOMPARE(reopen(m_path)->shot(shotId)->size, ShotSize::ExtremeCloseUp);
        QCOMPARE(w.storyboardModel()->indexOfShot(shotId).data(StoryboardModel::SizeRole).toString(),
                 QStringLiteral("ECU"));
        w.undoStack()->undo();
        QCOMPARE(reopen(m_path)->shot(shotId)->size, ShotSize::CloseUp);
    }

    void genresPickIsOneUndoableEditAndFollowsTheSize() {
        ui::MainWindow w;
        const Id shotId = openAndSelectShot(w, 2);
        QVERIFY(shotId != 0);

        // A lens set by hand...
        auto *focal = w.shotInspector()->findChild<QDoubleSpinBox *>(QStringLiteral("focal"));
        QVERIFY(focal);
        focal->setValue(135.0);
        Q_EMIT focal->editingFinished();
        QCOMPARE(reopen(m_path)->shot(shotId)->lens.focalLengthMm, 135.0);

        // ...and the genre's pick puts back what the film's genre chooses for the shot.
        auto *pick = w.shotInspector()->findChild<QToolButton *>(QStringLiteral("genrePick"));
        QVERIFY(pick);
        pick->click();
        const Project stored = *storage::ProjectStore::read(m_path);
        Shot expected = *stored.shot(shotId);
        cinema::chooseLensAndComposition(stored, expected);
        const Shot picked = *reopen(m_path)->shot(shotId);
        QCOMPARE(picked.lens, expected.lens);
        QCOMPARE(picked.composition, expected.composition);
        QVERIFY(picked.lens.focalLengthMm != 135.0);
        QCOMPARE(focal->value(), picked.lens.focalLengthMm); // the inspector shows it
        QCOMPARE(w.undoStack()->count(), 2);
        w.undoStack()->undo();
        QCOMPARE(reopen(m_path)->shot(shotId)->lens.focalLengthMm, 135.0);
        w.undoStack()->redo();

        // The genre's lens follows a new size; a lens set by hand stays put.
        auto *size = w.shotInspector()->findChild<QComboBox *>(QStringLiteral("size"));
        QVERIFY(size);
        const auto resize = [&](const QString &name) {
            const int index = size->findText(name);
            size->setCurrentIndex(index);
            Q_EMIT size->activated(index);
        };
        resize(picked.size == ShotSize::Wide ? QStringLiteral("CU") : QStringLiteral("WS"));
        Shot resized = *reopen(m_path)->shot(shotId);
        QVERIFY(resized.size != picked.size);
        Shot repicked = resized;
        cinema::chooseLensAndComposition(*storage::ProjectStore::read(m_path), repicked);
        QCOMPARE(resized.lens, repicked.lens);
        QVERIFY(resized.lens != picked.lens); // wide and close sizes take different glass
        QCOMPARE(w.undoStack()->count(), 3);  // size and lens, one edit

        focal->setValue(135.0);
        Q_EMIT focal->editingFinished();
        resize(QStringLiteral("MS"));
        QCOMPARE(reopen(m_path)->shot(shotId)->size, ShotSize::Medium);
        QCOMPARE(reopen(m_path)->shot(shotId)->lens.focalLengthMm, 135.0);
    }

    void dragReordersWithinTheScene() {
        ui::MainWindow w;
        QVERIFY(w.openProject(m_path).ok());
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QList<const Shot *> scene =
            w.document()->project().shotsOfScene(w.document()->shot(m_firstShot)->sceneId);
        const Id first = scene[0]->id, second = scene[1]->id;

        std::unique_ptr<QMimeData> mime(
            w.storyboardModel()->mimeData({w.storyboardModel()->indexOfShot(first)}));
        const QPoint target = cardCentre(w, second);
        QDragEnterEvent enter(target, Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(w.storyboard()->viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(target), Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(w.storyboard()->viewport(), &drop);

        auto store = reopen(m_path);
        QCOMPARE(store->shot(first)->order, 1);
        QCOMPARE(store->shot(second)->order, 0);
        QCOMPARE(w.storyboardModel()->indexOfShot(second).row() + 1,
                 w.storyboardModel()->indexOfShot(first).row());

        w.undoStack()->undo();
        store = reopen(m_path);
        QCOMPARE(store->shot(first)->order, 0);
        QCOMPARE(store->shot(second)->order, 1);

        // A drop onto another scene's card is refused: shots do not leave their scene by dragging.
        const Id elsewhere = w.document()->project().shots.last().id;
        QDropEvent away(QPointF(cardCentre(w, elsewhere)), Qt::MoveAction, mime.get(), Qt::LeftButton,
                        Qt::NoModifier);
        QApplication::sendEvent(w.storyboard()->viewport(), &away);
        QCOMPARE(reopen(m_path)->shot(first)->sceneId, w.document()->shot(first)->sceneId);
        QCOMPARE(w.undoStack()->index(), 0);
    }

    void circleTakeFromTheStrip() {
        ui::MainWindow w;
        QVERIFY(w.openProject(m_path).ok());
        w.show();
        w.storyboard()->selectShot(m_firstShot);
        QListView *strip = w.shotInspector()->takeStrip();
        QCOMPARE(strip->model()->rowCount(), 2);
        strip->setCurrentIndex(strip->model()->index(1, 0));
        w.shotInspector()->approveSelectedTake();
        QCOMPARE(reopen(m_path)->shot(m_firstShot)->approvedTakeId, m_takeB);
        const Id imageB = w.document()->take(m_takeB)->imageId;
        QCOMPARE(
            w.storyboardModel()->indexOfShot(m_firstShot).data(StoryboardModel::ImageIdRole).toLongLong(),
            imageB);
        QVERIFY(strip->model()->index(1, 0).data(models::TakesModel::ApprovedRole).toBool());
        // The thumbnail decodes off the GUI thread and lands in the cache.
        QTRY_VERIFY(w.thumbnails()->image(imageB) != nullptr);

        w.undoStack()->undo();
        QCOMPARE(reopen(m_path)->shot(m_firstShot)->approvedTakeId, m_takeA);

        // The prompt inspector diffs the two takes' prompts word by word.
        w.promptInspector()->compareTakes(m_takeA, m_takeB);
        QVERIFY(w.promptInspector()->diffHtml().contains(QStringLiteral("rain")));
    }

    void interruptedJobsResume() {
        // What a crash leaves: one job mid-request and one still waiting, neither with a take.
        QList<Id> shotIds;
        {
            auto doc = models::ProjectDocument::open(m_path);
            QVERIFY(doc.ok());
            for (int i : {3, 4}) {
                Job job;
                job.id = *(*doc)->allocateId();
                job.shotId = (*doc)->project().shots[i].id;
                // The second was queued by a command-line run on a service the window does not use.
                job.provider = i == 3 ? QStringLiteral("previz") : QStringLiteral("openai-images");
                job.state = i == 3 ? JobState::Running : JobState::Queued;
                job.idempotencyKey = QStringLiteral("crashed-%1").arg(job.id);
                QVERIFY((*doc)->saveJob(job).ok());
                shotIds.append(job.shotId);
            }
        }
        ui::MainWindow w;
        QVERIFY(w.openProject(m_path).ok());
        w.setImageProvider(std::make_unique<previz::PrevizProvider>());
        w.show();
        // The window says so on opening, and the dock offers to take them up.
        QCOMPARE(w.messageBar()->kind(), ui::MessageBar::Kind::Information);
        QCOMPARE(w.generator()->interruptedJobs().size(), 2);
        QVERIFY(w.queuePanel()->resumeButton()->isEnabled());
        w.queuePanel()->resumeButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!w.generator()->isBusy(), generationTimeoutMs);
        QVERIFY(w.generator()->interruptedJobs().isEmpty());
        QVERIFY(!w.queuePanel()->resumeButton()->isEnabled());
        const Project stored = *reopen(m_path)->load();
        QCOMPARE(stored.jobs.size(), 2); // resumed, not doubled
        for (const Job &job : stored.jobs) {
            QCOMPARE(job.state, JobState::Succeeded);
            QCOMPARE(job.provider, QStringLiteral("previz"));
        }
        for (Id shotId : shotIds) {
            QCOMPARE(stored.takesOfShot(shotId).size(), 1);
            QCOMPARE(stored.shot(shotId)->approvedTakeId, stored.takesOfShot(shotId).first()->id);
        }
    }

    void regenerateUpdatesTheCard() {
        ui::MainWindow w;
        QVERIFY(w.openProject(m_path).ok());
        w.setImageProvider(std::make_unique<previz::PrevizProvider>());
        w.show();
        const Id shotId = w.document()->project().shots[2].id;
        w.storyboard()->selectShot(shotId);
        const QModelIndex card = w.storyboardModel()->indexOfShot(shotId);
        QCOMPARE(card.data(StoryboardModel::ImageIdRole).toLongLong(), 0);

        w.regenerateSelected(QStringLiteral("heavier fog"));
        QVERIFY(card.data(StoryboardModel::ProgressRole).toDouble() >= 0); // placeholder with progress
        // Through the pipeline's queue: the job is in the project file and in the queue dock.
        QVERIFY(w.generator()->queue() && w.generator()->queue()->isActive());
        QCOMPARE(reopen(m_path)->jobs().size(), w.generator()->queue()->jobIds().size());
        QVERIFY(w.queuePanel()->jobsModel()->rowCount() >= 1);
        QTRY_VERIFY_WITH_TIMEOUT(card.data(StoryboardModel::ImageIdRole).toLongLong() != 0,
                                 generationTimeoutMs);
        QCOMPARE(card.data(StoryboardModel::ProgressRole).toDouble(), -1.0);
        QTRY_VERIFY(!w.generator()->isBusy());

        auto store = reopen(m_path);
        const Shot stored = *store->shot(shotId);
        QVERIFY(stored.approvedTakeId != 0);
        const Take take = *store->take(stored.approvedTakeId);
        QCOMPARE(take.provider, QStringLiteral("previz"));
        QVERIFY(take.package.positive.contains(QStringLiteral("heavier fog")));
        QVERIFY(!take.dnaHash.isEmpty());
        // The frame follows the project's 2.39:1 aspect ratio (to the nearest size the engine makes).
        QVERIFY2(double(take.width) / take.height > 2.0,
                 qPrintable(QStringLiteral("%1x%2").arg(take.width).arg(take.height)));
        const QList<Job> jobs = store->jobs();
        const auto shotJob = std::find_if(jobs.cbegin(), jobs.cend(), [&](const Job &j) {
            return j.kind == JobKind::Shot && j.shotId == shotId;
        });
        QVERIFY(shotJob != jobs.cend());
        QCOMPARE(shotJob->state, JobState::Succeeded);
        QCOMPARE(shotJob->takeId, take.id);
        QTRY_VERIFY(w.thumbnails()->image(take.imageId) != nullptr);
        QCOMPARE(w.queuePanel()->overallProgress()->value(), w.queuePanel()->overallProgress()->maximum());

        // A shot that already has a circled take: the new take is circled and the card shows it.
        const QModelIndex first = w.storyboardModel()->indexOfShot(m_firstShot);
        const Id imageBefore = first.data(StoryboardModel::ImageIdRole).toLongLong();
        QCOMPARE(imageBefore, w.document()->take(m_takeA)->imageId);
        w.storyboard()->selectShot(m_firstShot);
        w.regenerateSelected();
        QTRY_VERIFY_WITH_TIMEOUT(first.data(StoryboardModel::ImageIdRole).toLongLong() != imageBefore,
                                 generationTimeoutMs);
        QCOMPARE(first.data(StoryboardModel::TakeCountRole).toInt(), 3);
        store = reopen(m_path);
        QCOMPARE(store->takesOfShot(m_firstShot).size(), 3);
        const Id newTake = store->shot(m_firstShot)->approvedTakeId;
        QVERIFY(newTake != m_takeA && newTake != m_takeB);
        QCOMPARE(first.data(StoryboardModel::ImageIdRole).toLongLong(), store->take(newTake)->imageId);
    }

    void cancelFromTheQueueDock() {
        ui::MainWindow w;
        QVERIFY(w.openProject(m_path).ok());
        w.setImageProvider(std::make_unique<previz::PrevizProvider>());
        w.show();
        QList<Id> shots;
        for (const Shot &s : w.document()->project().shots)
            shots.append(s.id);
        QVERIFY(w.generator()->regenerate(shots).ok());
        w.generator()->cancelAll();
        QTRY_VERIFY_WITH_TIMEOUT(!w.generator()->isBusy(), generationTimeoutMs);
        // Every job is finished in the file; the cancelled ones say so, and no card is left generating.
        for (const Job &j : reopen(m_path)->jobs())
            QVERIFY2(j.state == JobState::Cancelled || j.state == JobState::Succeeded,
                     qPrintable(QString::number(int(j.state))));
        for (Id id : shots)
            QCOMPARE(w.storyboardModel()->indexOfShot(id).data(StoryboardModel::ProgressRole).toDouble(),
                     -1.0);
        QCOMPARE(w.queuePanel()->jobsModel()->rowCount(), int(reopen(m_path)->jobs().size()));
    }

    void staleBadgesFollowTheDna() {
        // A second generated shot, without Mara in it.
        Id withoutMara = 0;
        {
            auto doc = models::ProjectDocument::open(m_path);
            QVERIFY(doc.ok());
            const Id mara = (*doc)->project().characters.first().id;
            Shot shot = (*doc)->project().shots[3];
            shot.blocking.removeIf([mara](const Blocking &b) { return b.characterId == mara; });
            QVERIFY((*doc)->saveShot(shot).ok());
            withoutMara = shot.id;
            Take take;
            take.shotId = shot.id;
            take.provider = QStringLiteral("sample");
            take.dnaHash = dna::planShot((*doc)->project(), shot.id, -1).dnaHash;
            auto added = (*doc)->addTake(take, test::pngBytes(384, 161, QColor(90, 90, 90)), {});
            QVERIFY(added.ok());
            shot.approvedTakeId = added->id;
            QVERIFY((*doc)->saveShot(shot).ok());
        }
        auto staleOnBoard = [](ui::MainWindow &w, Id shotId) {
            return w.storyboardModel()->indexOfShot(shotId).data(StoryboardModel::StaleRole).toBool();
        };
        {
            ui::MainWindow w;
            QVERIFY(w.openProject(m_path).ok());
            w.show();
            QTRY_VERIFY(!w.staleness()->isPending());
            QVERIFY(!staleOnBoard(w, m_firstShot));
            QVERIFY(!staleOnBoard(w, withoutMara));

            // Edit Mara's wardrobe in the Visual DNA panel: the panel names the shot it made stale.
            const Id mara = w.document()->project().characters.first().id;
            w.dnaPanel()->selectCharacter(mara);
            QLineEdit *wardrobe = nullptr;
            for (QLineEdit *edit : w.dnaPanel()->findChildren<QLineEdit *>())
                if (edit->text() == w.document()->character(mara)->wardrobe)
                    wardrobe = edit;
            QVERIFY(wardrobe);
            wardrobe->setText(QStringLiteral("black sou'wester, yellow oilskin"));
            Q_EMIT wardrobe->editingFinished();
            QCOMPARE(w.document()->character(mara)->wardrobe,
                     QStringLiteral("black sou'wester, yellow oilskin"));
            QVERIFY2(w.dnaPanel()->staleLabel()->text().contains(w.document()->shot(m_firstShot)->number),
                     qPrintable(w.dnaPanel()->staleLabel()->text()));
            QTRY_VERIFY(staleOnBoard(w, m_firstShot));
            QTRY_VERIFY(!w.staleness()->isPending());
            QVERIFY(!staleOnBoard(w, withoutMara));
        }
        // The badge comes from the file (the take's DNA hash against the DNA now), not from the session.
        {
            ui::MainWindow w;
            QVERIFY(w.openProject(m_path).ok());
            w.setImageProvider(std::make_unique<previz::PrevizProvider>());
            w.show();
            QTRY_VERIFY(staleOnBoard(w, m_firstShot));
            QVERIFY(!staleOnBoard(w, withoutMara));
            QVERIFY(w.document()->isStale(m_firstShot));

            // From the shot inspector this time.
            w.storyboard()->selectShot(m_firstShot);
            auto *regenerate = w.shotInspector()->findChild<QPushButton *>(QStringLiteral("regenerateShot"));
            QVERIFY(regenerate);
            QTest::mouseClick(regenerate, Qt::LeftButton);
            QVERIFY(w.generator()->isBusy());
            QTRY_VERIFY_WITH_TIMEOUT(!w.generator()->isBusy(), generationTimeoutMs);
            QTRY_VERIFY(!staleOnBoard(w, m_firstShot));
            QVERIFY(!staleOnBoard(w, withoutMara));
        }
        {
            ui::MainWindow w;
            QVERIFY(w.openProject(m_path).ok());
            w.show();
            QTRY_VERIFY(!w.staleness()->isPending());
            QVERIFY(!staleOnBoard(w, m_firstShot));
        }
    }

    void lookBookFramesGenerateThroughTheQueue() {
        Id frameId = 0;
        {
            auto doc = models::ProjectDocument::open(m_path);
            QVERIFY(doc.ok());
            ReferenceImage frame;
            frame.id = *(*doc)->allocateId();
            frame.owner = ReferenceOwner::Character;
            frame.ownerId = (*doc)->project().characters.first().id;
            frame.role = ReferenceRole::CharacterSheet;
            frame.label = QStringLiteral("Mara \u2014 character sheet");
            QVERIFY((*doc)->saveReference(frame).ok());
            frameId = frame.id;
        }
        ui::MainWindow w;
        QVERIFY(w.openProject(m_path).ok());
        w.setImageProvider(std::make_unique<previz::PrevizProvider>());
        w.show();
        Q_EMIT w.dnaPanel()->regenerateLookBookRequested({frameId});
        QVERIFY(w.generator()->isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(w.document()->project().reference(frameId)->imageId != 0,
                                 generationTimeoutMs);
        const Project stored = *reopen(m_path)->load();
        QVERIFY(stored.reference(frameId)->imageId != 0);
        QCOMPARE(stored.jobs.size(), 1);
        QCOMPARE(stored.jobs.first().kind, JobKind::LookBook);
        QCOMPARE(stored.jobs.first().state, JobState::Succeeded);
        // Regenerating a frame that has its image gives it a new one; the first take stays.
        QTRY_VERIFY(!w.generator()->isBusy());
        const Id firstImage = stored.reference(frameId)->imageId;
        Q_EMIT w.dnaPanel()->regenerateLookBookRequested({frameId});
        QVERIFY(w.generator()->isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(w.document()->project().reference(frameId)->imageId != firstImage,
                                 generationTimeoutMs);
        QTRY_VERIFY(!w.generator()->isBusy());
        const Project again = *reopen(m_path)->load();
        QCOMPARE(again.jobs.size(), 2);
        QCOMPARE(again.reference(frameId)->imageId, w.document()->project().reference(frameId)->imageId);
        int frameTakes = 0;
        for (const Take &t : again.takes)
            frameTakes += t.referenceId == frameId ? 1 : 0;
        QCOMPARE(frameTakes, 2);
    }

    void screenshotGeneratesWhatIsMissingAndFits() {
        ui::MainWindow w;
        w.setImageProvider(std::make_unique<previz::PrevizProvider>());
        ui::ScreenshotOptions options;
        options.outputPath = m_dir.filePath(QStringLiteral("studio.png"));
        options.projectPath = m_path;
        options.windowSize = QSize(1200, 760);
        options.maxBytes = 150 * 1024;
        QCOMPARE(ui::takeScreenshot(w, options), 0);
        const QImage image(options.outputPath);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() <= 1200 && image.width() >= 600);
        QVERIFY(QFileInfo(options.outputPath).size() <= options.maxBytes);
        // Every shot got a circled take through the queue before the picture was taken.
        const Project stored = *reopen(m_path)->load();
        for (const Shot &s : stored.shots)
            QVERIFY2(s.approvedTakeId != 0, qPrintable(s.number));
        QVERIFY(!stored.jobs.isEmpty());
    }

    void dropReferenceImageOntoCharacter() {
        ui::MainWindow w;
        QVERIFY(w.openProject(m_path).ok());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const Id mara = w.document()->project().characters.first().id;
        w.dnaPanel()->selectCharacter(mara);
        QCOMPARE(w.dnaPanel()->currentCharacterId(), mara);

        const QString file = m_dir.filePath(QStringLiteral("mara-face.png"));
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(test::pngBytes(300, 400, QColor(180, 140, 110)));
        }
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(file)});
        QWidget *target = w.dnaPanel()->referenceList()->viewport();
        const QPoint pos = target->rect().center();
        QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &drop);

        // Read and thumbnailed off the GUI thread, then stored as one undoable edit.
        QTRY_COMPARE(w.document()->referencesOf(ReferenceOwner::Character, mara).size(), 1);
        const Project stored = *reopen(m_path)->load();
        QCOMPARE(stored.references.size(), 1);
        QVERIFY(stored.references.first().userSupplied);
        QCOMPARE(stored.references.first().ownerId, mara);
        QCOMPARE(w.dnaPanel()->referenceList()->count(), 1);
        QVERIFY(reopen(m_path)->thumbnailData(stored.references.first().imageId)->size() > 0);

        w.undoStack()->undo();
        QCOMPARE(reopen(m_path)->load()->references.size(), 0);
        QCOMPARE(w.dnaPanel()->referenceList()->count(), 0);
    }

    void aspectRatioChangesTheFrames() {
        ui::MainWindow w;
        QVERIFY(w.openProject(m_path).ok());
        w.show();
        const QModelIndex card = w.storyboardModel()->indexOfShot(m_firstShot);
        QStyleOptionViewItem option;
        option.font = w.storyboard()->font();
        auto *delegate = w.storyboard()->cardDelegate();
        const int wideHeight = delegate->sizeHint(option, card).height();
        w.setAspectRatio(4.0 / 3.0);
        QCOMPARE(reopen(m_path)->info()->aspectRatio, 4.0 / 3.0);
        const QRect frame = delegate->frameRect(QRect(0, 0, delegate->cardWidth(), 400));
        QVERIFY(std::abs(double(frame.width()) / frame.height() - 4.0 / 3.0) < 0.02);
        QVERIFY(delegate->sizeHint(option, card).height() > wideHeight);
        w.undoStack()->undo();
        QCOMPARE(reopen(m_path)->info()->aspectRatio, 2.39);
        QCOMPARE(delegate->sizeHint(option, card).height(), wideHeight);
    }

    void failedWriteShowsInTheMessageBar() {
        ui::MainWindow w;
        QVERIFY(w.openProject(m_path).ok());
        w.show();
        // A shot id that does not exist: the edit is refused with a one-line reason, not a crash.
        Shot ghost;
        ghost.id = 999999;
        QVERIFY(!w.document()->saveShot(ghost).ok());
        QVERIFY(w.messageBar()->isVisible());
        QVERIFY(w.messageBar()->text().contains(QStringLiteral("999999")));
        QVERIFY(!w.openProject(m_dir.filePath(QStringLiteral("missing.shotcraft"))).ok());
        QCOMPARE(w.messageBar()->kind(), ui::MessageBar::Kind::Error);
        QVERIFY(w.document()); // the open project stays open
    }

    void windowStateSurvivesARestart() {
        {
            ui::MainWindow w;
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            auto *chat = w.findChild<QDockWidget *>(QStringLiteral("chatDock"));
            QVERIFY(chat && chat->toggleViewAction()->isChecked());
            chat->close();
            w.close();
        }
        QSettings settings(m_dir.filePath(QStringLiteral("settings/shotcraft.ini")), QSettings::IniFormat);
        QVERIFY(!settings.value(QStringLiteral("window/state")).toByteArray().isEmpty());
        ui::MainWindow again;
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QVERIFY(!again.findChild<QDockWidget *>(QStringLiteral("chatDock"))->toggleViewAction()->isChecked());
        QVERIFY(again.findChild<QDockWidget *>(QStringLiteral("queueDock"))->toggleViewAction()->isChecked());
    }
};

QTEST_MAIN(TestStudioWindow)
#include "tst_studiowindow.moc"
