#include "providers/ComfyUiWorkflow.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

namespace shotcraft::providers {

namespace {
const QRegularExpression &slotPattern() {
    static const QRegularExpression re(QStringLiteral("^\\{\\{([a-z0-9_]+)\\}\\}$"));
    return re;
}

void collectSlots(const Json &j, QSet<QString> &out) {
    if (j.is_string()) {
        const auto m = slotPattern().match(QString::fromStdString(j.get<std::string>()));
        if (m.hasMatch())
            out.insert(m.captured(1));
    } else if (j.is_object() || j.is_array()) {
        for (const Json &child : j)
            collectSlots(child, out);
    }
}

// Replaces "{{i}}" inside strings (node ids and links of a per-reference clone).
Json withIndex(const Json &j, int index) {
    if (j.is_string()) {
        std::string s = j.get<std::string>();
        const std::string marker = "{{i}}";
        for (size_t at = s.find(marker); at != std::string::npos; at = s.find(marker))
            s.replace(at, marker.size(), std::to_string(index));
        return s;
    }
    if (j.is_array()) {
        Json out = Json::array();
        for (const Json &c : j)
            out.push_back(withIndex(c, index));
        return out;
    }
    if (j.is_object()) {
        Json out = Json::object();
        for (auto it = j.begin(); it != j.end(); ++it)
            out[withIndex(Json(it.key()), index).get<std::string>()] = withIndex(it.value(), index);
        return out;
    }
    return j;
}

Status substitute(Json &j, const QMap<QString, Json> &slotValues) {
    if (j.is_string()) {
        const auto m = slotPattern().match(QString::fromStdString(j.get<std::string>()));
        if (!m.hasMatch())
            return Status::success();
        const auto it = slotValues.find(m.captured(1));
        if (it == slotValues.end())
            return Status::failure(
                QStringLiteral("the workflow template needs a value for {{%1}}").arg(m.captured(1)));
        j = *it;
        return Status::success();
    }
    if (j.is_object() || j.is_array()) {
        for (Json &child : j)
            if (Status s = substitute(child, slotValues); !s)
                return s;
    }
    return Status::success();
}
} // namespace

QStringList ComfyUiWorkflow::builtInNames() {
    QStringList names;
    for (const QString &f :
         QDir(QStringLiteral(":/comfyui")).entryList({QStringLiteral("*.json")}, QDir::Files))
        names.append(QFileInfo(f).completeBaseName());
    return names;
}

Result<ComfyUiWorkflow> ComfyUiWorkflow::load(const QString &nameOrPath) {
    const bool isPath = nameOrPath.contains(u'/') || nameOrPath.endsWith(QLatin1String(".json"));
    const QString path = isPath ? nameOrPath : QStringLiteral(":/comfyui/%1.json").arg(nameOrPath);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<ComfyUiWorkflow>::failure(
            isPath ? QStringLiteral("cannot read workflow template %1").arg(path)
                   : QStringLiteral("no built-in ComfyUI workflow template named \"%1\" (have: %2)")
                         .arg(nameOrPath, builtInNames().join(QStringLiteral(", "))));
    return fromJson(file.readAll(), QFileInfo(path).completeBaseName());
}

Result<ComfyUiWorkflow> ComfyUiWorkflow::fromJson(const QByteArray &text, const QString &name) {
    Json j = Json::parse(text.constBegin(), text.constEnd(), nullptr, false);
    if (!j.is_object() || !j.contains("graph") || !j["graph"].is_object())
        return Result<ComfyUiWorkflow>::failure(
            QStringLiteral("workflow template %1 is not JSON with a \"graph\" object").arg(name));
    if (j.contains("per_reference")) {
        const Json &p = j["per_reference"];
        if (!p.is_object() || !p.contains("nodes") || !p.contains("chain_start") || !p.contains("chain_out"))
            return Result<ComfyUiWorkflow>::failure(
                QStringLiteral("workflow template %1: per_reference needs nodes, chain_start and chain_out")
                    .arg(name));
    }
    ComfyUiWorkflow w;
    w.m_name = name;
    w.m_template = std::move(j);
    return w;
}

int ComfyUiWorkflow::maxReferences() const {
    if (!m_template.contains("per_reference"))
        return 0;
    return m_template.value("max_references", 4);
}

QString ComfyUiWorkflow::outputNode() const {
    return QString::fromStdString(m_template.value("output", std::string()));
}

QStringList ComfyUiWorkflow::slotNames() const {
    QSet<QString> names;
    collectSlots(m_template["graph"], names);
    if (m_template.contains("per_reference"))
        collectSlots(m_template["per_reference"]["nodes"], names);
    QStringList out(names.begin(), names.end());
    out.sort();
    return out;
}

Result<Json> ComfyUiWorkflow::fill(const QMap<QString, Json> &slotValues,
                                   const QList<ComfyUiReferenceSlot> &references) const {
    Json graph = m_template["graph"];
    QMap<QString, Json> all = slotValues;
    if (m_template.contains("per_reference")) {
        const Json &per = m_template["per_reference"];
        Json chain = per["chain_start"];
        const int count = std::min<int>(int(references.size()), maxReferences());
        for (int i = 0; i < count; ++i) {
            QMap<QString, Json> refSlots = all;
            refSlots[QStringLiteral("reference_image")] = references[i].image;
            refSlots[QStringLiteral("reference_weight")] = references[i].weight;
            refSlots[QStringLiteral("chain_prev")] = chain;
            Json nodes = withIndex(per["nodes"], i);
            if (Status s = substitute(nodes, refSlots); !s)
                return Result<Json>::failure(s.error());
            for (auto it = nodes.begin(); it != nodes.end(); ++it)
                graph[it.key()] = it.value();
            chain = withIndex(per["chain_out"], i);
        }
        all[QStringLiteral("chain_end")] = chain;
    }
    if (Status s = substitute(graph, all); !s)
        return Result<Json>::failure(s.error());
    return graph;
}

} // namespace shotcraft::providers
