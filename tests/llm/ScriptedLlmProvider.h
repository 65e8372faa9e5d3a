// An in-process language model for pipeline tests: answers each request with the next scripted
// response (asynchronously, as a real service does) and records the requests it was sent. When the
// script runs out it fails like an unreachable service, so a test notices an unplanned request.
#pragma once

#include "providers/LlmProvider.h"

#include <QTimer>

namespace shotcraft::test {

class ScriptedLlmJob : public providers::LlmJob {
public:
    explicit ScriptedLlmJob(providers::LlmResponse response) {
        QTimer::singleShot(0, this, [this, response] {
            if (!response.content.isEmpty())
                Q_EMIT delta(response.content);
            Q_EMIT finished(response);
            deleteLater();
        });
    }
    void cancel() override {}
};

class ScriptedLlmProvider : public providers::LlmProvider {
public:
    QList<providers::LlmResponse> script;
    QList<providers::LlmRequest> requests;
    int contextTokens = 32000;

    void answer(const QString &content, providers::LlmFinish finish = providers::LlmFinish::Stop) {
        providers::LlmResponse r;
        r.content = content;
        r.finish = finish;
        script.append(r);
    }

    QString name() const override { return QStringLiteral("scripted"); }
    providers::LlmCaps caps() const override {
        providers::LlmCaps caps;
        caps.contextTokens = contextTokens;
        return caps;
    }
    providers::LlmJob *chat(const providers::LlmRequest &request) override {
        requests.append(request);
        providers::LlmResponse r;
        if (script.isEmpty()) {
            r.failure = providers::FailureKind::Transient;
            r.finish = providers::LlmFinish::Error;
            r.error = QStringLiteral("connection refused");
        } else {
            r = script.takeFirst();
        }
        return new ScriptedLlmJob(r);
    }
};

} // namespace shotcraft::test
