#include "cinema/KnowledgeBase.h"

#include "domain/Logging.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

// Q_INIT_RESOURCE declares the initialiser in the enclosing namespace, so it must run out here.
static void initCinemaResources() {
    Q_INIT_RESOURCE(shotcraft_resources);
}

namespace shotcraft::cinema {

namespace {

QString str(const Json &j, const char *key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

double num(const Json &j, const char *key, double fallback) {
    const auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<double>() : fallback;
}

QStringList strings(const Json &j, const char *key) {
    QStringList out;
    const auto it = j.find(key);
    if (it == j.end() || !it->is_array())
        return out;
    for (const Json &item : *it)
        if (item.is_string())
            out.append(QString::fromStdString(item.get<std::string>()));
    return out;
}

// Reads an enum list by JSON spelling; an unknown name is an error so typos in the data surface.
template <typename Enum> Result<QList<Enum>> enums(const Json &j, const char *key) {
    QList<Enum> out;
    for (const QString &name : strings(j, key)) {
        const auto value = enumFromName<Enum>(name);
        if (!value)
            return Result<QList<Enum>>::failure(
                QStringLiteral("unknown value \"%1\" in \"%2\"").arg(name, QLatin1String(key)));
        out.append(*value);
    }
    return out;
}

Result<Json> readJson(const QString &directory, const QString &file) {
    QFile f(directory + QLatin1Char('/') + file);
    if (!f.open(QIODevice::ReadOnly))
        return Result<Json>::failure(QStringLiteral("cannot read %1: %2").arg(f.fileName(), f.errorString()));
    QString error;
    auto json = parseJson(f.readAll(), &error);
    if (!json)
        return Result<Json>::failure(QStringLiteral("%1: %2").arg(file, error));
    return *json;
}

Result<Swatch> parseSwatch(const Json &j) {
    Swatch s;
    s.name = str(j, "name");
    s.hex = str(j, "hex").toLower();
    static const QRegularExpression hexRe(QStringLiteral("^#[0-9a-f]{6}$"));
    if (s.name.isEmpty() || !hexRe.match(s.hex).hasMatch())
        return Result<Swatch>::failure(QStringLiteral("bad swatch \"%1\" %2").arg(s.name, s.hex));
    if (j.contains("role")) {
        const auto role = enumFromName<SwatchRole>(str(j, "role"));
        if (!role)
            return Result<Swatch>::failure(QStringLiteral("bad swatch role for \"%1\"").arg(s.name));
        s.role = *role;
    }
    return s;
}

Result<GenreProfile> parseGenre(const Json &j) {
    using R = Result<GenreProfile>;
    GenreProfile g;
    g.name = str(j, "name");
    if (g.name.isEmpty())
        return R::failure(QStringLiteral("a genre without a name"));
    const auto fail = [&g](const QString &why) {
        return R::failure(g.name + QStringLiteral(": ") + why);
    };
    g.contrast = num(j, "contrast", 0.5);
    g.saturation = num(j, "saturation", 1.0);
    for (const Json &p : j.value("palettes", Json::array())) {
        GenrePalette palette;
        palette.name = str(p, "name");
        palette.use = str(p, "use");
        palette.temperatureK = static_cast<int>(num(p, "temperatureK", 5600));
        palette.saturation = num(p, "saturation", 1.0);
        for (const Json &s : p.value("swatches", Json::array())) {
            auto swatch = parseSwatch(s);
            if (!swatch)
                return fail(swatch.error());
            palette.swatches.append(*swatch);
        }
        for (const QString &t : strings(p, "times")) {
            const auto time = enumFromName<TimeOfDay>(t);
            if (!time)
                return fail(QStringLiteral("unknown time of day \"%1\"").arg(t));
            palette.times.append(*time);
        }
        palette.emotions = strings(p, "emotions");
        if (palette.swatches.size() < 3)
            return fail(QStringLiteral("palette \"%1\" has fewer than three swatches").arg(palette.name));
        g.palettes.append(palette);
    }
    for (const Json &l : j.value("lighting", Json::array()))
        g.lighting.append({str(l, "name"), str(l, "description"), str(l, "keyToFill"), str(l, "use")});
    const Json lenses = j.value("lenses", Json::object());
    g.lenses.name = str(lenses, "name");
    for (const Json &f : lenses.value("focalLengthsMm", Json::array()))
        if (f.is_number())
            g.lenses.focalLengthsMm.append(f.get<double>());
    std::sort(g.lenses.focalLengthsMm.begin(), g.lenses.focalLengthsMm.end());
    g.lenses.apertureShallow = num(lenses, "apertureShallow", 2.0);
    g.lenses.apertureDeep = num(lenses, "apertureDeep", 5.6);
    if (const auto sensor = enumFromName<Sensor>(str(lenses, "sensor")))
        g.lenses.sensor = *sensor;
    else
        return fail(QStringLiteral("unknown sensor"));
    g.lenses.character = str(lenses, "character");
    for (const Json &m : j.value("movement", Json::array())) {
        const auto move = enumFromName<CameraMovement>(str(m, "movement"));
        if (!move)
            return fail(QStringLiteral("unknown movement \"%1\"").arg(str(m, "movement")));
        g.movement.append({*move, str(m, "why")});
    }
    auto compositions = enums<CompositionRule>(j, "compositions");
    if (!compositions)
        return fail(compositions.error());
    g.compositions = *compositions;
    g.negative = strings(j, "negative");
    g.filmStock = str(j, "filmStock");
    g.grain = str(j, "grain");
    g.grade = str(j, "grade");
    g.referenceFilms = strings(j, "referenceFilms");
    if (g.palettes.isEmpty() || g.lighting.isEmpty() || g.lenses.focalLengthsMm.isEmpty() ||
        g.movement.isEmpty() || g.compositions.isEmpty())
        return fail(QStringLiteral("needs palettes, lighting, lenses, movement and compositions"));
    return g;
}

QString simplify(const QString &text) {
    return text.trimmed().toLower().simplified();
}

} // namespace

const Swatch *GenrePalette::swatch(SwatchRole role) const {
    for (const Swatch &s : swatches)
        if (s.role == role)
            return &s;
    return nullptr;
}

double LensSet::nearestFocal(double mm) const {
    double best = focalLengthsMm.isEmpty() ? mm : focalLengthsMm.first();
    for (double f : focalLengthsMm)
        if (std::abs(f - mm) < std::abs(best - mm))
            best = f;
    return best;
}

int GenreProfile::paletteIndexFor(TimeOfDay timeOfDay, const QString &emotion) const {
    int bestIndex = 0;
    int bestScore = -1;
    for (int i = 0; i < palettes.size(); ++i) {
        const GenrePalette &p = palettes.at(i);
        // Emotion outweighs time of day: the feeling of a scene decides its colour more than the clock.
        const int score = (p.emotions.contains(emotion) ? 3 : 0) + (p.times.contains(timeOfDay) ? 2 : 0);
        if (score > bestScore) {
            bestScore = score;
            bestIndex = i;
        }
    }
    return bestIndex;
}

Result<KnowledgeBase> KnowledgeBase::load(const QString &directory) {
    using R = Result<KnowledgeBase>;
    KnowledgeBase kb;

    auto genres = readJson(directory, QStringLiteral("genres.json"));
    if (!genres)
        return R::failure(genres.error());
    const Json aliases = genres->value("aliases", Json::object()); // items() must not outlive it
    for (const auto &[alias, target] : aliases.items())
        kb.m_genreAliases.insert(simplify(QString::fromStdString(alias)),
                                 QString::fromStdString(target.get<std::string>()));
    kb.m_fallbackGenre = str(*genres, "fallback");
    for (const Json &g : genres->value("genres", Json::array())) {
        auto genre = parseGenre(g);
        if (!genre)
            return R::failure(QStringLiteral("genres.json: ") + genre.error());
        kb.m_genres.append(*genre);
    }

    auto emotions = readJson(directory, QStringLiteral("emotions.json"));
    if (!emotions)
        return R::failure(emotions.error());
    kb.m_neutralEmotion = str(*emotions, "neutral");
    for (const Json &e : emotions->value("emotions", Json::array())) {
        EmotionProfile p;
        p.name = str(e, "name");
        p.keywords = strings(e, "keywords");
        p.temperatureShiftK = static_cast<int>(num(e, "temperatureShiftK", 0));
        p.saturationScale = num(e, "saturationScale", 1.0);
        p.hueShiftDeg = num(e, "hueShiftDeg", 0);
        p.lightingKey = str(e, "lightingKey");
        p.keyToFill = str(e, "keyToFill");
        p.focalLean = num(e, "focalLean", 0.5);
        if (p.focalLean < 0.0 || p.focalLean > 1.0)
            return R::failure(QStringLiteral("emotions.json: %1's focalLean is outside 0..1").arg(p.name));
        p.focalWhy = str(e, "focalWhy");
        p.why = str(e, "why");
        if (e.contains("accent") && e["accent"].is_object()) {
            auto accent = parseSwatch(e["accent"]);
            if (!accent)
                return R::failure(QStringLiteral("emotions.json: ") + accent.error());
            accent->role = SwatchRole::Accent;
            p.accent = *accent;
        }
        kb.m_emotions.append(p);
    }

    auto sizes = readJson(directory, QStringLiteral("shot-sizes.json"));
    if (!sizes)
        return R::failure(sizes.error());
    for (const Json &s : sizes->value("shotSizes", Json::array())) {
        const auto size = enumFromName<ShotSize>(str(s, "size"));
        if (!size)
            return R::failure(QStringLiteral("shot-sizes.json: unknown size \"%1\"").arg(str(s, "size")));
        kb.m_shotSizes.append({*size, num(s, "minFocalMm", 35), num(s, "maxFocalMm", 50),
                               num(s, "spanM", 0.9), str(s, "framing"), str(s, "use")});
    }

    auto rules = readJson(directory, QStringLiteral("composition.json"));
    if (!rules)
        return R::failure(rules.error());
    for (const Json &r : rules->value("rules", Json::array())) {
        CompositionProfile c;
        const auto rule = enumFromName<CompositionRule>(str(r, "rule"));
        if (!rule)
            return R::failure(QStringLiteral("composition.json: unknown rule \"%1\"").arg(str(r, "rule")));
        c.rule = *rule;
        c.name = str(r, "name");
        c.description = str(r, "description");
        c.whenChosen = str(r, "whenChosen");
        c.moods = strings(r, "moods");
        auto purposes = enums<ShotPurpose>(r, "purposes");
        auto ruleSizes = enums<ShotSize>(r, "sizes");
        if (!purposes || !ruleSizes)
            return R::failure(QStringLiteral("composition.json: ") +
                              (!purposes ? purposes.error() : ruleSizes.error()));
        c.purposes = *purposes;
        c.sizes = *ruleSizes;
        kb.m_compositions.append(c);
    }

    auto negatives = readJson(directory, QStringLiteral("negatives.json"));
    if (!negatives)
        return R::failure(negatives.error());
    kb.m_baseNegative = strings(*negatives, "base");
    kb.m_periodAlways = strings(*negatives, "periodAlways");
    for (const Json &p : negatives->value("periods", Json::array()))
        kb.m_periods.append({static_cast<int>(num(p, "before", 0)), strings(p, "additions")});
    const Json shotNegatives = negatives->value("shot", Json::object());
    for (const auto &[key, list] : shotNegatives.items()) {
        QStringList items;
        for (const Json &item : list)
            items.append(QString::fromStdString(item.get<std::string>()));
        kb.m_shotNegative.insert(QString::fromStdString(key), items);
    }

    // Everything the engine looks up must be there: one entry per shot size and per rule.
    for (int s = 0; s <= static_cast<int>(ShotSize::Insert); ++s) {
        const auto size = static_cast<ShotSize>(s);
        if (std::none_of(kb.m_shotSizes.cbegin(), kb.m_shotSizes.cend(),
                         [size](const ShotSizeProfile &p) { return p.size == size; }))
            return R::failure(QStringLiteral("shot-sizes.json: no entry for %1").arg(enumName(size)));
    }
    for (int r = 0; r <= static_cast<int>(CompositionRule::GoldenRatio); ++r) {
        const auto rule = static_cast<CompositionRule>(r);
        if (std::none_of(kb.m_compositions.cbegin(), kb.m_compositions.cend(),
                         [rule](const CompositionProfile &p) { return p.rule == rule; }))
            return R::failure(QStringLiteral("composition.json: no entry for %1").arg(enumName(rule)));
    }
    if (kb.m_genres.isEmpty() || !kb.isKnownGenre(kb.m_fallbackGenre))
        return R::failure(QStringLiteral("genres.json: no genres or an unknown fallback"));
    if (!kb.emotion(kb.m_neutralEmotion))
        return R::failure(QStringLiteral("emotions.json: the neutral emotion is missing"));
    if (kb.m_baseNegative.isEmpty())
        return R::failure(QStringLiteral("negatives.json: empty base list"));

    // Compiled once: genre and mood lookups run for every prompt, often from several threads.
    QList<std::pair<QString, QString>> needles;
    for (const GenreProfile &g : kb.m_genres)
        needles.append({g.name, g.name});
    for (auto it = kb.m_genreAliases.cbegin(); it != kb.m_genreAliases.cend(); ++it)
        needles.append({it.key(), it.value()});
    std::sort(needles.begin(), needles.end(), [](const auto &a, const auto &b) {
        return a.first.size() != b.first.size() ? a.first.size() > b.first.size() : a.first < b.first;
    });
    for (const auto &[needle, target] : needles)
        kb.m_genreMatchers.append(
            {QRegularExpression(
                 QStringLiteral("(^|[^a-z])%1($|[^a-z])").arg(QRegularExpression::escape(needle))),
             target});
    for (const EmotionProfile &e : kb.m_emotions) {
        if (e.name == kb.m_neutralEmotion || e.keywords.isEmpty())
            continue;
        QStringList escaped;
        for (const QString &k : e.keywords)
            escaped.append(QRegularExpression::escape(k.toLower()));
        kb.m_emotionMatchers.append(
            {QRegularExpression(QStringLiteral("\\b(%1)\\b").arg(escaped.join(QLatin1Char('|')))), e.name});
    }
    return kb;
}

const KnowledgeBase &KnowledgeBase::instance() {
    static const KnowledgeBase kb = [] {
        // The resources live in a static library: make sure their initialiser has run.
        if (!QDir(QStringLiteral(":/cinema")).exists())
            initCinemaResources();
        auto loaded = load(QStringLiteral(":/cinema"));
        if (!loaded) {
            qCCritical(lcCinema) << "knowledge base failed to load:" << loaded.error();
            return KnowledgeBase();
        }
        return *loaded;
    }();
    return kb;
}

QString KnowledgeBase::normaliseGenre(const QString &genre) const {
    const QString g = simplify(genre);
    if (isKnownGenre(g))
        return g;
    if (m_genreAliases.contains(g))
        return m_genreAliases.value(g);
    // Compound labels ("Drama / Romance", "sci-fi thriller"): the first part naming a known genre.
    static const QRegularExpression separators(QStringLiteral("[/,;&|+]|\\band\\b"));
    const QStringList parts = g.split(separators, Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const QString p = simplify(part);
        if (isKnownGenre(p))
            return p;
        if (m_genreAliases.contains(p))
            return m_genreAliases.value(p);
    }
    // Then any word or alias inside the text, earliest first (longest first at the same place).
    qsizetype bestPos = -1;
    QString best;
    for (const Matcher &m : m_genreMatchers) {
        const auto match = m.pattern.match(g);
        if (match.hasMatch() && (bestPos < 0 || match.capturedStart() < bestPos)) {
            bestPos = match.capturedStart();
            best = m.target;
        }
    }
    return best.isEmpty() ? m_fallbackGenre : best;
}

bool KnowledgeBase::isKnownGenre(const QString &genre) const {
    return std::any_of(m_genres.cbegin(), m_genres.cend(),
                       [&genre](const GenreProfile &g) { return g.name == genre; });
}

QStringList KnowledgeBase::genreNames() const {
    QStringList names;
    for (const GenreProfile &g : m_genres)
        names.append(g.name);
    return names;
}

const GenreProfile &KnowledgeBase::genre(const QString &name) const {
    static const GenreProfile empty;
    const QString normal = normaliseGenre(name);
    for (const GenreProfile &g : m_genres)
        if (g.name == normal)
            return g;
    return m_genres.isEmpty() ? empty : m_genres.first();
}

QStringList KnowledgeBase::emotionNames() const {
    QStringList names;
    for (const EmotionProfile &e : m_emotions)
        names.append(e.name);
    return names;
}

const EmotionProfile *KnowledgeBase::emotion(const QString &name) const {
    for (const EmotionProfile &e : m_emotions)
        if (e.name == name)
            return &e;
    return nullptr;
}

const EmotionProfile &KnowledgeBase::emotionFor(const QString &mood) const {
    static const EmotionProfile empty;
    const QString text = simplify(mood);
    // The keyword that appears first in the text wins: "grief giving way to hope" is grief.
    const EmotionProfile *best = nullptr;
    qsizetype bestPos = -1;
    for (const Matcher &m : m_emotionMatchers) {
        const auto match = m.pattern.match(text);
        if (match.hasMatch() && (bestPos < 0 || match.capturedStart() < bestPos)) {
            bestPos = match.capturedStart();
            best = emotion(m.target);
        }
    }
    if (best)
        return *best;
    const EmotionProfile *neutral = emotion(m_neutralEmotion);
    return neutral ? *neutral : empty;
}

const ShotSizeProfile &KnowledgeBase::shotSize(ShotSize size) const {
    static const ShotSizeProfile fallback;
    for (const ShotSizeProfile &p : m_shotSizes)
        if (p.size == size)
            return p;
    return fallback;
}

const CompositionProfile &KnowledgeBase::composition(CompositionRule rule) const {
    static const CompositionProfile fallback;
    for (const CompositionProfile &p : m_compositions)
        if (p.rule == rule)
            return p;
    return fallback;
}

int KnowledgeBase::periodYear(const QString &period) {
    const QString p = simplify(period);
    if (p.isEmpty() || p.contains(QLatin1String("contemporary")) || p.contains(QLatin1String("present")))
        return 0;
    static const QRegularExpression year(QStringLiteral("(1[0-9]{3}|20[0-9]{2})"));
    if (const auto m = year.match(p); m.hasMatch())
        return m.captured(1).toInt();
    static const QRegularExpression shortDecade(QStringLiteral("\\b'?([2-9]0)s\\b"));
    if (const auto m = shortDecade.match(p); m.hasMatch())
        return 1900 + m.captured(1).toInt();
    struct Era {
        const char *word;
        int year;
    };
    static constexpr Era eras[] = {{"medieval", 1300},  {"renaissance", 1500}, {"elizabethan", 1580},
                                   {"regency", 1815},   {"victorian", 1870},   {"edwardian", 1905},
                                   {"civil war", 1863}, {"wild west", 1875},   {"old west", 1875},
                                   {"frontier", 1870},  {"prohibition", 1925}, {"depression", 1933},
                                   {"wartime", 1943},   {"world war", 1943},   {"ancient", 100}};
    for (const Era &e : eras)
        if (p.contains(QLatin1String(e.word)))
            return e.year;
    return 0;
}

QStringList KnowledgeBase::periodNegative(const QString &period) const {
    const int year = periodYear(period);
    if (year == 0)
        return {};
    QStringList out = m_periodAlways;
    for (const PeriodNegative &p : m_periods)
        if (year < p.before)
            for (const QString &item : p.additions)
                if (!out.contains(item))
                    out.append(item);
    return out;
}

} // namespace shotcraft::cinema
