#include "director/CommandInterpreter.h"

#include <QRegularExpression>

#include <span>

namespace shotcraft::director {

namespace {

// A phrase and the value it sets.
struct Phrase {
    const char *pattern; // a regular expression over the lower-cased message
    const char *value;
};

constexpr Phrase kAngles[] = {
    {R"(\blow[- ]angle\b|\blow\b|\bfrom below\b)", "low"},
    {R"(\bhigh[- ]angle\b|\bhigh\b|\bfrom above\b)", "high"},
    {R"(\beye[- ]level\b)", "eye-level"},
    {R"(\boverhead\b|\btop[- ]down\b|\bbird'?s[- ]eye\b)", "overhead"},
    {R"(\bdutch(?: angle| tilt)?\b|\bcanted\b)", "dutch"},
    {R"(\bover[- ]the[- ]shoulder\b|\bots\b)", "over-the-shoulder"},
    {R"(\bpov\b|\bpoint[- ]of[- ]view\b)", "pov"},
};
constexpr Phrase kMovements[] = {
    {R"(\bpush(?:es|ing)?[- ]in\b|\bdolly[- ]in\b|\bmove in\b|\bcreep in\b)", "dolly-in"},
    {R"(\bpull(?:s|ing)?[- ](?:out|back)\b|\bdolly[- ](?:out|back)\b)", "dolly-out"},
    {R"(\bhand[- ]?held\b)", "handheld"},
    {R"(\bsteadicam\b)", "steadicam"},
    {R"(\bcrane(?: up| down| shot)?\b)", "crane"},
    {R"(\bzoom(?: in| out)?\b)", "zoom"},
    {R"(\bpan(?: left| right| across)?\b)", "pan"},
    {R"(\btilt(?: up| down)?\b)", "tilt"},
    {R"(\btrack(?:ing)?(?: shot)?\b|\btruck(?: left| right)?\b)", "truck"},
    {R"(\bstatic\b|\blocked[- ]off\b|\bno movement\b)", "static"},
};
constexpr Phrase kCompositions[] = {
    {R"(\brule of thirds\b|\bthirds\b)", "rule-of-thirds"},
    {R"(\bcent(?:red|ered)\b|\bsymmetr(?:y|ical)\b)", "centred-symmetry"},
    {R"(\bleading lines\b)", "leading-lines"},
    {R"(\bframe within (?:a )?frame\b)", "frame-within-frame"},
    {R"(\bnegative space\b)", "negative-space"},
    {R"(\bgolden ratio\b)", "golden-ratio"},
    {R"(\bdepth layering\b|\blayered depth\b)", "depth-layering"},
    {R"(\bshort[- ]sid(?:ing|ed)\b)", "short-siding"},
};
// Plural sizes name a set of shots ("Mira's close-ups"); singular ones set a shot's size.
constexpr Phrase kSizeSets[] = {
    {R"(\bextreme close[- ]?ups\b|\becus\b)", "ECU"},
    {R"(\bmedium close[- ]?ups\b|\bmcus\b)", "MCU"},
    {R"(\bclose[- ]?ups\b)", "CU"},
    {R"(\bextreme wides\b|\bextreme wide shots\b)", "EWS"},
    {R"(\bwides\b|\bwide shots\b)", "WS"},
    {R"(\bmedium shots\b|\bmediums\b)", "MS"},
    {R"(\binserts\b)", "INSERT"},
};
constexpr Phrase kSizes[] = {
    {R"(\bextreme close[- ]?up\b|\becu\b)", "ECU"},
    {R"(\bmedium close[- ]?up\b|\bmcu\b)", "MCU"},
    {R"(\bclose[- ]?up\b|\bcu\b)", "CU"},
    {R"(\bextreme wide(?: shot)?\b|\bews\b)", "EWS"},
    {R"(\bmedium wide(?: shot)?\b|\bmws\b|\bcowboy shot\b)", "MWS"},
    {R"(\bwide(?: shot)?\b|\bws\b)", "WS"},
    {R"(\bmedium(?: shot)?\b|\bmid shot\b|\bms\b)", "MS"},
    {R"(\binsert(?: shot)?\b)", "INSERT"},
};
constexpr Phrase kWeather[] = {
    {R"(\b(?:more |some |thick )?(?:fog|foggy|mist|misty)\b)", "fog"},
    {R"(\b(?:more |some )?(?:rain|rainy|raining)\b)", "rain"},
    {R"(\b(?:snow|snowy|snowing)\b)", "snow"},
    {R"(\b(?:storm|stormy)\b)", "storm"},
    {R"(\b(?:overcast|cloudy)\b)", "overcast"},
    {R"(\b(?:more )?(?:haze|hazy)\b)", "haze"},
    {R"(\bclear sk(?:y|ies)\b|\bsunny\b)", "clear"},
};
constexpr Phrase kColour[] = {
    {R"(\bwarmer\b|\bwarm(?: tones| colou?rs)?\b)", "warmer"},
    {R"(\bcooler\b|\bcolder\b|\bcool(?: tones| colou?rs)\b)", "cooler"},
    {R"(\bmore saturated\b|\bmore colou?rful\b)", "more saturated"},
    {R"(\bdesaturated\b|\bless saturated\b|\bmuted\b)", "desaturated"},
};
constexpr Phrase kLighting[] = {
    {R"(\bdarker\b|\blow[- ]key\b)", "low-key, darker"},
    {R"(\bbrighter\b|\bhigh[- ]key\b)", "high-key, brighter"},
    {R"(\bsilhouett(?:e|ed)\b)", "silhouetted against the light"},
    {R"(\bcandle[- ]?lit\b|\bcandlelight\b)", "candlelight"},
    {R"(\bback[- ]?lit\b|\bbacklight\b)", "backlit"},
    {R"(\bgolden hour\b)", "golden-hour light"},
};
constexpr Phrase kMoods[] = {
    {R"(\b(?:more )?(?:tense|tenser)\b)", "tense"},
    {R"(\b(?:more )?ominous\b)", "ominous"},
    {R"(\b(?:more )?melanchol(?:y|ic)\b)", "melancholic"},
    {R"(\b(?:more )?hopeful\b)", "hopeful"},
    {R"(\b(?:more )?eerie\b)", "eerie"},
    {R"(\b(?:more )?romantic\b)", "romantic"},
};

const QStringList &stopWords() {
    static const QStringList words = {
        QStringLiteral("a"),       QStringLiteral("an"),       QStringLiteral("the"),
        QStringLiteral("and"),     QStringLiteral("it"),       QStringLiteral("its"),
        QStringLiteral("make"),    QStringLiteral("makes"),    QStringLiteral("set"),
        QStringLiteral("change"),  QStringLiteral("to"),       QStringLiteral("use"),
        QStringLiteral("give"),    QStringLiteral("please"),   QStringLiteral("of"),
        QStringLiteral("all"),     QStringLiteral("every"),    QStringLiteral("each"),
        QStringLiteral("in"),      QStringLiteral("at"),       QStringLiteral("with"),
        QStringLiteral("then"),    QStringLiteral("also"),     QStringLiteral("me"),
        QStringLiteral("shot"),    QStringLiteral("shots"),    QStringLiteral("ones"),
        QStringLiteral("one"),     QStringLiteral("angle"),    QStringLiteral("lens"),
        QStringLiteral("on"),      QStringLiteral("for"),      QStringLiteral("more"),
        QStringLiteral("bit"),     QStringLiteral("little"),   QStringLiteral("them"),
        QStringLiteral("this"),    QStringLiteral("that"),     QStringLiteral("can"),
        QStringLiteral("you"),     QStringLiteral("could"),    QStringLiteral("is"),
        QStringLiteral("be"),      QStringLiteral("s"),        QStringLiteral("so"),
        QStringLiteral("now"),     QStringLiteral("again"),    QStringLiteral("composition"),
        QStringLiteral("framing"), QStringLiteral("lighting"), QStringLiteral("camera"),
        QStringLiteral("move"),    QStringLiteral("i"),        QStringLiteral("want"),
        QStringLiteral("let"),     QStringLiteral("us"),       QStringLiteral("same"),
        QStringLiteral("are"),     QStringLiteral("what"),     QStringLiteral("which"),
        QStringLiteral("how"),     QStringLiteral("from"),     QStringLiteral("take"),
        QStringLiteral("as"),      QStringLiteral("by"),       QStringLiteral("way"),
        QStringLiteral("do"),      QStringLiteral("give"),
    };
    return words;
}

// The message, lower-cased, with the spans already read marked off.
class Reader {
public:
    explicit Reader(const QString &message)
        : m_original(message)
        , m_text(message.toLower())
        , m_used(message.size(), false) {}

