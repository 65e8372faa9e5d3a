// Small JSON helpers the chat protocols share (OpenAI-compatible, Anthropic, Ollama native).
#pragma once

#include "domain/Json.h"
#include "providers/LlmProvider.h"

#include <QString>

#include <string>

namespace shotcraft::providers::llmwire {

// The string at `key`, or empty when it is missing or not a string.
inline QString text(const Json &json, const char *key) {
    const auto it = json.find(key);
    return it != json.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

inline std::string utf8(const QString &s) {
    return s.toStdString();
}

// Tools in the `{"type": "function", "function": {name, description, parameters}}` form that the
// OpenAI-compatible servers and Ollama's native API both take.
inline Json functionTools(const QList<LlmTool> &tools) {
    Json out = Json::array();
    for (const LlmTool &t : tools)
        out.push_back(
            {{"type", "function"},
             {"function",
              {{"name", utf8(t.name)}, {"description", utf8(t.description)}, {"parameters", t.parameters}}}});
    return out;
}

} // namespace shotcraft::providers::llmwire
