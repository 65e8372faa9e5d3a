// What a prompt says, before it is worded for a model: one element per aspect (shot, identity,
// lens, composition, ...), each with a natural-language sentence and tag forms, a weight and a
// priority. The dialect renderers turn the same content into paragraphs or weighted tags.
#pragma once

#include <QString>
#include <QStringList>

namespace shotcraft::cinema {

struct PromptElement {
    QString aspect;   // "shot", "identity", "lens", ...
    QString sentence; // natural-language form, a full sentence
    QStringList tags; // tag forms for SD dialects, most important first
    double weight = 1.0;
    int priority = 50;     // lower survives a token budget first
    bool verbatim = false; // tags are canonical strings: never weighted, reworded or split
};

struct PromptContent {
    QList<PromptElement> elements; // in reading order
    QStringList negative;
};

} // namespace shotcraft::cinema
