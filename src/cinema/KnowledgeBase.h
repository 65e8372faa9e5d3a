// The cinematography knowledge base: what a director of photography knows per genre, per emotion,
// per shot size and per composition rule, loaded from the JSON in resources/cinema/ (":/cinema/").
// Everything the prompt engine and the Visual DNA builder choose is looked up here, so the choices
// are data a cinematographer can read and edit rather than adjectives buried in code.
#pragma once

#include "domain/Palette.h"
#include "domain/Result.h"
#include "domain/Shot.h"

#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>

namespace shotcraft::cinema {

// One named palette a genre habitually uses, and when.
struct GenrePalette {
    QString name;
    QString use;
    int temperatureK = 5600;
    double saturation = 1.0;
    QList<Swatch> swatches; // key, shadow, highlight, accent, skin, background
    QList<TimeOfDay> times; // when it suits
    QStringList emotions;   // emotion names it suits

    // The swatch playing `role`, or nullptr.
    const Swatch *swatch(SwatchRole role) const;
};

struct LightingStyle {
    QString name;
    QString description;
    QString keyToFill; // "2:1", "8:1", ...
    QString use;
};

// The lenses a genre reaches for. Apertures are T-stops.
struct LensSet {
    QString name;
    QList<double> focalLengthsMm; // ascending
    double apertureShallow = 2.0;
    double apertureDeep = 5.6;
    Sensor sensor = Sensor::Super35;
    QString character; // how the glass renders

    // The focal length of the set nearest to `mm`.
    double nearestFocal(double mm) const;
};

struct MovementHabit {
    CameraMovement movement = CameraMovement::Static;
    QString why;
};

struct GenreProfile {
    QString name;
    double contrast = 0.5;   // 0 flat .. 1 extreme
    double saturation = 1.0; // 1 natural
    QList<GenrePalette> palettes;
    QList<LightingStyle> lighting;
    LensSet lenses;
    QList<MovementHabit> movement;
    QList<CompositionRule> compositions; // favoured, best first
    QStringList negative;                // genre-specific negative-prompt additions
    QString filmStock;
    QString grain;
    QString grade;
    QStringList referenceFilms;

    // Index of the palette that suits a scene at `timeOfDay` with the given emotion (deterministic).
    int paletteIndexFor(TimeOfDay timeOfDay, const QString &emotion) const;
};

// Emotional colour theory for one emotion.
struct EmotionProfile {
    QString name;
    QStringList keywords;
    int temperatureShiftK = 0;    // added to the palette's colour temperature (negative = warmer)
    double saturationScale = 1.0; // multiplies the palette's saturation
    double hueShiftDeg = 0.0;     // rotates every swatch's hue
    QString lightingKey;          // "high-key", "mid-key", "low-key"
    QString keyToFill;
    double focalLean = 0.5; // where in a shot size's focal range the lens sits: 0 widest, 1 longest
    QString focalWhy;
    std::optional<Swatch> accent; // an accent the emotion brings (red for danger, ...)
    QString why;
};

struct ShotSizeProfile {
    ShotSize size = ShotSize::Medium;
    double minFocalMm = 35;
    double maxFocalMm = 50;
    double spanM = 0.9; // subject height that fills the frame
    QString framing;
    QString use;
};

struct CompositionProfile {
    CompositionRule rule = CompositionRule::RuleOfThirds;
    QString name;
    QString description;
    QString whenChosen;
    QStringList moods; // emotion names that call for it
    QList<ShotPurpose> purposes;
    QList<ShotSize> sizes;
};

struct PeriodNegative {
    int before = 0; // applies to periods set before this year
    QStringList additions;
};

class KnowledgeBase {
public:
    // The built-in knowledge base from ":/cinema/". Loads once; a damaged resource is a build
    // error caught by the tests, so this never fails at run time (it logs and stays empty).
    static const KnowledgeBase &instance();
    // Loads the JSON files from a directory (":/cinema" or a folder on disk).
    static Result<KnowledgeBase> load(const QString &directory);

    // "Sci-Fi", "science-fiction", "SF" -> "science fiction"; unknown genres map to the fallback
    // ("drama"). A compound genre ("romantic comedy / drama") takes its first known word.
    QString normaliseGenre(const QString &genre) const;
    bool isKnownGenre(const QString &genre) const;
    QStringList genreNames() const;
    const GenreProfile &genre(const QString &name) const; // normalised first; never fails

    QStringList emotionNames() const;
    // The emotion a free-text mood ("tense, quiet menace") names, by keyword; neutral when none.
    const EmotionProfile &emotionFor(const QString &mood) const;
    const EmotionProfile *emotion(const QString &name) const;

    const ShotSizeProfile &shotSize(ShotSize size) const;
    const CompositionProfile &composition(CompositionRule rule) const;
    QList<CompositionProfile> compositions() const { return m_compositions; }

    QStringList baseNegative() const { return m_baseNegative; }
    // Anachronisms to exclude for a period ("1950s", "1880", "Victorian"); empty for contemporary.
    QStringList periodNegative(const QString &period) const;
    QStringList shotNegative(const QString &key) const { return m_shotNegative.value(key); }

    // The year a period text names (first 4-digit year, a decade, or a known era word); 0 if none.
    static int periodYear(const QString &period);

private:
    struct Matcher {
        QRegularExpression pattern;
        QString target;
    };
    QHash<QString, QString> m_genreAliases;
    QList<Matcher> m_genreMatchers;   // genre names and aliases as whole words, longest first
    QList<Matcher> m_emotionMatchers; // one alternation of keywords per emotion
    QString m_fallbackGenre;
    QList<GenreProfile> m_genres;
    QList<EmotionProfile> m_emotions;
    QString m_neutralEmotion;
    QList<ShotSizeProfile> m_shotSizes;
    QList<CompositionProfile> m_compositions;
    QStringList m_baseNegative;
    QList<PeriodNegative> m_periods;
    QStringList m_periodAlways;
    QHash<QString, QStringList> m_shotNegative;
};

} // namespace shotcraft::cinema
