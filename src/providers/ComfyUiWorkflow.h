// A ComfyUI workflow template (resources/comfyui/*.json) and how it is filled. The template is a
// graph in API format whose node ids are names ("checkpoint", "sampler") and whose values may be
// slots: a string that is exactly "{{name}}" becomes the slot's typed value (text, number, link).
// An optional "per_reference" block is cloned once per reference image ("{{i}}" in its node ids),
// chained from "chain_start" through each clone's "chain_out"; "{{chain_end}}" is the last link.
// So the C++ side speaks only slot names, never node ids.
#pragma once

#include "domain/Json.h"
#include "domain/Result.h"

#include <QMap>
#include <QString>

namespace shotcraft::providers {

struct ComfyUiReferenceSlot {
    QString image;       // the name /upload/image returned ("subfolder/name" when in a subfolder)
    double weight = 1.0; // fills {{reference_weight}}
};

class ComfyUiWorkflow {
public:
    // A built-in template by name (":/comfyui/<name>.json") or a template file by path.
    static Result<ComfyUiWorkflow> load(const QString &nameOrPath);
    static Result<ComfyUiWorkflow> fromJson(const QByteArray &text, const QString &name = {});
    static QStringList builtInNames();

    QString name() const { return m_name; }
    int maxReferences() const;
    QString outputNode() const;
    QStringList slotNames() const; // every {{slot}} the template uses
    // The API-format graph with every slot filled; fails naming the first unfilled slot.
    Result<Json> fill(const QMap<QString, Json> &slotValues,
                      const QList<ComfyUiReferenceSlot> &references) const;

private:
    QString m_name;
    Json m_template;
};

} // namespace shotcraft::providers
