#include "cinema/NegativePrompt.h"

#include <QRegularExpression>

namespace shotcraft::cinema {

NegativeBuilder::NegativeBuilder(const KnowledgeBase &kb, const Project &project, const GenreProfile &genre)
    : m_kb(kb) {
    add(kb.baseNegative(), QStringLiteral("negative: base"),
        QStringLiteral("the failures every image model shares: anatomy, text, watermarks, low quality"));
    add(genre.negative, QStringLiteral("negative: genre"),
        QStringLiteral("what breaks the %1 look").arg(genre.name));
    const QStringList period = kb.periodNegative(project.info.period);
    if (!period.isEmpty())
        add(period, QStringLiteral("negative: period"),
            QStringLiteral("set in %1: no objects from later years").arg(project.info.period));
}

void NegativeBuilder::add(const QStringList &terms, const QString &aspect, const QString &reason) {
    QStringList added;
    for (const QString &t : terms) {
        if (!t.isEmpty() && !m_decision.terms.contains(t, Qt::CaseInsensitive)) {
            m_decision.terms.append(t);
            added.append(t);
        }
    }
    if (!added.isEmpty())
        m_decision.rationale.append({aspect, added.join(QStringLiteral(", ")), reason});
}

void NegativeBuilder::addShotGroup(const QString &key, const QString &reason) {
    add(m_kb.shotNegative(key), QStringLiteral("negative: shot"), reason);
}

NegativeDecision negativeForShot(const KnowledgeBase &kb, const Project &project, const GenreProfile &genre,
                                 const Shot &shot) {
    NegativeBuilder b(kb, project, genre);
    const qsizetype people = shot.blocking.size();
    const bool close = shot.size == ShotSize::CloseUp || shot.size == ShotSize::ExtremeCloseUp ||
                       shot.size == ShotSize::MediumCloseUp;
    if (people == 0) {
        b.addShotGroup(shot.size == ShotSize::Insert || shot.purpose == ShotPurpose::Insert
                           ? QStringLiteral("insert")
                           : QStringLiteral("noCharacters"),
                       QStringLiteral("nobody is in this frame"));
    } else if (people == 1) {
        b.addShotGroup(QStringLiteral("singleCharacter"),
                       QStringLiteral("one person in frame: no stray doubles"));
    } else if (people >= 3) {
        b.addShotGroup(QStringLiteral("crowd"),
                       QStringLiteral("%1 people in frame: models clone faces").arg(people));
    }
    if (people > 0 && close)
        b.addShotGroup(QStringLiteral("closeFace"), QStringLiteral("a face fills the frame: its flaws show"));
    static const QRegularExpression hands(
        QStringLiteral("\\b(hand|hands|holds|holding|grips|gripping|touch|touches|reaches|fingers|writes|"
                       "handshake|clasps|points)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    bool handsShown = hands.match(shot.description).hasMatch();
    for (const Blocking &bl : shot.blocking)
        handsShown = handsShown || hands.match(bl.action).hasMatch();
    if (people > 0 && handsShown)
        b.addShotGroup(QStringLiteral("hands"), QStringLiteral("hands are part of the action"));
    if (people > 0 && (shot.size == ShotSize::ExtremeWide || shot.size == ShotSize::Wide))
        b.addShotGroup(QStringLiteral("wide"),
                       QStringLiteral("small figures in a wide frame distort easily"));
    if (shot.timeOfDay == TimeOfDay::Night)
        b.addShotGroup(QStringLiteral("night"), QStringLiteral("a night scene"));
    else if (shot.timeOfDay == TimeOfDay::Day || shot.timeOfDay == TimeOfDay::Morning)
        b.addShotGroup(QStringLiteral("day"), QStringLiteral("a day scene"));
    return b.result();
}

} // namespace shotcraft::cinema
