// AI prompt enhancement: the Cinematic Prompt Engine's package for one shot goes to a language model
// with a schema and comes back enriched — a fuller description, depth staging and lighting, folded
// into the positive prompt. The answer is validated against the package: it may not drop an
// identity token (the canonical character strings), a reference or a negative term, and it is
// stored with its rationale. Invalid answers are repaired or re-asked (JsonRepairingCall); if they
// stay invalid the engine's own package is kept. Turned on per project by ProjectInfo::enhancePrompts.
#pragma once

#include "domain/Project.h"
#include "domain/Result.h"
#include "pipeline/JsonRepairingCall.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace shotcraft::pipeline {

class PromptEnhancer : public QObject {
    Q_OBJECT
public:
    PromptEnhancer(std::shared_ptr<providers::LlmProvider> provider, PromptPackage package, Shot shot = {},
                   int maxReasks = 2, QObject *parent = nullptr);
    void start();
    void cancel();

    bool succeeded() const { return m_succeeded; }
    // The enhanced package when succeeded(), otherwise the engine's own, unchanged.
    const PromptPackage &package() const { return m_result; }
    const QString &error() const { return m_error; }
    const JsonCallOutcome &outcome() const { return m_outcome; }

    static bool enabledFor(const Project &project) { return project.info.enhancePrompts; }
    // For the headless CLI: enhances with the named LLM profile (empty: the first one configured) and
    // waits (a local event loop on the finished signal). On failure the reason; the caller keeps its
    // own package.
    static Result<PromptPackage> enhanceWith(const QString &profileName, const PromptPackage &package,
                                             const Shot &shot = {});
    static Json schema();
    static QString systemPrompt(PromptDialect dialect);
    static QString userPrompt(const PromptPackage &package, const Shot &shot);
    // Checks of one answer against the package it enriches.
    static QStringList checkAnswer(const Json &answer, const PromptPackage &original);
    static PromptPackage apply(const PromptPackage &original, const Json &answer);
    // The last word on an enhanced package: identity tokens verbatim, references and every negative
    // term of the original kept. Empty when it may be used.
    static QStringList verify(const PromptPackage &original, const PromptPackage &enhanced);

Q_SIGNALS:
    void finished();

private:
    void onDone();

    std::shared_ptr<providers::LlmProvider> m_provider;
    PromptPackage m_original;
    PromptPackage m_result;
    Shot m_shot;
    int m_maxReasks;
    QPointer<JsonRepairingCall> m_call;
    JsonCallOutcome m_outcome;
    QString m_error;
    bool m_succeeded = false;
};

} // namespace shotcraft::pipeline
