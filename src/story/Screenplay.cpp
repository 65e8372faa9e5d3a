#include "story/Screenplay.h"

#include "story/PlaceName.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace shotcraft::story {

QString elementTypeName(ElementType type) {
    switch (type) {
    case ElementType::SceneHeading:
        return QStringLiteral("scene-heading");
    case ElementType::Action:
        return QStringLiteral("action");
    case ElementType::Character:
        return QStringLiteral("character");
    case ElementType::Dialogue:
        return QStringLiteral("dialogue");
    case ElementType::Parenthetical:
        return QStringLiteral("parenthetical");
    case ElementType::Transition:
        return QStringLiteral("transition");
    case ElementType::Lyrics:
        return QStringLiteral("lyrics");
    case ElementType::Section:
        return QStringLiteral("section");
    case ElementType::Synopsis:
        return QStringLiteral("synopsis");
    case ElementType::PageBreak:
        return QStringLiteral("page-break");
    }
    return QStringLiteral("action");
}

QString Screenplay::titleValue(const QString &key) const {
    for (const auto &[k, v] : titlePage)
        if (k.compare(key, Qt::CaseInsensitive) == 0)
            return v;
    return {};
}

const ScreenplayCharacter *Screenplay::character(const QString &normalisedName) const {
    for (const ScreenplayCharacter &c : characters)
        if (c.name == normalisedName)
            return &c;
    return nullptr;
}

QString Screenplay::canonicalCharacter(const QString &cue) const {
    const QString name = normaliseCharacterName(cue);
    return aliasOf.value(name, name);
}

QString normaliseCharacterName(const QString &cue) {
    QString out;
    out.reserve(cue.size());
    int paren = 0;
    for (const QChar c : cue) {
        if (c == u'(') {
            ++paren;
        } else if (c == u')') {
            paren = std::max(0, paren - 1);
        } else if (paren == 0 && c != u'^') {
            out.append(c);
        }
    }
    out = out.simplified().toUpper();
    if (out.startsWith(u'@'))
        out = out.mid(1).trimmed();
    // "CONT'D" written without parentheses, and a trailing colon some writers put on cues.
    if (out.endsWith(u':'))
        out.chop(1);
    out.replace(QChar(0x2019), u'\'');
    for (const QLatin1String suffix :
         {QLatin1String(" CONT'D"), QLatin1String(" CONTD"), QLatin1String(" CONT'D.")}) {
        if (out.endsWith(suffix)) {
            out.chop(suffix.size());
            break;
        }
    }
    return out.trimmed();
}

