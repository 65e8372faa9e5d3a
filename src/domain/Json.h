// JSON glue shared by every domain type: Qt value types for nlohmann::json, and enum <-> text helpers.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>

namespace nlohmann {
template <> struct adl_serializer<QString> {
    static void to_json(json &j, const QString &s) { j = s.toStdString(); }
    static void from_json(const json &j, QString &s) {
        s = j.is_string() ? QString::fromStdString(j.get<std::string>()) : QString();
    }
};

template <typename T> struct adl_serializer<QList<T>> {
    static void to_json(json &j, const QList<T> &list) {
        j = json::array();
        for (const T &item : list)
            j.push_back(item);
    }
    static void from_json(const json &j, QList<T> &list) {
        list.clear();
        if (!j.is_array())
            return;
        list.reserve(static_cast<qsizetype>(j.size()));
        for (const json &item : j)
            list.append(item.get<T>());
    }
};
} // namespace nlohmann

namespace shotcraft {

using Json = nlohmann::json;

// The JSON spelling of an enum value (the same text the project file and the CLI use).
template <typename Enum> QString enumName(Enum value) {
    return QString::fromStdString(Json(value).template get<std::string>());
}

// Parses an enum from its JSON spelling; nullopt when the text names no value.
template <typename Enum> std::optional<Enum> enumFromName(const QString &name) {
    const Json text = name.toStdString();
    const Enum value = text.template get<Enum>();
    if (Json(value) != text)
        return std::nullopt;
    return value;
}

// Parses JSON text without throwing; nullopt (and a message) on malformed input.
std::optional<Json> parseJson(const QByteArray &text, QString *error = nullptr);
QByteArray toJsonBytes(const Json &json, int indent = -1);

} // namespace shotcraft
