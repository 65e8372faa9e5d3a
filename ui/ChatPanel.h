// The Director dock: the conversation stored in the project, streamed answers, tool calls as compact
// cards, shot numbers as links that select the shot, confirmation cards for spend actions (nothing
// is sent until Confirm), a Stop button, and the interpreter picker (the offline one by default, or
// a language-model profile). A message's edits become one step on the window's undo stack.
#pragma once

#include "domain/Project.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTextBrowser;
class QUndoStack;
class QUrl;
class QVBoxLayout;

namespace shotcraft::models {
class ProjectDocument;
}
namespace shotcraft::director {
class Director;
class LlmDirector;
struct SpendRequest;
struct Turn;
} // namespace shotcraft::director

namespace shotcraft::ui {

class ControllerSpender;
class DocumentAccess;
class GenerationController;

class ChatPanel : public QWidget {
    Q_OBJECT
public:
    ChatPanel(QUndoStack *undo, GenerationController *generator, QWidget *parent = nullptr);
    ~ChatPanel() override;
    void setDocument(models::ProjectDocument *document);
    // What "it" and "this shot" mean.
    void setCurrentShot(Id shotId) { m_currentShot = shotId; }
    // Sends a message as if typed (the input box's Return does the same).
    void send(const QString &message);
    bool isRunning() const;

Q_SIGNALS:
    void shotActivated(shotcraft::Id shotId);

private:
    void onReturn();
    void stop();
    void finishTurn(const director::Turn &turn);
    void addConfirmation(const director::SpendRequest &spend);
    void runSpend(const director::SpendRequest &spend);
    void onLink(const QUrl &url);
    void setStatus(const QString &text);
    void updateRunning();
    void fillInterpreters();
    void render();
    QString linked(const QString &text) const;

    QUndoStack *m_undo;
    GenerationController *m_generator;
    QPointer<models::ProjectDocument> m_document;
    std::unique_ptr<DocumentAccess> m_access;
    std::unique_ptr<director::Director> m_director;
    std::unique_ptr<ControllerSpender> m_spender;
    QPointer<director::LlmDirector> m_llm;
    QString m_streaming;
    Id m_currentShot = 0;

    QComboBox *m_interpreter;
    QPushButton *m_stop;
    QTextBrowser *m_conversation;
    QWidget *m_cards;
    QVBoxLayout *m_cardLayout;
    QLabel *m_status;
    QLineEdit *m_input;
};

} // namespace shotcraft::ui
