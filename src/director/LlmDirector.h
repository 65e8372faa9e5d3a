// The language-model interpreter: the user's message, the conversation so far and the tool catalogue
// go to the model; the tool calls it answers with run through the Director (all the calls of one
// answer, in order), their results go back as tool results, and so on until the model answers in
// text or the round cap is reached. Streamed text is passed on as it comes; the finished answer is
// stored when it is complete. Malformed arguments are repaired with the breakdown's JSON repair or
// refused; edits the user's message did not ask for are refused (EditScope); spend actions wait for
// the user like the offline interpreter's.
#pragma once

#include "director/Director.h"
#include "director/EditScope.h"
#include "providers/LlmProvider.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace shotcraft::director {

class LlmDirector : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxRounds = 8;

    LlmDirector(Director &director, std::shared_ptr<providers::LlmProvider> llm, QObject *parent = nullptr);

    // Starts a turn; finished() follows once (also after cancel()).
    void start(const QString &message, Id selectedShot = 0);
    void cancel();
    bool isRunning() const { return m_running; }

    // The rules the model is given: whose words the tool results are, and what needs the user.
    static QString systemPrompt(const Project &project);
    // The stored conversation as the model's messages (the last `limit`, starting at a user message).
    static QList<providers::LlmMessage> history(const Project &project, int limit = 60);

Q_SIGNALS:
    void delta(const QString &text);
    void toolRan(const shotcraft::director::ToolOutcome &outcome);
    void finished(const shotcraft::director::Turn &turn);

private:
    void sendRound();
    void onAnswer(const providers::LlmResponse &response);
    void finish(const QString &reply, bool recordAsAnswer);
    ToolCall parsedCall(const providers::LlmToolCall &call, QString *problem) const;

    Director &m_director;
    std::shared_ptr<providers::LlmProvider> m_llm;
    QPointer<providers::LlmJob> m_job;
    EditScope m_scope;
    Turn m_turn;
    int m_rounds = 0;
    bool m_running = false;
    bool m_cancelled = false;
};

// One turn run to its end on this thread's event loop (the command line and tests).
Turn runLlmTurn(Director &director, std::shared_ptr<providers::LlmProvider> llm, const QString &message,
                Id selectedShot = 0);

} // namespace shotcraft::director
