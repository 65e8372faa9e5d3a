#include "ChatPanel.h"

#include "models/ProjectDocument.h"

#include <QLabel>
#include <QLineEdit>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace shotcraft::ui {

ChatPanel::ChatPanel(QWidget *parent)
    : QWidget(parent)
    , m_conversation(new QTextBrowser(this))
    , m_input(new QLineEdit(this)) {
    setObjectName(QStringLiteral("chatPanel"));
    auto *notice =
        new QLabel(tr("The director assistant is not available in this version yet. The conversation "
                      "below is what the project file holds; the headless CLI edits shots today."),
                   this);
    notice->setWordWrap(true);
    notice->setObjectName(QStringLiteral("assistantUnavailable"));
    m_input->setPlaceholderText(tr("Ask the director assistant\u2026 (not available yet)"));
    m_input->setEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(notice);
    layout->addWidget(m_conversation, 1);
    layout->addWidget(m_input);
    render();
}

void ChatPanel::setDocument(models::ProjectDocument *document) {
    m_document = document;
    render();
}

void ChatPanel::render() {
    QString html;
    if (m_document) {
        for (const ChatMessage &m : m_document->project().chat) {
            if (m.role == ChatRole::Tool || m.role == ChatRole::System)
                continue;
            html +=
                QStringLiteral("<p><b>%1:</b> %2</p>")
                    .arg(m.role == ChatRole::User ? tr("You") : tr("Assistant"), m.content.toHtmlEscaped());
        }
    }
    m_conversation->setHtml(html.isEmpty() ? tr("<p><i>No conversation yet.</i></p>") : html);
}

} // namespace shotcraft::ui
