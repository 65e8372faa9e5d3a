// One conversation with the director over the open project: a user message in, tool calls run
// through ProjectTools, the answer out, and every message written to the project file as it happens.
// A turn's edits come back together (the window makes them one undo step); its spend actions come
// back as requests that only run when confirmed (or, when the project allows it, on previz only).
#pragma once

#include "director/CommandInterpreter.h"
#include "director/DirectorTypes.h"
#include "director/ProjectAccess.h"
#include "director/ProjectTools.h"

namespace shotcraft::director {

// Where confirmed spend actions go: the window's GenerationController, or a headless queue run.
class Spender {
public:
    virtual ~Spender() = default;
    virtual Status regenerate(const QList<Id> &shotIds, const QString &changes, const QString &provider) = 0;
    virtual Status generateLookBook(bool regenerateAll, const QString &provider) = 0;
};

struct Turn {
    QString reply;
    QList<ToolOutcome> outcomes;
    QList<DirectorEdit> edits;         // every edit of the turn: one undo step
    QList<SpendRequest> pending;       // waiting for the user's confirmation
    QList<SpendRequest> autoConfirmed; // allowed without asking by the project's setting
    bool understood = true;
};

class Director {
public:
    explicit Director(ProjectAccess &access);

    void setDefaultProvider(const QString &provider);
    void setContext(const InterpreterContext &context) { m_context = context; }

    // One turn read by the offline interpreter.
    Turn runOffline(const QString &message);

    // The pieces both interpreters use: record a message, run one tool call into a turn.
    Status record(ChatRole role, const QString &content, const QString &toolCallsJson = {},
                  const QString &toolCallId = {});
    ToolOutcome runTool(const ToolCall &call, Turn &turn);

    // Runs a spend action the user confirmed.
    static Status confirm(const SpendRequest &spend, Spender &spender);
    // Whether the project lets this run without asking: regenerations on previz, when set.
    static bool autoConfirms(const Project &project, const SpendRequest &spend);

    ProjectAccess &access() { return m_access; }

private:
    ProjectAccess &m_access;
    ProjectTools m_tools;
    InterpreterContext m_context;
};

// A one-line account of what a call did ("Shot 2C: angle low."), for answers and the dock's cards.
QString describeOutcome(const Project &project, const ToolOutcome &outcome);
// The calls as the conversation stores them: [{"id","name","arguments"}].
QString toolCallsJson(const QList<ToolCall> &calls);

} // namespace shotcraft::director
