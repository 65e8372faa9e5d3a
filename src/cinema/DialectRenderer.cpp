#include "cinema/DialectRenderer.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>

namespace shotcraft::cinema {

namespace {

struct Unit {
    QString text;
    int tokens = 0;
    int priority = 0;
    QString aspect;
};

QString joinSentences(const PromptContent &content) {
    QStringList paragraphs;
    QStringList current;
    for (const PromptElement &e : content.elements) {
        if (e.sentence.isEmpty())
            continue;
        current.append(e.sentence);
        // A paragraph per group of related aspects reads better than one wall of text.
        if (e.aspect == QLatin1String("identity") || e.aspect == QLatin1String("staging") ||
            e.aspect == QLatin1String("palette")) {
            paragraphs.append(current.join(QLatin1Char(' ')));
            current.clear();
        }
    }
    if (!current.isEmpty())
        paragraphs.append(current.join(QLatin1Char(' ')));
    return paragraphs.join(QStringLiteral("\n\n"));
}

// Packs units into chunks first-fit in priority order; each chunk keeps its units in reading order.
RenderedPrompt packChunks(const QList<Unit> &units, int maxChunks) {
    RenderedPrompt r;
    r.maxChunks = maxChunks;
    QList<int> order(units.size());
    for (int i = 0; i < units.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&units](int a, int b) { return units.at(a).priority < units.at(b).priority; });
    QList<QList<int>> chunks;
    QList<int> used;
    for (int i : order) {
        const Unit &u = units.at(i);
        const int cost = u.tokens + 1; // the separating comma
        bool placed = false;
        for (int c = 0; c < chunks.size() && !placed; ++c) {
            if (used.at(c) + cost <= kClipChunkTokens) {
                chunks[c].append(i);
                used[c] += cost;
                placed = true;
            }
        }
        if (!placed && chunks.size() < maxChunks && cost <= kClipChunkTokens) {
            chunks.append(QList<int>{i});
            used.append(cost);
            placed = true;
        }
        if (!placed)
            r.dropped.append(u.aspect + QStringLiteral(": ") + u.text);
    }
    QStringList chunkTexts;
    for (int c = 0; c < chunks.size(); ++c) {
        QList<int> inChunk = chunks.at(c);
        std::sort(inChunk.begin(), inChunk.end());
        QStringList texts;
        for (int i : inChunk)
            texts.append(units.at(i).text);
        chunkTexts.append(texts.join(QStringLiteral(", ")));
        r.chunkTokens.append(clipTokenCount(chunkTexts.last()));
    }
    r.positive = chunkTexts.join(QStringLiteral(" BREAK "));
    return r;
}

// Splits an over-long verbatim string at its commas so that no unit exceeds one chunk.
QStringList splitToFit(const QString &text) {
    if (clipTokenCount(text) < kClipChunkTokens)
        return {text};
    QStringList out;
    QString current;
    for (const QString &part : text.split(QStringLiteral(", "))) {
        const QString candidate = current.isEmpty() ? part : current + QStringLiteral(", ") + part;
        if (!current.isEmpty() && clipTokenCount(candidate) >= kClipChunkTokens) {
            out.append(current);
            current = part;
        } else {
            current = candidate;
        }
    }
    if (!current.isEmpty())
        out.append(current);
    return out;
}

} // namespace

int clipTokenCount(const QString &text) {
    // Weight syntax is parsed away by the front ends before tokenising.
    static const QRegularExpression weightSyntax(QStringLiteral(":[0-9.]+\\)|[()]"));
    static const QRegularExpression pieces(QStringLiteral("[a-z]+|[0-9]|[^\\sa-z0-9]"));
    QString t = text.toLower();
    t.remove(weightSyntax);
    int count = 0;
    auto it = pieces.globalMatch(t);
    while (it.hasNext()) {
        const QString piece = it.next().captured(0);
        if (piece.at(0).isLetter() && piece.size() > 7)
            count += static_cast<int>(std::ceil(piece.size() / 6.0));
        else
            count += 1;
    }
    return count;
}

int defaultMaxChunks(PromptDialect dialect) {
    // SDXL front ends concatenate chunk conditionings well; SD 1.5 drifts sooner with long prompts.
    switch (dialect) {
    case PromptDialect::Sdxl:
        return 4;
    case PromptDialect::Sd15:
        return 3;
    case PromptDialect::Natural:
        break;
    }
    return 0;
}

