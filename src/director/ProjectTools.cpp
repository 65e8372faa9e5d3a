#include "director/ProjectTools.h"

#include "cinema/PromptEngine.h"
#include "director/ToolCatalog.h"
#include "dna/ConsistencyPlanner.h"
#include "dna/Staleness.h"
#include "pipeline/SchemaValidator.h"

#include <QRegularExpression>

namespace shotcraft::director {

namespace {

QString str(const Json &args, const char *key) {
    return args.contains(key) ? args.at(key).get<QString>().trimmed() : QString();
}

// A tool argument and where it lands in the entity's JSON.
struct FieldMap {
    const char *argument;
    const char *pointer;
};

constexpr FieldMap kShotFields[] = {
    {"size", "/size"},
    {"angle", "/angle"},
    {"movement", "/movement"},
    {"focal_length_mm", "/lens/focalLengthMm"},
    {"aperture", "/lens/aperture"},
    {"composition", "/composition"},
    {"foreground", "/staging/foreground"},
    {"midground", "/staging/midground"},
    {"background", "/staging/background"},
    {"lighting", "/lighting"},
    {"mood", "/mood"},
    {"palette_hint", "/paletteHint"},
    {"weather", "/weather"},
    {"duration_sec", "/durationSec"},
    {"description", "/description"},
};
constexpr FieldMap kCharacterFields[] = {
    {"description", "/description"},
    {"age", "/age"},
    {"build", "/build"},
    {"face", "/face"},
    {"hair", "/hair"},
    {"wardrobe", "/wardrobe"},
    {"distinctive_marks", "/distinctiveMarks"},
};
constexpr FieldMap kLocationFields[] = {
    {"description", "/description"},
    {"architecture", "/architecture"},
    {"set_dressing", "/setDressing"},
    {"light_sources", "/lightSources"},
};
constexpr FieldMap kPaletteFields[] = {
    {"temperature_k", "/temperatureK"},
    {"saturation", "/saturation"},
};

QString valueText(const Json &v) {
    return v.is_string() ? v.get<QString>() : QString::fromStdString(v.dump());
}

// Applies the arguments named in `fields` to `value`; records one edit when anything changed.
template <typename T, std::size_t N>
Result<T> patch(const T &value, const Json &args, const FieldMap (&fields)[N], DirectorEdit::Kind kind,
                const QString &subject, ToolOutcome &out) {
    Json before = value;
    Json after = before;
    QStringList changed;
    for (const FieldMap &f : fields) {
        if (!args.contains(f.argument))
            continue;
        const Json::json_pointer at(f.pointer);
        if (after.at(at) == args.at(f.argument))
            continue;
        after[at] = args.at(f.argument);
        changed.append(
            QStringLiteral("%1 %2").arg(QString::fromLatin1(f.argument), valueText(args.at(f.argument))));
    }
    if (changed.isEmpty()) {
        bool anyField = false;
        for (const FieldMap &f : fields)
            anyField = anyField || args.contains(f.argument);
        if (!anyField)
            return Result<T>::failure(QStringLiteral("nothing to change: give at least one field to set"));
        return value; // already so: no edit
    }
    T result = after.get<T>();
    out.edits.append({kind, value.id, subject + QStringLiteral(": ") + changed.join(QStringLiteral(", ")),
                      std::move(before), std::move(after)});
    return result;
}

template <typename T> const T *byName(const QList<T> &list, const QString &name) {
    const QString wanted = name.trimmed();
    const T *partial = nullptr;
    int partials = 0;
    for (const T &item : list) {
        if (item.name.compare(wanted, Qt::CaseInsensitive) == 0)
            return &item;
        if (!wanted.isEmpty() && item.name.contains(wanted, Qt::CaseInsensitive)) {
            partial = &item;
            ++partials;
        }
    }
    return partials == 1 ? partial : nullptr;
}

template <typename T> QString namesOf(const QList<T> &list) {
    QStringList names;
    for (const T &item : list)
        names.append(item.name);
    return names.join(QStringLiteral(", "));
}

QString lensText(const Lens &lens) {
    return QStringLiteral("%1mm f/%2").arg(lens.focalLengthMm).arg(lens.aperture);
}

Json shotSummary(const Project &project, const Shot &s) {
    const Scene *scene = project.scene(s.sceneId);
    QStringList names;
    for (Id c : s.characterIds())
        if (const Character *ch = project.character(c))
            names.append(ch->name);
    return Json{{"shot", s.number},
                {"scene", scene ? scene->number : QString()},
                {"size", s.size},
                {"angle", s.angle},
                {"movement", s.movement},
                {"lens", lensText(s.lens)},
                {"characters", names},
                {"description", s.description.left(160)},
                {"approved_take", s.approvedTakeId}};
}

bool lastJobFailed(const Project &project, Id shotId) {
    const Job *last = nullptr;
    for (const Job &j : project.jobs)
        if (j.kind == JobKind::Shot && j.shotId == shotId && (!last || j.id > last->id))
            last = &j;
    return last && last->state == JobState::Failed;
}

} // namespace

QString ToolOutcome::resultText() const {
    if (!ok)
        return QStringLiteral("error: ") + error;
    return QString::fromUtf8(toJsonBytes(result));
}

QString shotLabel(const Project &project, Id shotId) {
    const Shot *s = project.shot(shotId);
    return s && !s->number.isEmpty() ? s->number : QStringLiteral("#%1").arg(shotId);
}

QString shotLabels(const Project &project, const QList<Id> &shotIds, int max) {
    QStringList labels;
    for (Id id : shotIds.mid(0, max))
        labels.append(shotLabel(project, id));
    if (shotIds.size() > max)
        labels.append(QStringLiteral("and %1 more").arg(shotIds.size() - max));
    return labels.join(QStringLiteral(", "));
}

ProjectTools::ProjectTools(ProjectAccess &access)
    : m_access(access) {
}

ToolOutcome ProjectTools::run(const ToolCall &call) {
    static const std::pair<const char *, Handler> handlers[] = {
        {"list_shots", &ProjectTools::listShots},
        {"get_shot", &ProjectTools::getShot},
        {"get_dna", &ProjectTools::getDna},
        {"explain_prompt", &ProjectTools::explainPrompt},
        {"find_shots", &ProjectTools::findShots},
        {"update_shot", &ProjectTools::updateShot},
        {"update_character", &ProjectTools::updateCharacter},
        {"update_location", &ProjectTools::updateLocation},
        {"update_palette", &ProjectTools::updatePalette},
        {"approve_take", &ProjectTools::approveTake},
        {"regenerate_shots", &ProjectTools::regenerateShots},
        {"generate_look_book", &ProjectTools::generateLookBook},
    };
    ToolOutcome out;
    out.call = call;
    auto fail = [&out](QString why) {
        out.ok = false;
        out.error = std::move(why);
        out.edits.clear();
        out.spend.reset();
        return out;
    };
    const ToolSpec *spec = findTool(call.name);
    if (!spec) {
        QStringList names;
        for (const ToolSpec &s : toolCatalog())
            names.append(s.name);
        return fail(QStringLiteral("there is no tool '%1'; the tools are: %2")
                        .arg(call.name, names.join(QStringLiteral(", "))));
    }
    const Json args = call.arguments.is_null() ? Json::object() : call.arguments;
    if (const QStringList problems = pipeline::SchemaValidator::validate(args, spec->parameters, 5);
        !problems.isEmpty())
        return fail(QStringLiteral("invalid arguments for %1: %2")
                        .arg(call.name, problems.join(QStringLiteral("; "))));
    for (const auto &[name, handler] : handlers) {
        if (call.name != QLatin1String(name))
            continue;
        try {
            Result<Json> result = (this->*handler)(args, out);
            if (!result)
                return fail(result.error());
            out.result = std::move(*result);
        } catch (const std::exception &e) {
            return fail(QStringLiteral("%1 failed: %2").arg(call.name, QString::fromUtf8(e.what())));
        }
        return out;
    }
    return fail(QStringLiteral("the tool '%1' is not available").arg(call.name));
}

Result<const Shot *> ProjectTools::shotNamed(const Json &ref) const {
    const Project &p = m_access.project();
    const QString text =
        ref.is_number_integer() ? QString::number(ref.get<qint64>()) : ref.get<QString>().trimmed();
    QString wanted = text;
    wanted.remove(
        QRegularExpression(QStringLiteral("^(shot\\s+)"), QRegularExpression::CaseInsensitiveOption));
    for (const Shot &s : p.shots)
        if (s.number.compare(wanted, Qt::CaseInsensitive) == 0)
            return &s;
    if (const Shot *s = p.findShot(wanted))
        return s;
    const QString range =
        p.shots.isEmpty()
            ? QStringLiteral("the project has no shots")
            : QStringLiteral("shots run %1 to %2").arg(p.shots.first().number, p.shots.last().number);
    return Result<const Shot *>::failure(
        QStringLiteral("no shot '%1' in this project (%2)").arg(text, range));
}

Result<QList<Id>> ProjectTools::filterShots(const Json &args) const {
    const Project &p = m_access.project();
    const QString sceneNo = str(args, "scene");
    const Scene *scene = nullptr;
    if (!sceneNo.isEmpty()) {
        for (const Scene &s : p.scenes)
            if (s.number.compare(sceneNo, Qt::CaseInsensitive) == 0)
                scene = &s;
        if (!scene)
            return Result<QList<Id>>::failure(QStringLiteral("no scene '%1' (the project has %2 scenes)")
                                                  .arg(sceneNo)
                                                  .arg(p.scenes.size()));
    }
    const Character *character = nullptr;
    if (const QString name = str(args, "character"); !name.isEmpty()) {
        character = byName(p.characters, name);
        if (!character)
            return Result<QList<Id>>::failure(
                QStringLiteral("no character '%1' (characters: %2)").arg(name, namesOf(p.characters)));
    }
    const Location *location = nullptr;
    if (const QString name = str(args, "location"); !name.isEmpty()) {
        location = byName(p.locations, name);
        if (!location)
            return Result<QList<Id>>::failure(
                QStringLiteral("no location '%1' (locations: %2)").arg(name, namesOf(p.locations)));
    }
    // -1: any size (an optional here trips a false maybe-uninitialized warning in GCC 12).
    const int size = args.contains("size") ? static_cast<int>(args.at("size").get<ShotSize>()) : -1;
    const bool stale = args.value("stale", false);
    const bool failed = args.value("failed", false);
    const QList<Id> staleIds = stale ? dna::staleShots(p) : QList<Id>();
    QList<Id> ids;
    for (const Shot &s : p.shots) {
        if (scene && s.sceneId != scene->id)
            continue;
        if (character && !s.characterIds().contains(character->id))
            continue;
        if (location) {
            const Scene *of = p.scene(s.sceneId);
            if (!of || of->locationId != location->id)
                continue;
        }
        if (size >= 0 && static_cast<int>(s.size) != size)
            continue;
        if (stale && !staleIds.contains(s.id))
            continue;
        if (failed && !lastJobFailed(p, s.id))
            continue;
        ids.append(s.id);
    }
    return ids;
}

QString ProjectTools::providerOf(const Json &args) const {
    const QString named = str(args, "provider");
    return named.isEmpty() ? m_defaultProvider : named;
}

Result<Json> ProjectTools::listShots(const Json &args, ToolOutcome &) {
    Result<QList<Id>> ids = filterShots(args);
    if (!ids)
        return Result<Json>::failure(ids.error());
    Json list = Json::array();
    for (Id id : *ids)
        list.push_back(shotSummary(m_access.project(), *m_access.project().shot(id)));
    return Json{{"count", ids->size()}, {"shots", list}};
}

Result<Json> ProjectTools::getShot(const Json &args, ToolOutcome &) {
    Result<const Shot *> shot = shotNamed(args.at("shot"));
    if (!shot)
        return Result<Json>::failure(shot.error());
    const Project &p = m_access.project();
    const Shot &s = **shot;
    Json fields = s;
    fields.erase("blocking");
    const PromptPackage prompt = cinema::buildPrompt(p, s, dna::planShot(p, s.id, 4), {});
    return Json{{"shot", fields},
                {"summary", shotSummary(p, s)},
                {"takes", p.takesOfShot(s.id).size()},
                {"prompt", prompt.positive.left(400)}};
}

Result<Json> ProjectTools::getDna(const Json &, ToolOutcome &) {
    const Project &p = m_access.project();
    Json characters = Json::array(), locations = Json::array(), palettes = Json::array(),
         style = Json::array();
    for (const Character &c : p.characters)
        characters.push_back({{"name", c.name},
                              {"description", c.description},
                              {"age", c.age},
                              {"hair", c.hair},
                              {"wardrobe", c.wardrobe},
                              {"colours", c.signatureColours}});
    for (const Location &l : p.locations)
        locations.push_back(
            {{"name", l.name}, {"description", l.description}, {"light_sources", l.lightSources}});
    for (const Palette &pal : p.palettes)
        palettes.push_back({{"name", pal.name},
                            {"scope", pal.scope},
                            {"temperature_k", pal.temperatureK},
                            {"saturation", pal.saturation},
                            {"swatches", pal.swatches.size()}});
    for (const StyleToken &t : p.styleTokens)
        style.push_back(t);
    return Json{
        {"characters", characters}, {"locations", locations}, {"palettes", palettes}, {"style", style}};
}

Result<Json> ProjectTools::explainPrompt(const Json &args, ToolOutcome &) {
    Result<const Shot *> shot = shotNamed(args.at("shot"));
    if (!shot)
        return Result<Json>::failure(shot.error());
    const Project &p = m_access.project();
    const PromptPackage prompt = cinema::buildPrompt(p, **shot, dna::planShot(p, (*shot)->id, 4), {});
    return Json{{"shot", (*shot)->number}, {"prompt", prompt.positive}, {"rationale", prompt.rationale}};
}

Result<Json> ProjectTools::findShots(const Json &args, ToolOutcome &) {
    const QStringList words = str(args, "query").split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return Result<Json>::failure(QStringLiteral("find_shots needs words to look for"));
    Json list = Json::array();
    for (const Shot &s : m_access.project().shots) {
        const QString hay =
            s.description + QLatin1Char(' ') + s.dialogueExcerpt + QLatin1Char(' ') + s.subject;
        bool all = true;
        for (const QString &w : words)
            all = all && hay.contains(w, Qt::CaseInsensitive);
        if (all)
            list.push_back(shotSummary(m_access.project(), s));
    }
    return Json{{"count", list.size()}, {"shots", list}};
}

Result<Json> ProjectTools::updateShot(const Json &args, ToolOutcome &out) {
    Result<const Shot *> shot = shotNamed(args.at("shot"));
    if (!shot)
        return Result<Json>::failure(shot.error());
    Result<Shot> after = patch(**shot, args, kShotFields, DirectorEdit::Kind::Shot,
                               QStringLiteral("shot ") + (*shot)->number, out);
    if (!after)
        return Result<Json>::failure(after.error());
    if (!out.edits.isEmpty())
        if (Status st = m_access.saveShot(*after); !st)
            return Result<Json>::failure(st.error());
    return Json{{"updated", !out.edits.isEmpty()}, {"shot", shotSummary(m_access.project(), *after)}};
}

Result<Json> ProjectTools::updateCharacter(const Json &args, ToolOutcome &out) {
    const Project &p = m_access.project();
    const Character *c = byName(p.characters, str(args, "name"));
    if (!c)
        return Result<Json>::failure(QStringLiteral("no character '%1' (characters: %2)")
                                         .arg(str(args, "name"), namesOf(p.characters)));
    Result<Character> after = patch(*c, args, kCharacterFields, DirectorEdit::Kind::Character, c->name, out);
    if (!after)
        return Result<Json>::failure(after.error());
    if (!out.edits.isEmpty())
        if (Status st = m_access.saveCharacter(*after); !st)
            return Result<Json>::failure(st.error());
    return Json{{"updated", !out.edits.isEmpty()}, {"character", after->name}, {"wardrobe", after->wardrobe}};
}

Result<Json> ProjectTools::updateLocation(const Json &args, ToolOutcome &out) {
    const Project &p = m_access.project();
    const Location *l = byName(p.locations, str(args, "name"));
    if (!l)
        return Result<Json>::failure(
            QStringLiteral("no location '%1' (locations: %2)").arg(str(args, "name"), namesOf(p.locations)));
    Result<Location> after = patch(*l, args, kLocationFields, DirectorEdit::Kind::Location, l->name, out);
    if (!after)
        return Result<Json>::failure(after.error());
    if (!out.edits.isEmpty())
        if (Status st = m_access.saveLocation(*after); !st)
            return Result<Json>::failure(st.error());
    return Json{{"updated", !out.edits.isEmpty()}, {"location", after->name}};
}

Result<Json> ProjectTools::updatePalette(const Json &args, ToolOutcome &out) {
    const Project &p = m_access.project();
    const QString name = str(args, "palette");
    const Palette *pal = nullptr;
    if (name.isEmpty() || name.compare(QLatin1String("film"), Qt::CaseInsensitive) == 0) {
        for (const Palette &candidate : p.palettes)
            if (!pal && candidate.scope == PaletteScope::Film)
                pal = &candidate;
    } else {
        pal = byName(p.palettes, name);
    }
    if (!pal)
        return Result<Json>::failure(
            QStringLiteral("no palette '%1' (palettes: %2)")
                .arg(name.isEmpty() ? QStringLiteral("film") : name, namesOf(p.palettes)));
    Result<Palette> after = patch(*pal, args, kPaletteFields, DirectorEdit::Kind::Palette,
                                  QStringLiteral("palette ") + pal->name, out);
    if (!after)
        return Result<Json>::failure(after.error());
    if (!out.edits.isEmpty())
        if (Status st = m_access.savePalette(*after); !st)
            return Result<Json>::failure(st.error());
    return Json{{"updated", !out.edits.isEmpty()},
                {"palette", after->name},
                {"temperature_k", after->temperatureK},
                {"saturation", after->saturation}};
}

Result<Json> ProjectTools::approveTake(const Json &args, ToolOutcome &out) {
    Result<const Shot *> shot = shotNamed(args.at("shot"));
    if (!shot)
        return Result<Json>::failure(shot.error());
    const Project &p = m_access.project();
    const QList<const Take *> takes = p.takesOfShot((*shot)->id);
    if (takes.isEmpty())
        return Result<Json>::failure(QStringLiteral("shot %1 has no takes yet").arg((*shot)->number));
    const Take *take = takes.last();
    if (args.contains("take")) {
        const Id wanted = args.at("take").get<Id>();
        take = nullptr;
        for (const Take *t : takes)
            if (t->id == wanted)
                take = t;
        if (!take)
            return Result<Json>::failure(
                QStringLiteral("take %1 is not a take of shot %2").arg(wanted).arg((*shot)->number));
    }
    Shot after = **shot;
    after.approvedTakeId = take->id;
    if (after.approvedTakeId != (*shot)->approvedTakeId) {
        out.edits.append({DirectorEdit::Kind::Shot, after.id,
                          QStringLiteral("shot %1: take %2 circled").arg(after.number).arg(take->id),
                          Json(**shot), Json(after)});
        if (Status st = m_access.saveShot(after); !st)
            return Result<Json>::failure(st.error());
    }
    return Json{{"shot", after.number}, {"approved_take", take->id}};
}

Result<Json> ProjectTools::regenerateShots(const Json &args, ToolOutcome &out) {
    const Project &p = m_access.project();
    QList<Id> ids;
    if (args.contains("shots")) {
        for (const Json &ref : args.at("shots")) {
            Result<const Shot *> shot = shotNamed(ref);
            if (!shot)
                return Result<Json>::failure(shot.error());
            if (!ids.contains((*shot)->id))
                ids.append((*shot)->id);
        }
    }
    const bool filtered = args.contains("scene") || args.contains("character") || args.contains("location") ||
                          args.contains("size") || args.contains("stale") || args.contains("failed");
    if (filtered) {
        Result<QList<Id>> matching = filterShots(args);
        if (!matching)
            return Result<Json>::failure(matching.error());
        // Ids and a filter together: the named shots that match it.
        ids = args.contains("shots") ? QList<Id>() : *matching;
        if (args.contains("shots"))
            for (const Json &ref : args.at("shots"))
                if (Id id = (*shotNamed(ref))->id; matching->contains(id) && !ids.contains(id))
                    ids.append(id);
    }
    if (!args.contains("shots") && !filtered)
        return Result<Json>::failure(
            QStringLiteral("say which shots to regenerate: their numbers or a filter"));
    if (ids.isEmpty())
        return Result<Json>::failure(QStringLiteral("no shot matches, so nothing would be regenerated"));
    SpendRequest spend;
    spend.kind = SpendRequest::Kind::RegenerateShots;
    spend.shotIds = ids;
    spend.changes = str(args, "changes");
    spend.provider = providerOf(args);
    spend.summary =
        QStringLiteral("Regenerate %1 shot%2 (%3) on %4, about %5 request%6%7")
            .arg(ids.size())
            .arg(ids.size() == 1 ? QString() : QStringLiteral("s"))
            .arg(shotLabels(p, ids), spend.provider)
            .arg(ids.size())
            .arg(ids.size() == 1 ? QString() : QStringLiteral("s"))
            .arg(spend.changes.isEmpty() ? QString() : QStringLiteral(", with \"%1\"").arg(spend.changes));
    out.spend = spend;
    return Json{{"status", "awaiting the user's confirmation"}, {"summary", spend.summary}};
}

Result<Json> ProjectTools::generateLookBook(const Json &args, ToolOutcome &out) {
    const Project &p = m_access.project();
    const bool all = args.value("regenerate", false);
    int frames = 0;
    for (const ReferenceImage &r : p.references)
        frames += (all || r.imageId == 0) ? 1 : 0;
    if (frames == 0)
        return Result<Json>::failure(
            p.references.isEmpty()
                ? QStringLiteral("the project has no look-book frames: build its DNA first")
                : QStringLiteral("every look-book frame has an image already"));
    SpendRequest spend;
    spend.kind = SpendRequest::Kind::LookBook;
    spend.provider = providerOf(args);
    spend.regenerateLookBook = all;
    spend.summary = QStringLiteral("Generate %1 look-book frame%2 on %3, about %1 request%2")
                        .arg(frames)
                        .arg(frames == 1 ? QString() : QStringLiteral("s"))
                        .arg(spend.provider);
    out.spend = spend;
    return Json{{"status", "awaiting the user's confirmation"}, {"summary", spend.summary}};
}

} // namespace shotcraft::director
