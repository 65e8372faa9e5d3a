// The negative prompt: the base list every image gets, plus the genre's additions, the period's
// anachronisms and what this particular shot tends to go wrong on (faces in close-up, hands,
// duplicated people in a crowd, figures in an empty plate, ...). Each addition says why.
#pragma once

#include "cinema/KnowledgeBase.h"
#include "domain/Project.h"
#include "domain/PromptPackage.h"

namespace shotcraft::cinema {

struct NegativeDecision {
    QStringList terms; // deduplicated, base first
    QList<RationaleEntry> rationale;
};

class NegativeBuilder {
public:
    NegativeBuilder(const KnowledgeBase &kb, const Project &project, const GenreProfile &genre);
    // Adds a named group from the knowledge base's shot-specific lists.
    void addShotGroup(const QString &key, const QString &reason);
    void add(const QStringList &terms, const QString &aspect, const QString &reason);
    NegativeDecision result() const { return m_decision; }

private:
    const KnowledgeBase &m_kb;
    NegativeDecision m_decision;
};

// Everything for one shot.
NegativeDecision negativeForShot(const KnowledgeBase &kb, const Project &project, const GenreProfile &genre,
                                 const Shot &shot);

} // namespace shotcraft::cinema