    const QString &original() const { return m_original; }

    // Calls `take` for each unread match; a match `take` accepts is marked read.
    template <typename F> bool each(const QString &pattern, F take) {
        bool any = false;
        QRegularExpressionMatchIterator it = QRegularExpression(pattern).globalMatch(m_text);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            if (isUsed(m.capturedStart(), m.capturedEnd()))
                continue;
            if (take(m)) {
                markUsed(m.capturedStart(), m.capturedEnd());
                any = true;
            }
        }
        return any;
    }
    bool has(const QString &pattern) {
        return each(pattern, [](const QRegularExpressionMatch &) { return true; });
    }
    // The first phrase of a table that matches (all its matches are marked read).
    std::optional<QString> first(std::span<const Phrase> table) {
        std::optional<QString> found;
        for (const Phrase &p : table)
            if (has(QString::fromLatin1(p.pattern)) && !found)
                found = QString::fromLatin1(p.value);
        return found;
    }
    QStringList leftovers() const {
        QStringList words;
        QString word;
        for (qsizetype i = 0; i <= m_text.size(); ++i) {
            const bool inWord =
                i < m_text.size() && !m_used[i] && (m_text[i].isLetterOrNumber() || m_text[i] == u'-');
            if (inWord) {
                word += m_text[i];
            } else if (!word.isEmpty()) {
                if (!stopWords().contains(word))
                    words.append(word);
                word.clear();
            }
        }
        return words;
    }

private:
    bool isUsed(qsizetype from, qsizetype to) const {
        for (qsizetype i = from; i < to; ++i)
            if (m_used[i])
                return true;
        return false;
    }
    void markUsed(qsizetype from, qsizetype to) {
        for (qsizetype i = from; i < to; ++i)
            m_used[i] = true;
    }
    QString m_original;
    QString m_text;
    QList<bool> m_used;
};

const Shot *shotByNumber(const Project &project, const QString &token) {
    for (const Shot &s : project.shots)
        if (s.number.compare(token, Qt::CaseInsensitive) == 0)
            return &s;
    return nullptr;
}

ToolCall call(const char *name, Json arguments) {
    return {QString(), QString::fromLatin1(name), std::move(arguments)};
}

QString clause(QString text) {
    // A free-text value runs to the end of its clause.
    static const QRegularExpression end(
        QStringLiteral(R"(\s*(?:[.;!?]|,\s*and\b|\band then\b|\bthen\b).*$)"));
    text.remove(end);
    return text.trimmed();
}

} // namespace

