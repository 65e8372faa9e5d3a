#include "pipeline/PromptEnhancer.h"

#include "pipeline/SchemaValidator.h"
#include "providers/LlmRegistry.h"

#include <QEventLoop>

namespace shotcraft::pipeline {

using providers::LlmMessage;
using providers::LlmRequest;

namespace {

using schema::strictObject;
using schema::text;

QString str(const Json &j, const char *k) {
    return j.value(k, Json()).get<QString>();
}

// Negative prompts are comma-separated terms; compared without case or spacing differences.
QStringList terms(const QString &negative) {
    QStringList out;
    for (const QString &t : negative.split(u',', Qt::SkipEmptyParts))
        if (const QString s = t.simplified(); !s.isEmpty())
            out.append(s);
    return out;
}

bool hasTerm(const QStringList &list, const QString &term) {
    for (const QString &t : list)
        if (t.compare(term, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

} // namespace

PromptEnhancer::PromptEnhancer(std::shared_ptr<providers::LlmProvider> provider, PromptPackage package,
                               Shot shot, int maxReasks, QObject *parent)
    : QObject(parent)
    , m_provider(std::move(provider))
    , m_original(std::move(package))
    , m_result(m_original)
    , m_shot(std::move(shot))
    , m_maxReasks(maxReasks) {
}

Json PromptEnhancer::schema() {
    Json positive = text(4000);
    positive["minLength"] = 20;
    const Json rationale = strictObject({{"aspect", text(40)}, {"choice", text(300)}, {"reason", text(400)}});
    return strictObject(
        {{"positive", positive},
         {"description", text(800)},
         {"staging",
          strictObject({{"foreground", text(300)}, {"midground", text(300)}, {"background", text(300)}})},
         {"lighting", text(400)},
         {"negativeAdditions", {{"type", "array"}, {"items", text(80)}, {"maxItems", 12}}},
         {"rationale", {{"type", "array"}, {"items", rationale}, {"minItems", 1}, {"maxItems", 8}}}});
}

QString PromptEnhancer::systemPrompt(PromptDialect dialect) {
    QString style =
        dialect == PromptDialect::Natural
            ? QStringLiteral("flowing natural-language sentences, as a cinematographer briefs a painter")
            : QStringLiteral("comma-separated tags with the most important first, as Stable Diffusion "
                             "prompts are written; keep any (term:weight) emphasis as it is");
    return QStringLiteral(
               "You enrich image prompts for a film storyboard. You receive the prompt engine's package for "
               "one shot "
               "and return a richer positive prompt: a more vivid description of the moment, precise depth "
               "staging "
               "(foreground, midground, background) and lighting (direction, quality, key-to-fill, colour), "
               "in %1.\n"
               "Rules you must keep:\n"
               "- Every identity token must appear in the positive prompt exactly as given, character for "
               "character; they keep characters looking the same in every shot.\n"
               "- Keep the lens, shot size, angle, composition, palette and style tokens of the original.\n"
               "- You cannot change the reference images or remove negative terms; you may only add negative "
               "terms.\n"
               "- Explain each change in the rationale (aspect, choice, reason).\n"
               "Answer with one JSON object matching the schema, nothing else.")
        .arg(style);
}

QString PromptEnhancer::userPrompt(const PromptPackage &package, const Shot &shot) {
    QString p = QStringLiteral("Dialect: %1\n\nPositive prompt:\n%2\n\nNegative prompt:\n%3\n\n")
                    .arg(enumName(package.dialect), package.positive, package.negative);
    if (!package.identityTokens.isEmpty()) {
        p += QStringLiteral("Identity tokens (keep verbatim):\n");
        for (const QString &t : package.identityTokens)
            p += QStringLiteral("- ") + t + u'\n';
        p += u'\n';
    }
    const QList<PromptReference> kept = package.keptReferences();
    if (!kept.isEmpty()) {
        p += QStringLiteral("Reference images sent with the request (fixed): ");
        QStringList labels;
        for (const PromptReference &r : kept)
            labels.append(r.label.isEmpty() ? enumName(r.role) : r.label);
        p += labels.join(QStringLiteral("; ")) + QStringLiteral("\n\n");
    }
    if (shot.id != 0) {
        p += QStringLiteral("The shot: %1 %2, %3, %4mm T%5. %6\n")
                 .arg(shot.number, enumName(shot.size), enumName(shot.angle))
                 .arg(shot.lens.focalLengthMm)
                 .arg(shot.lens.aperture)
                 .arg(shot.description);
        if (!shot.dialogueExcerpt.isEmpty())
            p += QStringLiteral("Dialogue: %1\n").arg(shot.dialogueExcerpt);
    }
    if (!package.rationale.isEmpty()) {
        p += QStringLiteral("\nThe engine's choices:\n");
        for (const RationaleEntry &r : package.rationale)
            p += QStringLiteral("- %1: %2 (%3)\n").arg(r.aspect, r.choice, r.reason);
    }
    return p;
}

QStringList PromptEnhancer::checkAnswer(const Json &answer, const PromptPackage &original) {
    QStringList errors;
    const QString positive = str(answer, "positive");
    for (const QString &token : original.identityTokens)
        if (!positive.contains(token))
            errors.append(
                QStringLiteral("/positive: the identity token \"%1\" must appear verbatim").arg(token));
    if (errors.isEmpty())
        errors = verify(original, apply(original, answer));
    return errors;
}

PromptPackage PromptEnhancer::apply(const PromptPackage &original, const Json &answer) {
    PromptPackage out = original;
    out.positive = str(answer, "positive").trimmed();
    QStringList negative = terms(original.negative);
    const qsizetype before = negative.size();
    for (const Json &t : answer.at("negativeAdditions"))
        if (const QString term = t.get<QString>().simplified(); !term.isEmpty() && !hasTerm(negative, term))
            negative.append(term);
    if (negative.size() != before)
        out.negative = original.negative.trimmed() + QStringLiteral(", ") +
                       negative.mid(before).join(QStringLiteral(", "));
    const QString why = QStringLiteral("enriched by the language model");
    out.rationale.append({QStringLiteral("description"), str(answer, "description"), why});
    const Json &staging = answer.at("staging");
    out.rationale.append(
        {QStringLiteral("staging"),
         QStringLiteral("foreground: %1; midground: %2; background: %3")
             .arg(str(staging, "foreground"), str(staging, "midground"), str(staging, "background")),
         why});
    out.rationale.append({QStringLiteral("lighting"), str(answer, "lighting"), why});
    for (const Json &r : answer.at("rationale"))
        out.rationale.append(
            {QStringLiteral("enhancement: ") + str(r, "aspect"), str(r, "choice"), str(r, "reason")});
    out.enhanced = true;
    return out;
}

QStringList PromptEnhancer::verify(const PromptPackage &original, const PromptPackage &enhanced) {
    QStringList errors;
    for (const QString &token : original.identityTokens)
        if (!enhanced.positive.contains(token))
            errors.append(QStringLiteral("identity token \"%1\" was dropped").arg(token));
    if (enhanced.references != original.references)
        errors.append(QStringLiteral("the reference images were changed"));
    if (enhanced.identityTokens != original.identityTokens)
        errors.append(QStringLiteral("the identity tokens were changed"));
    const QStringList kept = terms(enhanced.negative);
    for (const QString &term : terms(original.negative))
        if (!hasTerm(kept, term))
            errors.append(QStringLiteral("negative term \"%1\" was dropped").arg(term));
    if (enhanced.params != original.params || enhanced.shotId != original.shotId ||
        enhanced.referenceTargetId != original.referenceTargetId || enhanced.dnaHash != original.dnaHash)
        errors.append(QStringLiteral("the generation parameters were changed"));
    if (enhanced.positive.trimmed().isEmpty())
        errors.append(QStringLiteral("the positive prompt is empty"));
    return errors;
}

Result<PromptPackage> PromptEnhancer::enhanceWith(const QString &profileName, const PromptPackage &package,
                                                  const Shot &shot) {
    auto provider = providers::LlmRegistry::createOrDefault(profileName);
    if (!provider)
        return Result<PromptPackage>::failure(provider.error());
    PromptEnhancer enhancer(*provider, package, shot);
    QEventLoop loop;
    connect(&enhancer, &PromptEnhancer::finished, &loop, &QEventLoop::quit);
    QMetaObject::invokeMethod(&enhancer, &PromptEnhancer::start, Qt::QueuedConnection);
    loop.exec();
    if (!enhancer.succeeded())
        return Result<PromptPackage>::failure(
            QStringLiteral("%1: %2").arg((*provider)->name(), enhancer.error()));
    return enhancer.package();
}

void PromptEnhancer::start() {
    LlmRequest request;
    request.system = systemPrompt(m_original.dialect);
    request.messages.append(LlmMessage::user(userPrompt(m_original, m_shot)));
    request.schemaName = QStringLiteral("enhanced_prompt");
    request.schema = schema();
    request.maxTokens = 2048;
    request.temperature = 0.4;
    const PromptPackage original = m_original;
    m_call = new JsonRepairingCall(
        m_provider, request, [original](const Json &answer) { return checkAnswer(answer, original); },
        m_maxReasks, this);
    connect(m_call, &JsonRepairingCall::finished, this, &PromptEnhancer::onDone);
    m_call->start();
}

void PromptEnhancer::cancel() {
    if (m_call)
        m_call->cancel();
}

void PromptEnhancer::onDone() {
    m_outcome = m_call->outcome();
    m_call->deleteLater();
    m_call = nullptr;
    if (m_outcome.ok()) {
        const PromptPackage enhanced = apply(m_original, *m_outcome.value);
        const QStringList problems = verify(m_original, enhanced);
        if (problems.isEmpty()) {
            m_result = enhanced;
            m_succeeded = true;
        } else {
            m_error = problems.first();
        }
    } else {
        m_error = m_outcome.error;
    }
    if (!m_succeeded)
        m_result = m_original; // fail closed: the engine's own package stands
    Q_EMIT finished();
}

} // namespace shotcraft::pipeline
