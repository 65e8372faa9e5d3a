#include "support/ScriptGenerator.h"

#include <array>

namespace shotcraft::test {

namespace {

// A small linear congruential generator: unlike std::uniform_int_distribution its sequence is the
// same on every standard library, so the script is byte-identical everywhere.
class Dice {
public:
    explicit Dice(quint32 seed)
        : m_state(seed * 2654435761u + 1u) {}
    int below(int n) {
        m_state = m_state * 1664525u + 1013904223u;
        return static_cast<int>((m_state >> 8) % static_cast<quint32>(n));
    }
    template <typename T, std::size_t N> const T &pick(const std::array<T, N> &from) {
        return from[static_cast<std::size_t>(below(static_cast<int>(N)))];
    }

private:
    quint32 m_state;
};

constexpr std::array<const char *, 24> kCast = {
    "AVA MORROW",     "DECLAN HALE",   "PRIYA SHAH",  "OSCAR BELL",   "NINA KOVAC",  "FELIX ADEYEMI",
    "RUTH ABERNATHY", "SAMUEL OKAFOR", "LENA VOSS",   "MARCUS REED",  "IRIS QUILL",  "THEO LANGE",
    "GRETA HOLM",     "JONAH PIKE",    "YARA NASSER", "CALLUM FROST", "MEI TANAKA",  "HUGO BRANDT",
    "ELSIE WREN",     "RAFAEL SOUZA",  "AGNES MOORE", "VIKTOR SOREN", "DINAH CROSS", "TOBIAS KEANE"};

constexpr std::array<const char *, 14> kPlaces = {
    "HALE HOUSE - KITCHEN", "CITY NEWSROOM",   "RIVERSIDE DOCKS",          "POLICE STATION - BULLPEN",
    "MORROW APARTMENT",     "ALL-NIGHT DINER", "TRAIN STATION - PLATFORM", "COUNTY HOSPITAL - CORRIDOR",
    "ROOFTOP GARDEN",       "PAWNSHOP",        "ABANDONED MILL",           "COURTHOUSE STEPS",
    "MOTEL ROOM 12",        "HIGHWAY OVERPASS"};

constexpr std::array<const char *, 6> kTimes = {"DAY", "NIGHT", "DAWN", "DUSK", "LATER", "CONTINUOUS"};

constexpr std::array<const char *, 12> kAction = {
    "Rain streaks the windows. A radio murmurs the late news to nobody.",
    "%1 comes in fast, shaking water off a coat that has seen better winters.",
    "Papers everywhere. %1 sweeps a space clear with one arm and sits.",
    "A freight train rolls past, close enough to rattle the cups.",
    "%1 stops in the doorway, taking in the room before stepping inside.",
    "Neon buzzes overhead, pink then blue then pink again.",
    "%1 slides a photograph across the table, face down.",
    "Footsteps on the stairs. Everyone goes very still.",
    "%1 lights a match, watches it burn down, shakes it out.",
    "The phone rings twice and stops. %1 stares at it.",
    "Somewhere below, a dog barks at the traffic.",
    "%1 pockets the key without looking at it."};

constexpr std::array<const char *, 16> kLines = {"You said it would be over by now.",
                                                 "I said a lot of things. Some of them were even true.",
                                                 "Where were you on Thursday night?",
                                                 "Ask me something you don't already know.",
                                                 "We can't stay here. They'll check the docks first.",
                                                 "Then we go where nobody thinks to look.",
                                                 "I kept the letter. I don't know why.",
                                                 "Because you wanted to be found.",
                                                 "Sit down. Please. Just for a minute.",
                                                 "Every time I trust you, something catches fire.",
                                                 "It was the only way to get him to talk.",
                                                 "Tell me the name and I'll leave you alone.",
                                                 "You look tired.",
                                                 "I haven't slept since the bridge.",
                                                 "Nobody owes anybody anything in this town.",
                                                 "Then why are you still here?"};

constexpr std::array<const char *, 6> kParentheticals = {
    "(quietly)", "(beat)", "(not looking up)", "(to herself)", "(a little too fast)", "(smiling)"};
constexpr std::array<const char *, 3> kExtensions = {" (V.O.)", " (O.S.)", " (CONT'D)"};
constexpr std::array<const char *, 3> kTransitions = {"CUT TO:", "SMASH CUT TO:", "DISSOLVE TO:"};

QString latin(const char *s) {
    return QString::fromLatin1(s);
}

} // namespace

GeneratedScript generateFeatureScript(int scenes, quint32 seed) {
    GeneratedScript out;
    Dice dice(seed);
    QString &t = out.text;
    t.reserve(scenes * 900);
    t += QStringLiteral("Title: THE LONG CORNER\nCredit: Written by\nAuthor: Generated fixture\n"
                        "Draft date: 1/1/2026\n\n");
    const int castSize = std::min<int>(static_cast<int>(kCast.size()), std::max(2, scenes / 2));
    for (int s = 0; s < scenes; ++s) {
        if (s % (scenes / 3 + 1) == 0)
            t += QStringLiteral("# ACT %1\n\n").arg(s / (scenes / 3 + 1) + 1);
        const bool exterior = dice.below(3) == 0;
        t += QStringLiteral("%1. %2 - %3\n\n")
                 .arg(exterior ? QStringLiteral("EXT") : QStringLiteral("INT"), latin(dice.pick(kPlaces)),
                      latin(dice.pick(kTimes)));
        ++out.scenes;
        // Two or three speakers per scene; scene s always brings in cast member s, so every one of
        // them speaks once the script is long enough.
        QStringList here{latin(kCast[static_cast<std::size_t>(s % castSize)])};
        const int extra = 1 + dice.below(2);
        while (here.size() < 1 + extra) {
            const QString other = latin(kCast[static_cast<std::size_t>(dice.below(castSize))]);
            if (!here.contains(other))
                here.append(other);
        }
        const QString lead = here.first().section(u' ', 0, 0);
        t += latin(dice.pick(kAction)).replace(QStringLiteral("%1"), lead.at(0) + lead.mid(1).toLower()) +
             QStringLiteral("\n\n");
        const int exchanges = 3 + dice.below(4);
        for (int e = 0; e < exchanges; ++e) {
            const QString &speaker = here.at(e % here.size());
            QString cue = speaker;
            if (dice.below(6) == 0)
                cue += latin(dice.pick(kExtensions));
            t += cue + u'\n';
            if (dice.below(4) == 0)
                t += latin(dice.pick(kParentheticals)) + u'\n';
            t += latin(dice.pick(kLines)) + QStringLiteral("\n\n");
            ++out.dialogueBlocks;
            if (!out.speakers.contains(speaker))
                out.speakers.append(speaker);
            if (dice.below(5) == 0)
                t += latin(dice.pick(kAction)).replace(QStringLiteral("%1"), QStringLiteral("Someone")) +
                     QStringLiteral("\n\n");
        }
        if (dice.below(4) == 0)
            t += latin(dice.pick(kTransitions)) + QStringLiteral("\n\n");
    }
    t += QStringLiteral("> THE END <\n");
    return out;
}

} // namespace shotcraft::test
