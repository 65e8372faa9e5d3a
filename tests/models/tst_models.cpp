// The item models over a project: each passes QAbstractItemModelTester through every kind of edit
// the studio makes, and shows what the store holds afterwards.
#include "models/CharactersModel.h"
#include "models/JobsModel.h"
#include "models/ProjectDocument.h"
#include "models/PromptDiff.h"
#include "models/StoryboardModel.h"
#include "models/TakesModel.h"
#include "support/SampleProject.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace shotcraft;
using namespace shotcraft::models;

class TestModels : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ProjectDocument> m_doc;
    int m_files = 0;

    void attachTesters(QAbstractItemModel *model) {
        new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest, model);
    }

    QList<Id> sceneShotOrder(Id sceneId) {
        QList<Id> ids;
        for (const Shot *s : m_doc->project().shotsOfScene(sceneId))
            ids.append(s->id);
        return ids;
    }

private Q_SLOTS:
    void init() {
        QVERIFY(m_dir.isValid());
        // One file per test and data row: the store refuses to overwrite an existing project.
        const QString path = m_dir.filePath(QStringLiteral("project-%1.shotcraft").arg(++m_files));
        auto doc = ProjectDocument::create(path, test::sampleProject());
        QVERIFY2(doc.ok(), qPrintable(doc.error()));
        m_doc = std::move(*doc);
    }
    void cleanup() { m_doc.reset(); }

    void storyboardRowsFollowActsScenesAndShots() {
        StoryboardModel model;
        attachTesters(&model);
        model.setDocument(m_doc.get());
        const Project &p = m_doc->project();
        // Two act headings, one heading per scene, one row per shot.
        QCOMPARE(model.rowCount(), int(p.acts.size() + p.scenes.size() + p.shots.size()));
        QCOMPARE(model.index(0).data(StoryboardModel::KindRole).toInt(), int(StoryboardModel::RowKind::Act));
        QCOMPARE(model.index(1).data(StoryboardModel::KindRole).toInt(),
                 int(StoryboardModel::RowKind::Scene));
        const QModelIndex first = model.index(2);
        QCOMPARE(first.data(StoryboardModel::KindRole).toInt(), int(StoryboardModel::RowKind::Shot));
        QCOMPARE(first.data(StoryboardModel::ShotNumberRole).toString(), QStringLiteral("1A"));
        QCOMPARE(first.data(StoryboardModel::SizeRole).toString(), QStringLiteral("WS"));
        QVERIFY(first.data(StoryboardModel::LensRole).toString().contains(QStringLiteral("35mm")));
        QVERIFY(!(model.flags(model.index(1)) & Qt::ItemIsSelectable));
        QVERIFY(model.flags(first) & Qt::ItemIsDragEnabled);
        for (const Shot &s : p.shots)
            QCOMPARE(model.shotIdAt(model.indexOfShot(s.id).row()), s.id);
    }

    void storyboardFollowsEditsMovesAndTakes() {
        StoryboardModel model;
        attachTesters(&model);
        model.setDocument(m_doc.get());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);

        Shot shot = m_doc->project().shots.first();
        shot.size = ShotSize::ExtremeCloseUp;
        shot.lens.focalLengthMm = 85;
        QVERIFY(m_doc->saveShot(shot).ok());
        QCOMPARE(changed.size(), 1);
        const QModelIndex index = model.indexOfShot(shot.id);
        QCOMPARE(index.data(StoryboardModel::SizeRole).toString(), QStringLiteral("ECU"));
        QVERIFY(index.data(StoryboardModel::LensRole).toString().startsWith(QStringLiteral("85mm")));
        QCOMPARE(m_doc->store().shot(shot.id)->size, ShotSize::ExtremeCloseUp);

        // Move the first shot of scene 1 behind the second: rows move, the store renumbers.
        const Id sceneId = shot.sceneId;
        const QList<Id> before = sceneShotOrder(sceneId);
        QVERIFY(m_doc->moveShot(before[0], 1).ok());
        QCOMPARE(moved.size(), 1);
        const QList<Id> after = sceneShotOrder(sceneId);
        QCOMPARE(after, (QList<Id>{before[1], before[0]}));
        QCOMPARE(model.shotIdAt(model.indexOfShot(before[1]).row() + 1), before[0]);
        QCOMPARE(m_doc->store().shot(before[0])->order, 1);
        QCOMPARE(m_doc->store().shot(before[1])->order, 0);

        // A take with an image, approved: the card's image id follows.
        Take take;
        take.shotId = before[0];
        take.provider = QStringLiteral("test");
        auto added = m_doc->addTake(take, test::pngBytes(64, 27, Qt::red), {});
        QVERIFY2(added.ok(), qPrintable(added.error()));
        QVERIFY(added->imageId != 0);
        Shot approved = *m_doc->shot(before[0]);
        approved.approvedTakeId = added->id;
        QVERIFY(m_doc->saveShot(approved).ok());
        QCOMPARE(model.indexOfShot(before[0]).data(StoryboardModel::ImageIdRole).toLongLong(),
                 added->imageId);
        QCOMPARE(model.indexOfShot(before[0]).data(StoryboardModel::TakeCountRole).toInt(), 1);

        // Staleness is handed in (from dna::staleShots); the cards that change are told.
        QVERIFY(!model.indexOfShot(before[0]).data(StoryboardModel::StaleRole).toBool());
        QSignalSpy stateChanged(m_doc.get(), &ProjectDocument::shotStateChanged);
        m_doc->setStaleShots({before[0]});
        QCOMPARE(stateChanged.size(), 1);
        QVERIFY(model.indexOfShot(before[0]).data(StoryboardModel::StaleRole).toBool());
        QVERIFY(!model.indexOfShot(before[1]).data(StoryboardModel::StaleRole).toBool());
        m_doc->setStaleShots({before[0]});
        QCOMPARE(stateChanged.size(), 1); // no change, no signal
        m_doc->setStaleShots({});
        QVERIFY(!model.indexOfShot(before[0]).data(StoryboardModel::StaleRole).toBool());
        // Progress is transient card state.
        m_doc->setProgress(before[1], 0.25);
        QCOMPARE(model.indexOfShot(before[1]).data(StoryboardModel::ProgressRole).toDouble(), 0.25);
        m_doc->setProgress(before[1], -1);
        QCOMPARE(model.indexOfShot(before[1]).data(StoryboardModel::ProgressRole).toDouble(), -1.0);
    }

    // A copy of the project held elsewhere (the consistency review reads one on a worker thread)
    // shares the shot list until the move writes to it; the move must still find its shot.
    void moveWhileAProjectCopyIsHeld() {
        StoryboardModel model;
        attachTesters(&model);
        model.setDocument(m_doc.get());
        const Project held = m_doc->project();
        const Id sceneId = held.shots.first().sceneId;
        const QList<Id> before = sceneShotOrder(sceneId);
        QVERIFY(before.size() >= 2);
        QVERIFY(m_doc->moveShot(before[0], 1).ok());
        QCOMPARE(sceneShotOrder(sceneId), (QList<Id>{before[1], before[0]}));
        QCOMPARE(m_doc->shot(before[0])->order, 1);
        QCOMPARE(m_doc->shot(before[1])->order, 0);
        QCOMPARE(model.indexOfShot(before[0]).row(), model.indexOfShot(before[1]).row() + 1);
        QCOMPARE(held.shotsOfScene(sceneId).first()->id, before[0]); // the copy is untouched
    }

    void storyboardMimeRoundTrip() {
        StoryboardModel model;
        model.setDocument(m_doc.get());
        const Id a = m_doc->project().shots[0].id, b = m_doc->project().shots[3].id;
        std::unique_ptr<QMimeData> mime(
            model.mimeData({model.indexOfShot(a), model.indexOfShot(b), model.index(0)}));
        QVERIFY(mime);
        QCOMPARE(StoryboardModel::shotIdsFromMime(mime.get()), (QList<Id>{a, b}));
    }

    void takesModelFollowsTheShot() {
        TakesModel model;
        attachTesters(&model);
        model.setDocument(m_doc.get());
        const Id shotId = m_doc->project().shots[2].id;
        model.setShot(shotId);
        QCOMPARE(model.rowCount(), 0);
        Take take;
        take.shotId = shotId;
        take.seed = 42;
        auto first = m_doc->addTake(take, test::pngBytes(32, 18, Qt::blue), {});
        auto second = m_doc->addTake(take, test::pngBytes(32, 18, Qt::green), {});
        QVERIFY(first.ok() && second.ok());
        Take other;
        other.shotId = m_doc->project().shots[3].id;
        QVERIFY(m_doc->addTake(other, {}, {}).ok());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.takeIdAt(1), second->id);
        Shot shot = *m_doc->shot(shotId);
        shot.approvedTakeId = second->id;
        QVERIFY(m_doc->saveShot(shot).ok());
        QVERIFY(model.index(1).data(TakesModel::ApprovedRole).toBool());
        QVERIFY(!model.index(0).data(TakesModel::ApprovedRole).toBool());
        QCOMPARE(m_doc->store().takesOfShot(shotId).size(), 2);
    }

    void charactersModelShowsPortraitsAndNewCharacters() {
        CharactersModel model;
        attachTesters(&model);
        model.setDocument(m_doc.get());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0).data().toString(), QStringLiteral("MARA"));
        const Id mara = model.characterIdAt(0);
        QCOMPARE(model.index(0).data(CharactersModel::PortraitImageIdRole).toLongLong(), 0);

        auto image = m_doc->store().addImage(test::pngBytes(40, 40, Qt::yellow));
        QVERIFY(image.ok());
        auto refId = m_doc->allocateId();
        QVERIFY(refId.ok());
        ReferenceImage ref{*refId, ReferenceOwner::Character, mara, ReferenceRole::Face, image->id, 1.0, true,
                           {}};
        QVERIFY(m_doc->saveReference(ref).ok());
        QCOMPARE(model.index(0).data(CharactersModel::PortraitImageIdRole).toLongLong(), image->id);
        QCOMPARE(model.index(0).data(CharactersModel::ReferenceCountRole).toInt(), 1);

        Character extra;
        extra.id = *m_doc->allocateId();
        extra.name = QStringLiteral("DOCKHAND");
        QVERIFY(m_doc->saveCharacter(extra).ok());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(2).data().toString(), QStringLiteral("DOCKHAND"));
        QCOMPARE(m_doc->store().load()->characters.size(), 3);
    }

    void jobsModelShowsStateAndProgress() {
        JobsModel model;
        attachTesters(&model);
        model.setDocument(m_doc.get());
        QCOMPARE(model.rowCount(), 0);
        Job job;
        job.id = *m_doc->allocateId();
        job.shotId = m_doc->project().shots[1].id;
        job.state = JobState::Running;
        QVERIFY(m_doc->saveJob(job).ok());
        QCOMPARE(model.rowCount(), 1);
        m_doc->setProgress(job.shotId, 0.5);
        QCOMPARE(model.index(0, JobsModel::ProgressColumn).data(JobsModel::ProgressRole).toDouble(), 0.5);
        job.state = JobState::Failed;
        job.lastError = QStringLiteral("service unavailable");
        QVERIFY(m_doc->saveJob(job).ok());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, JobsModel::StateColumn).data().toString(), QStringLiteral("failed"));
        QCOMPARE(model.index(0, JobsModel::ErrorColumn).data().toString(), job.lastError);
        QCOMPARE(m_doc->store().job(job.id)->state, JobState::Failed);
    }

    void writesOfTheGenerationQueueReachTheModels() {
        StoryboardModel board;
        attachTesters(&board);
        board.setDocument(m_doc.get());
        JobsModel jobs;
        attachTesters(&jobs);
        jobs.setDocument(m_doc.get());
        TakesModel takes;
        attachTesters(&takes);
        takes.setDocument(m_doc.get());
        const Id shotId = m_doc->project().shots[2].id;
        takes.setShot(shotId);
        // As pipeline::GenerationQueue does: write the store, bring the project copy in step, report.
        storage::ProjectStore &store = m_doc->store();
        Job job;
        job.id = *store.allocateId();
        job.shotId = shotId;
        job.provider = QStringLiteral("test");
        QVERIFY(store.save(job).ok());
        m_doc->mutableProject().jobs.append(job);
        m_doc->jobUpdated(job.id);
        QCOMPARE(jobs.rowCount(), 1);

        Take take;
        take.id = *store.allocateId();
        take.shotId = shotId;
        take.jobId = job.id;
        take.provider = QStringLiteral("test");
        QVERIFY(store.save(take).ok());
        m_doc->mutableProject().takes.append(take);
        m_doc->mutableProject().shot(shotId)->approvedTakeId = take.id;
        QSignalSpy added(m_doc.get(), &ProjectDocument::takeAdded);
        QSignalSpy changed(&board, &QAbstractItemModel::dataChanged);
        m_doc->takeStored(take.id);
        m_doc->takeStored(take.id); // reported twice: indexed once
        QCOMPARE(added.size(), 1);
        QVERIFY(changed.size() >= 1);
        QCOMPARE(m_doc->takesOfShot(shotId).size(), 1);
        QCOMPARE(board.indexOfShot(shotId).data(StoryboardModel::TakeCountRole).toInt(), 1);
        QCOMPARE(takes.rowCount(), 1);
    }

    void promptDiffMarksChangedWords_data() {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QString>("expected"); // = same, - removed, + added

        QTest::newRow("identical") << "wide shot, pier"
                                   << "wide shot, pier"
                                   << "=wide shot, pier";
        QTest::newRow("added") << "wide shot, pier"
                               << "wide shot, pier at dusk"
                               << "=wide shot, pier|+at dusk";
        QTest::newRow("replaced") << "close-up, 85mm lens"
                                  << "close-up, 50mm lens"
                                  << "=close-up,|-85mm|+50mm|=lens";
        QTest::newRow("emptied") << "rain"
                                 << ""
                                 << "-rain";
    }

    void promptDiffMarksChangedWords() {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(QString, expected);
        QStringList got;
        for (const DiffPiece &p : diffWords(before, after))
            got.append((p.kind == DiffPiece::Same      ? QStringLiteral("=")
                        : p.kind == DiffPiece::Removed ? QStringLiteral("-")
                                                       : QStringLiteral("+")) +
                       p.text);
        QCOMPARE(got.join(QLatin1Char('|')), expected);
        QVERIFY(!diffToHtml(diffWords(before, after)).contains(QStringLiteral("<script")));
    }

    void modelsEmptyWhenTheDocumentCloses() {
        StoryboardModel board;
        CharactersModel characters;
        attachTesters(&board);
        attachTesters(&characters);
        board.setDocument(m_doc.get());
        characters.setDocument(m_doc.get());
        QVERIFY(board.rowCount() > 0);
        m_doc.reset();
        QCOMPARE(board.rowCount(), 0);
        QCOMPARE(characters.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
