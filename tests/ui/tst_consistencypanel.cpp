// The Consistency dock in the studio window (offscreen), as a user drives it: on the demo story with
// previz takes, one take replaced by a wrongly graded one. The dock measures nothing while it is
// hidden; raised, it shows every circled take with its verdicts and flags the tinted one on palette
// with the reason; selecting it selects the shot on the board; Repair Selected regenerates it
// through the window's queue with the measured deviation as prompt changes, and the new take is
// measured within the threshold. A move re-measures its scene and leaves board and review in step.
#include "../review/ReviewRig.h"
#include "ConsistencyPanel.h"
#include "GenerationController.h"
#include "MainWindow.h"
#include "QueuePanel.h"
#include "StoryboardView.h"
#include "dna/PaletteDesigner.h"
#include "models/ProjectDocument.h"
#include "models/StoryboardModel.h"

#include <QDockWidget>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace shotcraft;

namespace {
constexpr int kTimeoutMs = 60000;
enum Column { ShotColumn, ScoreColumn, PaletteColumn, ToneColumn, PresenceColumn, NotesColumn };
} // namespace

class TestConsistencyPanel : public QObject {
    Q_OBJECT

private:
    test::ReviewRig m_rig;
    QString m_path;
    Id m_tintedShot = 0;
    Id m_tintedTake = 0;
    int m_approved = 0;

    ui::ConsistencyPanel *open(ui::MainWindow &w) {
        w.setImageProvider(std::make_unique<previz::PrevizProvider>());
        if (!w.openProject(m_path).ok())
            return nullptr;
        w.show();
        if (!QTest::qWaitForWindowExposed(&w))
            return nullptr;
        return w.consistencyPanel();
    }
    static QDockWidget *dockOf(ui::MainWindow &w) {
        return w.findChild<QDockWidget *>(QStringLiteral("consistencyDock"));
    }
    // Opens the project, raises the dock and waits for its first review; nullptr if it never came.
    ui::ConsistencyPanel *openReviewed(ui::MainWindow &w) {
        ui::ConsistencyPanel *panel = open(w);
        if (!panel)
            return nullptr;
        QSignalSpy reviewed(panel, &ui::ConsistencyPanel::reviewed);
        dockOf(w)->raise();
        return reviewed.wait(kTimeoutMs) ? panel : nullptr;
    }

private Q_SLOTS:
    void initTestCase() {
        qputenv("SHOTCRAFT_SETTINGS_DIR", m_rig.dir.filePath(QStringLiteral("settings")).toUtf8());
        QVERIFY(m_rig.make());
        const Shot *shot = m_rig.blockedShot();
        QVERIFY(shot);
        m_tintedShot = shot->id;
        m_tintedTake = shot->approvedTakeId;
        QVERIFY(m_rig.replaceImage(m_tintedTake,
                                   test::tinted(m_rig.imageOf(m_tintedTake), QColor(16, 48, 200), 0.6)));
        m_approved = int(review::ConsistencyReviewer::approvedTakes(m_rig.project).size());
        QVERIFY(m_approved > 5);
        m_path = m_rig.store->path();
        m_rig.store.reset(); // the window takes the writer's lock
    }

    void init() {
        // Each test starts from the tinted file as made, whatever a repair wrote to it.
        const QString pristine = m_path + QStringLiteral(".pristine");
        if (!QFile::exists(pristine))
            QVERIFY(QFile::copy(m_path, pristine));
        QFile::remove(m_path);
        QVERIFY(QFile::copy(pristine, m_path));
    }

    void measuresOnlyWhenShown() {
        ui::MainWindow w;
        ui::ConsistencyPanel *panel = open(w);
        QVERIFY(panel);
        QVERIFY(!panel->isActive()); // tabbed behind the queue
        QTest::qWait(500);
        QVERIFY(panel->film().takes.isEmpty());
        QVERIFY(!panel->isReviewing());

        QSignalSpy reviewed(panel, &ui::ConsistencyPanel::reviewed);
        dockOf(w)->raise();
        QTRY_VERIFY_WITH_TIMEOUT(!reviewed.isEmpty(), kTimeoutMs);
        QCOMPARE(int(panel->film().takes.size()), m_approved);
        QCOMPARE(panel->tree()->topLevelItemCount(), int(w.document()->project().scenes.size()));
    }

