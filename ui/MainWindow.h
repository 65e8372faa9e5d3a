// The studio window: storyboard in the centre, inspectors and queue in docks. Owns the open
// ProjectDocument and the undo stack through which every edit goes.
#pragma once

#include "domain/Project.h"
#include "domain/Result.h"

#include <QMainWindow>

#include <functional>
#include <memory>

class QActionGroup;
class QComboBox;
class QDockWidget;
class QLabel;
class QMenu;
class QSlider;
class QUndoStack;

namespace shotcraft::models {
class ProjectDocument;
class StoryboardModel;
} // namespace shotcraft::models

namespace shotcraft::providers {
class ImageProvider;
}

namespace shotcraft::ui {

class ChatPanel;
class ConsistencyPanel;
class MessageBar;
class PromptInspector;
class QueuePanel;
class Settings;
class GenerationController;
class ShotInspector;
class StalenessTracker;
class StoryboardView;
class ThumbnailCache;
class VisualDnaPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // Turns a screenplay file into a project (breakdown and Visual DNA); installed by the app.
    using ProjectFactory = std::function<Result<Project>(const QString &scriptPath)>;

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    Status openProject(const QString &path);
    // Imports `scriptPath` into a new project file at `projectPath` and opens it.
    Status newProjectFromScript(const QString &scriptPath, const QString &projectPath);
    Status saveProjectAs(const QString &path);
    void setProjectFactory(ProjectFactory factory) { m_projectFactory = std::move(factory); }
    void setImageProvider(std::unique_ptr<providers::ImageProvider> provider);
    void setAspectRatio(double ratio); // an undoable project edit
    void showError(const QString &message);

    models::ProjectDocument *document() const { return m_document.get(); }
    StoryboardView *storyboard() const { return m_storyboard; }
    models::StoryboardModel *storyboardModel() const { return m_model; }
    QUndoStack *undoStack() const { return m_undo; }
    ShotInspector *shotInspector() const { return m_inspector; }
    VisualDnaPanel *dnaPanel() const { return m_dna; }
    PromptInspector *promptInspector() const { return m_prompt; }
    QueuePanel *queuePanel() const { return m_queue; }
    ConsistencyPanel *consistencyPanel() const { return m_consistency; }
    GenerationController *generator() const { return m_generator; }
    StalenessTracker *staleness() const { return m_staleness; }
    ThumbnailCache *thumbnails() const { return m_thumbnails; }
    MessageBar *messageBar() const { return m_messages; }

    void regenerateSelected(const QString &changes = {});
    void approveTake(Id shotId, Id takeId);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildMenus();
    QDockWidget *addDock(QWidget *content, const QString &title, const QString &name,
                         Qt::DockWidgetArea area);
    void setDocument(std::unique_ptr<models::ProjectDocument> document);
    void updateTitle();
    void updateStatus();
    void rebuildRecentMenu();
    void showStoryboardMenu(const QPoint &pos);
    void onCurrentShotChanged(Id shotId);
    void chooseOpen();
    void chooseNewFromScript(const QString &scriptPath = {});
    void chooseSaveAs();
    void askRegenerateWithChanges();
    void compareTakes(Id shotId);
    void applyTheme(const QString &name);

    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<models::ProjectDocument> m_document;
    std::unique_ptr<providers::ImageProvider> m_provider;
    ProjectFactory m_projectFactory;
    QUndoStack *m_undo;
    ThumbnailCache *m_thumbnails;
    models::StoryboardModel *m_model;
    StoryboardView *m_storyboard;
    MessageBar *m_messages;
    GenerationController *m_generator;
    StalenessTracker *m_staleness;
    ShotInspector *m_inspector;
    VisualDnaPanel *m_dna;
    PromptInspector *m_prompt;
    QueuePanel *m_queue;
    ChatPanel *m_chat;
    ConsistencyPanel *m_consistency;
    QDockWidget *m_promptDock = nullptr;
    QSlider *m_zoom;
    QComboBox *m_aspect;
    QLabel *m_status;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
};

} // namespace shotcraft::ui
