#include "pipeline/SchemaValidator.h"

#include <QRegularExpression>

namespace shotcraft::pipeline {

namespace {

QString typeOf(const Json &v) {
    switch (v.type()) {
    case Json::value_t::null:
        return QStringLiteral("null");
    case Json::value_t::boolean:
        return QStringLiteral("boolean");
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
        return QStringLiteral("integer");
    case Json::value_t::number_float:
        return QStringLiteral("number");
    case Json::value_t::string:
        return QStringLiteral("string");
    case Json::value_t::array:
        return QStringLiteral("array");
    case Json::value_t::object:
        return QStringLiteral("object");
    default:
        return QStringLiteral("unknown");
    }
}

bool matchesType(const Json &v, const std::string &type) {
    if (type == "integer")
        return v.is_number_integer() ||
               (v.is_number_float() && v.get<double>() == double(qint64(v.get<double>())));
    if (type == "number")
        return v.is_number();
    if (type == "string")
        return v.is_string();
    if (type == "boolean")
        return v.is_boolean();
    if (type == "array")
        return v.is_array();
    if (type == "object")
        return v.is_object();
    if (type == "null")
        return v.is_null();
    return true;
}

QString shortText(const Json &v) {
    QString s = QString::fromUtf8(toJsonBytes(v));
    if (s.size() > 60)
        s = s.left(57) + QStringLiteral("...");
    return s;
}

class Walker {
public:
    explicit Walker(int limit)
        : m_limit(limit) {}
    QStringList errors;

    bool full() const { return errors.size() >= m_limit; }

    void add(const QString &path, const QString &message) {
        if (!full())
            errors.append((path.isEmpty() ? QStringLiteral("/") : path) + QStringLiteral(": ") + message);
    }

    void check(const Json &v, const Json &schema, const QString &path) {
        if (full() || !schema.is_object())
            return;
        if (const auto it = schema.find("anyOf"); it != schema.end() && it->is_array()) {
            bool any = false;
            for (const Json &option : *it) {
                Walker probe(1);
                probe.check(v, option, path);
                if (probe.errors.isEmpty()) {
                    check(v, option, path);
                    any = true;
                    break;
                }
            }
            if (!any)
                add(path, QStringLiteral("matches none of the allowed forms"));
            return;
        }
        if (const auto it = schema.find("type"); it != schema.end()) {
            bool ok = false;
            QStringList names;
            const Json types = it->is_array() ? *it : Json::array({*it});
            for (const Json &t : types) {
                if (!t.is_string())
                    continue;
                names.append(QString::fromStdString(t.get<std::string>()));
                ok = ok || matchesType(v, t.get<std::string>());
            }
            if (!ok) {
                add(path,
                    QStringLiteral("expected %1, got %2").arg(names.join(QStringLiteral(" or ")), typeOf(v)));
                return; // the rest of the checks assume the right type
            }
        }
        if (const auto it = schema.find("enum"); it != schema.end() && it->is_array()) {
            if (std::find(it->begin(), it->end(), v) == it->end()) {
                QStringList allowed;
                for (const Json &e : *it)
                    allowed.append(shortText(e));
                add(path, QStringLiteral("%1 is not one of %2")
                              .arg(shortText(v), allowed.join(QStringLiteral(", "))));
            }
        }
        if (const auto it = schema.find("const"); it != schema.end() && *it != v)
            add(path, QStringLiteral("must be %1").arg(shortText(*it)));
        if (v.is_string())
            checkString(v, schema, path);
        else if (v.is_number())
            checkNumber(v, schema, path);
        else if (v.is_array())
            checkArray(v, schema, path);
        else if (v.is_object())
            checkObject(v, schema, path);
    }

private:
    void checkString(const Json &v, const Json &schema, const QString &path) {
        const QString s = QString::fromStdString(v.get<std::string>());
        if (schema.contains("minLength") && s.size() < schema.at("minLength").get<qsizetype>())
            add(path,
                QStringLiteral("shorter than %1 characters").arg(schema.at("minLength").get<qsizetype>()));
        if (schema.contains("maxLength") && s.size() > schema.at("maxLength").get<qsizetype>())
            add(path,
                QStringLiteral("longer than %1 characters").arg(schema.at("maxLength").get<qsizetype>()));
        if (const auto it = schema.find("pattern"); it != schema.end() && it->is_string()) {
            const QRegularExpression re(QString::fromStdString(it->get<std::string>()));
            if (re.isValid() && !re.match(s).hasMatch())
                add(path, QStringLiteral("%1 does not match %2").arg(shortText(v), re.pattern()));
        }
    }