    void flagsTheTintedTakeAndRepairsIt() {
        ui::MainWindow w;
        ui::ConsistencyPanel *panel = openReviewed(w);
        QVERIFY(panel);

        // Only the tinted take is out, on palette, with its reason; its scene scores below 100%.
        const review::FilmReview &film = panel->film();
        QCOMPARE(film.outliers(), 1);
        const review::TakeReview *tinted = film.takeOfShot(m_tintedShot);
        QVERIFY(tinted && tinted->outlier());
        QVERIFY2(tinted->outlierMeasures().contains(QStringLiteral("palette")),
                 qPrintable(tinted->outlierMeasures().join(u',')));
        QTreeWidgetItem *item = panel->itemOfShot(m_tintedShot);
        QVERIFY(item);
        QVERIFY2(item->text(PaletteColumn).contains(QStringLiteral(" > ")),
                 qPrintable(item->text(PaletteColumn)));
        QCOMPARE(item->toolTip(PaletteColumn), tinted->palette.reason);
        QVERIFY(item->text(NotesColumn).contains(tinted->palette.reason));
        QVERIFY(item->parent()->text(ScoreColumn) != QStringLiteral("100%"));
        QVERIFY(item->parent()->text(NotesColumn).contains(QStringLiteral("1 outlier")));
        QVERIFY2(panel->summary()->text().contains(QStringLiteral("1 of %1 takes").arg(m_approved)),
                 qPrintable(panel->summary()->text()));
        for (const review::TakeReview &t : film.takes)
            if (t.shotId != m_tintedShot)
                QVERIFY2(!panel->itemOfShot(t.shotId)->text(PaletteColumn).contains(QStringLiteral(" > ")),
                         qPrintable(t.shotNumber));

        // Selecting the row selects the shot on the board.
        QVERIFY(!panel->repairButton()->isEnabled());
        panel->tree()->setCurrentItem(item);
        QCOMPARE(w.storyboard()->currentShotId(), m_tintedShot);
        QVERIFY(panel->repairButton()->isEnabled());
        // To look at the dock as a user sees it: SHOTCRAFT_TEST_SCREENSHOTS=folder.
        if (const QString folder = qEnvironmentVariable("SHOTCRAFT_TEST_SCREENSHOTS"); !folder.isEmpty())
            QVERIFY(w.grab().save(folder + QStringLiteral("/consistency-dock.png")));

        // Repair: one regeneration through the window's queue with the deviation as changes.
        const QString changes = tinted->changes;
        QVERIFY2(changes.contains(QStringLiteral("warmer")), qPrintable(changes));
        QTest::mouseClick(panel->repairButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(panel->film().takeOfShot(m_tintedShot) &&
                                     panel->film().takeOfShot(m_tintedShot)->takeId != m_tintedTake,
                                 kTimeoutMs);
        const review::TakeReview *after = panel->film().takeOfShot(m_tintedShot);
        QVERIFY2(!after->outlier(), qPrintable(after->palette.reason));
        QVERIFY(after->palette.value <= panel->reviewer().thresholds().paletteDeltaE);
        QCOMPARE(panel->film().outliers(), 0);
        QVERIFY2(
            panel->itemOfShot(m_tintedShot)->text(NotesColumn).contains(QStringLiteral("repaired: palette")),
            qPrintable(panel->itemOfShot(m_tintedShot)->text(NotesColumn)));
        const Take *fresh = w.document()->take(after->takeId);
        QVERIFY(fresh);
        QVERIFY(fresh->package.positive.contains(changes));
        QCOMPARE(w.document()->shot(m_tintedShot)->approvedTakeId, after->takeId);
        QVERIFY(w.document()->take(m_tintedTake)); // the old take stays in the history
    }

    void moveKeepsBoardAndReviewInStep() {
        ui::MainWindow w;
        ui::ConsistencyPanel *panel = openReviewed(w);
        QVERIFY(panel);
        QSignalSpy reviewed(panel, &ui::ConsistencyPanel::reviewed);

        models::ProjectDocument *doc = w.document();
        const Scene &scene = doc->project().scenes.first();
        QList<Id> before;
        for (const Shot *s : doc->project().shotsOfScene(scene.id))
            before.append(s->id);
        QVERIFY(before.size() >= 2);
        // A review of the scene starts from the move while the document detaches from its copy.
        reviewed.clear();
        QVERIFY(doc->moveShot(before[0], 1).ok());
        QTRY_VERIFY_WITH_TIMEOUT(!reviewed.isEmpty(), kTimeoutMs);
        QList<Id> after;
        for (const Shot *s : doc->project().shotsOfScene(scene.id))
            after.append(s->id);
        QCOMPARE(after.mid(0, 2), (QList<Id>{before[1], before[0]}));
        QCOMPARE(doc->shot(before[0])->order, 1);
        models::StoryboardModel *model = w.storyboardModel();
        QCOMPARE(model->indexOfShot(before[0]).row(), model->indexOfShot(before[1]).row() + 1);
        // The review lists the scene's takes in the new order.
        QVERIFY(panel->itemOfShot(before[0]));
        QTreeWidgetItem *sceneItem = panel->itemOfShot(before[0])->parent();
        QCOMPARE(sceneItem->child(0)->text(ShotColumn), doc->shot(before[1])->number);
        QCOMPARE(sceneItem->child(1)->text(ShotColumn), doc->shot(before[0])->number);
    }

    // A palette edit measures the whole film again from each image's kept pixels: no image is read
    // again, and the verdicts follow the edit (the tinted take's scene palette becomes its colours).
    void editsMeasureAgainWithoutReadingImages() {
        ui::MainWindow w;
        ui::ConsistencyPanel *panel = openReviewed(w);
        QVERIFY(panel);
        QCOMPARE(panel->imagesRead(), m_approved);
        const review::TakeReview tinted = *panel->film().takeOfShot(m_tintedShot);
        QVERIFY(tinted.palette.verdict == review::Verdict::Outlier);

        models::ProjectDocument *doc = w.document();
        const Palette *scenePalette = dna::paletteFor(doc->project(), tinted.sceneId);
        QVERIFY(scenePalette);
        Palette edited = *scenePalette;
        edited.swatches.clear();
        for (const review::DominantColour &c : tinted.pixels.dominant)
            edited.swatches.append(
                {QStringLiteral("measured"), review::fromLab(c.lab).name(), SwatchRole::Key});
        QSignalSpy reviewed(panel, &ui::ConsistencyPanel::reviewed);
        QVERIFY(doc->savePalette(edited).ok());
        QVERIFY(reviewed.wait(kTimeoutMs));
        QCOMPARE(int(panel->film().takes.size()), m_approved);
        QCOMPARE(panel->imagesRead(), m_approved);
        const review::TakeReview *after = panel->film().takeOfShot(m_tintedShot);
        QVERIFY2(after->palette.value < tinted.palette.value, qPrintable(after->palette.reason));
        QVERIFY2(after->palette.verdict == review::Verdict::Pass, qPrintable(after->palette.reason));

        // A shot edit measures that shot again, from its kept pixels too.
        Shot shot = *doc->shot(m_tintedShot);
        shot.description += QStringLiteral(" Wind.");
        reviewed.clear();
        QVERIFY(doc->saveShot(shot).ok());
        QVERIFY(reviewed.wait(kTimeoutMs));
        QCOMPARE(panel->imagesRead(), m_approved);
    }

    void stopKeepsTheLastReview() {
        ui::MainWindow w;
        ui::ConsistencyPanel *panel = openReviewed(w);
        QVERIFY(panel);
        const qsizetype measured = panel->film().takes.size();

        panel->reviewFilm();
        QVERIFY(panel->isReviewing());
        panel->cancelReview();
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isReviewing(), kTimeoutMs);
        QVERIFY2(panel->summary()->text().startsWith(QStringLiteral("Review stopped")),
                 qPrintable(panel->summary()->text()));
        QCOMPARE(panel->film().takes.size(), measured);
    }
};

QTEST_MAIN(TestConsistencyPanel)
#include "tst_consistencypanel.moc"
