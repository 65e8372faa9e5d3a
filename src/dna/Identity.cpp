#include "dna/Identity.h"

#include "dna/ColourTools.h"

#include <QRegularExpression>

namespace shotcraft::dna {

namespace {
void appendPart(QStringList &parts, const QString &value, const QString &prefix = QString()) {
    const QString v = value.simplified();
    if (!v.isEmpty())
        parts.append(prefix + v);
}

// Where a wardrobe change starts: (act number, scene index); an act-wide change starts before the
// act's first scene.
std::pair<int, int> changeStart(const Project &project, const WardrobeChange &change) {
    if (change.sceneId != 0) {
        const Scene *s = project.scene(change.sceneId);
        const Act *a = s ? project.act(s->actId) : nullptr;
        return {a ? a->number : 0, sceneIndex(project, change.sceneId)};
    }
    const Act *a = project.act(change.actId);
    return {a ? a->number : 0, -1};
}
} // namespace

int sceneIndex(const Project &project, Id sceneId) {
    for (int i = 0; i < project.scenes.size(); ++i)
        if (project.scenes[i].id == sceneId)
            return i;
    return -1;
}

QString titleCase(const QString &text) {
    QString out = text.toLower();
    bool start = true;
    for (QChar &c : out) {
        if (start && c.isLetter())
            c = c.toUpper();
        // An apostrophe does not start a word: "Brick's", not "Brick'S".
        start = !(c.isLetterOrNumber() || c == QLatin1Char('\''));
    }
    return out;
}

QString wardrobeFor(const Project &project, const Character &character, Id sceneId) {
    const Scene *scene = project.scene(sceneId);
    if (!scene || character.wardrobeChanges.isEmpty())
        return character.wardrobe;
    const Act *act = project.act(scene->actId);
    const std::pair<int, int> here{act ? act->number : 0, sceneIndex(project, sceneId)};
    const WardrobeChange *best = nullptr;
    std::pair<int, int> bestStart{-1, -2};
    for (const WardrobeChange &change : character.wardrobeChanges) {
        const auto start = changeStart(project, change);
        if (start <= here && start >= bestStart) {
            best = &change;
            bestStart = start;
        }
    }
    return best ? best->wardrobe : character.wardrobe;
}

QString appearanceTokens(const Character &character) {
    QStringList parts;
    appendPart(parts, titleCase(character.name));
    appendPart(parts, character.age);
    appendPart(parts, character.build);
    appendPart(parts, character.face);
    appendPart(parts, character.hair);
    appendPart(parts, character.distinctiveMarks);
    return parts.join(QStringLiteral(", "));
}

QString signatureColourWords(const Character &character) {
    QStringList names;
    for (const QString &hex : character.signatureColours) {
        const QString name = colourName(hex);
        if (!name.isEmpty() && !names.contains(name))
            names.append(name);
    }
    return names.join(QStringLiteral(" and "));
}

QString identityTokens(const Project &project, const Character &character, Id sceneId) {
    QStringList parts{appearanceTokens(character)};
    appendPart(parts, wardrobeFor(project, character, sceneId), QStringLiteral("wearing "));
    appendPart(parts, signatureColourWords(character), QStringLiteral("signature colours "));
    return parts.join(QStringLiteral(", "));
}

QString locationTokens(const Project &project, const Location &location) {
    static const QRegularExpression sentenceSplit(QStringLiteral("(?<=[.!?:])\\s+"));
    static const QRegularExpression capitals(QStringLiteral("\\b[A-Z]{3,}\\b"));
    QStringList description;
    for (const QString &sentence : location.description.split(sentenceSplit, Qt::SkipEmptyParts)) {
        bool person = capitals.match(sentence).hasMatch();
        for (const Character &c : project.characters) {
            for (const QString &word : c.name.split(QLatin1Char(' '), Qt::SkipEmptyParts))
                person = person || (word.size() >= 4 && sentence.contains(word, Qt::CaseInsensitive));
        }
        if (!person)
            description.append(sentence);
    }
    QStringList parts;
    appendPart(parts, titleCase(location.name));
    appendPart(parts, description.join(QLatin1Char(' ')));
    appendPart(parts, location.architecture);
    appendPart(parts, location.setDressing);
    appendPart(parts, location.lightSources, QStringLiteral("lit by "));
    return parts.join(QStringLiteral(", "));
}

} // namespace shotcraft::dna
