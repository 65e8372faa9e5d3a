// The offline interpreter: a deterministic reading of the common director requests in plain English,
// so the assistant works without any language model. It finds shot references ("2C", "shot 14",
// "scene 5", "all of Mira's close-ups", "the stale ones"), field changes ("low angle", "85mm at
// f/1.8", "warmer", "more fog", "rule of thirds", "push in") and verbs (regenerate, approve,
// explain, show), and turns them into tool calls. What it cannot read it says, with examples.
#pragma once

#include "director/DirectorTypes.h"

namespace shotcraft::director {

struct InterpreterContext {
    Id currentShot = 0;    // what "it" and "this shot" mean (the window's selection)
    QStringList providers; // image engine names "on NAME" may pick
};

struct Interpretation {
    QList<ToolCall> calls;
    QStringList ignored;   // words it could not place (said in the answer)
    QString notUnderstood; // set when nothing could be done: why, with examples
    bool understood() const { return notUnderstood.isEmpty(); }
};

Interpretation interpretCommand(const Project &project, const QString &message,
                                const InterpreterContext &context = {});

// A few requests the interpreter understands, for the "not understood" answer and the dock's hint.
QStringList commandExamples();

} // namespace shotcraft::director
