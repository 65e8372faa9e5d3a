// What the consistency review finds: per take a verdict for each measure (palette, tone, presence)
// with the value, the threshold and the reason, the continuity flags beside them, and per-scene and
// whole-film scores.
#pragma once

#include "domain/Json.h"
#include "domain/Project.h"
#include "review/PixelMeasure.h"

namespace shotcraft::review {

enum class Verdict { Pass, Outlier, NotMeasurable };
NLOHMANN_JSON_SERIALIZE_ENUM(Verdict, {{Verdict::Pass, "pass"},
                                       {Verdict::Outlier, "outlier"},
                                       {Verdict::NotMeasurable, "not-measurable"}})

struct Measure {
    QString name; // "palette", "tone", "presence"
    Verdict verdict = Verdict::NotMeasurable;
    double value = 0.0;     // in the measure's unit; compared with `threshold`
    double threshold = 0.0; // the largest value that passes
    QString unit;           // "ΔE00", "σ", "frame widths"
    QString reason;         // one line a director can read
};

struct TakeReview {
    Id takeId = 0;
    Id shotId = 0;
    Id sceneId = 0;
    QString shotNumber;
    QString provider;
    Measure palette;
    Measure tone;
    Measure presence;
    QStringList continuity; // "180-degree rule: ..." flags of the shot against the one before
    PixelMeasure pixels;
    QString changes; // the measured deviation as prompt changes; empty when nothing is off

    QList<const Measure *> measures() const { return {&palette, &tone, &presence}; }
    bool outlier() const;
    QStringList outlierMeasures() const; // the names of the measures that flag it: "palette", "tone"
    // Share of the measurable measures that pass, 0..1 (1 when nothing could be measured).
    double score() const;
};

struct SceneReview {
    Id sceneId = 0;
    QString number;
    QString heading;
    int takes = 0;
    int outliers = 0;
    double score = 1.0; // mean take score
};

struct FilmReview {
    QList<TakeReview> takes; // approved takes in film order
    QList<SceneReview> scenes;
    double score = 1.0;
    int outliers() const;
    const TakeReview *takeOfShot(Id shotId) const;
};

Json toJson(const Measure &measure);
Json toJson(const TakeReview &take);
Json toJson(const FilmReview &film);

} // namespace shotcraft::review
