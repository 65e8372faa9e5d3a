#include "dna/StyleDesigner.h"

#include "cinema/KnowledgeBase.h"

#include <algorithm>
#include <cmath>

namespace shotcraft::dna {

namespace {
struct RatioName {
    double ratio;
    const char *name;
};
constexpr RatioName kRatios[] = {
    {2.76, "2.76:1 ultra panavision"},
    {2.39, "2.39:1 anamorphic widescreen"},
    {2.0, "2:1 univisium"},
    {1.85, "1.85:1 flat widescreen"},
    {16.0 / 9.0, "16:9 widescreen"},
    {1.66, "1.66:1 european widescreen"},
    {1.43, "1.43:1 IMAX"},
    {4.0 / 3.0, "4:3 academy"},
    {1.0, "1:1 square"},
    {9.0 / 16.0, "9:16 vertical"},
};

QString sensorName(Sensor sensor) {
    switch (sensor) {
    case Sensor::FullFrame:
        return QStringLiteral("full-frame");
    case Sensor::LargeFormat:
        return QStringLiteral("large-format");
    default:
        return QStringLiteral("Super 35");
    }
}
} // namespace

QString aspectRatioToken(double aspectRatio) {
    const RatioName *best = &kRatios[0];
    for (const RatioName &r : kRatios)
        if (std::fabs(r.ratio - aspectRatio) < std::fabs(best->ratio - aspectRatio))
            best = &r;
    if (std::fabs(best->ratio - aspectRatio) > 0.03)
        return QStringLiteral("%1:1 frame").arg(aspectRatio, 0, 'f', 2);
    return QLatin1String(best->name);
}

void designStyleTokens(Project &project, const cinema::KnowledgeBase &kb) {
    const cinema::GenreProfile &genre = kb.genre(project.info.genre);
    auto add = [&](StyleCategory category, const QString &value, double weight) {
        if (value.trimmed().isEmpty())
            return;
        const bool present = std::any_of(project.styleTokens.cbegin(), project.styleTokens.cend(),
                                         [&](const StyleToken &t) { return t.category == category; });
        if (!present)
            project.styleTokens.append(StyleToken{project.allocateId(), category, value, weight});
    };
    add(StyleCategory::Format,
        QStringLiteral("cinematic %1 film still, %2 %3")
            .arg(project.info.period.isEmpty() ? QString() : project.info.period + QLatin1Char(' '),
                 sensorName(genre.lenses.sensor), genre.name)
            .simplified(),
        1.0);
    // The aspect ratio is a project setting that may change at any time: keep the token in step.
    const QString ratio = aspectRatioToken(project.info.aspectRatio);
    auto it = std::find_if(project.styleTokens.begin(), project.styleTokens.end(),
                           [](const StyleToken &t) { return t.category == StyleCategory::AspectRatio; });
    if (it != project.styleTokens.end())
        it->value = ratio;
    else
        add(StyleCategory::AspectRatio, ratio, 1.0);
    add(StyleCategory::FilmStock, genre.filmStock, 0.9);
    add(StyleCategory::LensCharacter,
        genre.lenses.character.isEmpty() ? genre.lenses.name
                                         : genre.lenses.name + QStringLiteral(": ") + genre.lenses.character,
        0.8);
    add(StyleCategory::Grain, genre.grain, 0.7);
    add(StyleCategory::Grade, genre.grade, 0.9);
    if (!genre.lighting.isEmpty())
        add(StyleCategory::Lighting,
            genre.lighting.first().name + QStringLiteral(" lighting, ") + genre.lighting.first().keyToFill +
                QStringLiteral(" key-to-fill"),
            0.8);
}

QStringList styleTokenValues(const Project &project) {
    QList<StyleToken> tokens = project.styleTokens;
    std::stable_sort(tokens.begin(), tokens.end(),
                     [](const StyleToken &a, const StyleToken &b) { return a.category < b.category; });
    QStringList out;
    for (const StyleToken &t : tokens)
        if (!t.value.trimmed().isEmpty())
            out.append(t.value.trimmed());
    return out;
}

} // namespace shotcraft::dna
