#include "ChatPanel.h"

#include "ControllerSpender.h"
#include "DirectorEditCommand.h"
#include "DocumentAccess.h"
#include "GenerationController.h"
#include "director/Director.h"
#include "director/LlmDirector.h"
#include "models/ProjectDocument.h"
#include "providers/LlmRegistry.h"
#include "providers/ProviderProfile.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTextBrowser>
#include <QTimer>
#include <QUndoStack>
#include <QUrl>
#include <QVBoxLayout>

namespace shotcraft::ui {

namespace {
const QString kOffline = QStringLiteral("offline");

// One stored tool call list as short lines: "update_shot {"shot":"2A","angle":"low"}".
QStringList callLines(const QString &toolCallsJson) {
    QStringList lines;
    try {
        const Json calls = Json::parse(toolCallsJson.toStdString());
        for (const Json &c : calls) {
            const QString name = QString::fromStdString(c.value("name", std::string()));
            QString args;
            if (auto it = c.find("arguments"); it != c.end())
                args = it->is_string() ? QString::fromStdString(it->get<std::string>())
                                       : QString::fromStdString(it->dump());
            lines.append(name + u' ' + args.left(120));
        }
    } catch (const std::exception &) {
        lines.append(toolCallsJson.left(120));
    }
    return lines;
}

// A tool result as one short line: its summary, its count, the shot it touched, or its error.
QString resultLine(const QString &content) {
    if (!content.startsWith(u'{'))
        return content.left(160);
    try {
        const Json r = Json::parse(content.toStdString());
        if (r.contains("summary") && r["summary"].is_string())
            return QString::fromStdString(r["summary"].get<std::string>());
        if (r.contains("count") && r["count"].is_number())
            return QCoreApplication::translate("ChatPanel", "%n found", nullptr, r["count"].get<int>());
        // Which shot or character it touched: {"shot":"2C"}, {"shot":{"shot":"2C",...}} or a character.
        QString what;
        if (auto it = r.find("shot"); it != r.end()) {
            const Json &shot = it->is_object() ? it->value("shot", Json()) : *it;
            if (shot.is_string())
                what = QCoreApplication::translate("ChatPanel", "shot %1")
                           .arg(QString::fromStdString(shot.get<std::string>()));
        } else if (auto c = r.find("character"); c != r.end() && c->is_string()) {
            what = QString::fromStdString(c->get<std::string>());
        }
        if (!what.isEmpty() && r.contains("updated"))
            return r["updated"].get<bool>()
                       ? QCoreApplication::translate("ChatPanel", "%1 updated").arg(what)
                       : QCoreApplication::translate("ChatPanel", "%1 unchanged").arg(what);
        if (!what.isEmpty())
            return what;
    } catch (const std::exception &) {
    }
    return content.left(160);
}
} // namespace

ChatPanel::ChatPanel(QUndoStack *undo, GenerationController *generator, QWidget *parent)
    : QWidget(parent)
    , m_undo(undo)
    , m_generator(generator)
    , m_interpreter(new QComboBox(this))
    , m_stop(new QPushButton(tr("Stop"), this))
    , m_conversation(new QTextBrowser(this))
    , m_cards(new QWidget(this))
    , m_cardLayout(new QVBoxLayout(m_cards))
    , m_status(new QLabel(this))
    , m_input(new QLineEdit(this)) {
    setObjectName(QStringLiteral("chatPanel"));
    m_interpreter->setObjectName(QStringLiteral("directorInterpreter"));
    m_interpreter->setToolTip(tr("Who reads your messages: the offline interpreter, or a language model "
                                 "profile from Settings > Providers"));
    m_stop->setObjectName(QStringLiteral("directorStop"));
    m_stop->setToolTip(tr("Stop the model and cancel the regenerations this dock started"));
    m_conversation->setObjectName(QStringLiteral("directorConversation"));
    m_conversation->setOpenLinks(false);
    m_cards->setObjectName(QStringLiteral("directorCards"));
    m_cardLayout->setContentsMargins(0, 0, 0, 0);
    m_status->setObjectName(QStringLiteral("directorStatus"));
    m_status->setWordWrap(true);
    m_status->hide();
    m_input->setObjectName(QStringLiteral("directorInput"));
    m_input->setPlaceholderText(tr("e.g. make 2C a low angle, warmer, and regenerate it"));

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Interpreter"), this));
    top->addWidget(m_interpreter, 1);
    top->addWidget(m_stop);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_conversation, 1);
    layout->addWidget(m_cards);
    layout->addWidget(m_status);
    layout->addWidget(m_input);

