#include "MainWindow.h"

#include "ChatPanel.h"
#include "ConsistencyPanel.h"
#include "CoreServices.h"
#include "EditCommands.h"
#include "ExportDialog.h"
#include "ExportTask.h"
#include "GenerationController.h"
#include "MessageBar.h"
#include "PromptInspector.h"
#include "ProviderSettingsDialog.h"
#include "QueuePanel.h"
#include "Settings.h"
#include "ShotCardDelegate.h"
#include "ShotInspector.h"
#include "StalenessTracker.h"
#include "StoryboardView.h"
#include "Theme.h"
#include "ThumbnailCache.h"
#include "VisualDnaPanel.h"
#include "models/ProjectDocument.h"
#include "models/StoryboardModel.h"
#include "providers/ImageProvider.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QSlider>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace shotcraft::ui {

namespace {
struct AspectChoice {
    const char *label;
    double ratio;
};
constexpr AspectChoice aspectChoices[] = {{"1.33:1 (4:3)", 4.0 / 3.0},
                                          {"1.66:1", 1.66},
                                          {"1.78:1 (16:9)", 16.0 / 9.0},
                                          {"1.85:1", 1.85},
                                          {"2.00:1", 2.0},
                                          {"2.39:1 (scope)", 2.39}};

bool isScript(const QString &path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("fountain") || suffix == QLatin1String("fdx") ||
           suffix == QLatin1String("txt");
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_settings(std::make_unique<Settings>())
    , m_undo(new QUndoStack(this))
    , m_thumbnails(new ThumbnailCache(this))
    , m_model(new models::StoryboardModel(this))
    , m_storyboard(new StoryboardView(m_thumbnails, this))
    , m_messages(new MessageBar(this))
    , m_generator(new GenerationController(this))
    , m_staleness(new StalenessTracker(this))
    , m_inspector(new ShotInspector(m_thumbnails, m_undo, this))
    , m_dna(new VisualDnaPanel(m_thumbnails, m_undo, this))
    , m_prompt(new PromptInspector(m_thumbnails, this))
    , m_queue(new QueuePanel(m_generator, this))
    , m_chat(new ChatPanel(m_undo, m_generator, this))
    , m_consistency(new ConsistencyPanel(m_generator, this))
    , m_zoom(new QSlider(Qt::Horizontal, this))
    , m_aspect(new QComboBox(this))
    , m_status(new QLabel(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    setDockNestingEnabled(true);
    m_storyboard->setStoryboardModel(m_model);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_messages);
    layout->addWidget(m_storyboard, 1);
    setCentralWidget(central);

    addDock(m_inspector, tr("Shot"), QStringLiteral("shotDock"), Qt::RightDockWidgetArea);
    QDockWidget *dnaDock =
        addDock(m_dna, tr("Visual DNA"), QStringLiteral("dnaDock"), Qt::LeftDockWidgetArea);
    m_promptDock = addDock(m_prompt, tr("Prompt"), QStringLiteral("promptDock"), Qt::RightDockWidgetArea);
    QDockWidget *queueDock =
        addDock(m_queue, tr("Generation queue"), QStringLiteral("queueDock"), Qt::BottomDockWidgetArea);
    QDockWidget *chatDock =
        addDock(m_chat, tr("Director"), QStringLiteral("chatDock"), Qt::BottomDockWidgetArea);
    QDockWidget *consistencyDock = addDock(m_consistency, tr("Consistency"),
                                           QStringLiteral("consistencyDock"), Qt::BottomDockWidgetArea);
    tabifyDockWidget(queueDock, chatDock);
    tabifyDockWidget(chatDock, consistencyDock);
    connect(consistencyDock, &QDockWidget::visibilityChanged, m_consistency, &ConsistencyPanel::setActive);
    queueDock->raise();
    resizeDocks({dnaDock}, {320}, Qt::Horizontal);
    tabifyDockWidget(findChild<QDockWidget *>(QStringLiteral("shotDock")), m_promptDock);
    findChild<QDockWidget *>(QStringLiteral("shotDock"))->raise();

    // Storyboard tool bar: zoom and aspect ratio.
    auto *boardBar = addToolBar(tr("Storyboard"));
    boardBar->setObjectName(QStringLiteral("storyboardToolBar"));
    m_zoom->setRange(120, 520);
    m_zoom->setValue(m_settings->value(SettingKey::CardWidth).toInt());
    m_zoom->setMaximumWidth(180);
    m_zoom->setToolTip(tr("Card size"));
    boardBar->addWidget(new QLabel(tr(" Card size "), this));
    boardBar->addWidget(m_zoom);
    connect(m_zoom, &QSlider::valueChanged, m_storyboard, &StoryboardView::setCardWidth);
    m_storyboard->setCardWidth(m_zoom->value());
    for (const AspectChoice &c : aspectChoices)
        m_aspect->addItem(QLatin1String(c.label), c.ratio);
    m_aspect->setToolTip(tr("The project's aspect ratio: frames on the board and new takes follow it"));
    boardBar->addWidget(new QLabel(tr("  Aspect "), this));
    boardBar->addWidget(m_aspect);
    connect(m_aspect, &QComboBox::activated, this,
            [this] { setAspectRatio(m_aspect->currentData().toDouble()); });
    statusBar()->addPermanentWidget(m_status);

    connect(m_storyboard, &StoryboardView::currentShotChanged, this, &MainWindow::onCurrentShotChanged);
    connect(m_chat, &ChatPanel::shotActivated, m_storyboard, &StoryboardView::selectShot);
    connect(m_consistency, &ConsistencyPanel::shotActivated, m_storyboard, &StoryboardView::selectShot);
    connect(m_consistency, &ConsistencyPanel::error, this, &MainWindow::showError);
    connect(m_storyboard, &StoryboardView::moveRequested, this, [this](Id shotId, int newOrder) {
        const QModelIndex index = m_model->indexOfShot(shotId);
        int from = 0;
        for (int r = index.row() - 1; r >= 0 && m_model->shotIdAt(r) != 0; --r)
            ++from;
        m_undo->push(new MoveShotCommand(m_document.get(), shotId, from, newOrder));
    });
    connect(m_storyboard, &QWidget::customContextMenuRequested, this, &MainWindow::showStoryboardMenu);
    connect(m_storyboard, &QAbstractItemView::activated, this, [this] {
        if (m_promptDock)
            m_inspector->parentWidget()->raise();
    });
    connect(m_inspector, &ShotInspector::compareTakesRequested, this, &MainWindow::compareTakes);
    connect(m_inspector, &ShotInspector::regenerateRequested, this, [this](Id shotId) {
        if (Status st = m_generator->regenerate({shotId}); !st)
            showError(tr("Cannot regenerate: %1").arg(st.error()));
    });
    connect(m_dna, &VisualDnaPanel::staleShotsReported, this, [this](const QString &message) {
        m_messages->showMessage(message, MessageBar::Kind::Information);
    });
    connect(m_dna, &VisualDnaPanel::regenerateLookBookRequested, this, [this](const QList<Id> &ids) {
        if (!m_document)
            return;
        // Each generated frame gets a new take that becomes its image (older takes stay in the file);
        // an image the user brought in is theirs and is never painted over.
        QList<Id> generated;
        for (Id id : ids)
            if (const ReferenceImage *r = m_document->project().reference(id); r && !r->userSupplied)
                generated.append(id);
        if (generated.isEmpty()) {
            m_messages->showMessage(
                tr("The selected images were brought in by hand; Shotcraft leaves them as they are."),
                MessageBar::Kind::Information);
            return;
        }
        if (Status st =
                m_generator->generateLookBook(generated, pipeline::GenerationQueue::LookBookFill::Regenerate);
            !st)
            showError(tr("Cannot generate the look book: %1").arg(st.error()));
    });
    connect(m_queue, &QueuePanel::error, this, &MainWindow::showError);
    connect(m_undo, &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(m_undo, &QUndoStack::indexChanged, this, &MainWindow::updateStatus);

    // The core's importer, prompt engine and consistency planner by default.
    m_projectFactory = &projectFromScript;
    m_prompt->setPromptBuilder(&livePrompt);

    buildMenus();
    applyTheme(m_settings->value(SettingKey::Theme).toString());
    resize(1440, 900);
    restoreGeometry(m_settings->value(SettingKey::WindowGeometry).toByteArray());
    restoreState(m_settings->value(SettingKey::WindowState).toByteArray());
    setDocument(nullptr);
}

MainWindow::~MainWindow() {
    // Views and commands point into the document: drop them first.
    m_generator->setDocument(nullptr);
    m_staleness->setDocument(nullptr);
    m_undo->clear();
    m_document.reset();
}

QDockWidget *MainWindow::addDock(QWidget *content, const QString &title, const QString &name,
                                 Qt::DockWidgetArea area) {
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(name);
    dock->setWidget(content);
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::buildMenus() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newAction =
        file->addAction(tr("&New from Script\u2026"), this, [this] { chooseNewFromScript(); });
    newAction->setShortcut(QKeySequence::New);
    file->addAction(tr("&Open\u2026"), QKeySequence::Open, this, &MainWindow::chooseOpen);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(tr("Save &As\u2026"), QKeySequence::SaveAs, this, &MainWindow::chooseSaveAs);
    // File > Export: the dialog builds the request from one snapshot; the queue dock runs it.
    auto *exportTask = new ExportTask(m_queue);
    exportTask->setObjectName(QStringLiteral("exportTask"));
    m_queue->layout()->addWidget(exportTask);
    connect(exportTask, &ExportTask::finished, this, [this](const exporting::ExportOutcome &outcome) {
        if (!outcome.ok() && outcome.error != exporting::cancelledMessage())
            showError(outcome.error);
    });
    QAction *exportAction = file->addAction(tr("&Export\u2026"), this, [this, exportTask] {
        if (!m_document || exportTask->isRunning())
            return;
        Result<exporting::ExportSnapshot> snapshot =
            exporting::takeSnapshot(m_document->store(), m_document->project());
        if (!snapshot)
            return showError(snapshot.error());
        ExportDialog dialog(*snapshot, QFileInfo(m_document->path()).absolutePath(), this);
        if (dialog.exec() == QDialog::Accepted)
            exportTask->start(*snapshot, dialog.request());
    });
    exportAction->setObjectName(QStringLiteral("exportAction"));
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addAction(tr("&Services\u2026"), QKeySequence::Preferences, this, [this] {
        ProviderSettingsDialog dialog(this);
        dialog.exec();
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    rebuildRecentMenu();

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(tr("Select &All Shots"), QKeySequence::SelectAll, m_storyboard,
                    &QAbstractItemView::selectAll);

    QMenu *shot = menuBar()->addMenu(tr("&Shot"));
    shot->addAction(tr("&Regenerate"), QKeySequence(Qt::CTRL | Qt::Key_R), this,
                    [this] { regenerateSelected(); });
    shot->addAction(tr("Regenerate with &Changes\u2026"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                    this, &MainWindow::askRegenerateWithChanges);
    shot->addAction(tr("C&ompare Takes"), QKeySequence(Qt::CTRL | Qt::Key_D), this,
                    [this] { compareTakes(m_storyboard->currentShotId()); });
    shot->addAction(tr("&Circle Take"), QKeySequence(Qt::CTRL | Qt::Key_T), m_inspector,
                    &ShotInspector::approveSelectedTake);
    shot->addAction(tr("Show &Prompt"), QKeySequence(Qt::CTRL | Qt::Key_P), this, [this] {
        m_promptDock->show();
        m_promptDock->raise();
    });

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addAction(tr("Zoom &In"), QKeySequence::ZoomIn, this,
                          [this] { m_zoom->setValue(m_zoom->value() + 40); });
    m_viewMenu->addAction(tr("Zoom &Out"), QKeySequence::ZoomOut, this,
                          [this] { m_zoom->setValue(m_zoom->value() - 40); });
    QMenu *themes = m_viewMenu->addMenu(tr("&Theme"));
    auto *themeGroup = new QActionGroup(this);
    for (const QString &name : {QStringLiteral("dark"), QStringLiteral("light")}) {
        QAction *a = themes->addAction(name == QLatin1String("dark") ? tr("&Dark") : tr("&Light"), this,
                                       [this, name] { applyTheme(name); });
        a->setCheckable(true);
        a->setChecked(m_settings->value(SettingKey::Theme).toString() == name);
        a->setData(name);
        themeGroup->addAction(a);
    }
    m_viewMenu->addSeparator();
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        m_viewMenu->addAction(dock->toggleViewAction());
}

void MainWindow::applyTheme(const QString &name) {
    ui::applyTheme(themeFromName(name));
    m_settings->setValue(SettingKey::Theme, themeName(themeFromName(name)));
}

void MainWindow::rebuildRecentMenu() {
    m_recentMenu->clear();
    const QStringList files = m_settings->recentFiles();
    for (const QString &f : files)
        m_recentMenu->addAction(QFileInfo(f).fileName(), this, [this, f] { (void)openProject(f); })
            ->setToolTip(f);
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::setDocument(std::unique_ptr<models::ProjectDocument> document) {
    m_generator->setDocument(nullptr);
    m_staleness->setDocument(nullptr);
    m_undo->clear();
    // Views let go of the old document before it is destroyed.
    m_model->setDocument(nullptr);
    m_inspector->setDocument(nullptr);
    m_dna->setDocument(nullptr);
    m_prompt->setDocument(nullptr);
    m_queue->setDocument(nullptr);
    m_chat->setDocument(nullptr);
    m_consistency->setDocument(nullptr);
    m_thumbnails->setDocument(nullptr);
    m_document = std::move(document);
    models::ProjectDocument *doc = m_document.get();
    m_thumbnails->setDocument(doc);
    m_model->setDocument(doc);
    m_inspector->setDocument(doc);
    m_dna->setDocument(doc);
    m_prompt->setDocument(doc);
    m_generator->setDocument(doc); // before the queue dock, which asks it what is left to resume
    m_queue->setDocument(doc);
    m_chat->setDocument(doc);
    m_consistency->setDocument(doc);
    m_staleness->setDocument(doc);
    if (doc) {
        connect(doc, &models::ProjectDocument::error, this, &MainWindow::showError);
        connect(doc, &models::ProjectDocument::pathChanged, this, &MainWindow::updateTitle);
        connect(doc, &models::ProjectDocument::infoChanged, this, [this] {
            m_storyboard->setAspectRatio(m_document->project().info.aspectRatio);
            updateStatus();
        });
        connect(doc, &models::ProjectDocument::shotChanged, this, &MainWindow::updateStatus);
        m_storyboard->setAspectRatio(doc->project().info.aspectRatio);
        if (const qsizetype left = m_generator->interruptedJobs().size(); left > 0)
            m_messages->showMessage(left == 1
                                        ? tr("1 generation job was left unfinished by an earlier session: "
                                             "Resume in the Generation queue takes it up.")
                                        : tr("%1 generation jobs were left unfinished by an earlier "
                                             "session: Resume in the Generation queue takes them up.")
                                              .arg(left),
                                    MessageBar::Kind::Information);
        m_settings->addRecentFile(doc->path());
        rebuildRecentMenu();
        // Start on the first shot so the inspectors show something useful.
        if (!doc->project().shots.isEmpty())
            m_storyboard->selectShot(
                m_model->shotIdAt(m_model->indexOfShot(doc->project().shots.first().id).row()));
    }
    onCurrentShotChanged(m_storyboard->currentShotId());
    updateTitle();
    updateStatus();
}

void MainWindow::updateTitle() {
    if (!m_document) {
        setWindowTitle(QStringLiteral("Shotcraft"));
        return;
    }
    const QString title = m_document->project().info.title;
    setWindowTitle(
        QStringLiteral("%1 \u2014 %2 \u2014 Shotcraft")
            .arg(title.isEmpty() ? tr("Untitled") : title, QFileInfo(m_document->path()).fileName()));
}

void MainWindow::updateStatus() {
    if (!m_document) {
        m_status->setText(
            tr("Open a project (Ctrl+O) or a screenplay (Ctrl+N), or drop a .fountain/.fdx here."));
        return;
    }
    const Project &p = m_document->project();
    double seconds = 0;
    int generated = 0;
    for (const Shot &s : p.shots) {
        seconds += s.durationSec;
        generated += s.approvedTakeId != 0 ? 1 : 0;
    }
    // Also keep the aspect combo in step with the project (undo can change it).
    int nearest = 0;
    for (int i = 0; i < m_aspect->count(); ++i)
        if (std::abs(m_aspect->itemData(i).toDouble() - p.info.aspectRatio) <
            std::abs(m_aspect->itemData(nearest).toDouble() - p.info.aspectRatio))
            nearest = i;
    m_aspect->setCurrentIndex(nearest);
    m_status->setText(tr("%1 scenes \u00B7 %2 shots (%3 with a take) \u00B7 %4 min %5 s")
                          .arg(p.scenes.size())
                          .arg(p.shots.size())
                          .arg(generated)
                          .arg(int(seconds) / 60)
                          .arg(int(seconds) % 60));
}

Status MainWindow::openProject(const QString &path) {
    auto doc = models::ProjectDocument::open(path);
    if (!doc) {
        showError(tr("Could not open %1: %2").arg(QFileInfo(path).fileName(), doc.error()));
        return Status::failure(doc.error());
    }
    setDocument(std::move(*doc));
    return Status::success();
}

Status MainWindow::newProjectFromScript(const QString &scriptPath, const QString &projectPath) {
    if (!m_projectFactory) {
        const QString message = tr("No screenplay importer is installed.");
        showError(message);
        return Status::failure(message);
    }
    Result<Project> project = m_projectFactory(scriptPath);
    if (!project) {
        showError(tr("Could not import %1: %2").arg(QFileInfo(scriptPath).fileName(), project.error()));
        return Status::failure(project.error());
    }
    auto doc = models::ProjectDocument::create(projectPath, *project);
    if (!doc) {
        showError(tr("Could not create %1: %2").arg(QFileInfo(projectPath).fileName(), doc.error()));
        return Status::failure(doc.error());
    }
    setDocument(std::move(*doc));
    return Status::success();
}

Status MainWindow::saveProjectAs(const QString &path) {
    if (!m_document)
        return Status::failure(tr("no project is open"));
    Status st = m_document->saveAs(path);
    if (st) {
        m_settings->addRecentFile(path);
        rebuildRecentMenu();
        m_messages->showMessage(tr("Saved as %1").arg(QFileInfo(path).fileName()));
    }
    return st;
}

void MainWindow::chooseOpen() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open project"),
                                                      m_settings->value(SettingKey::LastDirectory).toString(),
                                                      tr("Shotcraft projects (*.shotcraft);;All files (*)"));
    if (path.isEmpty())
        return;
    m_settings->setValue(SettingKey::LastDirectory, QFileInfo(path).absolutePath());
    (void)openProject(path);
}

void MainWindow::chooseNewFromScript(const QString &given) {
    QString script = given;
    if (script.isEmpty())
        script = QFileDialog::getOpenFileName(this, tr("New project from a screenplay"),
                                              m_settings->value(SettingKey::LastDirectory).toString(),
                                              tr("Screenplays (*.fountain *.fdx *.txt);;All files (*)"));
    if (script.isEmpty())
        return;
    const QFileInfo info(script);
    const QString project = QFileDialog::getSaveFileName(
        this, tr("Save the new project as"),
        info.absoluteDir().filePath(info.completeBaseName() + QStringLiteral(".shotcraft")),
        tr("Shotcraft projects (*.shotcraft)"));
    if (project.isEmpty())
        return;
    m_settings->setValue(SettingKey::LastDirectory, info.absolutePath());
    (void)newProjectFromScript(script, project);
}

void MainWindow::chooseSaveAs() {
    if (!m_document)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save project as"), m_document->path(),
                                                      tr("Shotcraft projects (*.shotcraft)"));
    if (!path.isEmpty())
        (void)saveProjectAs(path);
}

void MainWindow::setImageProvider(std::unique_ptr<providers::ImageProvider> provider) {
    m_generator->setProvider(nullptr); // the queue lets go of the old engine before it is destroyed
    m_provider = std::move(provider);
    m_generator->setProvider(m_provider.get());
}

void MainWindow::setAspectRatio(double ratio) {
    if (!m_document || std::abs(m_document->project().info.aspectRatio - ratio) < 1e-6)
        return;
    ProjectInfo after = m_document->project().info;
    after.aspectRatio = ratio;
    m_undo->push(new SaveEntityCommand<ProjectInfo>(m_document.get(), &models::ProjectDocument::saveInfo,
                                                    m_document->project().info, after,
                                                    tr("Change aspect ratio")));
}

void MainWindow::showError(const QString &message) {
    m_messages->showMessage(message, MessageBar::Kind::Error);
}

void MainWindow::onCurrentShotChanged(Id shotId) {
    m_inspector->setShot(shotId);
    m_prompt->setShot(shotId);
    m_chat->setCurrentShot(shotId);
}

void MainWindow::regenerateSelected(const QString &changes) {
    QList<Id> ids = m_storyboard->selectedShotIds();
    if (ids.isEmpty() && m_storyboard->currentShotId() != 0)
        ids.append(m_storyboard->currentShotId());
    if (ids.isEmpty())
        return;
    if (Status st = m_generator->regenerate(ids, changes); !st)
        showError(tr("Cannot regenerate: %1").arg(st.error()));
}

void MainWindow::askRegenerateWithChanges() {
    if (m_storyboard->selectedShotIds().isEmpty() && m_storyboard->currentShotId() == 0)
        return;
    bool ok = false;
    const QString changes =
        QInputDialog::getText(this, tr("Regenerate with changes"),
                              tr("What should change (added to the prompt)?"), QLineEdit::Normal, {}, &ok);
    if (ok && !changes.trimmed().isEmpty())
        regenerateSelected(changes);
}

void MainWindow::approveTake(Id shotId, Id takeId) {
    if (!m_document)
        return;
    if (QUndoCommand *command = approveTakeCommand(m_document.get(), shotId, takeId))
        m_undo->push(command);
}

void MainWindow::compareTakes(Id shotId) {
    if (!m_document || shotId == 0)
        return;
    const QList<const Take *> takes = m_document->takesOfShot(shotId);
    if (takes.size() < 2) {
        m_messages->showMessage(
            tr("Shot %1 has fewer than two takes to compare.")
                .arg(m_document->shot(shotId) ? m_document->shot(shotId)->number : QString()),
            MessageBar::Kind::Warning);
        return;
    }
    m_storyboard->selectShot(shotId);
    m_prompt->compareTakes(takes[takes.size() - 2]->id, takes.last()->id);
    m_promptDock->show();
    m_promptDock->raise();
}

void MainWindow::showStoryboardMenu(const QPoint &pos) {
    const Id shotId = m_model->shotIdAt(m_storyboard->indexAt(pos).row());
    if (shotId == 0 || !m_document)
        return;
    if (!m_storyboard->selectedShotIds().contains(shotId))
        m_storyboard->selectShot(shotId);
    QMenu menu(this);
    menu.addAction(tr("Regenerate"), this, [this] { regenerateSelected(); });
    menu.addAction(tr("Regenerate with Changes\u2026"), this, &MainWindow::askRegenerateWithChanges);
    menu.addAction(tr("Compare Takes"), this, [this, shotId] { compareTakes(shotId); });
    QMenu *circle = menu.addMenu(tr("Circle Take"));
    int n = 1;
    const Shot *shot = m_document->shot(shotId);
    for (const Take *t : m_document->takesOfShot(shotId)) {
        QAction *a = circle->addAction(tr("Take %1").arg(n++), this,
                                       [this, shotId, id = t->id] { approveTake(shotId, id); });
        a->setCheckable(true);
        a->setChecked(shot && shot->approvedTakeId == t->id);
    }
    circle->setEnabled(!circle->isEmpty());
    menu.addAction(tr("Show Prompt"), this, [this] {
        m_promptDock->show();
        m_promptDock->raise();
    });
    menu.exec(m_storyboard->viewport()->mapToGlobal(pos));
}

void MainWindow::closeEvent(QCloseEvent *event) {
    m_settings->setValue(SettingKey::WindowGeometry, saveGeometry());
    m_settings->setValue(SettingKey::WindowState, saveState());
    m_settings->setValue(SettingKey::CardWidth, m_zoom->value());
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event) {
    for (const QUrl &url : event->mimeData()->urls()) {
        if (isScript(url.toLocalFile())) {
            event->acceptProposedAction();
            return;
        }
    }
    event->ignore();
}

void MainWindow::dropEvent(QDropEvent *event) {
    for (const QUrl &url : event->mimeData()->urls()) {
        if (isScript(url.toLocalFile())) {
            event->acceptProposedAction();
            // Let the drop finish before the dialogs open.
            QMetaObject::invokeMethod(
                this, [this, path = url.toLocalFile()] { chooseNewFromScript(path); }, Qt::QueuedConnection);
            return;
        }
    }
}

} // namespace shotcraft::ui
