// What a user's message lets the model edit. A language model may be steered by text it reads (a
// description, an action line, a tool result), so an edit it asks for runs only when the user's own
// words ask for a change and name what it touches: the shots, characters, locations or palette the
// message refers to. Anything else comes back to the model as a refused tool call.
#pragma once

#include "director/DirectorTypes.h"

namespace shotcraft::director {

class EditScope {
public:
    EditScope() = default;
    // `selectedShot`: what "it" and "this shot" mean.
    EditScope(const Project &project, const QString &message, Id selectedShot = 0);

    // Empty when the call may run; otherwise the one-line reason it may not.
    QString refusal(const Project &project, const ToolCall &call) const;

private:
    bool m_asksForChange = false;
    bool m_allShots = false;
    bool m_palette = false;
    QList<Id> m_shots;
    QList<Id> m_characters;
    QList<Id> m_locations;
};

} // namespace shotcraft::director
