// The director's vocabulary: a tool call, what a call did to the project (edits, as before/after
// values so the window can undo a whole message in one step) and what it would spend (held until the
// user confirms).
#pragma once

#include "domain/Json.h"
#include "domain/Project.h"

namespace shotcraft::director {

// Read: answers only. Edit: changes the project at once, undoable. Spend: asks an image service for
// work, and waits for the user's confirmation.
enum class RiskClass { Read, Edit, Spend };

struct ToolCall {
    QString id; // the model's call id, or "offline-N"
    QString name;
    Json arguments = Json::object();
    bool operator==(const ToolCall &) const = default;
};

// One entity's value before and after an edit (whole entity JSON, so reverting is exact).
struct DirectorEdit {
    enum class Kind { Shot, Character, Location, Palette };
    Kind kind = Kind::Shot;
    Id id = 0;
    QString label; // "shot 2C: angle low"
    Json before;
    Json after;
};

// A spend action waiting for confirmation.
struct SpendRequest {
    enum class Kind { RegenerateShots, LookBook };
    Kind kind = Kind::RegenerateShots;
    QList<Id> shotIds;
    QString changes;  // reaches the prompt as "Regenerate with changes" does
    QString provider; // empty: the window's (or the command's) engine
    bool regenerateLookBook = false;
    QString summary; // "Regenerate 2 shots (2C, 3A) on previz, about 2 requests"
};

// What one call did: a result for the model (JSON), or a one-line error.
struct ToolOutcome {
    ToolCall call;
    bool ok = true;
    Json result;   // on success
    QString error; // on failure
    QList<DirectorEdit> edits;
    std::optional<SpendRequest> spend;

    QString resultText() const; // what goes back to the model as the tool result
};

} // namespace shotcraft::director
