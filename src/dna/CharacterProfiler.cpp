#include "dna/CharacterProfiler.h"

#include <QCryptographicHash>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <numeric>

namespace shotcraft::dna {

namespace {

QString decadeWord(int years) {
    static const char *const kDecades[] = {"",        "teens",   "twenties",  "thirties", "forties",
                                           "fifties", "sixties", "seventies", "eighties", "nineties"};
    const int d = std::clamp(years / 10, 0, 9);
    return QLatin1String(kDecades[d]);
}

QString ageFromYears(int years, const QString &pronoun) {
    if (years < 3)
        return QStringLiteral("a toddler");
    if (years < 13)
        return QStringLiteral("a child of about %1").arg(years);
    if (years < 20)
        return QStringLiteral("a teenager of about %1").arg(years);
    return QStringLiteral("in %1 %2").arg(pronoun, decadeWord(years));
}

QString pronounOf(const QString &text) {
    static const QRegularExpression he(QStringLiteral("\\b(he|his|him|himself|man|boy|father|husband|son|"
                                                      "brother|guy|gentleman|mr)\\b"),
                                       QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression she(QStringLiteral("\\b(she|her|hers|herself|woman|girl|mother|wife|"
                                                       "daughter|sister|lady|bride|mrs|ms|miss)\\b"),
                                        QRegularExpression::CaseInsensitiveOption);
    const auto m = he.match(text);
    const auto f = she.match(text);
    if (m.hasMatch() && (!f.hasMatch() || m.capturedStart() < f.capturedStart()))
        return QStringLiteral("his");
    if (f.hasMatch())
        return QStringLiteral("her");
    return QStringLiteral("their");
}

// The clauses of a description: split at sentence and clause punctuation and em-dashes.
QStringList clausesOf(const QString &text) {
    static const QRegularExpression split(QStringLiteral("[.;:!?,()]|--|—"));
    QStringList out;
    for (const QString &c : text.split(split, Qt::SkipEmptyParts)) {
        const QString t = c.simplified();
        if (!t.isEmpty())
            out.append(t);
    }
    return out;
}

// The first clause mentioning one of `words`, trimmed to the words around the hit.
QString clauseWith(const QStringList &clauses, const QRegularExpression &words) {
    for (const QString &clause : clauses) {
        const auto m = words.match(clause);
        if (!m.hasMatch())
            continue;
        // Keep the phrase around the hit, cut at the nearest joining word on either side: "long silver
        // hair" from "a tall woman with long silver hair, ...", not the whole sentence.
        static const QRegularExpression boundary(
            QStringLiteral("^(x|with|wearing|wears|has|have|had|is|are|was|who|which|and|but|sits|stands|"
                           "seems|looks)$"),
            QRegularExpression::CaseInsensitiveOption);
        const QStringList tokens = clause.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        const int hitWord = int(clause.left(m.capturedStart()).count(QLatin1Char(' ')));
        int from = std::max(0, hitWord - 4);
        for (int i = hitWord - 1; i >= from; --i) {
            if (boundary.match(tokens[i]).hasMatch()) {
                from = i + 1;
                break;
            }
        }
        int to = std::min(int(tokens.size()), hitWord + 6);
        for (int i = hitWord + 1; i < to; ++i) {
            if (boundary.match(tokens[i]).hasMatch()) {
                to = i;
                break;
            }
        }
        QStringList picked = tokens.mid(from, to - from);
        static const QRegularExpression lead(QStringLiteral("^(a|an|the|his|her|their)$"),
                                             QRegularExpression::CaseInsensitiveOption);
        while (!picked.isEmpty() && lead.match(picked.first()).hasMatch())
            picked.removeFirst();
        return picked.join(QLatin1Char(' ')).toLower();
    }
    return QString();
}

QRegularExpression wordsRe(const char *alternatives) {
    return QRegularExpression(QStringLiteral("\\b(") + QLatin1String(alternatives) + QStringLiteral(")\\b"),
                              QRegularExpression::CaseInsensitiveOption);
}

quint32 nameHash(const QString &name) {
    const QByteArray h = QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha1);
    return (quint32(quint8(h[0])) << 24) | (quint32(quint8(h[1])) << 16) | (quint32(quint8(h[2])) << 8) |
           quint32(quint8(h[3]));
}

template <size_t N> QString pick(const char *const (&options)[N], quint32 hash, int salt) {
    return QLatin1String(options[(hash / (salt * 7 + 1)) % N]);
}

} // namespace

QString focusOn(const QString &name, const QString &description, QString *pronoun) {
    // Where the name (or one of its words, as in "JULIUS BENNETT" for "DR. BENNETT") first appears.
    static const QRegularExpression capsBlock(QStringLiteral("\\b[A-Z][A-Z'.-]+(?:\\s+[A-Z][A-Z'.-]+)*\\b"));
    static const QRegularExpression honorific(
        QStringLiteral("^(DR\\.?|MR\\.?|MRS\\.?|MS\\.?|YOUNG|OLD|ADULT|LITTLE|THE)$"));
    qsizetype at = description.indexOf(name, 0, Qt::CaseSensitive);
    if (at < 0) {
        for (const QString &word : name.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (word.size() < 3 || honorific.match(word).hasMatch())
                continue;
            const QRegularExpression re(QStringLiteral("\\b") + QRegularExpression::escape(word) +
                                        QStringLiteral("\\b"));
            const auto m = re.match(description);
            if (m.hasMatch()) {
                at = m.capturedStart();
                break;
            }
        }
    }
    if (at < 0) {
        *pronoun = pronounOf(description);
        return description;
    }
    // The caps block holding the name ("EDWARD BLOOM"), then the words after it up to the next
    // person or the end of the sentence, and the few words before it ("Redheaded", "his mother").
    auto block = capsBlock.match(description, at);
    const qsizetype nameEnd =
        block.hasMatch() && block.capturedStart() == at ? block.capturedEnd() : at + name.size();
    qsizetype end = description.size();
    static const QRegularExpression sentenceEnd(
        QStringLiteral("(?<!\\bDr)(?<!\\bMr)(?<!\\bMrs)(?<!\\bMs)(?<!\\bSt)[.!?](?:\\s|$)"));
    if (const auto e = sentenceEnd.match(description, nameEnd); e.hasMatch())
        end = e.capturedStart() + 1;
    for (auto it = capsBlock.globalMatch(description, nameEnd); it.hasNext();) {
        const auto m = it.next();
        if (m.capturedStart() >= end)
            break;
        static const QRegularExpression notPerson(QStringLiteral("^(AGE|AKA|I|A|TV|OK)$"));
        if (m.capturedLength() >= 2 && !notPerson.match(m.captured()).hasMatch()) {
            end = m.capturedStart();
            break;
        }
    }
    QStringList after = description.mid(nameEnd, end - nameEnd).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (after.size() > 18)
        after = after.mid(0, 18); // descriptions follow the name closely; further on is the action
    qsizetype start = at;
    int words = 0;
    while (start > 0 && words < 3) {
        const QChar c = description.at(start - 1);
        if (c == QLatin1Char('.') || c == QLatin1Char('!') || c == QLatin1Char('?') || c == QLatin1Char(':'))
            break;
        if (c == QLatin1Char(' ') && start - 1 < at - 1)
            ++words;
        --start;
    }
    const QString before = description.mid(start, at - start).simplified();
    // A noun just before the name decides the pronoun ("his mother SANDRA"), else the words after it.
    static const QRegularExpression she(
        QStringLiteral("\\b(mother|wife|daughter|sister|woman|girl|lady|bride|"
                       "grandmother|aunt|girlfriend|niece|queen|actress)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression he(QStringLiteral("\\b(father|husband|son|brother|man|boy|guy|gentleman|"
                                                      "grandfather|uncle|boyfriend|nephew|king)\\b"),
                                       QRegularExpression::CaseInsensitiveOption);
    const QString afterText = after.join(QLatin1Char(' '));
    if (she.match(before).hasMatch())
        *pronoun = QStringLiteral("her");
    else if (he.match(before).hasMatch())
        *pronoun = QStringLiteral("his");
    else
        *pronoun = pronounOf(afterText + QLatin1Char(' ') + before);
    return before + QStringLiteral(" X ") + afterText;
}

AppearanceTraits readAppearance(const QString &name, const QString &description) {
    AppearanceTraits t;
    // Only the part of the sentence about this person, with the name itself replaced so "BRICK"
    // never reads as a hair colour or a build.
    QString text = focusOn(name, description, &t.pronoun);

    // "AGE 3", "now 17", "40's", "20 years old", "(30)", ", 8," -- never a bare number elsewhere.
    static const QRegularExpression explicitAge(
        QStringLiteral("(?:\\b(?:age[sd]?|now)\\s*(\\d{1,2})\\b)|(?:\\b(\\d{1,2})\\s*'?s\\b)|"
                       "(?:\\b(\\d{1,2})\\s*(?:years?|yrs?)\\b)|(?:[,(]\\s*(\\d{1,2})\\s*[,)])"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression wordAge(
        QStringLiteral("\\b(early|mid|late)?[- ]?(twenties|thirties|forties|"
                       "fifties|sixties|seventies|eighties|nineties)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression lifeStage(
        wordsRe("retired|retiree|elderly|old|aging|ageing|grandmother|"
                "grandfather|teenage|teenager|young|baby|newborn|infant|"
                "kid|child|middle-aged"));
    static const QRegularExpression yearOld(
        QStringLiteral("\\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|"
                       "ninety)[- ]years?[- ]old\\b"),
        QRegularExpression::CaseInsensitiveOption);
    static const QStringList tens{QStringLiteral("twenty"), QStringLiteral("thirty"),
                                  QStringLiteral("forty"),  QStringLiteral("fifty"),
                                  QStringLiteral("sixty"),  QStringLiteral("seventy"),
                                  QStringLiteral("eighty"), QStringLiteral("ninety")};
    if (const auto y = yearOld.match(text); y.hasMatch()) {
        t.age = ageFromYears(int(tens.indexOf(y.captured(1).toLower()) + 2) * 10, t.pronoun);
    } else if (const auto m = wordAge.match(text); m.hasMatch()) {
        t.age = QStringLiteral("in %1 %2%3")
                    .arg(t.pronoun,
                         m.captured(1).isEmpty() ? QString() : m.captured(1).toLower() + QLatin1Char(' '),
                         m.captured(2).toLower());
    } else if (const auto a = explicitAge.match(text); a.hasMatch()) {
        int years = 0;
        for (int g = 1; g <= 4 && years == 0; ++g)
            years = a.captured(g).toInt();
        if (years > 0)
            t.age = ageFromYears(years, t.pronoun);
    } else if (const auto l = lifeStage.match(text); l.hasMatch()) {
        const QString w = l.captured(1).toLower();
        if (w.startsWith(QLatin1String("retir")))
            t.age = QStringLiteral("in %1 sixties").arg(t.pronoun);
        else if (w == QLatin1String("elderly") || w == QLatin1String("old") ||
                 w.startsWith(QLatin1String("grand")))
            t.age = QStringLiteral("in %1 seventies").arg(t.pronoun);
        else if (w == QLatin1String("aging") || w == QLatin1String("ageing") ||
                 w == QLatin1String("middle-aged"))
            t.age = QStringLiteral("in %1 fifties").arg(t.pronoun);
        else if (w.startsWith(QLatin1String("teen")))
            t.age = QStringLiteral("a teenager");
        else if (w == QLatin1String("young"))
            t.age = QStringLiteral("in %1 twenties").arg(t.pronoun);
        else if (w == QLatin1String("baby") || w == QLatin1String("newborn") || w == QLatin1String("infant"))
            t.age = QStringLiteral("a baby");
        else
            t.age = QStringLiteral("a child");
    }

    const QStringList clauses = clausesOf(text);
    t.build =
        clauseWith(clauses, wordsRe("tall|short|heavyset|muscular|thin|lanky|stocky|burly|petite|slender|"
                                    "wiry|fat|overweight|athletic|skinny|portly|massive|giant|huge|tiny|"
                                    "slight|hulking|broad-shouldered|pudgy|chubby|frail|gaunt|towering"));
    t.hair =
        clauseWith(clauses, wordsRe("hair|haired|bald|balding|ponytail|braids?|blonde?|redheaded|redhead|"
                                    "brunette|curls|curly|dreadlocks|mohawk|buzz ?cut|crew ?cut|shaved head|"
                                    "grey-haired|gray-haired"));
    t.face =
        clauseWith(clauses, wordsRe("face|eyes|jaw|freckles|freckled|wrinkles|wrinkled|weathered|beard|"
                                    "bearded|moustache|mustache|stubble|handsome|beautiful|pretty|gorgeous|"
                                    "cheekbones|smile|braces|lips|complexion|pale|tanned"));
    static const QRegularExpression wearing(
        QStringLiteral(
            "\\b(?:wearing|wears|dressed in|dressed as|clad in|in (?:a|an|his|her|their) "
            "(?=[\\w -]*\\b(?:suit|dress|shirt|jacket|coat|uniform|robe|gown|apron|overalls|sweater|"
            "hoodie|tuxedo|scrubs|vest|jeans|t-shirt|hat|cap|boots|tie|blazer|skirt|pajamas|"
            "pyjamas|bathrobe|trench|leather)))([^.;:!?()]{3,60})"),
        QRegularExpression::CaseInsensitiveOption);
    if (const auto w = wearing.match(text); w.hasMatch())
        t.wardrobe = w.captured(1).simplified().toLower();
    else
        t.wardrobe =
            clauseWith(clauses, wordsRe("suit|dress|shirt|jacket|coat|uniform|robe|gown|apron|overalls|"
                                        "sweater|hoodie|tuxedo|scrubs|vest|jeans|t-shirt|blazer|"
                                        "skirt|pajamas|pyjamas|bathrobe|trench coat"));
    t.marks =
        clauseWith(clauses, wordsRe("scar|scarred|tattoo|tattooed|eyepatch|eye patch|glasses|spectacles|"
                                    "limp|limps|cane|birthmark|missing|piercing|pierced|prosthetic|mole|"
                                    "wheelchair|crutch|crutches|hook|braces|cast|bandage|bandaged"));
    return t;
}

void assignRoles(QList<Character> &characters, const QList<Shot> &shots) {
    QHash<Id, int> framed;
    for (const Shot &s : shots)
        for (const Blocking &b : s.blocking)
            ++framed[b.characterId];
    int top = 0;
    for (const Character &c : characters)
        top = std::max(top, c.dialogueCount);
    // Order by dialogue weight (ties by time in frame) so "the few at the top" is well defined.
    QList<int> order(characters.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const Character &ca = characters[a];
        const Character &cb = characters[b];
        if (ca.dialogueCount != cb.dialogueCount)
            return ca.dialogueCount > cb.dialogueCount;
        return framed.value(ca.id) > framed.value(cb.id);
    });
    int principals = 0;
    for (int index : order) {
        Character &c = characters[index];
        const bool carries = top > 0 && c.dialogueCount >= std::max(3, int(top * 0.35));
        if (carries && principals < 4) {
            c.role = CharacterRole::Principal;
            ++principals;
        } else if (c.dialogueCount >= 3 || (c.dialogueCount >= 1 && framed.value(c.id) >= 3)) {
            c.role = CharacterRole::Supporting;
        } else {
            c.role = CharacterRole::Minor;
        }
    }
}

void fillAppearance(Character &character, const ProjectInfo &info, const QList<Character> &others) {
    const AppearanceTraits t = readAppearance(character.name, character.description);
    const quint32 h = nameHash(character.name);
    const QString pronoun = t.pronoun;

    static const char *const kAges[] = {"twenties", "thirties", "forties", "fifties"};
    static const char *const kBuildsPrincipal[] = {"lean, athletic build", "solid, broad-shouldered build",
                                                   "wiry, compact build", "tall, rangy build"};
    static const char *const kBuildsOther[] = {"average build", "stocky build", "slight build", "tall build",
                                               "heavyset build"};
    static const char *const kFaces[] = {
        "angular face with a strong jaw", "open, round face with warm eyes",
        "narrow face with deep-set eyes", "weathered face with a crooked nose",
        "soft features and a wide mouth", "sharp cheekbones and a steady gaze",
        "freckled face with a snub nose", "long face with heavy brows and a cleft chin"};
    static const char *const kHair[] = {"short dark-brown hair",
                                        "close-cropped black hair",
                                        "shoulder-length auburn hair",
                                        "sandy hair swept back",
                                        "greying hair cut short",
                                        "thick curly black hair",
                                        "straight blond hair to the collar",
                                        "salt-and-pepper hair, neatly parted"};
    static const char *const kWardrobe[] = {
        "a worn canvas jacket over a plain shirt", "a dark wool coat and knit scarf",
        "a faded denim shirt and work boots",      "a rumpled grey suit with a loosened tie",
        "a muted cardigan over a collared shirt",  "a leather jacket and jeans",
        "a plaid flannel shirt and corduroys",     "a navy pea coat over a turtleneck",
        "a crisp white shirt and dark slacks",     "a patterned sweater and khakis"};

    auto fill = [](QString &field, const QString &value) {
        if (field.trimmed().isEmpty())
            field = value;
    };
    // A default nobody else in the film has yet, so two undescribed people never look alike.
    auto distinct = [&](auto &options, int salt, QString Character::*field) {
        const int n = int(std::size(options));
        const int first = int((h / quint32(salt * 7 + 1)) % quint32(n));
        for (int i = 0; i < n; ++i) {
            const QString candidate = QLatin1String(options[(first + i) % n]);
            const bool used = std::any_of(others.cbegin(), others.cend(), [&](const Character &o) {
                return o.id != character.id && o.*field == candidate;
            });
            if (!used)
                return candidate;
        }
        return QString(QLatin1String(options[first]));
    };
    // A bare number from the breakdown ("85") reads better to an image model as words.
    static const QRegularExpression bareAge(QStringLiteral("^\\s*(\\d{1,2})\\s*'?s?\\s*$"));
    if (const auto m = bareAge.match(character.age); m.hasMatch())
        character.age = ageFromYears(m.captured(1).toInt(), pronoun);
    fill(character.age, t.age.isEmpty() ? QStringLiteral("in %1 %2").arg(pronoun, pick(kAges, h, 1)) : t.age);
    if (character.build.trimmed().isEmpty())
        character.build = !t.build.isEmpty() ? t.build
                          : character.role == CharacterRole::Principal
                              ? distinct(kBuildsPrincipal, 2, &Character::build)
                              : distinct(kBuildsOther, 2, &Character::build);
    if (character.face.trimmed().isEmpty())
        character.face = t.face.isEmpty() ? distinct(kFaces, 3, &Character::face) : t.face;
    if (character.hair.trimmed().isEmpty())
        character.hair = t.hair.isEmpty() ? distinct(kHair, 4, &Character::hair) : t.hair;
    if (character.wardrobe.trimmed().isEmpty()) {
        QString wardrobe = t.wardrobe.isEmpty() ? distinct(kWardrobe, 5, &Character::wardrobe) : t.wardrobe;
        if (t.wardrobe.isEmpty() && !info.period.isEmpty())
            wardrobe += QStringLiteral(", cut in the style of the ") + info.period;
        character.wardrobe = wardrobe;
    }
    // Marks are never invented: a scar the script never mentions would be a continuity error.
    fill(character.distinctiveMarks, t.marks);
}

} // namespace shotcraft::dna
