#include "pipeline/JsonRepairingCall.h"

#include "domain/Logging.h"
#include "pipeline/SchemaValidator.h"

namespace shotcraft::pipeline {

using providers::LlmFinish;
using providers::LlmMessage;
using providers::LlmResponse;

namespace {
// What of a bad answer is echoed back when re-asking: enough to show the mistake, not the whole
// of a huge answer again.
constexpr qsizetype kEchoLimit = 12000;
} // namespace

JsonRepairingCall::JsonRepairingCall(std::shared_ptr<providers::LlmProvider> provider,
                                     providers::LlmRequest request, Checker checker, int maxReasks,
                                     QObject *parent)
    : QObject(parent)
    , m_provider(std::move(provider))
    , m_request(std::move(request))
    , m_checker(std::move(checker))
    , m_maxReasks(maxReasks) {
}

JsonVerdict JsonRepairingCall::judge(const QString &text, const Json &schema, const Checker &checker) {
    JsonVerdict verdict;
    JsonRepairResult repaired = JsonRepair::repair(text);
    verdict.repairs = repaired.repairs;
    verdict.truncated = repaired.truncated;
    if (!repaired.value) {
        verdict.errors.append(QStringLiteral("the answer is not JSON (%1)").arg(repaired.error));
        return verdict;
    }
    verdict.errors = SchemaValidator::validate(*repaired.value, schema);
    if (verdict.errors.isEmpty() && checker) {
        try {
            verdict.errors = checker(*repaired.value);
        } catch (const std::exception &e) {
            // A checker reading a value the schema let through must never take the app down.
            verdict.errors.append(QStringLiteral("unreadable value: %1").arg(QString::fromUtf8(e.what())));
        }
    }
    if (verdict.errors.isEmpty())
        verdict.value = std::move(repaired.value);
    return verdict;
}

QString JsonRepairingCall::reaskMessage(const QStringList &errors, bool truncated) {
    QString message = QStringLiteral("Your previous answer was not valid.\n");
    if (truncated)
        message += QStringLiteral(
            "It was cut off before the end: keep every text field short so the whole answer fits.\n");
    message += QStringLiteral("Problems found:\n");
    for (const QString &e : errors)
        message += QStringLiteral("- ") + e + u'\n';
    message += QStringLiteral(
        "Send the complete corrected JSON value again, matching the schema exactly, with no prose "
        "and no code fences.");
    return message;
}

void JsonRepairingCall::start() {
    ask();
}

void JsonRepairingCall::cancel() {
    if (m_job)
        m_job->cancel();
    else
        finish(std::nullopt, QStringLiteral("cancelled"));
}

void JsonRepairingCall::ask() {
    ++m_outcome.requests;
    m_job = m_provider->chat(m_request);
    connect(m_job, &providers::LlmJob::finished, this, &JsonRepairingCall::onAnswer);
}

void JsonRepairingCall::onAnswer(const LlmResponse &response) {
    m_job = nullptr;
    if (!response.ok()) {
        finish(std::nullopt, response.error);
        return;
    }
    if (response.finish == LlmFinish::Refusal || response.finish == LlmFinish::ContentFilter ||
        !response.refusal.isEmpty()) {
        const QString why = response.refusal.isEmpty() ? QStringLiteral("content filter") : response.refusal;
        finish(std::nullopt, QStringLiteral("the model declined: %1").arg(why.simplified().left(200)));
        return;
    }
    // A model that answered through a tool call instead of the content still meant the JSON.
    const QString text = response.content.trimmed().isEmpty() && !response.toolCalls.isEmpty()
                             ? response.toolCalls.first().arguments
                             : response.content;
    const bool cut = response.finish == LlmFinish::Length;
    JsonVerdict verdict = judge(text, m_request.schema, m_checker);
    for (const QString &r : std::as_const(verdict.repairs))
        if (!m_outcome.repairs.contains(r))
            m_outcome.repairs.append(r);
    if (verdict.value) {
        m_outcome.repaired = !verdict.repairs.isEmpty();
        finish(std::move(verdict.value), {});
        return;
    }
    m_outcome.lastErrors = verdict.errors;
    qCInfo(lcPipeline) << "model answer invalid:" << verdict.errors.size()
                       << "problems, first:" << verdict.errors.value(0);
    if (m_outcome.reasks >= m_maxReasks) {
        finish(std::nullopt, QStringLiteral("the model's answer stayed invalid after %1 re-asks: %2")
                                 .arg(m_outcome.reasks)
                                 .arg(verdict.errors.value(0)));
        return;
    }
    ++m_outcome.reasks;
    m_request.messages.append(LlmMessage::assistant(text.left(kEchoLimit)));
    m_request.messages.append(LlmMessage::user(reaskMessage(verdict.errors, cut || verdict.truncated)));
    ask();
}

void JsonRepairingCall::finish(std::optional<Json> value, const QString &error) {
    if (m_done)
        return;
    m_done = true;
    m_outcome.value = std::move(value);
    m_outcome.error = error;
    Q_EMIT finished();
}

} // namespace shotcraft::pipeline