namespace {

// Titles that, put before a name, still name the same person ("DR. BENNETT" is "BENNETT").
bool stripTitle(const QString &name, QString *rest) {
    static const QStringList titles = {
        QStringLiteral("DR."),        QStringLiteral("DR"),       QStringLiteral("DOCTOR"),
        QStringLiteral("MR."),        QStringLiteral("MR"),       QStringLiteral("MRS."),
        QStringLiteral("MRS"),        QStringLiteral("MS."),      QStringLiteral("MS"),
        QStringLiteral("MISS"),       QStringLiteral("PROF."),    QStringLiteral("PROFESSOR"),
        QStringLiteral("CAPT."),      QStringLiteral("CAPTAIN"),  QStringLiteral("SGT."),
        QStringLiteral("SERGEANT"),   QStringLiteral("DET."),     QStringLiteral("DETECTIVE"),
        QStringLiteral("OFFICER"),    QStringLiteral("AGENT"),    QStringLiteral("LT."),
        QStringLiteral("LIEUTENANT"), QStringLiteral("SIR"),      QStringLiteral("LADY"),
        QStringLiteral("FATHER"),     QStringLiteral("UNCLE"),    QStringLiteral("AUNT"),
        QStringLiteral("JUDGE"),      QStringLiteral("NURSE"),    QStringLiteral("COACH"),
        QStringLiteral("REV."),       QStringLiteral("REVEREND"), QStringLiteral("SHERIFF"),
        QStringLiteral("DEPUTY"),     QStringLiteral("PRINCESS"), QStringLiteral("PRINCE"),
        QStringLiteral("KING"),       QStringLiteral("QUEEN"),    QStringLiteral("GENERAL"),
        QStringLiteral("COLONEL"),
    };
    const int space = name.indexOf(u' ');
    if (space <= 0)
        return false;
    if (!titles.contains(name.left(space)))
        return false;
    *rest = name.mid(space + 1).trimmed();
    return !rest->isEmpty();
}

struct TimeWord {
    const char *word;
    TimeOfDay time;
};
constexpr TimeWord kTimeWords[] = {
    {"DAY", TimeOfDay::Day},
    {"DAYTIME", TimeOfDay::Day},
    {"AFTERNOON", TimeOfDay::Day},
    {"NOON", TimeOfDay::Day},
    {"MIDDAY", TimeOfDay::Day},
    {"NIGHT", TimeOfDay::Night},
    {"NIGHTTIME", TimeOfDay::Night},
    {"MIDNIGHT", TimeOfDay::Night},
    {"MORNING", TimeOfDay::Morning},
    {"EVENING", TimeOfDay::Evening},
    {"DAWN", TimeOfDay::Dawn},
    {"SUNRISE", TimeOfDay::Dawn},
    {"DAYBREAK", TimeOfDay::Dawn},
    {"DUSK", TimeOfDay::Dusk},
    {"SUNSET", TimeOfDay::Dusk},
    {"TWILIGHT", TimeOfDay::Dusk},
    {"CONTINUOUS", TimeOfDay::Continuous},
    {"LATER", TimeOfDay::Continuous},
    {"SAME", TimeOfDay::Continuous},
    {"CONT'D", TimeOfDay::Continuous},
};

// The time a heading segment names, if it is a time segment at all ("LATE NIGHT", "MOMENTS LATER").
std::optional<TimeOfDay> timeOfSegment(const QString &segment) {
    const QStringList words = segment.split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty() || words.size() > 4)
        return std::nullopt;
    for (auto it = words.crbegin(); it != words.crend(); ++it) {
        QString w = *it;
        w.remove(u'.').remove(u',');
        for (const TimeWord &tw : kTimeWords)
            if (w == QLatin1String(tw.word))
                return tw.time;
    }
    return std::nullopt;
}

QString removeBracketed(const QString &text, QStringList *removed) {
    QString out;
    QString current;
    int depth = 0;
    for (const QChar c : text) {
        if (c == u'(' || c == u'[') {
            if (depth++ == 0)
                current.clear();
            continue;
        }
        if ((c == u')' || c == u']') && depth > 0) {
            if (--depth == 0 && removed)
                removed->append(current.trimmed());
            continue;
        }
        if (depth > 0)
            current.append(c);
        else
            out.append(c);
    }
    return out.simplified();
}

const QStringList &voiceDevices() {
    // The word, as the cue or direction writes it, and the device the insert frames.
    static const QStringList devices = {
        QStringLiteral("RADIO"),       QStringLiteral("WALKIE"),     QStringLiteral("PHONE"),
        QStringLiteral("TELEPHONE"),   QStringLiteral("INTERCOM"),   QStringLiteral("SPEAKER"),
        QStringLiteral("TANNOY"),      QStringLiteral("TV"),         QStringLiteral("TELEVISION"),
        QStringLiteral("ANSWERPHONE"), QStringLiteral("LOUDSPEAKER")};
    return devices;
}

QStringList upperWords(const QString &text) {
    static const QRegularExpression nonWord(QStringLiteral("[^A-Z0-9']+"));
    return text.toUpper().split(nonWord, Qt::SkipEmptyParts);
}

QString deviceIn(const QString &text) {
    const QStringList words = upperWords(text);
    for (const QString &d : voiceDevices())
        if (words.contains(d) || words.contains(d + u'S'))
            return d == QLatin1String("TELEPHONE") || d == QLatin1String("ANSWERPHONE")
                       ? QStringLiteral("phone")
                   : d == QLatin1String("WALKIE")     ? QStringLiteral("radio")
                   : d == QLatin1String("TELEVISION") ? QStringLiteral("tv")
                                                      : d.toLower();
    return {};
}

