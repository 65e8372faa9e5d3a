// One structured question to a language model that either ends with a JSON value that passed every
// check or fails closed. The answer is repaired (JsonRepair), validated against the schema
// (SchemaValidator) and by the caller's own checks; if still invalid, the model is re-asked with the
// validation errors, at most `maxReasks` times. A refusal, a transport failure or a last invalid
// answer ends it with a reason and no value. Shared by the AI breakdown and the prompt enhancer.
#pragma once

#include "pipeline/JsonRepair.h"
#include "providers/LlmProvider.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace shotcraft::pipeline {

// The checks one answer goes through, and what they found.
struct JsonVerdict {
    std::optional<Json> value; // set only when everything passed
    QStringList errors;        // schema and semantic violations (or why nothing parsed)
    QStringList repairs;
    bool truncated = false;
};

struct JsonCallOutcome {
    std::optional<Json> value;
    QString error;         // why it failed closed
    int requests = 0;      // model calls made
    int reasks = 0;        // of which re-asks
    bool repaired = false; // the accepted answer needed repair first
    QStringList repairs;   // every repair made along the way
    QStringList lastErrors;
    bool ok() const { return value.has_value(); }
};

class JsonRepairingCall : public QObject {
    Q_OBJECT
public:
    // Semantic checks beyond the schema (names that must match, counts, ...): violations, or none.
    using Checker = std::function<QStringList(const Json &)>;

    JsonRepairingCall(std::shared_ptr<providers::LlmProvider> provider, providers::LlmRequest request,
                      Checker checker = {}, int maxReasks = 2, QObject *parent = nullptr);
    void start();
    void cancel();
    const JsonCallOutcome &outcome() const { return m_outcome; }

    // Repair, schema and checker on one answer's text (no model involved).
    static JsonVerdict judge(const QString &text, const Json &schema, const Checker &checker);
    // What the model is told when its answer was invalid.
    static QString reaskMessage(const QStringList &errors, bool truncated);

Q_SIGNALS:
    void finished();

private:
    void ask();
    void onAnswer(const providers::LlmResponse &response);
    void finish(std::optional<Json> value, const QString &error);

    std::shared_ptr<providers::LlmProvider> m_provider;
    providers::LlmRequest m_request;
    Checker m_checker;
    int m_maxReasks;
    QPointer<providers::LlmJob> m_job;
    JsonCallOutcome m_outcome;
    bool m_done = false;
};

} // namespace shotcraft::pipeline
