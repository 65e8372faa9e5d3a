#include "story/Lexicon.h"

#include <QHash>
#include <QSet>

#include <array>

namespace shotcraft::story {

namespace {

struct WordList {
    const char *name;
    std::initializer_list<const char *> words;
};

QSet<QString> toSet(std::initializer_list<const char *> words) {
    QSet<QString> s;
    for (const char *w : words)
        s.insert(QString::fromLatin1(w));
    return s;
}

// Genre evidence. Names follow resources/cinema/genres.json.
const QList<std::pair<QString, QSet<QString>>> &genreWords() {
    static const QList<std::pair<QString, QSet<QString>>> lists = {
        {QStringLiteral("action"), toSet({"gun", "guns", "explosion", "explodes", "chase", "punch", "punches",
                                          "shoots", "fires", "bullets", "grenade", "sniper", "kicks",
                                          "crashes", "firefight", "rifle", "pistol", "shotgun", "swat"})},
        {QStringLiteral("thriller"),
         toSet({"killer", "murder", "detective", "suspect", "evidence", "victim", "hostage", "kidnapped",
                "conspiracy", "stalker", "police", "fbi", "investigation", "body", "alibi"})},
        {QStringLiteral("horror"),
         toSet({"blood", "scream", "screams", "corpse", "demon", "ghost", "possessed", "monster", "terror",
                "creature", "zombie", "haunted", "severed", "shrieks"})},
        {QStringLiteral("romance"),
         toSet({"kiss", "kisses", "kissing", "darling", "wedding", "marry", "romantic", "sweetheart",
                "lovers", "honeymoon", "flowers", "daffodils", "proposal"})},
        {QStringLiteral("science fiction"),
         toSet({"spaceship", "planet", "robot", "laser", "alien", "aliens", "android", "starship", "galaxy",
                "hologram", "cyborg", "orbit", "warp", "spacecraft"})},
        {QStringLiteral("western"),
         toSet({"horse", "saloon", "sheriff", "ranch", "cowboy", "revolver", "outlaw", "stagecoach",
                "frontier", "posse", "cattle", "prairie"})},
        {QStringLiteral("comedy"), toSet({"laughs", "joke", "jokes", "funny", "hilarious", "silly", "awkward",
                                          "embarrassed", "grins", "ridiculous", "dumb", "giggles"})},
        {QStringLiteral("fantasy"),
         toSet({"giant", "witch", "magic", "magical", "dragon", "spell", "enchanted", "mermaid", "fairy",
                "wizard", "legend", "curse", "kingdom", "werewolf", "circus", "myth", "fairytale", "spell",
                "ogre"})},
        {QStringLiteral("noir"), toSet({"dame", "fedora", "gumshoe", "nightclub", "racket", "mobster",
                                        "gangster", "crooked", "cigarette", "smoke", "shadows"})},
    };
    return lists;
}

// Moods, named as resources/cinema/emotions.json names emotions.
const QList<std::pair<QString, QSet<QString>>> &moodWords() {
    static const QList<std::pair<QString, QSet<QString>>> lists = {
        {QStringLiteral("tension"),
         toSet({"tense", "nervous", "waits", "silence", "freezes", "careful", "carefully", "sneaks",
                "watches", "hesitates", "holds", "breath", "sweat", "ticking", "quietly"})},
        {QStringLiteral("danger"),
         toSet({"gun", "shoots", "fires", "explosion", "attack", "attacks", "runs", "chase", "knife",
                "bullets", "crash", "crashes", "falls", "fight", "sniper", "bleeding"})},
        {QStringLiteral("grief"), toSet({"cries", "crying", "tears", "dies", "died", "dead", "death",
                                         "funeral", "grave", "mourning", "sobs", "dying", "loss", "sorry"})},
        {QStringLiteral("joy"), toSet({"laughs", "laughing", "smiles", "smiling", "cheers", "celebrate",
                                       "party", "dances", "happy", "grins", "applause", "beer"})},
        {QStringLiteral("love"), toSet({"kiss", "kisses", "love", "loves", "embrace", "embraces", "holds",
                                        "tender", "gently", "wedding", "darling", "heart"})},
        {QStringLiteral("dread"), toSet({"dark", "darkness", "shadow", "shadows", "creepy", "eerie", "fog",
                                         "scream", "blood", "corpse", "alone", "whisper", "whispers"})},
        {QStringLiteral("anger"), toSet({"angry", "furious", "yells", "shouts", "slams", "rage", "screams",
                                         "hate", "punches", "storms"})},
        {QStringLiteral("wonder"), toSet({"amazed", "wonder", "magic", "magical", "giant", "beautiful",
                                          "stars", "impossible", "glowing", "enchanted", "mermaid", "awe"})},
        {QStringLiteral("nostalgia"),
         toSet({"remember", "remembers", "memory", "memories", "years", "childhood", "photograph", "old",
                "once", "story", "stories", "young"})},
        {QStringLiteral("isolation"),
         toSet({"alone", "empty", "lonely", "nobody", "abandoned", "silent", "lost", "distant"})},
        {QStringLiteral("hope"),
         toSet({"hope", "promise", "tomorrow", "sunrise", "dawn", "begin", "believe", "finally"})},
    };
    return lists;
}

const QSet<QString> &propWords() {
    static const QSet<QString> s = toSet(
        {"letter", "letters",    "phone",     "telephone", "gun",      "pistol",   "rifle",     "knife",
         "photo",  "photograph", "photos",    "ring",      "key",      "keys",     "card",      "watch",
         "glass",  "bottle",     "book",      "map",       "envelope", "note",     "money",     "cash",
         "beer",   "beers",      "cigarette", "scope",     "badge",    "file",     "newspaper", "camera",
         "candle", "candles",    "wallet",    "briefcase", "suitcase", "bag",      "box",       "gift",
         "cake",   "pills",      "syringe",   "radio",     "laptop",   "computer", "tv",        "television",
         "mirror", "clock",      "coin",      "ticket",    "passport", "flower",   "flowers",   "daffodils",
         "fish",   "necklace",   "locket",    "diary",     "journal",  "cup",      "mug",       "plate",
         "fork",   "spoon",      "umbrella",  "lighter",   "matches",  "drugs",    "props",     "shoe",
         "shoes",  "hat",        "eye",       "glasses",   "bracelet", "medal",    "trophy",    "mask",
         "sword",  "bomb",       "detonator", "remote",    "dice",     "chips",    "contract",  "check",
         "cheque", "painting",   "sign",      "poster",    "guitar",   "piano",    "chair"});
    return s;
}

const QSet<QString> &emotionWords() {
    static const QSet<QString> s =
        toSet({"cries",     "crying",  "tears",     "sobs",       "stunned",  "shocked", "gasps",  "smiles",
               "laughs",    "screams", "angry",     "furious",    "whispers", "stares",  "beat",   "silence",
               "trembling", "shaking", "horrified", "devastated", "love",     "sorry",   "dead",   "dies",
               "kiss",      "kisses",  "pause",     "realizes",   "realises", "breaks",  "frozen", "freezes",
               "hurt",      "afraid",  "scared",    "hate",       "goodbye",  "forgive", "please", "never",
               "tearful",   "quietly", "emotional"});
    return s;
}

const QSet<QString> &lightWords() {
    static const QSet<QString> s = toSet(
        {"lamp",      "lamps",      "candle",     "candles",    "fire",    "fireplace",   "window",
         "windows",   "neon",       "moon",       "moonlight",  "sun",     "sunlight",    "headlights",
         "tv",        "television", "flashlight", "torch",      "lantern", "streetlight", "streetlights",
         "spotlight", "campfire",   "bulb",       "chandelier", "lights"});
    return s;
}

} // namespace

QStringList wordsOf(const QString &text) {
    QStringList words;
    QString current;
    for (const QChar c : text) {
        if (c.isLetter() || (c == u'\'' && !current.isEmpty())) {
            current.append(c.toLower());
        } else if (!current.isEmpty()) {
            words.append(current);
            current.clear();
        }
    }
    if (!current.isEmpty())
        words.append(current);
    // Possessives count as the word itself ("the giant's hand" names a giant).
    for (QString &w : words)
        if (w.endsWith(QLatin1String("'s")))
            w.chop(2);
    return words;
}

GenreGuess guessGenreFromText(const QString &text) {
    const QStringList words = wordsOf(text);
    GenreGuess best;
    double bestScore = 0.0;
    for (const auto &[genre, list] : genreWords()) {
        QHash<QString, int> hits;
        int total = 0;
        for (const QString &w : words) {
            if (list.contains(w)) {
                ++hits[w];
                ++total;
            }
        }
        // Distinct words count more than one word repeated: a script that says "love" often is not
        // a romance for it; per-thousand-words so that long and short scripts compare.
        const double score =
            (double(hits.size()) * 3.0 + total) * 1000.0 / std::max<qsizetype>(words.size(), 200);
        if (score > bestScore && hits.size() >= 3) {
            bestScore = score;
            best.genre = genre;
            best.evidence = hits.keys();
            best.evidence.sort();
        }
    }
    if (bestScore < 2.0)
        return GenreGuess{};
    return best;
}

QString moodOf(const QString &text, int *score) {
    const QStringList words = wordsOf(text);
    QString best = QStringLiteral("neutral");
    int bestHits = 0;
    for (const auto &[mood, list] : moodWords()) {
        int hits = 0;
        for (const QString &w : words)
            hits += list.contains(w) ? 1 : 0;
        if (hits > bestHits) {
            bestHits = hits;
            best = mood;
        }
    }
    int exclaim = 0;
    for (const QChar c : text)
        exclaim += c == u'!' ? 1 : 0;
    if (score)
        *score = bestHits + exclaim / 2;
    return best;
}

Weather weatherOf(const QString &text, bool exterior) {
    const QStringList words = wordsOf(text);
    const QSet<QString> set(words.cbegin(), words.cend());
    auto any = [&](std::initializer_list<const char *> list) {
        for (const char *w : list)
            if (set.contains(QLatin1String(w)))
                return true;
        return false;
    };
    if (any({"storm", "thunder", "lightning", "hurricane", "tornado", "gale"}))
        return Weather::Storm;
    if (any({"rain", "raining", "rains", "downpour", "drizzle", "wet", "puddles", "umbrella"}))
        return Weather::Rain;
    if (any({"snow", "snowing", "blizzard", "sleet", "frost", "icy"}))
        return Weather::Snow;
    if (any({"fog", "foggy", "mist", "misty"}))
        return Weather::Fog;
    if (any({"haze", "hazy", "smoke", "smoky", "dust", "dusty", "smog"}))
        return Weather::Haze;
    if (any({"overcast", "clouds", "cloudy", "grey", "gray", "gloomy"}) && exterior)
        return Weather::Overcast;
    return Weather::Clear;
}

QStringList propsNamed(const QString &text, int limit) {
    QStringList out;
    for (const QString &w : wordsOf(text)) {
        if (out.size() >= limit)
            break;
        if (propWords().contains(w) && !out.contains(w))
            out.append(w);
    }
    return out;
}

int emotionalWeight(const QString &text) {
    int weight = 0;
    for (const QString &w : wordsOf(text))
        weight += emotionWords().contains(w) ? 1 : 0;
    for (const QChar c : text)
        weight += c == u'!' ? 1 : 0;
    return weight;
}

QStringList lightSourcesNamed(const QString &text) {
    QStringList out;
    for (const QString &w : wordsOf(text))
        if (lightWords().contains(w) && !out.contains(w))
            out.append(w);
    return out;
}

} // namespace shotcraft::story
