#include "story/ScreenplayJson.h"

#include <map>

namespace shotcraft::story {

Json screenplaySummary(const Screenplay &script) {
    Json title = Json::object();
    for (const auto &[key, value] : script.titlePage)
        title[key.toStdString()] = value;

    Json scenes = Json::array();
    for (const ScreenplayScene &s : script.scenes) {
        scenes.push_back({{"number", s.number},
                          {"heading", s.heading},
                          {"intExt", s.intExt},
                          {"location", s.location},
                          {"timeOfDay", s.timeOfDay},
                          {"timeOfDayText", s.timeOfDayText},
                          {"lineStart", s.lineStart},
                          {"lineEnd", s.lineEnd},
                          {"characters", s.characters},
                          {"dialogueCount", s.dialogueCount}});
    }
    Json characters = Json::array();
    for (const ScreenplayCharacter &c : script.characters) {
        characters.push_back({{"name", c.name},
                              {"aliases", c.aliases},
                              {"dialogueCount", c.dialogueCount},
                              {"sceneCount", c.sceneCount},
                              {"firstLine", c.firstLine}});
    }
    std::map<std::string, int> counts;
    for (const ScriptElement &e : script.elements)
        ++counts[elementTypeName(e.type).toStdString()];
    Json elementCounts = Json::object();
    for (const auto &[type, n] : counts)
        elementCounts[type] = n;
    if (!script.notes.isEmpty())
        elementCounts["note"] = script.notes.size();

    return {{"titlePage", title},       {"lineCount", script.lineCount},  {"scenes", scenes},
            {"characters", characters}, {"elementCounts", elementCounts}, {"warnings", script.warnings}};
}

} // namespace shotcraft::story
