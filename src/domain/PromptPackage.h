// The Cinematic Prompt Engine's output for one image request, kept with every take it produced.
#pragma once

#include "domain/ReferenceImage.h"

namespace shotcraft {

enum class PromptDialect { Natural, Sdxl, Sd15 };
NLOHMANN_JSON_SERIALIZE_ENUM(PromptDialect, {{PromptDialect::Natural, "natural"},
                                             {PromptDialect::Sdxl, "sdxl"},
                                             {PromptDialect::Sd15, "sd15"}})

struct GenerationParams {
    int width = 1344;
    int height = 768;
    int steps = 30;
    double cfg = 6.5;
    QString sampler = QStringLiteral("dpmpp_2m");
    qint64 seed = 0;
    bool operator==(const GenerationParams &) const = default;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(GenerationParams, width, height, steps, cfg, sampler, seed)

// A reference image as planned for one request: ranked, and kept or dropped by the provider's limit.
struct PromptReference {
    Id referenceId = 0;
    Id imageId = 0; // 0 for a chained take or look-book frame not generated yet
    Id takeId = 0;  // set for a chained take
    ReferenceRole role = ReferenceRole::Other;
    double weight = 1.0;
    int rank = 0; // 0 = most important
    bool kept = true;
    QString label;
    QString reason; // why it is here (or why it was dropped)
    bool operator==(const PromptReference &) const = default;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(PromptReference, referenceId, imageId, takeId, role, weight,
                                                rank, kept, label, reason)

// One explained decision: the prompt inspector's rationale table.
struct RationaleEntry {
    QString aspect; // "lens", "palette", "continuity", ...
    QString choice;
    QString reason;
    bool operator==(const RationaleEntry &) const = default;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(RationaleEntry, aspect, choice, reason)

struct PromptPackage {
    Id shotId = 0;
    Id referenceTargetId = 0; // set instead of shotId for a look-book frame
    PromptDialect dialect = PromptDialect::Natural;
    QString positive;
    QString negative;
    GenerationParams params;
    QList<PromptReference> references; // kept and dropped, ranked
    QStringList identityTokens;        // canonical character strings, verbatim in positive
    QList<RationaleEntry> rationale;
    QString dnaHash;
    QStringList modifications; // what a retry changed (softened terms, ...)
    bool enhanced = false;
    bool operator==(const PromptPackage &) const = default;

    QList<PromptReference> keptReferences() const {
        QList<PromptReference> out;
        for (const PromptReference &r : references)
            if (r.kept)
                out.append(r);
        return out;
    }
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(PromptPackage, shotId, referenceTargetId, dialect, positive,
                                                negative, params, references, identityTokens, rationale,
                                                dnaHash, modifications, enhanced)

} // namespace shotcraft