// What the cue's parentheses say: "(V.O.)", "(ON RADIO)".
QStringList cueExtensions(const QString &cue) {
    static const QRegularExpression paren(QStringLiteral("\\(([^()]*)\\)"));
    QStringList out;
    for (auto it = paren.globalMatch(cue); it.hasNext();)
        out.append(it.next().captured(1).toUpper().remove(u'.').remove(u' '));
    return out;
}

// An unnumbered scene's number: the running count if no scene has it, else one inserted after the
// previous scene's.
QString freeSceneNumber(int running, const QString &previous, QSet<QString> *taken) {
    QString number = QString::number(running);
    if (taken->contains(number))
        number = insertedSceneNumber(previous.isEmpty() ? number : previous, *taken);
    taken->insert(number.toUpper());
    return number;
}

} // namespace

QString insertedSceneNumber(const QString &previous, const QSet<QString> &taken) {
    // After "4" or "4A" comes "4B": the letters count on from the previous scene's own number.
    QString base = previous;
    while (base.size() > 1 && base.back().isLetter())
        base.chop(1);
    for (int i = 0;; ++i) {
        QString letters;
        for (int n = i; n >= 0; n = n / 26 - 1)
            letters.prepend(QChar(u'A' + n % 26));
        if (!taken.contains((base + letters).toUpper()))
            return base + letters;
    }
}

bool isOffScreenVoice(const QString &cue, const QString &parenthetical) {
    for (const QString &ext : cueExtensions(cue)) {
        if (ext == QLatin1String("VO") || ext == QLatin1String("OS") || ext == QLatin1String("OC") ||
            ext == QLatin1String("OFF") || ext == QLatin1String("FILTERED") ||
            (ext.startsWith(QLatin1String("ON")) && ext != QLatin1String("ONSCREEN")) ||
            ext.startsWith(QLatin1String("OVER")) || ext.startsWith(QLatin1String("THROUGH")) ||
            ext.startsWith(QLatin1String("FROM")))
            return true;
    }
    const QString name = normaliseCharacterName(cue);
    const QStringList nameWords = upperWords(name);
    static const QStringList unseen = {QStringLiteral("NARRATOR"), QStringLiteral("VOICE"),
                                       QStringLiteral("ANNOUNCER")};
    for (const QString &w : nameWords)
        if (unseen.contains(w) || voiceDevices().contains(w))
            return true;
    // "(over the radio)", "(on the phone)", "(filtered)": the direction says it comes through a device.
    const QString paren = parenthetical.toUpper();
    static const QRegularExpression through(QStringLiteral(
        "\\b(OVER|ON|THROUGH|FROM|VIA) (THE |A |HIS |HER |THEIR )?(RADIO|PHONE|TELEPHONE|INTERCOM|"
        "SPEAKER|WALKIE|TANNOY|TV|LOUDSPEAKER)\\b|\\bFILTERED\\b|\\bV\\.?O\\.?\\b|\\bO\\.S\\.?\\b"));
    return through.match(paren).hasMatch();
}

QString voiceDevice(const QString &cue, const QString &parenthetical, const QString &action) {
    QString d = deviceIn(normaliseCharacterName(cue));
    if (d.isEmpty())
        d = deviceIn(cueExtensions(cue).join(u' ') + u' ' + parenthetical);
    if (d.isEmpty()) {
        // "ON RADIO" written as one squeezed extension word.
        for (const QString &ext : cueExtensions(cue))
            for (const QString &dev : voiceDevices())
                if (ext.endsWith(dev) && ext.size() > dev.size())
                    return deviceIn(dev);
    }
    if (d.isEmpty() && !action.isEmpty())
        d = deviceIn(action);
    return d;
}