QString weightedTag(const QString &tag, double weight) {
    if (std::abs(weight - 1.0) < 0.01)
        return tag;
    return QStringLiteral("(%1:%2)").arg(tag).arg(weight, 0, 'f', 1);
}

RenderedPrompt renderPrompt(const PromptContent &content, PromptDialect dialect, int maxChunks) {
    if (dialect == PromptDialect::Natural) {
        RenderedPrompt r;
        r.positive = joinSentences(content);
        r.negative = content.negative.join(QStringLiteral(", "));
        if (!content.negative.isEmpty()) {
            // No negative parameter on these models: the exclusions go into the prompt in words.
            r.positive += QStringLiteral("\n\nKeep the image free of %1.").arg(r.negative);
        }
        return r;
    }
    if (maxChunks <= 0)
        maxChunks = defaultMaxChunks(dialect);
    QList<Unit> units;
    for (const PromptElement &e : content.elements) {
        for (const QString &tag : e.tags) {
            if (tag.trimmed().isEmpty())
                continue;
            const QStringList parts = e.verbatim ? splitToFit(tag) : QStringList{tag};
            for (const QString &part : parts) {
                const QString text = e.verbatim ? part : weightedTag(part, e.weight);
                units.append({text, clipTokenCount(text), e.priority, e.aspect});
            }
        }
    }
    RenderedPrompt r = packChunks(units, maxChunks);
    QList<Unit> negativeUnits;
    for (int i = 0; i < content.negative.size(); ++i)
        negativeUnits.append(
            {content.negative.at(i), clipTokenCount(content.negative.at(i)), i, QStringLiteral("negative")});
    const RenderedPrompt negative = packChunks(negativeUnits, maxChunks);
    r.negative = negative.positive;
    r.dropped.append(negative.dropped);
    return r;
}

QList<QSize> defaultSizes(PromptDialect dialect) {
    switch (dialect) {
    case PromptDialect::Sdxl:
        return {{1024, 1024}, {1152, 896}, {1216, 832}, {1344, 768}, {1536, 640},
                {896, 1152},  {832, 1216}, {768, 1344}, {640, 1536}};
    case PromptDialect::Sd15:
        return {{512, 512}, {768, 512}, {512, 768}};
    case PromptDialect::Natural:
        break;
    }
    return {};
}

QSize fitFrameSize(double aspectRatio, const QList<QSize> &allowedSizes, PromptDialect dialect) {
    if (aspectRatio <= 0)
        aspectRatio = 16.0 / 9.0;
    const QList<QSize> sizes = allowedSizes.isEmpty() ? defaultSizes(dialect) : allowedSizes;
    if (sizes.isEmpty()) {
        // Any size: about one megapixel at the exact ratio, in multiples of 16.
        const double w = std::sqrt(1024.0 * 1024.0 * aspectRatio);
        const int width = static_cast<int>(std::lround(w / 16.0)) * 16;
        const int height = static_cast<int>(std::lround(w / aspectRatio / 16.0)) * 16;
        return {width, height};
    }
    QSize best = sizes.first();
    double bestMiss = std::numeric_limits<double>::infinity();
    for (const QSize &s : sizes) {
        if (s.isEmpty())
            continue;
        const double miss = std::abs(std::log(double(s.width()) / s.height() / aspectRatio));
        const bool better = miss < bestMiss - 1e-9 || (std::abs(miss - bestMiss) <= 1e-9 &&
                                                       s.width() * s.height() > best.width() * best.height());
        if (better) {
            best = s;
            bestMiss = miss;
        }
    }
    return best;
}

GenerationParams defaultParams(PromptDialect dialect) {
    GenerationParams p;
    switch (dialect) {
    case PromptDialect::Sdxl:
        p.steps = 30;
        p.cfg = 6.5;
        p.sampler = QStringLiteral("dpmpp_2m_karras");
        break;
    case PromptDialect::Sd15:
        p.steps = 28;
        p.cfg = 7.0;
        p.sampler = QStringLiteral("dpmpp_2m_karras");
        break;
    case PromptDialect::Natural:
        // Flux is guidance-distilled: low guidance, Euler; gpt-image ignores both.
        p.steps = 28;
        p.cfg = 3.5;
        p.sampler = QStringLiteral("euler");
        break;
    }
    return p;
}

} // namespace shotcraft::cinema
