#include "dna/PaletteDesigner.h"

#include "cinema/KnowledgeBase.h"
#include "dna/ColourTools.h"

#include <QHash>

#include <algorithm>
#include <cmath>

namespace shotcraft::dna {

namespace {

Palette fromGenrePalette(const cinema::GenrePalette &source) {
    Palette p;
    p.name = source.name;
    p.swatches = source.swatches;
    p.temperatureK = source.temperatureK;
    p.saturation = source.saturation;
    return p;
}

// Pushes a palette by an emotion: hue rotation, saturation scale, colour temperature, and the
// emotion's own accent in place of the genre's.
Palette shiftedByEmotion(const Palette &base, const cinema::EmotionProfile &emotion, double strength) {
    Palette p = base;
    const double hue = emotion.hueShiftDeg * strength;
    const double satScale = 1.0 + (emotion.saturationScale - 1.0) * strength;
    const int shiftK = int(std::lround(emotion.temperatureShiftK * strength));
    // Negative Kelvin shift means warmer light (the knowledge base's convention).
    const double warmth = std::clamp(-double(shiftK) / 2000.0, -1.0, 1.0);
    for (Swatch &s : p.swatches) {
        // Skin keeps its hue: a grade that turns faces green reads as a mistake, not a mood.
        const bool skin = s.role == SwatchRole::Skin;
        s.hex = shiftColour(QColor(s.hex), skin ? 0.0 : hue, skin ? std::min(satScale, 1.1) : satScale,
                            skin ? warmth * 0.5 : warmth)
                    .name();
    }
    if (emotion.accent && strength >= 0.5) {
        bool replaced = false;
        for (Swatch &s : p.swatches) {
            if (s.role == SwatchRole::Accent) {
                s = Swatch{emotion.accent->name, emotion.accent->hex, SwatchRole::Accent};
                replaced = true;
                break;
            }
        }
        if (!replaced)
            p.swatches.append(Swatch{emotion.accent->name, emotion.accent->hex, SwatchRole::Accent});
    }
    p.temperatureK = std::clamp(base.temperatureK + shiftK, 1800, 12000);
    p.saturation = std::clamp(base.saturation * satScale, 0.0, 2.0);
    return p;
}

const cinema::EmotionProfile &emotionNamed(const cinema::KnowledgeBase &kb, const QString &name) {
    if (const cinema::EmotionProfile *e = kb.emotion(name))
        return *e;
    return kb.emotionFor(name);
}

QString describeShift(const Palette &from, const Palette &to) {
    QStringList parts;
    const int dk = to.temperatureK - from.temperatureK;
    if (dk < 0)
        parts.append(QStringLiteral("warmer (%1 K)").arg(dk));
    else if (dk > 0)
        parts.append(QStringLiteral("cooler (+%1 K)").arg(dk));
    const double ds = to.saturation / std::max(0.01, from.saturation);
    if (ds > 1.02)
        parts.append(QStringLiteral("more saturated (x%1)").arg(ds, 0, 'f', 2));
    else if (ds < 0.98)
        parts.append(QStringLiteral("desaturated (x%1)").arg(ds, 0, 'f', 2));
    return parts.isEmpty() ? QStringLiteral("unchanged") : parts.join(QStringLiteral(", "));
}

bool hasPalette(const Project &project, PaletteScope scope, Id scopeId) {
    return std::any_of(project.palettes.cbegin(), project.palettes.cend(),
                       [&](const Palette &p) { return p.scope == scope && p.scopeId == scopeId; });
}

} // namespace

void designPalettes(Project &project, const cinema::KnowledgeBase &kb) {
    const cinema::GenreProfile &genre = kb.genre(project.info.genre);
    if (genre.palettes.isEmpty())
        return;

    // The film's dominant emotion decides which of the genre's palettes is the base.
    QHash<QString, int> emotionCount;
    QHash<Id, QString> sceneEmotion;
    for (const Scene &s : project.scenes) {
        const QString name = kb.emotionFor(s.mood + QLatin1Char(' ') + s.paletteHint).name;
        sceneEmotion.insert(s.id, name);
        ++emotionCount[name];
    }
    auto dominant = [&](const QList<Id> &sceneIds) {
        QHash<QString, int> count;
        QString best;
        for (Id id : sceneIds) {
            const QString e = sceneEmotion.value(id);
            const int c = ++count[e];
            if (c > count.value(best) || best.isEmpty())
                best = e;
        }
        return best;
    };
    QList<Id> allScenes;
    for (const Scene &s : project.scenes)
        allScenes.append(s.id);
    const QString filmEmotion = dominant(allScenes);

    const int filmIndex =
        std::clamp(genre.paletteIndexFor(TimeOfDay::Day, filmEmotion), 0, int(genre.palettes.size()) - 1);
    Palette film = fromGenrePalette(genre.palettes[filmIndex]);
    if (!hasPalette(project, PaletteScope::Film, 0)) {
        film.id = project.allocateId();
        film.scope = PaletteScope::Film;
        film.rationale =
            QStringLiteral("The %1 genre's \"%2\" palette (%3), temperature %4 K, saturation %5; "
                           "the film's dominant emotion is %6. Reference films: %7.")
                .arg(genre.name, film.name, genre.palettes[filmIndex].use)
                .arg(film.temperatureK)
                .arg(film.saturation, 0, 'f', 2)
                .arg(filmEmotion.isEmpty() ? QStringLiteral("neutral") : filmEmotion,
                     genre.referenceFilms.join(QStringLiteral(", ")));
        project.palettes.append(film);
    } else {
        film = *std::find_if(project.palettes.cbegin(), project.palettes.cend(),
                             [](const Palette &p) { return p.scope == PaletteScope::Film; });
    }

    // Acts take the film palette pushed by their dominant emotion.
    QHash<Id, Palette> actPalettes;
    for (const Act &act : project.acts) {
        QList<Id> ids;
        for (const Scene *s : project.scenesOfAct(act.id))
            ids.append(s->id);
        const QString emotionName = dominant(ids);
        const cinema::EmotionProfile &emotion = emotionNamed(kb, emotionName);
        Palette p = shiftedByEmotion(film, emotion, 1.0);
        p.scope = PaletteScope::Act;
        p.scopeId = act.id;
        p.name = QStringLiteral("Act %1 — %2").arg(act.number).arg(emotion.name);
        const int share = int(std::count_if(ids.cbegin(), ids.cend(),
                                            [&](Id id) { return sceneEmotion.value(id) == emotion.name; }));
        p.rationale = QStringLiteral("%1 of %2 scenes in act %3 read as %4, so the film palette goes %5: %6.")
                          .arg(share)
                          .arg(ids.size())
                          .arg(act.number)
                          .arg(emotion.name, describeShift(film, p), emotion.why);
        actPalettes.insert(act.id, p);
        if (!hasPalette(project, PaletteScope::Act, act.id)) {
            p.id = project.allocateId();
            project.palettes.append(p);
        }
    }

    // Scenes start from the genre palette that suits their time of day and emotion, then take the
    // emotion's push; the act's variant is the fallback base so the act's arc carries through.
    for (const Scene &s : project.scenes) {
        if (hasPalette(project, PaletteScope::Scene, s.id))
            continue;
        const cinema::EmotionProfile &emotion = emotionNamed(kb, sceneEmotion.value(s.id));
        const int index =
            std::clamp(genre.paletteIndexFor(s.timeOfDay, emotion.name), 0, int(genre.palettes.size()) - 1);
        const Palette base = index == filmIndex ? film : fromGenrePalette(genre.palettes[index]);
        Palette p = shiftedByEmotion(base, emotion, 1.0);
        p.id = project.allocateId();
        p.scope = PaletteScope::Scene;
        p.scopeId = s.id;
        p.name = QStringLiteral("Scene %1 — %2")
                     .arg(s.number.isEmpty() ? QString::number(s.order) : s.number, emotion.name);
        QString why = QStringLiteral("Mood \"%1\" reads as %2: %3 (%4).")
                          .arg(s.mood.isEmpty() ? QStringLiteral("unstated") : s.mood, emotion.name,
                               describeShift(base, p), emotion.why);
        if (index != filmIndex)
            why.prepend(QStringLiteral("Starts from the genre's \"%1\" palette for %2 scenes. ")
                            .arg(base.name, enumName(s.timeOfDay)));
        p.rationale = why;
        project.palettes.append(p);
    }
}

const Palette *paletteFor(const Project &project, Id sceneId) {
    const Scene *scene = project.scene(sceneId);
    const Palette *act = nullptr;
    const Palette *film = nullptr;
    for (const Palette &p : project.palettes) {
        if (p.scope == PaletteScope::Scene && scene && p.scopeId == scene->id)
            return &p;
        if (p.scope == PaletteScope::Act && scene && p.scopeId == scene->actId && !act)
            act = &p;
        if (p.scope == PaletteScope::Film && !film)
            film = &p;
    }
    return act ? act : film;
}

} // namespace shotcraft::dna
