// One message of the director-assistant conversation.
#pragma once

#include "domain/CinemaTypes.h"

namespace shotcraft {

enum class ChatRole { User, Assistant, Tool, System };
NLOHMANN_JSON_SERIALIZE_ENUM(ChatRole, {{ChatRole::User, "user"},
                                        {ChatRole::Assistant, "assistant"},
                                        {ChatRole::Tool, "tool"},
                                        {ChatRole::System, "system"}})

struct ChatMessage {
    Id id = 0;
    ChatRole role = ChatRole::User;
    QString content;
    QString toolCallsJson; // the tool calls an assistant message made, as the provider sent them
    QString toolCallId;    // for a tool result: the call it answers
    QString createdAt;
    bool operator==(const ChatMessage &) const = default;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ChatMessage, id, role, content, toolCallsJson, toolCallId,
                                                createdAt)

} // namespace shotcraft