    fillInterpreters();
    connect(m_input, &QLineEdit::returnPressed, this, &ChatPanel::onReturn);
    connect(m_stop, &QPushButton::clicked, this, &ChatPanel::stop);
    connect(m_conversation, &QTextBrowser::anchorClicked, this, &ChatPanel::onLink);
    updateRunning();
    render();
}

ChatPanel::~ChatPanel() = default;

void ChatPanel::fillInterpreters() {
    m_interpreter->addItem(tr("Offline interpreter"), kOffline);
    for (const providers::ProviderProfile &p : providers::ProfileStore::load())
        if (providers::isLlmKind(p.kind))
            m_interpreter->addItem(p.name, p.name);
}

void ChatPanel::setDocument(models::ProjectDocument *document) {
    stop();
    while (QLayoutItem *item = m_cardLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_director.reset();
    m_spender.reset();
    m_access.reset();
    m_document = document;
    if (document) {
        m_access = std::make_unique<DocumentAccess>(*document);
        m_director = std::make_unique<director::Director>(*m_access);
        m_spender = std::make_unique<ControllerSpender>(*m_generator, *document);
    }
    m_input->setEnabled(document != nullptr);
    setStatus({});
    render();
}

bool ChatPanel::isRunning() const {
    return m_llm && m_llm->isRunning();
}

void ChatPanel::onReturn() {
    const QString message = m_input->text().trimmed();
    if (message.isEmpty() || isRunning())
        return;
    m_input->clear();
    send(message);
}

void ChatPanel::send(const QString &message) {
    if (!m_director || isRunning())
        return;
    setStatus({});
    director::InterpreterContext context;
    context.currentShot = m_currentShot;
    if (const providers::ImageProvider *engine = m_generator->provider()) {
        context.providers.append(engine->name());
        m_director->setDefaultProvider(engine->name());
    }
    m_director->setContext(context);
    const QString choice = m_interpreter->currentData().toString();
    if (choice == kOffline) {
        finishTurn(m_director->runOffline(message));
        return;
    }
    auto llm = providers::LlmRegistry::create(choice);
    if (!llm) {
        setStatus(tr("The language model '%1' is not configured: %2. Choose it in Settings > Providers, "
                     "or use the offline interpreter.")
                      .arg(choice, llm.error()));
        return;
    }
    auto *run = new director::LlmDirector(*m_director, *llm, this);
    m_llm = run;
    m_streaming.clear();
    connect(run, &director::LlmDirector::delta, this, [this](const QString &text) {
        m_streaming += text;
        render();
    });
    connect(run, &director::LlmDirector::toolRan, this, [this] { render(); });
    connect(run, &director::LlmDirector::finished, this, [this, run](const director::Turn &turn) {
        m_streaming.clear();
        run->deleteLater();
        finishTurn(turn);
        updateRunning();
    });
    run->start(message, m_currentShot);
    updateRunning();
    render();
}

void ChatPanel::finishTurn(const director::Turn &turn) {
    if (!turn.edits.isEmpty() && m_undo)
        m_undo->push(new DirectorEditCommand(m_document, turn.edits));
    for (const director::SpendRequest &spend : turn.autoConfirmed)
        runSpend(spend);
    for (const director::SpendRequest &spend : turn.pending)
        addConfirmation(spend);
    if (turn.reply.startsWith(QLatin1String("The language model")))
        setStatus(turn.reply);
    render();
}

void ChatPanel::addConfirmation(const director::SpendRequest &spend) {
    auto *card = new QFrame(m_cards);
    card->setObjectName(QStringLiteral("confirmationCard"));
    card->setFrameShape(QFrame::StyledPanel);
    auto *label = new QLabel(spend.summary, card);
    label->setWordWrap(true);
    auto *confirm = new QPushButton(tr("Confirm"), card);
    confirm->setObjectName(QStringLiteral("confirmSpend"));
    auto *cancel = new QPushButton(tr("Cancel"), card);
    cancel->setObjectName(QStringLiteral("cancelSpend"));
    auto *row = new QHBoxLayout(card);
    row->addWidget(label, 1);
    row->addWidget(confirm);
    row->addWidget(cancel);
    m_cardLayout->addWidget(card);
    connect(confirm, &QPushButton::clicked, this, [this, card, spend] {
        card->deleteLater();
        runSpend(spend);
    });
    connect(cancel, &QPushButton::clicked, this, [this, card, spend] {
        card->deleteLater();
        if (m_director)
            (void)m_director->record(ChatRole::Assistant, tr("Cancelled: %1.").arg(spend.summary));
        render();
    });
}

void ChatPanel::runSpend(const director::SpendRequest &spend) {
    if (!m_director || !m_spender)
        return;
    const Status st = director::Director::confirm(spend, *m_spender);
    const QString line = st ? tr("Started: %1.").arg(spend.summary)
                            : tr("Could not start %1: %2").arg(spend.summary, st.error());
    (void)m_director->record(ChatRole::Assistant, line);
    if (!st)
        setStatus(line);
    updateRunning();
    render();
}

void ChatPanel::stop() {
    if (m_llm)
        m_llm->cancel();
    if (m_spender) {
        for (Id job : m_spender->startedJobs())
            m_generator->cancel(job);
    }
    updateRunning();
}

void ChatPanel::updateRunning() {
    const bool queued = m_spender && !m_spender->startedJobs().isEmpty() && m_generator->isBusy();
    m_stop->setEnabled(isRunning() || queued);
    m_input->setEnabled(m_document && !isRunning());
}

void ChatPanel::setStatus(const QString &text) {
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void ChatPanel::onLink(const QUrl &url) {
    if (url.scheme() == QLatin1String("shot"))
        Q_EMIT shotActivated(url.path().toLongLong());
}

// Shot numbers ("2C", "14A") the project has become links that select the shot.
QString ChatPanel::linked(const QString &text) const {
    static const QRegularExpression number(QStringLiteral(R"(\b(\d+[A-Z]{1,2})\b)"));
    const QString escaped = text.toHtmlEscaped();
    if (!m_document)
        return escaped;
    QString out;
    qsizetype last = 0;
    for (auto it = number.globalMatch(escaped); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += escaped.mid(last, m.capturedStart() - last);
        if (const Shot *shot = m_document->project().findShot(m.captured(1)))
            out += QStringLiteral("<a href=\"shot:%1\">%2</a>").arg(shot->id).arg(m.captured(1));
        else
            out += m.captured(0);
        last = m.capturedEnd();
    }
    return out + escaped.mid(last);
}

void ChatPanel::render() {
    static const QString card = QStringLiteral(
        "<table width=\"100%\" cellpadding=\"3\" style=\"background:#2b3440; margin:2px 0 2px 24px\">"
        "<tr><td><span style=\"color:#9fb3c8; font-size:small\">%1</span></td></tr></table>");
    QString html;
    if (m_document) {
        for (const ChatMessage &m : m_document->project().chat) {
            switch (m.role) {
            case ChatRole::User:
                html += QStringLiteral("<p><b>%1</b> %2</p>").arg(tr("You:"), linked(m.content));
                break;
            case ChatRole::Assistant:
                if (!m.content.isEmpty())
                    html += QStringLiteral("<p><b>%1</b> %2</p>").arg(tr("Director:"), linked(m.content));
                if (!m.toolCallsJson.isEmpty())
                    for (const QString &line : callLines(m.toolCallsJson))
                        html += card.arg(QStringLiteral("\u2192 ") + linked(line));
                break;
            case ChatRole::Tool:
                html += card.arg(QStringLiteral("\u2190 ") + linked(resultLine(m.content)));
                break;
            case ChatRole::System:
                break;
            }
        }
    }
    if (!m_streaming.isEmpty())
        html += QStringLiteral("<p><b>%1</b> %2\u2026</p>").arg(tr("Director:"), linked(m_streaming));
    if (html.isEmpty())
        html = tr("<p><i>No conversation yet. Try \u201cmake 2A a low angle and regenerate it\u201d, "
                  "\u201cshow the stale ones\u201d or \u201cexplain 1B\u201d.</i></p>");
    m_conversation->setHtml(html);
    // After the layout of the new text, so the newest line is in view.
    QTimer::singleShot(0, m_conversation, [view = m_conversation] {
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum());
    });
}

} // namespace shotcraft::ui