ParsedHeading parseHeading(const QString &heading) {
    ParsedHeading out;
    QString rest = heading.simplified().toUpper();
    static const QRegularExpression prefix(
        QStringLiteral("^(INT\\.?\\s*/\\s*EXT|EXT\\.?\\s*/\\s*INT|I\\s*/"
                       "\\s*E|INT|EXT|EST|INTERIOR|EXTERIOR)(\\.|\\s|$)\\s*"));
    const QRegularExpressionMatch m = prefix.match(rest);
    out.intExtWritten = m.hasMatch();
    if (m.hasMatch()) {
        const QString kind = m.captured(1);
        if (kind.contains(u'/'))
            out.intExt = InteriorExterior::InteriorExterior;
        else if (kind.startsWith(QLatin1String("EXT")) || kind == QLatin1String("EST"))
            out.intExt = InteriorExterior::Exterior;
        rest = rest.mid(m.capturedLength());
    }
    QStringList bracketed;
    rest = removeBracketed(rest, &bracketed);
    static const QRegularExpression dash(QStringLiteral("\\s+[-–—]+\\s*|\\s*[-–—]+\\s+|\\s*--\\s*"));
    QStringList segments = rest.split(dash, Qt::SkipEmptyParts);
    for (QString &s : segments)
        s = s.trimmed();
    segments.removeAll(QString());
    // The time of day is the last segment that names one; what follows it ("- 1977") is dropped.
    for (qsizetype i = segments.size() - 1; i >= 1; --i) {
        if (const auto t = timeOfSegment(segments[i])) {
            out.timeOfDay = *t;
            out.timeOfDayText = segments[i];
            out.modifiers = segments.mid(i + 1);
            segments = segments.mid(0, i);
            break;
        }
    }
    if (out.timeOfDayText.isEmpty() && !segments.isEmpty()) {
        // "SCOTT'S APARTMENT, TWO DAYS LATER": a comma can separate the time too.
        const qsizetype comma = segments.last().lastIndexOf(u',');
        if (comma > 0) {
            const QString tail = segments.last().mid(comma + 1).trimmed();
            if (const auto t = timeOfSegment(tail)) {
                out.timeOfDay = *t;
                out.timeOfDayText = tail;
                segments.last() = segments.last().left(comma).trimmed();
            }
        }
    }
    if (out.timeOfDayText.isEmpty()) {
        for (const QString &b : std::as_const(bracketed)) {
            if (const auto t = timeOfSegment(b)) {
                out.timeOfDay = *t;
                out.timeOfDayText = b;
                break;
            }
        }
    }
    // "MIRA'S TRUCK - MOVING": how the scene plays is not part of the place.
    static const QStringList modifierWords = {
        QStringLiteral("MOVING"),    QStringLiteral("TRAVELLING"),      QStringLiteral("TRAVELING"),
        QStringLiteral("DRIVING"),   QStringLiteral("FLYING"),          QStringLiteral("SAILING"),
        QStringLiteral("FLASHBACK"), QStringLiteral("DREAM"),           QStringLiteral("INTERCUT"),
        QStringLiteral("MONTAGE"),   QStringLiteral("SERIES OF SHOTS"), QStringLiteral("ESTABLISHING"),
        QStringLiteral("SAME TIME"), QStringLiteral("PRESENT DAY"),     QStringLiteral("CONTINUOUS")};
    while (segments.size() > 1 && modifierWords.contains(segments.last()))
        out.modifiers.prepend(segments.takeLast());
    out.location = segments.join(QStringLiteral(" - "));
    return out;
}

QString normaliseLocation(const QString &location) {
    QString out = removeBracketed(location.toUpper(), nullptr);
    out.remove(QRegularExpression(QStringLiteral("[.,;:]+$")));
    return out.simplified();
}

