#include "review/ReviewTypes.h"

#include <QColor>

namespace shotcraft::review {

bool TakeReview::outlier() const {
    const QList<const Measure *> all = measures();
    return std::any_of(all.cbegin(), all.cend(),
                       [](const Measure *m) { return m->verdict == Verdict::Outlier; });
}

QStringList TakeReview::outlierMeasures() const {
    QStringList names;
    for (const Measure *m : measures())
        if (m->verdict == Verdict::Outlier)
            names.append(m->name);
    return names;
}

double TakeReview::score() const {
    int measured = 0, passed = 0;
    for (const Measure *m : measures()) {
        if (m->verdict == Verdict::NotMeasurable)
            continue;
        ++measured;
        passed += m->verdict == Verdict::Pass ? 1 : 0;
    }
    return measured == 0 ? 1.0 : double(passed) / measured;
}

int FilmReview::outliers() const {
    return int(std::count_if(takes.cbegin(), takes.cend(), [](const TakeReview &t) { return t.outlier(); }));
}

const TakeReview *FilmReview::takeOfShot(Id shotId) const {
    for (const TakeReview &t : takes)
        if (t.shotId == shotId)
            return &t;
    return nullptr;
}

Json toJson(const Measure &measure) {
    Json j{{"verdict", measure.verdict}, {"reason", measure.reason}};
    if (measure.verdict != Verdict::NotMeasurable) {
        j["value"] = std::round(measure.value * 1000.0) / 1000.0;
        j["threshold"] = measure.threshold;
        j["unit"] = measure.unit;
    }
    return j;
}

Json toJson(const TakeReview &take) {
    Json dominant = Json::array();
    for (const DominantColour &d : take.pixels.dominant)
        dominant.push_back(
            {{"hex", fromLab(d.lab).name()}, {"share", std::round(d.share * 1000.0) / 1000.0}});
    return {{"shot", take.shotNumber},
            {"shotId", take.shotId},
            {"take", take.takeId},
            {"provider", take.provider},
            {"outlier", take.outlier()},
            {"score", std::round(take.score() * 1000.0) / 1000.0},
            {"palette", toJson(take.palette)},
            {"tone", toJson(take.tone)},
            {"presence", toJson(take.presence)},
            {"continuity", take.continuity},
            {"dominant", dominant},
            {"meanL", std::round(take.pixels.meanL * 10.0) / 10.0},
            {"contrast", std::round(take.pixels.contrast * 10.0) / 10.0},
            {"changes", take.changes}};
}

Json toJson(const FilmReview &film) {
    Json scenes = Json::array();
    for (const SceneReview &s : film.scenes)
        scenes.push_back({{"scene", s.number},
                          {"heading", s.heading},
                          {"takes", s.takes},
                          {"outliers", s.outliers},
                          {"score", std::round(s.score * 1000.0) / 1000.0}});
    Json takes = Json::array();
    for (const TakeReview &t : film.takes)
        takes.push_back(toJson(t));
    return {{"score", std::round(film.score * 1000.0) / 1000.0},
            {"takes", film.takes.size()},
            {"outliers", film.outliers()},
            {"scenes", scenes},
            {"reviewed", takes}};
}

} // namespace shotcraft::review
