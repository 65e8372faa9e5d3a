// The director chat dock: the conversation stored in the project and an input box. The assistant
// itself is not part of this version; the dock says so rather than pretending to answer.
#pragma once

#include <QWidget>

class QLineEdit;
class QTextBrowser;

namespace shotcraft::models {
class ProjectDocument;
}

namespace shotcraft::ui {

class ChatPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChatPanel(QWidget *parent = nullptr);
    void setDocument(models::ProjectDocument *document);

private:
    void render();

    models::ProjectDocument *m_document = nullptr;
    QTextBrowser *m_conversation;
    QLineEdit *m_input;
};

} // namespace shotcraft::ui
