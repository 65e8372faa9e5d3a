// Runs the director's tools on the open project. Every call is checked against its schema first; a
// bad id, a bad enum value or an unknown tool comes back as a one-line error, never a crash. Edits are
// applied at once through ProjectAccess and returned with their before/after values; spend actions
// are only described (SpendRequest) and run after the user confirms them.
#pragma once

#include "director/DirectorTypes.h"
#include "director/ProjectAccess.h"

namespace shotcraft::director {

class ProjectTools {
public:
    explicit ProjectTools(ProjectAccess &access);

    ToolOutcome run(const ToolCall &call);
    // The engine a spend action without a `provider` goes to (shown on the confirmation card).
    void setDefaultProvider(const QString &provider) { m_defaultProvider = provider; }

private:
    using Handler = Result<Json> (ProjectTools::*)(const Json &args, ToolOutcome &out);
    Result<Json> listShots(const Json &args, ToolOutcome &out);
    Result<Json> getShot(const Json &args, ToolOutcome &out);
    Result<Json> getDna(const Json &args, ToolOutcome &out);
    Result<Json> explainPrompt(const Json &args, ToolOutcome &out);
    Result<Json> findShots(const Json &args, ToolOutcome &out);
    Result<Json> updateShot(const Json &args, ToolOutcome &out);
    Result<Json> updateCharacter(const Json &args, ToolOutcome &out);
    Result<Json> updateLocation(const Json &args, ToolOutcome &out);
    Result<Json> updatePalette(const Json &args, ToolOutcome &out);
    Result<Json> approveTake(const Json &args, ToolOutcome &out);
    Result<Json> regenerateShots(const Json &args, ToolOutcome &out);
    Result<Json> generateLookBook(const Json &args, ToolOutcome &out);

    Result<const Shot *> shotNamed(const Json &ref) const;
    Result<QList<Id>> filterShots(const Json &args) const;
    QString providerOf(const Json &args) const;

    ProjectAccess &m_access;
    QString m_defaultProvider = QStringLiteral("previz");
};

// "2C" for a shot id (its board number), "#id" when it has none.
QString shotLabel(const Project &project, Id shotId);
QString shotLabels(const Project &project, const QList<Id> &shotIds, int max = 8);

} // namespace shotcraft::director
