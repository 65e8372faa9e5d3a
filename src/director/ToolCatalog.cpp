#include "director/ToolCatalog.h"

namespace shotcraft::director {

namespace {

Json text(const char *description) {
    return Json{{"type", "string"}, {"description", description}};
}

Json number(const char *description, double minimum, double maximum) {
    return Json{{"type", "number"}, {"description", description}, {"minimum", minimum}, {"maximum", maximum}};
}

Json oneOf(const QStringList &values, const char *description) {
    Json e = Json::array();
    for (const QString &v : values)
        e.push_back(v);
    return Json{{"type", "string"}, {"enum", e}, {"description", description}};
}

Json object(Json properties, std::initializer_list<const char *> required = {}) {
    Json o{{"type", "object"}, {"properties", std::move(properties)}, {"additionalProperties", false}};
    if (required.size() > 0) {
        Json r = Json::array();
        for (const char *name : required)
            r.push_back(name);
        o["required"] = r;
    }
    return o;
}

Json shotFilter() {
    return Json{
        {"scene", text("scene number, e.g. \"5\"")},
        {"character", text("a character's name: shots they are in")},
        {"location", text("a location's name")},
        {"size", oneOf(enumNames<ShotSize>(8), "shot size")},
        {"stale", Json{{"type", "boolean"}, {"description", "only shots whose current take is stale"}}},
        {"failed", Json{{"type", "boolean"}, {"description", "only shots whose last generation failed"}}},
    };
}

QList<ToolSpec> buildCatalog() {
    const Json shotRef = text("the shot's board number (\"2C\") or id");
    Json shotFields{
        {"shot", shotRef},
        {"size", oneOf(enumNames<ShotSize>(8), "shot size")},
        {"angle", oneOf(enumNames<CameraAngle>(7), "camera angle")},
        {"movement", oneOf(enumNames<CameraMovement>(10), "camera movement")},
        {"focal_length_mm", number("lens focal length in mm", 8, 600)},
        {"aperture", number("f-number", 0.7, 32)},
        {"composition", oneOf(enumNames<CompositionRule>(9), "composition rule")},
        {"foreground", text("what stands in the foreground")},
        {"midground", text("what stands in the midground")},
        {"background", text("what stands in the background")},
        {"lighting", text("the lighting of the shot")},
        {"mood", text("the mood")},
        {"palette_hint", text("a colour note for this shot, e.g. \"warmer\"")},
        {"weather", oneOf(enumNames<Weather>(7), "weather")},
        {"duration_sec", number("duration in seconds", 0.5, 120)},
        {"description", text("what the shot shows")},
    };
    Json regenerate = shotFilter();
    regenerate["shots"] = Json{{"type", "array"}, {"items", shotRef}, {"description", "shots to regenerate"}};
    regenerate["changes"] = text("what to change in the new take, added to its prompt");
    regenerate["provider"] = text("image engine profile; default: the current one");
    return {
        {QStringLiteral("list_shots"),
         QStringLiteral("List shots, optionally by scene, character, location, size, "
                        "stale or failed."),
         RiskClass::Read, object(shotFilter())},
        {QStringLiteral("get_shot"),
         QStringLiteral("One shot's fields, its approved take and a summary of its prompt."), RiskClass::Read,
         object(Json{{"shot", shotRef}}, {"shot"})},
        {QStringLiteral("get_dna"),
         QStringLiteral("The Visual DNA: characters, locations, palettes and style."), RiskClass::Read,
         object(Json::object())},
        {QStringLiteral("explain_prompt"),
         QStringLiteral("Why one shot's prompt says what it says (its rationale)."), RiskClass::Read,
         object(Json{{"shot", shotRef}}, {"shot"})},
        {QStringLiteral("find_shots"),
         QStringLiteral("Shots whose description or dialogue contain every word given."), RiskClass::Read,
         object(Json{{"query", text("words to look for")}}, {"query"})},
        {QStringLiteral("update_shot"), QStringLiteral("Change fields of one shot (undoable)."),
         RiskClass::Edit, object(shotFields, {"shot"})},
        {QStringLiteral("update_character"), QStringLiteral("Change a character's Visual DNA (undoable)."),
         RiskClass::Edit,
         object(Json{{"name", text("the character's name")},
                     {"description", text("description")},
                     {"age", text("age")},
                     {"build", text("build")},
                     {"face", text("face")},
                     {"hair", text("hair")},
                     {"wardrobe", text("wardrobe")},
                     {"distinctive_marks", text("distinctive marks")}},
                {"name"})},
        {QStringLiteral("update_location"), QStringLiteral("Change a location's Visual DNA (undoable)."),
         RiskClass::Edit,
         object(Json{{"name", text("the location's name")},
                     {"description", text("description")},
                     {"architecture", text("architecture")},
                     {"set_dressing", text("set dressing")},
                     {"light_sources", text("light sources")}},
                {"name"})},
        {QStringLiteral("update_palette"),
         QStringLiteral("Change a palette's colour temperature or saturation (undoable)."), RiskClass::Edit,
         object(Json{{"palette", text("the palette's name; default: the film's")},
                     {"temperature_k", number("colour temperature in kelvin", 1500, 12000)},
                     {"saturation", number("1 natural, below desaturated, above vivid", 0, 2)}})},
        {QStringLiteral("approve_take"), QStringLiteral("Circle a take of a shot (default: its latest)."),
         RiskClass::Edit,
         object(Json{{"shot", shotRef}, {"take", Json{{"type", "integer"}, {"description", "take id"}}}},
                {"shot"})},
        {QStringLiteral("regenerate_shots"),
         QStringLiteral(
             "Generate new takes of shots (by ids or a filter), optionally with changes. Needs the "
             "user's confirmation."),
         RiskClass::Spend, object(regenerate)},
        {QStringLiteral("generate_look_book"),
         QStringLiteral(
             "Generate the look-book frames that have no image (or all, with regenerate). Needs the "
             "user's confirmation."),
         RiskClass::Spend,
         object(
             Json{{"regenerate", Json{{"type", "boolean"}, {"description", "every frame, not only missing"}}},
                  {"provider", text("image engine profile; default: the current one")}})},
    };
}

} // namespace

const QList<ToolSpec> &toolCatalog() {
    static const QList<ToolSpec> catalog = buildCatalog();
    return catalog;
}

const ToolSpec *findTool(const QString &name) {
    for (const ToolSpec &spec : toolCatalog())
        if (spec.name == name)
            return &spec;
    return nullptr;
}

QString riskName(RiskClass risk) {
    switch (risk) {
    case RiskClass::Read:
        return QStringLiteral("read");
    case RiskClass::Edit:
        return QStringLiteral("edit");
    case RiskClass::Spend:
        return QStringLiteral("spend");
    }
    return {};
}

} // namespace shotcraft::director
