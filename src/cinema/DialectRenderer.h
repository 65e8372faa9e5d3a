// Words the same prompt content for a model family: natural-language paragraphs for gpt-image and
// Flux (which take no negative prompt, so exclusions are stated in words), weighted comma tags
// `(token:1.2)` for SD 1.5 and SDXL packed into 77-token CLIP chunks (75 usable) joined by BREAK,
// dropping the lowest-priority elements when the budget runs out.
#pragma once

#include "cinema/PromptContent.h"
#include "domain/PromptPackage.h"

#include <QSize>

namespace shotcraft::cinema {

constexpr int kClipChunkTokens = 75; // 77 minus the start and end tokens

struct RenderedPrompt {
    QString positive;
    QString negative;
    QStringList dropped;    // aspects (or tags) left out to stay in budget
    QList<int> chunkTokens; // CLIP tokens per chunk (tag dialects)
    int maxChunks = 0;
};

// A CLIP-like token count: lower-cased words, digits and punctuation, long words split the way BPE
// splits rare words. Errs on the high side so a prompt within this budget is within CLIP's.
int clipTokenCount(const QString &text);

// The dialect's default chunk budget (SDXL 4 chunks, SD 1.5 3 chunks).
int defaultMaxChunks(PromptDialect dialect);

RenderedPrompt renderPrompt(const PromptContent &content, PromptDialect dialect, int maxChunks = 0);

// "(token:1.2)", or the token alone at weight 1.
QString weightedTag(const QString &tag, double weight);

// The allowed size closest to `aspectRatio` (ties: the larger); with no list, the dialect's usual
// sizes (SDXL buckets, SD 1.5 sizes) or about one megapixel in multiples of 16.
QSize fitFrameSize(double aspectRatio, const QList<QSize> &allowedSizes, PromptDialect dialect);
QList<QSize> defaultSizes(PromptDialect dialect);

// Steps, CFG and sampler that suit the dialect's models; seed and size from the caller.
GenerationParams defaultParams(PromptDialect dialect);

} // namespace shotcraft::cinema
