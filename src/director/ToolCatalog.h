// The director's tools: name, one-line description, JSON schema of the arguments and risk class.
// The same table is offered to a language model and checked against every call, whichever
// interpreter made it. Destructive actions (deleting shots, takes, characters) are not tools.
#pragma once

#include "director/DirectorTypes.h"

namespace shotcraft::director {

struct ToolSpec {
    QString name;
    QString description;
    RiskClass risk = RiskClass::Read;
    Json parameters = Json::object();
};

const QList<ToolSpec> &toolCatalog();
const ToolSpec *findTool(const QString &name);
QString riskName(RiskClass risk);

// The JSON spellings of an enum whose values run 0..count-1 (for the schemas and the parser).
template <typename Enum> QStringList enumNames(int count) {
    QStringList names;
    for (int i = 0; i < count; ++i)
        names.append(enumName(static_cast<Enum>(i)));
    return names;
}

} // namespace shotcraft::director
