#include "domain/Json.h"

namespace shotcraft {

std::optional<Json> parseJson(const QByteArray &text, QString *error) {
    Json json = Json::parse(text.constBegin(), text.constEnd(), nullptr, false);
    if (json.is_discarded()) {
        if (error)
            *error = QStringLiteral("malformed JSON");
        return std::nullopt;
    }
    return json;
}

QByteArray toJsonBytes(const Json &json, int indent) {
    return QByteArray::fromStdString(json.dump(indent, ' ', false, Json::error_handler_t::replace));
}

} // namespace shotcraft
