// The network half every LLM client shares: reads the profile's key (Secrets), sends through the
// HttpClient (timeouts, retries with Retry-After, cancellation, redacted logging), feeds a streamed
// body to the protocol's assembler and maps HTTP failures. A client only says how its protocol
// builds a request and reads an answer (OpenAiChatProvider, AnthropicMessagesProvider,
// OllamaChatProvider).
#pragma once

#include "providers/HttpClient.h"
#include "providers/LlmProvider.h"
#include "providers/LlmStreamAssembler.h"
#include "providers/ProviderProfile.h"

#include <functional>
#include <memory>

namespace shotcraft::providers {

// How one request travels on one protocol.
struct LlmWire {
    std::function<HttpRequest(const QString &key)> buildRequest;
    std::function<std::unique_ptr<LlmStreamAssembler>()> makeStream; // empty: not streamed
    std::function<LlmResponse(const QByteArray &body)> parseResponse;
    std::function<LlmResponse(int status, const QByteArray &body)> parseError;
};

class LlmHttpJob : public LlmJob {
    Q_OBJECT
public:
    LlmHttpJob(ProviderProfile profile, LlmWire wire, QObject *parent = nullptr);
    void start();
    void cancel() override;

private:
    void send(const QString &key);
    void onChunk(const QByteArray &data);
    void onFinished(const HttpResponse &response);
    void complete(LlmResponse response);

    ProviderProfile m_profile;
    LlmWire m_wire;
    std::unique_ptr<LlmStreamAssembler> m_stream;
    QPointer<HttpCall> m_call;
    bool m_cancelled = false;
    bool m_done = false;
};

class LlmHttpProvider : public LlmProvider {
    Q_OBJECT
public:
    explicit LlmHttpProvider(ProviderProfile profile, QObject *parent = nullptr);
    QString name() const override { return m_profile.name; }
    const ProviderProfile &profile() const { return m_profile; }
    LlmJob *chat(const LlmRequest &request) override;

protected:
    virtual LlmWire wire(const LlmRequest &request) const = 0;
    // The HttpRequest every protocol starts from: URL, JSON body, the profile's timeouts and retries.
    HttpRequest baseRequest(const QString &path, const Json &body, bool stream) const;

    ProviderProfile m_profile;
};

} // namespace shotcraft::providers