void Screenplay::rebuildIndex() {
    scenes.clear();
    characters.clear();
    aliasOf.clear();

    QHash<QString, int> characterIndex;
    QList<QHash<QString, bool>> sceneCast;
    ScreenplayScene *scene = nullptr;
    int running = 0;
    // Every number the script writes, so an unnumbered scene never takes one of them.
    QSet<QString> taken;
    for (const ScriptElement &e : std::as_const(elements))
        if (e.type == ElementType::SceneHeading && !e.sceneNumber.isEmpty())
            taken.insert(e.sceneNumber.toUpper());
    for (qsizetype i = 0; i < elements.size(); ++i) {
        const ScriptElement &e = elements[i];
        if (e.type == ElementType::SceneHeading) {
            ++running;
            ScreenplayScene s;
            s.heading = e.text.simplified();
            s.number =
                e.sceneNumber.isEmpty()
                    ? freeSceneNumber(running, scenes.isEmpty() ? QString() : scenes.last().number, &taken)
                    : e.sceneNumber;
            const ParsedHeading h = parseHeading(s.heading);
            s.intExt = h.intExt;
            s.modifiers = h.modifiers;
            if (!h.intExtWritten) {
                // A forced heading with no INT./EXT.: the place's own words say which side of the wall.
                if (const auto inferred = inferIntExt(h.location)) {
                    s.intExt = inferred->first;
                    s.intExtReason =
                        QStringLiteral("no INT./EXT. in the heading: read as %1 from \"%2\"")
                            .arg(inferred->first == InteriorExterior::Exterior ? QStringLiteral("exterior")
                                                                               : QStringLiteral("interior"),
                                 inferred->second);
                } else {
                    s.intExtReason = QStringLiteral("no INT./EXT. in the heading: read as interior");
                }
            }
            s.location = h.location;
            s.timeOfDayText = h.timeOfDayText;
            s.timeOfDay = h.timeOfDay;
            s.lineStart = e.lineStart;
            s.lineEnd = e.lineEnd;
            s.firstElement = static_cast<int>(i);
            s.elementEnd = static_cast<int>(i + 1);
            scenes.append(s);
            sceneCast.append(QHash<QString, bool>());
            scene = &scenes.last();
            continue;
        }
        if (scene) {
            scene->lineEnd = std::max(scene->lineEnd, e.lineEnd);
            scene->elementEnd = static_cast<int>(i + 1);
        }
        if (e.type != ElementType::Character)
            continue;
        const QString name = normaliseCharacterName(e.text);
        if (name.isEmpty())
            continue;
        auto it = characterIndex.find(name);
        if (it == characterIndex.end()) {
            ScreenplayCharacter c;
            c.name = name;
            c.firstLine = e.lineStart;
            characters.append(c);
            it = characterIndex.insert(name, static_cast<int>(characters.size() - 1));
        }
        ScreenplayCharacter &c = characters[*it];
        ++c.dialogueCount;
        if (scene) {
            ++scene->dialogueCount;
            if (!sceneCast.last().contains(name)) {
                sceneCast.last().insert(name, true);
                scene->characters.append(name);
                ++c.sceneCount;
            }
        }
    }

    // Merge "DR. BENNETT" into "BENNETT" (or the other way round: the one who speaks more wins).
    for (qsizetype i = 0; i < characters.size(); ++i) {
        QString rest;
        if (!stripTitle(characters[i].name, &rest))
            continue;
        const auto other = characterIndex.constFind(rest);
        if (other == characterIndex.cend())
            continue;
        const QString a = characters[i].name;
        const QString b = rest;
        // On a tie the fuller name (with its title) is kept.
        const bool keepA = characters[i].dialogueCount >= characters[*other].dialogueCount;
        aliasOf.insert(keepA ? b : a, keepA ? a : b);
    }
    if (!aliasOf.isEmpty()) {
        QList<ScreenplayCharacter> merged;
        QHash<QString, int> mergedIndex;
        for (const ScreenplayCharacter &c : std::as_const(characters)) {
            if (!aliasOf.contains(c.name)) {
                mergedIndex.insert(c.name, static_cast<int>(merged.size()));
                merged.append(c);
            }
        }
        for (const ScreenplayCharacter &c : std::as_const(characters)) {
            const auto target = aliasOf.constFind(c.name);
            if (target == aliasOf.cend())
                continue;
            ScreenplayCharacter &into = merged[mergedIndex.value(*target)];
            into.aliases.append(c.name);
            into.dialogueCount += c.dialogueCount;
            into.sceneCount += c.sceneCount;
            into.firstLine = std::min(into.firstLine, c.firstLine);
        }
        characters = merged;
        for (ScreenplayScene &s : scenes) {
            QStringList cast;
            for (const QString &n : std::as_const(s.characters)) {
                const QString canonical = aliasOf.value(n, n);
                if (!cast.contains(canonical))
                    cast.append(canonical);
            }
            s.characters = cast;
        }
    }
    std::stable_sort(characters.begin(), characters.end(),
                     [](const ScreenplayCharacter &a, const ScreenplayCharacter &b) {
                         return a.dialogueCount > b.dialogueCount;
                     });
}

} // namespace shotcraft::story
