// Screenplay: a script as the importers read it (Fountain, Final Draft, prose), before any breakdown.
// Elements keep their source line ranges so that re-import and jump-to-script can find them again;
// the scene and character index is derived from the elements by rebuildIndex().
#pragma once

#include "domain/CinemaTypes.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <utility>

namespace shotcraft::story {

// The largest script any importer reads: a feature film is well under 1 MB, so this leaves room for
// anything real and still bounds memory and time on hostile input.
constexpr qsizetype kMaxScriptBytes = 64 * 1024 * 1024;

enum class ElementType {
    SceneHeading,
    Action,
    Character,
    Dialogue,
    Parenthetical,
    Transition,
    Lyrics,
    Section,
    Synopsis,
    PageBreak,
};

QString elementTypeName(ElementType type); // "scene-heading", "action", ...

struct ScriptElement {
    ElementType type = ElementType::Action;
    QString text;      // as written, emphasis markers kept (see Emphasis.h for the styled runs)
    int lineStart = 0; // 1-based, inclusive
    int lineEnd = 0;
    bool centered = false; // action written >like this<
    bool forced = false;   // forced with ! @ . > ~ or a Fountain marker
    bool dual = false;     // character cue of the second speaker of dual dialogue (^)
    QString sceneNumber;   // scene heading: #1A#
    int depth = 0;         // section: number of #
};

// A note [[...]]: kept beside the elements, since it is not part of the screenplay proper.
struct ScriptNote {
    QString text;
    int lineStart = 0;
    int lineEnd = 0;
};

struct ScreenplayScene {
    // The script's own scene number, else one that cannot collide with any written one: the running
    // count when free, else the previous scene's number with a letter ("2A", "2B"), as a script
    // supervisor inserts scenes.
    QString number;
    QString heading;
    InteriorExterior intExt = InteriorExterior::Interior;
    QString location;      // "BLOOM HOUSE KITCHEN" for "INT. BLOOM HOUSE KITCHEN - DAY"
    QString timeOfDayText; // "DAY", "NIGHT", "LATER", ... as written ("" if none)
    TimeOfDay timeOfDay = TimeOfDay::Unknown;
    QStringList modifiers; // "MOVING", "FLASHBACK", parsed out of the place
    QString intExtReason;  // why a heading without INT./EXT. was read as one or the other
    int lineStart = 0;
    int lineEnd = 0;
    int firstElement = 0;   // index of the heading in Screenplay::elements
    int elementEnd = 0;     // one past the scene's last element
    QStringList characters; // speaking characters, normalised, in order of first line
    int dialogueCount = 0;  // dialogue blocks (one per character cue)
};

struct ScreenplayCharacter {
    QString name;        // normalised: extensions stripped, upper case
    QStringList aliases; // other spellings merged into this one ("DR. BENNETT" -> "BENNETT")
    int dialogueCount = 0;
    int firstLine = 0;
    int sceneCount = 0;
};

struct Screenplay {
    QList<std::pair<QString, QString>> titlePage; // keys lower-cased, in written order
    QList<ScriptElement> elements;
    QList<ScriptNote> notes;
    QList<ScreenplayScene> scenes;
    QList<ScreenplayCharacter> characters; // most dialogue first
    QStringList warnings;                  // what the importer had to guess or repair
    int lineCount = 0;
    QHash<QString, QString> aliasOf; // normalised cue -> the character it was merged into

    QString titleValue(const QString &key) const;
    const ScreenplayCharacter *character(const QString &normalisedName) const;
    // The character a cue names after alias merging ("DR. BENNETT (CONT'D)" -> "BENNETT").
    QString canonicalCharacter(const QString &cue) const;
    // Derives scenes and characters from the elements (every importer ends here).
    void rebuildIndex();
};

// "EDWARD (V.O.) (CONT'D) ^" -> "EDWARD"; "@McCLANE" -> "MCCLANE".
QString normaliseCharacterName(const QString &cue);

// A scene number inserted after `previous` that is not in `taken` (upper case): "4" -> "4A", "4A"
// -> "4B" when "4A" is taken.
QString insertedSceneNumber(const QString &previous, const QSet<QString> &taken);

// A voice that is heard, not seen: a cue marked (V.O.), (O.S.), (O.C.), (ON RADIO), (ON THE PHONE),
// (FILTERED), or a speaker that is itself a device or a narrator (RADIO, PHONE, NARRATOR, ...).
// `parenthetical` is the line's own direction ("(over the radio)"), which can say the same.
bool isOffScreenVoice(const QString &cue, const QString &parenthetical = {});
// The device an off-screen voice comes through, lower case ("radio", "phone"), from the cue, the
// line's parenthetical or the scene's action; empty for a narrator or a voice from another room.
QString voiceDevice(const QString &cue, const QString &parenthetical, const QString &action = {});

struct ParsedHeading {
    InteriorExterior intExt = InteriorExterior::Interior;
    bool intExtWritten = false; // the heading said INT., EXT. or both
    QString location;
    QStringList modifiers; // "MOVING", "FLASHBACK": how the scene plays, not part of the place
    QString timeOfDayText;
    TimeOfDay timeOfDay = TimeOfDay::Unknown;
};
ParsedHeading parseHeading(const QString &heading);
// One place however many headings name it: "KITCHEN" for "KITCHEN - NIGHT" and "KITCHEN - LATER".
QString normaliseLocation(const QString &location);

} // namespace shotcraft::story
