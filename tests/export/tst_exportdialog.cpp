// The window's export: the dialog's preview line follows its options and builds the request the
// core runs; the queue dock's task shows progress, ends with an "Open folder" link, and cancels an
// animatic without leaving a file.
#include "ExportDialog.h"
#include "ExportFixture.h"
#include "ExportTask.h"
#include "MainWindow.h"
#include "QueuePanel.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>

using namespace shotcraft;
using namespace shotcraft::exporting;

class TestExportDialog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void previewFollowsTheOptions();
    void taskRunsAndLinksTheFolder();
    void taskCancelsTheAnimatic();
    void windowExportsThroughTheQueueDock();

private:
    QTemporaryDir m_dir;
    std::optional<test::ExportRig> m_rig;
};

void TestExportDialog::initTestCase() {
    m_rig.emplace(test::generatedFilm(m_dir.filePath(QStringLiteral("film.shotcraft")), 42));
}

void TestExportDialog::previewFollowsTheOptions() {
    const ExportSnapshot snapshot = m_rig->snapshot();
    ui::ExportDialog dialog(snapshot, m_dir.path());
    QCOMPARE(dialog.request().format, ExportFormat::Pdf);
    QVERIFY2(dialog.previewText().startsWith(QStringLiteral("42 panels on 8 pages")),
             qPrintable(dialog.previewText()));
    auto *panels = dialog.findChild<QComboBox *>(QStringLiteral("panels"));
    QVERIFY(panels);
    QCOMPARE(panels->currentText(), QStringLiteral("6"));
    panels->setCurrentIndex(5); // 9 per page
    QVERIFY2(dialog.previewText().startsWith(QStringLiteral("42 panels on 6 pages")),
             qPrintable(dialog.previewText()));
    dialog.formatBox()->setCurrentIndex(dialog.formatBox()->findData(QStringLiteral("edl")));
    QCOMPARE(dialog.request().format, ExportFormat::Edl);
    QVERIFY(dialog.pathEdit()->text().endsWith(QStringLiteral("storyboard.edl")));
    QVERIFY2(dialog.previewText().contains(QStringLiteral("%1 frames").arg(snapshot.totalFrames(24))),
             qPrintable(dialog.previewText()));
}

void TestExportDialog::taskRunsAndLinksTheFolder() {
    ui::ExportTask task;
    QSignalSpy finished(&task, &ui::ExportTask::finished);
    ExportRequest request;
    request.format = ExportFormat::Pdf;
    request.path = m_dir.filePath(QStringLiteral("boards/film.pdf"));
    task.start(m_rig->snapshot(), request);
    QVERIFY(task.isRunning() || finished.size() == 1);
    QVERIFY(finished.size() == 1 || finished.wait(60000));
    const auto outcome = finished.first().first().value<ExportOutcome>();
    QVERIFY2(outcome.ok(), qPrintable(outcome.error));
    QCOMPARE(outcome.summary.pages, 8);
    QVERIFY(QFileInfo(request.path).isFile());
    QVERIFY(task.statusLabel()->text().contains(QStringLiteral("Open folder")));
    QVERIFY(task.statusLabel()->text().contains(
        QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("boards"))).toString()));
    QVERIFY(!task.cancelButton()->isVisible());
}

void TestExportDialog::taskCancelsTheAnimatic() {
    if (!Animatic::findFfmpeg().ok())
        QFAIL("ffmpeg is missing: run packaging/install-deps.sh");
    test::ExportRig big = test::generatedFilm(m_dir.filePath(QStringLiteral("big.shotcraft")), 300);
    QTemporaryDir out;
    ui::ExportTask task;
    QSignalSpy finished(&task, &ui::ExportTask::finished);
    ExportRequest request;
    request.format = ExportFormat::Mp4;
    request.path = out.filePath(QStringLiteral("cut.mp4"));
    request.animatic.width = 640;
    task.start(big.snapshot(), request);
    // Wait until the bar moves (ffmpeg is encoding), then cancel as the button does.
    QTRY_VERIFY_WITH_TIMEOUT(task.progressBar()->maximum() > 0 && task.progressBar()->value() > 0, 60000);
    task.cancelButton()->click();
    QVERIFY(finished.size() == 1 || finished.wait(30000));
    QCOMPARE(finished.first().first().value<ExportOutcome>().error, cancelledMessage());
    QCOMPARE(QDir(out.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList());
}

// File > Export in the studio window: the action opens the dialog, Export hands the request to the
// task in the queue dock, which writes the file and links its folder.
void TestExportDialog::windowExportsThroughTheQueueDock() {
    const QString path = m_dir.filePath(QStringLiteral("window.shotcraft"));
    {
        test::ExportRig film = test::generatedFilm(path, 12);
        QVERIFY2(film.store, qPrintable(film.error));
    }
    ui::MainWindow window;
    QVERIFY(window.openProject(path).ok());
    window.show();
    auto *action = window.findChild<QAction *>(QStringLiteral("exportAction"));
    auto *task = window.queuePanel()->findChild<ui::ExportTask *>(QStringLiteral("exportTask"));
    QVERIFY(action && task);
    QSignalSpy finished(task, &ui::ExportTask::finished);
    const QString target = m_dir.filePath(QStringLiteral("from-window/shot-list.csv"));
    bool dialogSeen = false;
    // The dialog is modal: answer it from the event loop it runs, as a user would.
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<ui::ExportDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        dialogSeen = true;
        dialog->formatBox()->setCurrentIndex(dialog->formatBox()->findData(QStringLiteral("csv")));
        dialog->pathEdit()->setText(target);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    });
    action->trigger();
    QVERIFY(dialogSeen);
    QVERIFY(finished.size() == 1 || finished.wait(60000));
    const auto outcome = finished.first().first().value<ExportOutcome>();
    QVERIFY2(outcome.ok(), qPrintable(outcome.error));
    QCOMPARE(outcome.summary.shots, 12);
    QVERIFY(QFileInfo(target).isFile());
    QVERIFY(task->isVisible());
    QVERIFY2(task->statusLabel()->text().contains(
                 QStringLiteral("12 shots to shot-list.csv (1 placeholder frame)")),
             qPrintable(task->statusLabel()->text()));
    QVERIFY(task->statusLabel()->text().contains(QStringLiteral("Open folder")));
}

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