QStringList commandExamples() {
    return {QStringLiteral("make 2C a low angle, warmer, and regenerate it"),
            QStringLiteral("85mm at f/1.8 on shot 14"),
            QStringLiteral("redo every shot of scene 5 with Tomas in his grey coat"),
            QStringLiteral("show all of Mira's close-ups"),
            QStringLiteral("regenerate the stale ones"),
            QStringLiteral("explain 3A"),
            QStringLiteral("approve take 2 of 1B")};
}

Interpretation interpretCommand(const Project &project, const QString &message,
                                const InterpreterContext &context) {
    Interpretation out;
    Reader r(message);
    const QString lower = message.toLower();

    // Destructive actions are not the director's: say so rather than read the rest.
    if (r.has(QStringLiteral(R"(\b(?:delete|remove|erase|drop|trash|destroy)\b)"))) {
        out.notUnderstood =
            QStringLiteral("Deleting shots, takes, characters or locations is not something I do; "
                           "do it in the storyboard or the DNA panel, where it can be undone.");
        return out;
    }

    // Verbs first: their words must not read as anything else.
    const QString regenVerbs = QStringLiteral(
        R"(\b(?:regenerate|re-generate|redo|re-do|re-render|rerender|render|generate|reshoot|try again|new take|another take)\b)");
    bool regenerate = false;
    QString changes;
    // "regenerate ... with CHANGES": the rest of the clause is the user's own words for the prompt.
    r.each(regenVerbs + QStringLiteral(R"((?:[^,.;]*?)\s+with\s+(.+)$)"),
           [&](const QRegularExpressionMatch &m) {
               changes = clause(r.original().mid(m.capturedStart(1), m.capturedLength(1)));
               regenerate = true;
               return false; // only the changes are read here; the verb and targets are read below
           });
    if (!changes.isEmpty()) {
        const qsizetype at = lower.indexOf(changes.toLower());
        r.each(QRegularExpression::escape(lower.mid(at, changes.size())),
               [](const QRegularExpressionMatch &) { return true; });
    }
    regenerate = r.has(regenVerbs) || regenerate;
    const bool lookBook = r.has(QStringLiteral(R"(\blook[- ]?book\b)"));
    const bool approve = r.has(QStringLiteral(R"(\b(?:approve|circle|print)\b)"));
    const bool explain = r.has(QStringLiteral(R"(\b(?:explain|why)\b)"));
    QString findQuery;
    r.each(
        QStringLiteral(
            R"(\b(?:find|search(?: for)?)\s+(?:shots?\s+)?(?:with|where|about|of|showing|mentioning)?\s*(.+)$)"),
        [&](const QRegularExpressionMatch &m) {
            findQuery = clause(m.captured(1));
            findQuery.remove(QRegularExpression(QStringLiteral(R"(^(?:the|a|an)\s+)")));
            return !findQuery.isEmpty();
        });
    const bool show = r.has(QStringLiteral(R"(\b(?:show|list|display|see|describe|tell me about|get)\b)"));
    const bool dna = r.has(QStringLiteral(R"(\b(?:dna|visual dna|characters|locations|palettes)\b)"));

    QString provider;
    QStringList providers = context.providers;
    if (!providers.contains(QStringLiteral("previz")))
        providers.append(QStringLiteral("previz"));
    r.each(QStringLiteral(R"(\b(?:on|using|via)\s+([a-z0-9][\w.-]*))"),
           [&](const QRegularExpressionMatch &m) {
               for (const QString &p : std::as_const(providers))
                   if (p.compare(m.captured(1), Qt::CaseInsensitive) == 0)
                       provider = p;
               return !provider.isEmpty();
           });

    // Character DNA edits: "Tomas's wardrobe to a grey coat", "put Tomas in a grey coat", "Tomas wears ...".
    for (const Character &c : project.characters) {
        const QString name = QRegularExpression::escape(c.name.toLower());
        const QString rest = QStringLiteral(R"(\s+(.+)$)");
        auto edit = [&](const char *field) {
            return [&, field](const QRegularExpressionMatch &m) {
                const QString value = clause(r.original().mid(m.capturedStart(1), m.capturedLength(1)));
                if (value.isEmpty())
                    return false;
                out.calls.append(call("update_character", Json{{"name", c.name}, {field, value}}));
                return true;
            };
        };
        r.each(
            QStringLiteral(R"(\b%1(?:'s)?\s+(?:wardrobe|costume|clothes|outfit)\s+(?:to|is|:))").arg(name) +
                rest,
            edit("wardrobe"));
        r.each(QStringLiteral(R"(\b(?:put|dress)\s+%1\s+in)").arg(name) + rest, edit("wardrobe"));
        r.each(QStringLiteral(R"(\b%1\s+(?:wears|should wear))").arg(name) + rest, edit("wardrobe"));
        r.each(QStringLiteral(R"(\b%1(?:'s)?\s+hair\s+(?:to|is|:))").arg(name) + rest, edit("hair"));
    }

    // The film's palette: "make the palette warmer", "a cooler film".
    if (r.has(QStringLiteral(R"(\b(?:the )?(?:palette|whole film|film's palette|film)\b)"))) {
        const Palette *film = nullptr;
        for (const Palette &p : project.palettes)
            if (!film && p.scope == PaletteScope::Film)
                film = &p;
        const int k = film ? film->temperatureK : 5600;
        if (r.has(QStringLiteral(R"(\bwarmer\b|\bwarm\b)")))
            out.calls.append(call("update_palette", Json{{"temperature_k", std::max(1500, k - 600)}}));
        else if (r.has(QStringLiteral(R"(\bcooler\b|\bcolder\b|\bcool\b)")))
            out.calls.append(call("update_palette", Json{{"temperature_k", std::min(12000, k + 600)}}));
        else if (r.has(QStringLiteral(R"(\bdesaturated\b|\bless saturated\b|\bmuted\b)")))
            out.calls.append(call("update_palette",
                                  Json{{"saturation", film ? std::max(0.0, film->saturation - 0.2) : 0.8}}));
        else if (r.has(QStringLiteral(R"(\bmore saturated\b|\bvivid\b)")))
            out.calls.append(call("update_palette",
                                  Json{{"saturation", film ? std::min(2.0, film->saturation + 0.2) : 1.2}}));
    }

    // Which shots.
    QList<Id> shots;
    auto addShot = [&shots](Id id) {
        if (!shots.contains(id))
            shots.append(id);
    };
    std::optional<int> takeOrdinal;
    r.each(QStringLiteral(R"(\btake\s+(?:#\s*)?(\d+)\b)"), [&](const QRegularExpressionMatch &m) {
        takeOrdinal = m.captured(1).toInt();
        return true;
    });
    QStringList missing;
    r.each(QStringLiteral(R"(\bshots?\s+(?:#\s*)?(\d+[a-z]{0,2})\b)"), [&](const QRegularExpressionMatch &m) {
        if (const Shot *s = project.findShot(m.captured(1)); s || shotByNumber(project, m.captured(1)))
            addShot(s ? s->id : shotByNumber(project, m.captured(1))->id);
        else
            missing.append(m.captured(1).toUpper());
        return true;
    });
    r.each(QStringLiteral(R"(\b(\d+[a-z]{1,2})\b)"), [&](const QRegularExpressionMatch &m) {
        if (const Shot *s = shotByNumber(project, m.captured(1))) {
            addShot(s->id);
            return true;
        }
        return false;
    });
    // "Make 2C low and regenerate it": "it" is the shot just named; only a message that names none
    // means the selection.
    if (shots.isEmpty() && missing.isEmpty() &&
        r.has(QStringLiteral(R"(\b(?:this shot|this one|the selected shot|the current shot|it)\b)")) &&
        context.currentShot != 0 && project.shot(context.currentShot))
        addShot(context.currentShot);

    Json filter = Json::object();
    r.each(QStringLiteral(R"(\bscene\s+(\w+)\b)"), [&](const QRegularExpressionMatch &m) {
        filter["scene"] = m.captured(1).toUpper();
        return true;
    });
    if (r.has(QStringLiteral(R"(\bstale\b)")))
        filter["stale"] = true;
    if (r.has(QStringLiteral(R"(\bfail(?:ed|ing)\b)")))
        filter["failed"] = true;
    if (std::optional<QString> size = r.first(kSizeSets))
        filter["size"] = *size;
    for (const Character &c : project.characters) {
        const QString first = c.name.section(QLatin1Char(' '), 0, 0).toLower();
        if (r.has(QStringLiteral(R"(\b%1(?:'s|s')?\b)").arg(QRegularExpression::escape(first))) &&
            !filter.contains("character"))
            filter["character"] = c.name;
    }
    for (const Location &l : project.locations)
        if (!l.name.isEmpty() && r.has(QStringLiteral(R"(\b(?:at |in )?(?:the )?%1\b)")
                                           .arg(QRegularExpression::escape(l.name.toLower()))))
            filter["location"] = l.name;

    // What to change.
    Json set = Json::object();
    r.each(QStringLiteral(R"(\b(\d{1,3}(?:\.\d+)?)\s*mm\b)"), [&](const QRegularExpressionMatch &m) {
        set["focal_length_mm"] = m.captured(1).toDouble();
        return true;
    });
    r.each(QStringLiteral(R"(\b[ft]\s*/?\s*(\d{1,2}(?:\.\d+)?)\b)"), [&](const QRegularExpressionMatch &m) {
        set["aperture"] = m.captured(1).toDouble();
        return true;
    });
    r.each(QStringLiteral(R"(\b(\d+(?:\.\d+)?)\s*(?:s|sec|secs|seconds)\b)"),
           [&](const QRegularExpressionMatch &m) {
               set["duration_sec"] = m.captured(1).toDouble();
               return true;
           });
    QStringList lighting;
    for (const Phrase &p : kLighting)
        if (r.has(QString::fromLatin1(p.pattern)))
            lighting.append(QString::fromLatin1(p.value));
    if (!lighting.isEmpty())
        set["lighting"] = lighting.join(QStringLiteral(", "));
    if (auto v = r.first(kCompositions))
        set["composition"] = *v;
    if (auto v = r.first(kAngles))
        set["angle"] = *v;
    if (auto v = r.first(kMovements))
        set["movement"] = *v;
    if (auto v = r.first(kSizes))
        set["size"] = *v;
    if (auto v = r.first(kWeather))
        set["weather"] = *v;
    if (auto v = r.first(kColour))
        set["palette_hint"] = *v;
    if (auto v = r.first(kMoods))
        set["mood"] = *v;

    out.ignored = r.leftovers();
    const bool filtered = !filter.empty();
    QList<Id> targets = shots;
    // With no shot named, the selected one is meant ("85mm at f/1.8", "approve").
    if (targets.isEmpty() && !filtered && context.currentShot != 0 && project.shot(context.currentShot))
        targets.append(context.currentShot);
    if (targets.isEmpty() && filtered) {
        // Per-shot tools need the shots a filter names; the filter itself is checked by the tools.
        for (const Shot &s : project.shots) {
            bool in = true;
            if (filter.contains("scene")) {
                const Scene *sc = project.scene(s.sceneId);
                in = in && sc && sc->number.compare(filter["scene"].get<QString>(), Qt::CaseInsensitive) == 0;
            }
            if (filter.contains("character")) {
                const Character *c = project.characterByName(filter["character"].get<QString>());
                in = in && c && s.characterIds().contains(c->id);
            }
            if (filter.contains("size"))
                in = in && Json(s.size) == filter["size"];
            if (filter.contains("location")) {
                const Scene *sc = project.scene(s.sceneId);
                const Location *l = sc ? project.location(sc->locationId) : nullptr;
                in = in && l && l->name == filter["location"].get<QString>();
            }
            if (in && !filter.contains("stale") && !filter.contains("failed"))
                targets.append(s.id);
        }
    }
    const QString examples = QStringLiteral("Try, for example: \"") +
                             commandExamples().join(QStringLiteral("\", \"")) + QStringLiteral("\".");
    if (!missing.isEmpty()) {
        out.calls.clear();
        out.notUnderstood =
            QStringLiteral("There is no shot %1 in this project.").arg(missing.join(QStringLiteral(", ")));
        return out;
    }
    auto askWhich = [&](const QString &what) {
        out.calls.clear();
        out.notUnderstood =
            QStringLiteral("Which shots should I %1? Name them (\"2C\", \"shot 14\", \"scene 5\", "
                           "\"Mira's close-ups\", \"the stale ones\").")
                .arg(what);
        return out;
    };
    auto shotArg = [&project](Id id) {
        const Shot *s = project.shot(id);
        return s->number.isEmpty() ? QString::number(id) : s->number;
    };

    if (!set.empty()) {
        if (targets.isEmpty() && filtered)
            return askWhich(QStringLiteral("change (stale or failed shots can be regenerated, not edited)"));
        if (targets.isEmpty())
            return askWhich(QStringLiteral("change"));
        for (Id id : std::as_const(targets)) {
            Json args = set;
            args["shot"] = shotArg(id);
            out.calls.append(call("update_shot", args));
        }
    }
    if (regenerate && lookBook) {
        Json args = Json::object();
        if (lower.contains(QLatin1String("regenerate")) || lower.contains(QLatin1String("redo")))
            args["regenerate"] = true;
        if (!provider.isEmpty())
            args["provider"] = provider;
        out.calls.append(call("generate_look_book", args));
    } else if (regenerate) {
        const QList<Id> named = shots.isEmpty() && !filtered ? targets : shots;
        Json args = named.isEmpty() ? filter : Json::object();
        if (!named.isEmpty()) {
            Json list = Json::array();
            for (Id id : named)
                list.push_back(shotArg(id));
            args["shots"] = list;
        }
        if (args.empty())
            return askWhich(QStringLiteral("regenerate"));
        if (!changes.isEmpty())
            args["changes"] = changes;
        if (!provider.isEmpty())
            args["provider"] = provider;
        out.calls.append(call("regenerate_shots", args));
    }
    if (approve) {
        if (targets.isEmpty())
            return askWhich(QStringLiteral("approve"));
        for (Id id : std::as_const(targets)) {
            Json args{{"shot", shotArg(id)}};
            if (takeOrdinal) {
                const QList<const Take *> takes = project.takesOfShot(id);
                args["take"] = *takeOrdinal >= 1 && *takeOrdinal <= takes.size() ? takes[*takeOrdinal - 1]->id
                                                                                 : Id(*takeOrdinal);
            }
            out.calls.append(call("approve_take", args));
        }
    }
    if (explain) {
        if (targets.isEmpty())
            return askWhich(QStringLiteral("explain"));
        for (Id id : std::as_const(targets))
            out.calls.append(call("explain_prompt", Json{{"shot", shotArg(id)}}));
    }
    const bool acted = !out.calls.isEmpty();
    if (!findQuery.isEmpty()) {
        out.calls.append(call("find_shots", Json{{"query", findQuery}}));
    } else if (dna && !acted) {
        out.calls.append(call("get_dna", Json::object()));
    } else if (show || (!acted && (!shots.isEmpty() || filtered))) {
        if (!shots.isEmpty())
            for (Id id : std::as_const(shots))
                out.calls.append(call("get_shot", Json{{"shot", shotArg(id)}}));
        else if (show || filtered)
            out.calls.append(call("list_shots", filter));
    }
    if (out.calls.isEmpty()) {
        out.notUnderstood =
            (out.ignored.isEmpty()
                 ? QStringLiteral("I did not understand that.")
                 : QStringLiteral("I did not understand \"%1\".").arg(out.ignored.join(u' '))) +
            QLatin1Char(' ') + examples;
        return out;
    }
    for (qsizetype i = 0; i < out.calls.size(); ++i)
        out.calls[i].id = QStringLiteral("offline-%1").arg(i + 1);
    return out;
}

} // namespace shotcraft::director
