// The AI scene breakdown: a language model reads the screenplay, chunk by chunk of whole scenes, and
// answers acts -> scenes -> shots with every field the offline breakdown fills (shot grammar, lens,
// composition, depth staging, blocking, lighting, palette, mood, dialogue) plus the character and
// location descriptions the Visual DNA is built from. The system prompt sets the film's visual
// language and the genre's cinematography from the cinema knowledge base; characters, locations
// and the visual language found so far travel into every later chunk.
//
// Every answer is repaired, validated field by field and cross-checked (scene numbers, names),
// re-asked with the errors at most twice (JsonRepairingCall), and the whole breakdown fails closed:
// either every chunk is valid and project() holds the AI breakdown, or nothing of it is kept and
// the caller keeps the offline breakdown.
#pragma once

#include "domain/Project.h"
#include "domain/Result.h"
#include "pipeline/JsonRepairingCall.h"
#include "story/Screenplay.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace shotcraft::pipeline {

struct AiBreakdownOptions {
    int chunkChars = 0;        // script text per request; 0: a share of the provider's context
    int maxScenesPerChunk = 0; // 0: as many as fit in chunkChars
    int maxReasks = 2;
    int maxTokens = 8192;
    double temperature = 0.3;
    std::optional<qint64> seed;
};

struct AiBreakdownStats {
    int chunks = 0;
    int requests = 0;
    int reasks = 0;
    int repairedAnswers = 0; // accepted answers that needed repair first
    QStringList repairs;
};

class AiBreakdown : public QObject {
    Q_OBJECT
public:
    // `offline` is the rule-based breakdown of the same script: its settings carry over, and it is
    // what the caller keeps if this fails.
    AiBreakdown(std::shared_ptr<providers::LlmProvider> provider, story::Screenplay script, Project offline,
                AiBreakdownOptions options = {}, QObject *parent = nullptr);
    void start();
    void cancel();

    bool succeeded() const { return m_succeeded; }
    const Project &project() const { return m_project; } // valid only when succeeded()
    const QString &error() const { return m_error; }
    const AiBreakdownStats &stats() const { return m_stats; }

    // For the headless CLI: imports the script, breaks it down with the named LLM profile and waits
    // (in a local event loop, on the finished signal). A failure leaves `offline` as the answer to use.
    static Result<Project> breakDownScript(const QString &scriptPath, const Project &offline,
                                           const QString &profileName, const AiBreakdownOptions &options = {},
                                           AiBreakdownStats *stats = nullptr);

    // The pieces, pure, for the tests and the prompt inspector.
    static Json schema();
    static QString systemPrompt(const ProjectInfo &info);
    // Whole scenes per chunk, each chunk at most `chunkChars` of scene text (a longer scene alone)
    // and at most `maxScenes` scenes (0: no limit).
    static QList<QList<int>> chunkScenes(const story::Screenplay &script, int chunkChars, int maxScenes = 0);
    static QString sceneText(const story::Screenplay &script, int sceneIndex);
    // The user message for one chunk: what is established so far, then the scenes.
    static QString chunkPrompt(const story::Screenplay &script, const QList<int> &scenes,
                               const Project &sofar, const QString &visualLanguage, int part, int parts);
    // Checks beyond the schema: exactly the scene numbers sent, names that resolve, act order.
    static QStringList checkChunk(const Json &answer, const QStringList &sceneNumbers, const Project &sofar);
    // Adds one checked chunk answer to the project being built.
    static void mergeChunk(Project &project, const Json &answer, const story::Screenplay &script,
                           const QList<int> &scenes);

Q_SIGNALS:
    void progress(int done, int total);
    void finished();

private:
    void runChunk();
    void onChunkDone();
    void finish(bool ok, const QString &error);

    std::shared_ptr<providers::LlmProvider> m_provider;
    story::Screenplay m_script;
    AiBreakdownOptions m_options;
    Project m_project;
    QList<QList<int>> m_chunks;
    int m_next = 0;
    QString m_visualLanguage;
    QPointer<JsonRepairingCall> m_call;
    AiBreakdownStats m_stats;
    QString m_error;
    bool m_succeeded = false;
    bool m_done = false;
};

} // namespace shotcraft::pipeline
