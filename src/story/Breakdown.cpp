#include "story/Breakdown.h"

#include "story/Emphasis.h"
#include "story/Lexicon.h"
#include "story/ShotPlanner.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace shotcraft::story {

namespace {

// The scenes to break down: the script's own, or the whole text as one scene when it has no headings.
QList<ScreenplayScene> scenesOf(const Screenplay &script) {
    if (!script.scenes.isEmpty())
        return script.scenes;
    ScreenplayScene s;
    s.number = QStringLiteral("1");
    s.heading = QStringLiteral("UNTITLED SCENE");
    s.location = QStringLiteral("UNTITLED LOCATION");
    s.firstElement = 0;
    s.elementEnd = static_cast<int>(script.elements.size());
    s.lineStart = script.elements.isEmpty() ? 1 : script.elements.first().lineStart;
    s.lineEnd = script.elements.isEmpty() ? 1 : script.elements.last().lineEnd;
    for (const ScreenplayCharacter &c : script.characters)
        s.characters.append(c.name);
    return {s};
}

QString sceneText(const Screenplay &script, const ScreenplayScene &scene) {
    QStringList parts;
    const int begin =
        scene.heading == QLatin1String("UNTITLED SCENE") ? scene.firstElement : scene.firstElement + 1;
    for (int i = begin; i < scene.elementEnd && i < script.elements.size(); ++i) {
        const ScriptElement &e = script.elements[i];
        if (e.type == ElementType::Action || e.type == ElementType::Dialogue ||
            e.type == ElementType::Parenthetical)
            parts.append(stripEmphasis(e.text));
    }
    return parts.join(u' ');
}

int intensityOf(const Screenplay &script, const ScreenplayScene &scene) {
    int score = 0;
    moodOf(sceneText(script, scene), &score);
    return score + emotionalWeight(sceneText(script, scene));
}

QString cleanTitle(const QString &title) {
    return stripEmphasis(title).replace(u'\n', u' ').simplified();
}

// "a woman in her 60s", "(40)", "EDWARD BLOOM (60s)": an age from a description, as written.
QString ageIn(const QString &text) {
    static const QRegularExpression re(
        QStringLiteral(
            "\\((\\d{1,2}s?)\\)|\\b(\\d{1,2})[- ]years?[- ]old\\b|\\b(?:late |early |mid-?)?(\\d0)s\\b|"
            ",\\s*(\\d{1,2})\\s*,"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return {};
    for (int i = 1; i <= 4; ++i)
        if (!m.captured(i).isEmpty())
            return i == 3 ? m.captured(i) + u's' : m.captured(i);
    return {};
}

// The sentence of the action that introduces a character (their name written in capitals, as
// screenplays do on first appearance), else the first action sentence that names them.
QString firstAppearance(const Screenplay &script, const ScreenplayCharacter &c) {
    QStringList names = {c.name};
    names += c.aliases;
    const QString lastWord = c.name.section(u' ', -1);
    if (lastWord.size() >= 3 && !names.contains(lastWord))
        names.append(lastWord);
    QString fallback;
    for (const ScriptElement &e : script.elements) {
        if (e.type != ElementType::Action)
            continue;
        const QString plain = stripEmphasis(e.text).simplified();
        for (const QString &n : std::as_const(names)) {
            qsizetype at = plain.indexOf(n, 0, Qt::CaseSensitive);
            bool caps = at >= 0;
            if (!caps) {
                at = plain.indexOf(n, 0, Qt::CaseInsensitive);
                if (at < 0 || !fallback.isEmpty())
                    continue;
            }
            // Word boundaries, so that "WILL" is not found in "WILLOW".
            const bool startOk = at == 0 || !plain[at - 1].isLetter();
            const bool endOk = at + n.size() >= plain.size() || !plain[at + n.size()].isLetter();
            if (!startOk || !endOk)
                continue;
            const qsizetype previousEnd = at >= 2 ? plain.lastIndexOf(QLatin1String(". "), at - 1) : -1;
            const qsizetype from = previousEnd < 0 ? 0 : previousEnd + 2;
            qsizetype to = plain.indexOf(QLatin1String(". "), at + n.size());
            to = to < 0 ? plain.size() : to + 1;
            const QString sentence = plain.mid(from, to - from).trimmed().left(300);
            if (caps)
                return sentence;
            fallback = sentence;
        }
    }
    return fallback;
}

Act makeAct(Project &p, int number) {
    static const char *titles[] = {"Setup", "Confrontation", "Resolution"};
    Act a;
    a.id = p.allocateId();
    a.number = number;
    a.title = number <= 3 ? QStringLiteral("Act %1: %2").arg(number).arg(QLatin1String(titles[number - 1]))
                          : QStringLiteral("Act %1").arg(number);
    return a;
}

TimeOfDay resolveTime(TimeOfDay written, TimeOfDay previous) {
    if (written == TimeOfDay::Continuous || written == TimeOfDay::Unknown)
        return previous == TimeOfDay::Unknown || previous == TimeOfDay::Continuous ? TimeOfDay::Day
                                                                                   : previous;
    return written;
}

} // namespace

QString sceneContentHash(const Screenplay &script, const ScreenplayScene &scene) {
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(scene.heading.simplified().toUtf8());
    for (int i = scene.firstElement + 1; i < scene.elementEnd && i < script.elements.size(); ++i) {
        const ScriptElement &e = script.elements[i];
        hash.addData(QByteArrayView("\x1f"));
        hash.addData(elementTypeName(e.type).toUtf8());
        hash.addData(QByteArrayView(":"));
        hash.addData(e.text.simplified().toUtf8());
    }
    return QString::fromLatin1(hash.result().toHex().left(16));
}

QString guessGenre(const Screenplay &script) {
    QStringList parts;
    for (const ScriptElement &e : script.elements)
        if (e.type == ElementType::Action || e.type == ElementType::Dialogue ||
            e.type == ElementType::SceneHeading)
            parts.append(e.text);
    return guessGenreFromText(parts.join(u' ')).genre;
}

QList<int> actStarts(const Screenplay &script) {
    const QList<ScreenplayScene> scenes = scenesOf(script);
    const int n = static_cast<int>(scenes.size());
    if (n < 3)
        return {0};
    auto sceneAtElement = [&](qsizetype element) {
        for (int i = 0; i < n; ++i)
            if (scenes[i].firstElement >= element)
                return i;
        return n;
    };

    // The writer's own marks.
    static const QRegularExpression actSection(QStringLiteral("^\\s*act\\b"),
                                               QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression endOfAct(QStringLiteral("\\bend of act\\b"),
                                             QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression actStart(
        QStringLiteral("^\\s*act (one|two|three|four|five|i|ii|iii|iv|v|\\d)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    QList<int> marks;
    QList<int> pageBreaks;
    for (qsizetype i = 0; i < script.elements.size(); ++i) {
        const ScriptElement &e = script.elements[i];
        const QString plain = stripEmphasis(e.text);
        if (e.type == ElementType::Section && e.depth == 1 && actSection.match(plain).hasMatch())
            marks.append(sceneAtElement(i));
        else if (e.type != ElementType::Dialogue && endOfAct.match(plain).hasMatch())
            marks.append(sceneAtElement(i + 1));
        else if (e.type == ElementType::Action && actStart.match(plain).hasMatch())
            marks.append(sceneAtElement(i));
        else if (e.type == ElementType::PageBreak)
            pageBreaks.append(sceneAtElement(i));
    }
    // Page breaks mark acts only when there are just a few of them (otherwise they mark pages).
    if (marks.isEmpty() && pageBreaks.size() >= 2 && pageBreaks.size() <= 4)
        marks = pageBreaks;
    QList<int> starts = {0};
    std::sort(marks.begin(), marks.end());
    for (const int m : std::as_const(marks))
        if (m > starts.last() && m < n)
            starts.append(m);
    if (starts.size() >= 3)
        return starts;

    // By proportion (a quarter, three quarters of the script's lines), snapped to the strongest
    // scene within a tenth of the script either way: the turning point.
    const int totalLines = std::max(1, scenes.last().lineEnd - scenes.first().lineStart);
    auto sceneAtFraction = [&](double f) {
        const int line = scenes.first().lineStart + int(totalLines * f);
        for (int i = 0; i < n; ++i)
            if (scenes[i].lineStart >= line)
                return i;
        return n - 1;
    };
    auto turningPoint = [&](double f, int lowest) {
        const int from = std::max(lowest, sceneAtFraction(f - 0.08));
        const int to = std::max(from, std::min(n - 1, sceneAtFraction(f + 0.08)));
        int best = std::clamp(sceneAtFraction(f), from, to);
        int bestScore = -1;
        for (int i = from; i <= to; ++i) {
            const int score = intensityOf(script, scenes[std::max(0, i - 1)]);
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best;
    };
    const int second = std::clamp(turningPoint(0.25, 1), 1, n - 2);
    const int third = std::clamp(turningPoint(0.75, second + 1), second + 1, n - 1);
    return {0, second, third};
}

Project breakDown(const Screenplay &script, const BreakdownOptions &options) {
    Project p;
    p.nextId = std::max<Id>(1, options.firstId);
    p.info.sourceName = options.sourceName;
    p.info.title =
        !options.title.isEmpty() ? options.title : cleanTitle(script.titleValue(QStringLiteral("title")));
    if (p.info.title.isEmpty())
        p.info.title = options.sourceName.isEmpty()
                           ? QStringLiteral("Untitled")
                           : QFileInfo(options.sourceName).completeBaseName().replace(u'-', u' ');
    p.info.author = cleanTitle(script.titleValue(QStringLiteral("author")));
    if (p.info.author.isEmpty())
        p.info.author = cleanTitle(script.titleValue(QStringLiteral("authors")));
    p.info.genre = options.genre.isEmpty() ? guessGenre(script) : options.genre.toLower();
    for (const ScriptElement &e : script.elements) {
        if (e.type == ElementType::Synopsis) {
            p.info.logline = e.text;
            break;
        }
    }

    // Characters, principal to minor.
    const int most = script.characters.isEmpty() ? 0 : script.characters.first().dialogueCount;
    QHash<QString, Id> characterIds;
    for (int i = 0; i < script.characters.size(); ++i) {
        const ScreenplayCharacter &sc = script.characters[i];
        Character c;
        c.id = p.allocateId();
        c.name = sc.name;
        c.aliases = sc.aliases;
        c.dialogueCount = sc.dialogueCount;
        c.role = (i < 6 && sc.dialogueCount * 10 >= most && sc.dialogueCount >= 3) ? CharacterRole::Principal
                 : sc.dialogueCount >= 3                                           ? CharacterRole::Supporting
                                                                                   : CharacterRole::Minor;
        c.description = firstAppearance(script, sc);
        if (c.description.isEmpty())
            c.description = QStringLiteral("%1 first speaks at line %2.").arg(sc.name).arg(sc.firstLine);
        c.age = ageIn(c.description);
        characterIds.insert(sc.name, c.id);
        for (const QString &a : sc.aliases)
            characterIds.insert(a, c.id);
        p.characters.append(c);
    }

    // Acts.
    const QList<ScreenplayScene> scenes = scenesOf(script);
    const QList<int> starts = actStarts(script);
    for (int a = 0; a < starts.size(); ++a)
        p.acts.append(makeAct(p, a + 1));

    QHash<QString, Id> locationIds;
    TimeOfDay previousTime = TimeOfDay::Unknown;
    Id previousLocation = 0;
    for (int si = 0; si < scenes.size(); ++si) {
        const ScreenplayScene &ss = scenes[si];
        int act = 0;
        while (act + 1 < starts.size() && si >= starts[act + 1])
            ++act;

        // Location: one per normalised name.
        const QString locName = normaliseLocation(ss.location.isEmpty() ? ss.heading : ss.location);
        const QString text = sceneText(script, ss);
        QStringList actionParagraphs;
        for (int i = ss.firstElement; i < ss.elementEnd && i < script.elements.size(); ++i)
            if (script.elements[i].type == ElementType::Action &&
                !script.elements[i].text.trimmed().isEmpty())
                actionParagraphs.append(stripEmphasis(script.elements[i].text).simplified());
        const QString actionText = actionParagraphs.join(u' ');
        auto loc = locationIds.find(locName);
        if (loc == locationIds.end()) {
            Location l;
            l.id = p.allocateId();
            l.name = locName;
            l.intExt = ss.intExt;
            l.description = actionParagraphs.isEmpty()
                                ? QStringLiteral("As the heading names it: %1").arg(ss.heading)
                                : actionParagraphs.first().left(300);
            l.lightSources = lightSourcesNamed(actionText).join(QStringLiteral(", "));
            p.locations.append(l);
            loc = locationIds.insert(locName, l.id);
        } else if (Location *l = [&]() -> Location * {
                       for (Location &x : p.locations)
                           if (x.id == *loc)
                               return &x;
                       return nullptr;
                   }();
                   l && l->lightSources.isEmpty()) {
            l->lightSources = lightSourcesNamed(actionText).join(QStringLiteral(", "));
        }

        Scene scene;
        scene.id = p.allocateId();
        scene.actId = p.acts[act].id;
        scene.locationId = *loc;
        scene.number = ss.number;
        scene.order = si + 1;
        scene.heading = ss.heading;
        scene.intExt = ss.intExt;
        scene.timeOfDay = resolveTime(ss.timeOfDay, previousTime);
        scene.weather = weatherOf(ss.heading + u' ' + actionText, ss.intExt != InteriorExterior::Interior);
        scene.mood = moodOf(text);
        if (scene.mood == QLatin1String("neutral"))
            scene.mood = QStringLiteral("neutral");
        scene.paletteHint = paletteHintFor(scene.mood, scene.timeOfDay, p.info.genre);
        scene.lineStart = ss.lineStart;
        scene.lineEnd = ss.lineEnd;
        scene.contentHash = sceneContentHash(script, ss);

        // Lines in scene order; a voice heard but not seen (V.O., O.S., a radio) is marked so.
        SceneContext ctx;
        QString pendingSpeaker;
        QString pendingCue;
        QString pendingParen;
        QSet<QString> seenSpeakers;
        for (int i = ss.firstElement; i < ss.elementEnd && i < script.elements.size(); ++i) {
            const ScriptElement &e = script.elements[i];
            if (e.type == ElementType::Character) {
                pendingSpeaker = script.canonicalCharacter(e.text);
                pendingCue = e.text;
                pendingParen.clear();
            } else if (e.type == ElementType::Parenthetical) {
                pendingParen = e.text;
            } else if (e.type == ElementType::Dialogue && !pendingSpeaker.isEmpty()) {
                PlannedLine line{characterIds.value(pendingSpeaker), pendingSpeaker, e.text, pendingParen, i};
                line.offScreen = isOffScreenVoice(pendingCue, pendingParen);
                static const QRegularExpression voiceOver(QStringLiteral("\\((V\\.? ?O|O\\.? ?[SC])\\.?\\)"),
                                                          QRegularExpression::CaseInsensitiveOption);
                // "WILL (ON PHONE)" with Will in the action is Will on screen, talking into it.
                line.voiceOver = voiceOver.match(pendingCue).hasMatch();
                if (line.offScreen)
                    line.device = voiceDevice(pendingCue, pendingParen, actionText);
                else
                    seenSpeakers.insert(pendingSpeaker);
                ctx.lines.append(line);
                pendingParen.clear();
            } else if (e.type == ElementType::Action && !e.text.trimmed().isEmpty()) {
                ctx.actions.append({e.text, i});
                pendingSpeaker.clear();
            }
        }

        // Who is there: the speakers seen speaking, and anyone the action names.
        QList<Id> present;
        for (const QString &name : ss.characters) {
            const QString canonical = script.canonicalCharacter(name);
            if (const Id id = characterIds.value(canonical);
                id && !present.contains(id) && seenSpeakers.contains(canonical))
                present.append(id);
        }
        const QStringList actionWords = wordsOf(actionText);
        for (const Character &c : std::as_const(p.characters)) {
            if (present.contains(c.id) || c.role == CharacterRole::Minor)
                continue;
            const QStringList w = wordsOf(c.name);
            if (!w.isEmpty() && w.last().size() >= 3 && actionWords.contains(w.last()))
                present.append(c.id);
        }
        scene.characterIds = present;
        for (PlannedLine &line : ctx.lines)
            if (line.offScreen && !line.voiceOver && present.contains(line.characterId)) {
                line.offScreen = false;
                line.device.clear();
            }

        // The scene's key lines (the strongest three, in scene order).
        QList<int> ranked;
        for (int i = 0; i < ctx.lines.size(); ++i)
            ranked.append(i);
        std::stable_sort(ranked.begin(), ranked.end(), [&](int x, int y) {
            auto weight = [&](int k) {
                const QString &t = ctx.lines[k].text;
                return emotionalWeight(t) * 10 + int(std::min<qsizetype>(wordsOf(t).size(), 15));
            };
            return weight(x) > weight(y);
        });
        ranked = ranked.mid(0, 3);
        std::sort(ranked.begin(), ranked.end());
        for (const int k : std::as_const(ranked))
            scene.dialogueHints.append(QStringLiteral("%1: %2").arg(
                ctx.lines[k].name, stripEmphasis(ctx.lines[k].text).simplified()));

        // Summary: what happens first, and who talks.
        QString summary = actionParagraphs.isEmpty() ? QString() : actionParagraphs.first();
        if (summary.size() > 220)
            summary = summary.left(219).trimmed() + QChar(0x2026);
        if (!ss.characters.isEmpty()) {
            QStringList speakers;
            for (const QString &n : ss.characters)
                speakers.append(script.canonicalCharacter(n));
            speakers.removeDuplicates();
            summary += (summary.isEmpty() ? QString() : QStringLiteral(" "));
            summary += speakers.size() == 1
                           ? QStringLiteral("%1 speaks.").arg(speakers.first())
                           : QStringLiteral("%1 talk.").arg(speakers.join(QStringLiteral(", ")));
        }
        if (summary.isEmpty())
            summary = QStringLiteral("%1.").arg(ss.heading);
        scene.summary = summary;

        ctx.scene = scene;
        ctx.locationName = locName;
        ctx.genre = p.info.genre;
        ctx.present = present;
        ctx.newSetup = *loc != previousLocation || scene.timeOfDay != previousTime;
        ctx.lightSources = lightSourcesNamed(actionText);
        ctx.modifiers = ss.modifiers;
        ctx.intExtReason = ss.intExtReason;
        p.scenes.append(scene);
        p.shots += planShots(ctx, p);

        previousTime = scene.timeOfDay;
        previousLocation = *loc;
    }

    // Act summaries: where each begins and ends.
    for (Act &a : p.acts) {
        const QList<const Scene *> in = p.scenesOfAct(a.id);
        if (in.isEmpty())
            continue;
        a.summary = QStringLiteral("Scenes %1–%2 (%3 scenes), from %4 to %5.")
                        .arg(in.first()->number, in.last()->number)
                        .arg(in.size())
                        .arg(in.first()->heading, in.last()->heading);
    }
    return p;
}

} // namespace shotcraft::story