    void checkNumber(const Json &v, const Json &schema, const QString &path) {
        const double d = v.get<double>();
        if (schema.contains("minimum") && d < schema.at("minimum").get<double>())
            add(path,
                QStringLiteral("%1 is below the minimum %2").arg(d).arg(schema.at("minimum").get<double>()));
        if (schema.contains("maximum") && d > schema.at("maximum").get<double>())
            add(path,
                QStringLiteral("%1 is above the maximum %2").arg(d).arg(schema.at("maximum").get<double>()));
    }

    void checkArray(const Json &v, const Json &schema, const QString &path) {
        const auto n = qsizetype(v.size());
        if (schema.contains("minItems") && n < schema.at("minItems").get<qsizetype>())
            add(path, QStringLiteral("has %1 items, needs at least %2")
                          .arg(n)
                          .arg(schema.at("minItems").get<qsizetype>()));
        if (schema.contains("maxItems") && n > schema.at("maxItems").get<qsizetype>())
            add(path, QStringLiteral("has %1 items, allows at most %2")
                          .arg(n)
                          .arg(schema.at("maxItems").get<qsizetype>()));
        if (const auto it = schema.find("items"); it != schema.end() && it->is_object()) {
            for (qsizetype i = 0; i < n && !full(); ++i)
                check(v.at(size_t(i)), *it, path + u'/' + QString::number(i));
        }
    }

    void checkObject(const Json &v, const Json &schema, const QString &path) {
        const Json properties = schema.value("properties", Json::object());
        if (const auto it = schema.find("required"); it != schema.end() && it->is_array()) {
            for (const Json &name : *it)
                if (name.is_string() && !v.contains(name.get<std::string>()))
                    add(path, QStringLiteral("missing required field \"%1\"")
                                  .arg(QString::fromStdString(name.get<std::string>())));
        }
        const Json additional = schema.value("additionalProperties", Json(true));
        for (auto it = v.begin(); it != v.end() && !full(); ++it) {
            const QString childPath = path + u'/' + QString::fromStdString(it.key());
            if (properties.is_object() && properties.contains(it.key())) {
                check(it.value(), properties.at(it.key()), childPath);
            } else if (additional.is_boolean() && !additional.get<bool>()) {
                add(childPath, QStringLiteral("is not an allowed field"));
            } else if (additional.is_object()) {
                check(it.value(), additional, childPath);
            }
        }
    }

    int m_limit;
};

} // namespace

QStringList SchemaValidator::validate(const Json &value, const Json &schema, int limit) {
    Walker walker(limit);
    walker.check(value, schema, QString());
    return walker.errors;
}

namespace schema {

Json text(int maxLength) {
    Json t = {{"type", "string"}};
    if (maxLength > 0)
        t["maxLength"] = maxLength;
    return t;
}

Json arrayOf(const Json &items, int minItems) {
    Json a = {{"type", "array"}, {"items", items}};
    if (minItems > 0)
        a["minItems"] = minItems;
    return a;
}

Json strictObject(const Json &properties) {
    Json required = Json::array();
    for (auto it = properties.begin(); it != properties.end(); ++it)
        required.push_back(it.key());
    return {{"type", "object"},
            {"properties", properties},
            {"required", required},
            {"additionalProperties", false}};
}

} // namespace schema

} // namespace shotcraft::pipeline
