// The three LLM clients against local test servers that speak each protocol, streamed and whole:
// text, tool calls with fragmented arguments, JSON-schema requests in each protocol's form, and the
// faults a real service produces (refusal, length stop, error event after a 200, cut connection,
// 429 with Retry-After, Anthropic's 529, error bodies as object or bare string with odd codes).
#include "LlmTestKit.h"
#include "pipeline/JsonRepairingCall.h"
#include "providers/LlmRegistry.h"
#include "providers/RetryPolicy.h"
#include "providers/Secrets.h"
#include "support/LlmTestServer.h"

#include <QSignalSpy>
#include <QTest>

using namespace shotcraft;
using namespace shotcraft::providers;
using shotcraft::test::LlmProtocol;
using shotcraft::test::LlmScriptedReply;
using shotcraft::test::LlmTestServer;
using Fault = LlmScriptedReply::Fault;

Q_DECLARE_METATYPE(shotcraft::test::LlmProtocol)

// Json converts to anything, which QCOMPARE's overloads cannot take: compare as Json values.
#define QCOMPARE_JSON(actual, expected)                                                                      \
    QVERIFY2(Json(actual) == Json(expected),                                                                 \
             (QByteArray(#actual " is ") + QByteArray::fromStdString(Json(actual).dump())).constData())

namespace {

LlmResponse run(LlmProvider &provider, const LlmRequest &request, QString *streamed = nullptr) {
    LlmJob *job = provider.chat(request);
    QSignalSpy done(job, &LlmJob::finished);
    if (streamed)
        QObject::connect(job, &LlmJob::delta, job, [streamed](const QString &t) { *streamed += t; });
    if (!done.wait(20000))
        return {FailureKind::Transient, QStringLiteral("test timeout")};
    return done.first().first().value<LlmResponse>();
}

const QString kLong =
    QStringLiteral("Low angle 35mm on Brick, hard noon sun, the screen door sliding open behind.");

} // namespace

class TestLlmProviders : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void text_data();
    void text();
    void toolCalls_data() { text_data(); }
    void toolCalls();
    void schemaRequest_data() { text_data(); }
    void schemaRequest();
    void faults_data();
    void faults();
    void retriesRateLimits_data();
    void retriesRateLimits();
    void errorBodies_data();
    void errorBodies();
    void toolReplyRoundTrip_data() { text_data(); }
    void toolReplyRoundTrip();
    void invalidAnswerIsReasked_data();
    void invalidAnswerIsReasked();
};

void TestLlmProviders::initTestCase() {
    Secrets::setKeychainEnabled(false);
    RetryPolicy::setTimeScale(0.001); // Retry-After of seconds becomes milliseconds
    qRegisterMetaType<LlmResponse>();
    if (qEnvironmentVariableIsEmpty("SHOTCRAFT_ANTHROPIC_API_KEY"))
        qputenv("SHOTCRAFT_ANTHROPIC_API_KEY", "sk-test-anthropic");
    if (qEnvironmentVariableIsEmpty("SHOTCRAFT_OPENAI_API_KEY"))
        qputenv("SHOTCRAFT_OPENAI_API_KEY", "sk-test-openai");
}

void TestLlmProviders::text_data() {
    QTest::addColumn<LlmProtocol>("protocol");
    QTest::addColumn<bool>("stream");
    for (const bool stream : {true, false}) {
        const char *s = stream ? "stream" : "whole";
        QTest::addRow("openai-%s", s) << LlmProtocol::OpenAi << stream;
        QTest::addRow("anthropic-%s", s) << LlmProtocol::Anthropic << stream;
        QTest::addRow("ollama-%s", s) << LlmProtocol::Ollama << stream;
    }
}

void TestLlmProviders::text() {
    QFETCH(LlmProtocol, protocol);
    QFETCH(bool, stream);
    LlmTestServer server(protocol);
    QVERIFY(server.listen());
    server.enqueue(LlmScriptedReply::text(kLong));
    auto provider = LlmRegistry::create(test::llmTestProfile(protocol, server.baseUrl()));
    QVERIFY2(provider.ok(), qPrintable(provider.error()));
    QString streamed;
    const LlmResponse r = run(**provider, test::simpleChatRequest(stream), &streamed);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.content, kLong);
    QCOMPARE(r.finish, LlmFinish::Stop);
    if (stream)
        QCOMPARE(streamed, kLong);
    QCOMPARE(server.requests().size(), 1);
    const Json &sent = server.requests().first();
    QCOMPARE_JSON(sent.value("stream", !stream), stream);
    QCOMPARE_JSON(sent.value("model", ""), "test-model");
    const auto &headers = server.requestHeaders().first();
    if (protocol == LlmProtocol::Anthropic) {
        QCOMPARE_JSON(sent.value("system", ""), "You are a storyboard artist.");
        QVERIFY(sent.contains("max_tokens"));
        QCOMPARE(headers.value("anthropic-version"), QByteArray("2023-06-01"));
        QVERIFY(!headers.value("x-api-key").isEmpty());
    } else {
        QCOMPARE_JSON(sent["messages"][0].value("role", ""), "system");
    }
    if (protocol == LlmProtocol::OpenAi && stream)
        QCOMPARE_JSON(sent["stream_options"].value("include_usage", false), true);
}

void TestLlmProviders::toolCalls() {
    QFETCH(LlmProtocol, protocol);
    QFETCH(bool, stream);
    LlmTestServer server(protocol);
    QVERIFY(server.listen());
    LlmScriptedReply reply;
    reply.toolCalls = {
        {QStringLiteral("regenerate_shot"),
         QStringLiteral("{\"shot\":\"3B\",\"change\":\"dusk, warmer light\"}")},
        {QStringLiteral("set_lens"), QStringLiteral("{\"shot\":\"3B\",\"focalLengthMm\":85}")}};
    reply.pieceChars = 4; // arguments arrive in many fragments
    server.enqueue(reply);
    auto provider = LlmRegistry::create(test::llmTestProfile(protocol, server.baseUrl()));
    QVERIFY(provider.ok());
    LlmRequest request = test::simpleChatRequest(stream);
    request.tools = {{QStringLiteral("regenerate_shot"), QStringLiteral("Regenerate a shot"),
                      Json{{"type", "object"}, {"properties", {{"shot", {{"type", "string"}}}}}}},
                     {QStringLiteral("set_lens"), QStringLiteral("Change a lens"), Json{{"type", "object"}}}};
    request.toolChoice = LlmToolChoice::Required;
    const LlmResponse r = run(**provider, request);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.finish, LlmFinish::ToolCalls);
    QCOMPARE(r.toolCalls.size(), 2);
    QCOMPARE(r.toolCalls[0].name, QStringLiteral("regenerate_shot"));
    QCOMPARE_JSON(parseJson(r.toolCalls[0].arguments.toUtf8()).value_or(Json()),
                  (Json{{"shot", "3B"}, {"change", "dusk, warmer light"}}));
    QCOMPARE_JSON(parseJson(r.toolCalls[1].arguments.toUtf8()).value_or(Json()),
                  (Json{{"shot", "3B"}, {"focalLengthMm", 85}}));
    QVERIFY(!r.toolCalls[0].id.isEmpty());
    QVERIFY(r.toolCalls[0].id != r.toolCalls[1].id);
    const Json &sent = server.requests().first();
    if (protocol == LlmProtocol::OpenAi) {
        QCOMPARE_JSON(sent["tools"][0]["type"], "function");
        QCOMPARE_JSON(sent["tool_choice"], "required");
    } else if (protocol == LlmProtocol::Anthropic) {
        QCOMPARE_JSON(sent["tools"][0]["name"], "regenerate_shot");
        QVERIFY(sent["tools"][0].contains("input_schema"));
        QCOMPARE_JSON(sent["tool_choice"]["type"], "any");
    } else {
        QCOMPARE_JSON(sent["tools"][0]["function"]["name"], "regenerate_shot");
        QVERIFY(!sent.contains("tool_choice"));
    }
}

void TestLlmProviders::schemaRequest() {
    QFETCH(LlmProtocol, protocol);
    QFETCH(bool, stream);
    LlmTestServer server(protocol);
    QVERIFY(server.listen());
    const QString answer = QStringLiteral("{\"shot\":\"1A\",\"lens\":{\"focalLengthMm\":32}}");
    server.enqueue(LlmScriptedReply::text(answer));
    auto provider = LlmRegistry::create(test::llmTestProfile(protocol, server.baseUrl()));
    QVERIFY(provider.ok());
    LlmRequest request = test::simpleChatRequest(stream);
    request.schemaName = QStringLiteral("shot_list");
    request.schema = {{"type", "object"},
                      {"properties", {{"shot", {{"type", "string"}}}, {"lens", {{"type", "object"}}}}},
                      {"required", {"shot", "lens"}},
                      {"additionalProperties", false}};
    const LlmResponse r = run(**provider, request);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE_JSON(parseJson(r.content.toUtf8()).value_or(Json()), parseJson(answer.toUtf8()).value());
    QVERIFY(r.toolCalls.isEmpty()); // Anthropic's forced schema tool is the answer, not a call to run
    const Json &sent = server.requests().first();
    switch (protocol) {
    case LlmProtocol::OpenAi:
        // Always the nested form, which every compatible server honours.
        QCOMPARE_JSON(sent["response_format"]["type"], "json_schema");
        QCOMPARE_JSON(sent["response_format"]["json_schema"]["name"], "shot_list");
        QCOMPARE_JSON(sent["response_format"]["json_schema"]["strict"], true);
        QCOMPARE_JSON(sent["response_format"]["json_schema"]["schema"], request.schema);
        QVERIFY(!sent["response_format"].contains("schema"));
        break;
    case LlmProtocol::Anthropic:
        QCOMPARE_JSON(sent["tool_choice"], (Json{{"type", "tool"}, {"name", "shot_list"}}));
        QCOMPARE_JSON(sent["tools"][0]["input_schema"], request.schema);
        break;
    case LlmProtocol::Ollama:
        QCOMPARE_JSON(sent["format"], request.schema);
        break;
    }
}

void TestLlmProviders::faults_data() {
    QTest::addColumn<LlmProtocol>("protocol");
    QTest::addColumn<int>("fault");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<int>("failure");
    QTest::addColumn<int>("finish");
    const std::pair<LlmProtocol, const char *> protocols[] = {{LlmProtocol::OpenAi, "openai"},
                                                              {LlmProtocol::Anthropic, "anthropic"},
                                                              {LlmProtocol::Ollama, "ollama"}};
    for (const auto &[protocol, name] : protocols) {
        for (const bool stream : {true, false}) {
            const char *s = stream ? "stream" : "whole";
            QTest::addRow("%s-length-%s", name, s) << protocol << int(Fault::Length) << stream
                                                   << int(FailureKind::None) << int(LlmFinish::Length);
            if (protocol != LlmProtocol::Ollama) // Ollama has no refusal signal: a refusal is just text
                QTest::addRow("%s-refusal-%s", name, s) << protocol << int(Fault::Refusal) << stream
                                                        << int(FailureKind::None) << int(LlmFinish::Refusal);
        }
        QTest::addRow("%s-error-mid-stream", name) << protocol << int(Fault::ErrorMidStream) << true
                                                   << int(FailureKind::Transient) << int(LlmFinish::Error);
        QTest::addRow("%s-cut-connection", name) << protocol << int(Fault::CutConnection) << true
                                                 << int(FailureKind::Transient) << int(LlmFinish::Error);
    }
}

void TestLlmProviders::faults() {
    QFETCH(LlmProtocol, protocol);
    QFETCH(int, fault);
    QFETCH(bool, stream);
    QFETCH(int, failure);
    QFETCH(int, finish);
    LlmTestServer server(protocol);
    QVERIFY(server.listen());
    LlmScriptedReply reply = LlmScriptedReply::text(
        fault == int(Fault::Refusal) ? QStringLiteral("I can't help with that.")
                                     : QStringLiteral("{\"acts\":[{\"number\":1,\"title\":\"Scr"));
    reply.fault = Fault(fault);
    server.enqueue(reply);
    auto provider = LlmRegistry::create(test::llmTestProfile(protocol, server.baseUrl()));
    QVERIFY(provider.ok());
    const LlmResponse r = run(**provider, test::simpleChatRequest(stream));
    QCOMPARE(int(r.failure), failure);
    QCOMPARE(int(r.finish), finish);
    if (failure != int(FailureKind::None))
        QVERIFY(!r.error.isEmpty());
    if (fault == int(Fault::Refusal))
        QVERIFY(r.refusal.contains(QStringLiteral("can't help")));
    if (fault == int(Fault::Length))
        QCOMPARE(r.content, reply.content);
    QCOMPARE(server.requests().size(), 1); // a stream that started is never silently resent
}

void TestLlmProviders::retriesRateLimits_data() {
    QTest::addColumn<LlmProtocol>("protocol");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("stream");
    QTest::addRow("openai-429-retry-after") << LlmProtocol::OpenAi << 429 << true;
    QTest::addRow("anthropic-429") << LlmProtocol::Anthropic << 429 << true;
    QTest::addRow("anthropic-529-overloaded") << LlmProtocol::Anthropic << 529 << true;
    QTest::addRow("anthropic-529-whole") << LlmProtocol::Anthropic << 529 << false;
    QTest::addRow("ollama-503") << LlmProtocol::Ollama << 503 << true;
}

void TestLlmProviders::retriesRateLimits() {
    QFETCH(LlmProtocol, protocol);
    QFETCH(int, status);
    QFETCH(bool, stream);
    LlmTestServer server(protocol);
    QVERIFY(server.listen());
    server.enqueue(LlmScriptedReply::httpError(status, "2"));
    server.enqueue(LlmScriptedReply::text(kLong));
    auto provider = LlmRegistry::create(test::llmTestProfile(protocol, server.baseUrl()));
    QVERIFY(provider.ok());
    const LlmResponse r = run(**provider, test::simpleChatRequest(stream));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.content, kLong);
    QCOMPARE(server.requests().size(), 2);

    // When every retry meets the same status, the failure is transient and says why.
    for (int i = 0; i < 3; ++i)
        server.enqueue(LlmScriptedReply::httpError(status, "0"));
    const LlmResponse failed = run(**provider, test::simpleChatRequest(stream));
    QCOMPARE(failed.failure, FailureKind::Transient);
    QCOMPARE(failed.httpStatus, status);
    QVERIFY(failed.error.contains(QString::number(status)));
    QCOMPARE(server.requests().size(), 5);
}

void TestLlmProviders::errorBodies_data() {
    QTest::addColumn<LlmProtocol>("protocol");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("bareString");
    QTest::addColumn<bool>("integerCode");
    QTest::addColumn<QString>("expect");
    QTest::addRow("openai-object") << LlmProtocol::OpenAi << 400 << false << false
                                   << QStringLiteral("model not found");
    QTest::addRow("lmstudio-bare-string")
        << LlmProtocol::OpenAi << 400 << true << false << QStringLiteral("model not found");
    QTest::addRow("llamacpp-integer-code")
        << LlmProtocol::OpenAi << 400 << false << true << QStringLiteral("(400)");
    QTest::addRow("anthropic-invalid-request")
        << LlmProtocol::Anthropic << 400 << false << false << QStringLiteral("invalid_request_error");
    QTest::addRow("anthropic-auth") << LlmProtocol::Anthropic << 401 << false << false
                                    << QStringLiteral("authentication_error");
    QTest::addRow("ollama-unknown-model")
        << LlmProtocol::Ollama << 404 << false << false << QStringLiteral("model not found");
}

void TestLlmProviders::errorBodies() {
    QFETCH(LlmProtocol, protocol);
    QFETCH(int, status);
    QFETCH(bool, bareString);
    QFETCH(bool, integerCode);
    QFETCH(QString, expect);
    LlmTestServer server(protocol);
    QVERIFY(server.listen());
    LlmScriptedReply reply = LlmScriptedReply::httpError(status);
    reply.content = QStringLiteral("model not found");
    reply.bareStringError = bareString;
    reply.integerErrorCode = integerCode;
    server.enqueue(reply);
    auto provider = LlmRegistry::create(test::llmTestProfile(protocol, server.baseUrl()));
    QVERIFY(provider.ok());
    const LlmResponse r = run(**provider, test::simpleChatRequest(true));
    QCOMPARE(r.failure, FailureKind::Permanent);
    QCOMPARE(r.httpStatus, status);
    QVERIFY2(r.error.contains(expect), qPrintable(r.error));
    QVERIFY(!r.error.contains(u'\n'));
    QCOMPARE(server.requests().size(), 1); // 4xx is never retried
}

void TestLlmProviders::toolReplyRoundTrip() {
    QFETCH(LlmProtocol, protocol);
    QFETCH(bool, stream);
    LlmTestServer server(protocol);
    QVERIFY(server.listen());
    server.enqueue(LlmScriptedReply::text(QStringLiteral("Done: shot 3B regenerated at dusk.")));
    auto provider = LlmRegistry::create(test::llmTestProfile(protocol, server.baseUrl()));
    QVERIFY(provider.ok());
    LlmRequest request = test::simpleChatRequest(stream);
    LlmMessage assistant = LlmMessage::assistant({});
    assistant.toolCalls = {
        {QStringLiteral("call_1"), QStringLiteral("regenerate_shot"), QStringLiteral("{\"shot\":\"3B\"}")}};
    request.messages.append(assistant);
    request.messages.append(
        LlmMessage::toolResult(QStringLiteral("call_1"), QStringLiteral("queued as job 12")));
    const LlmResponse r = run(**provider, request);
    QVERIFY2(r.ok(), qPrintable(r.error));
    const Json &messages = server.requests().first()["messages"];
    const Json &last = messages.back();
    switch (protocol) {
    case LlmProtocol::OpenAi:
        QCOMPARE_JSON(messages[messages.size() - 2]["tool_calls"][0]["function"]["arguments"],
                      "{\"shot\":\"3B\"}");
        QCOMPARE_JSON(last["role"], "tool");
        QCOMPARE_JSON(last["tool_call_id"], "call_1");
        break;
    case LlmProtocol::Anthropic:
        QCOMPARE_JSON(messages[messages.size() - 2]["content"][0]["type"], "tool_use");
        QCOMPARE_JSON(messages[messages.size() - 2]["content"][0]["input"], (Json{{"shot", "3B"}}));
        QCOMPARE_JSON(last["role"], "user");
        QCOMPARE_JSON(last["content"][0]["type"], "tool_result");
        QCOMPARE_JSON(last["content"][0]["tool_use_id"], "call_1");
        break;
    case LlmProtocol::Ollama:
        QCOMPARE_JSON(messages[messages.size() - 2]["tool_calls"][0]["function"]["arguments"],
                      (Json{{"shot", "3B"}}));
        QCOMPARE_JSON(last["role"], "tool");
        break;
    }
}

void TestLlmProviders::invalidAnswerIsReasked_data() {
    QTest::addColumn<LlmProtocol>("protocol");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<bool>("truncated");
    const std::pair<LlmProtocol, const char *> protocols[] = {{LlmProtocol::OpenAi, "openai"},
                                                              {LlmProtocol::Anthropic, "anthropic"},
                                                              {LlmProtocol::Ollama, "ollama"}};
    for (const auto &[protocol, name] : protocols)
        for (const bool stream : {true, false}) {
            const char *s = stream ? "stream" : "whole";
            QTest::addRow("%s-schema-violation-%s", name, s) << protocol << stream << false;
            QTest::addRow("%s-length-truncated-json-%s", name, s) << protocol << stream << true;
        }
}

// The whole structured-answer path over the wire: an answer that breaks the schema, or JSON cut by
// the token limit, is not used; the model is re-asked with what was wrong and its next answer is.
void TestLlmProviders::invalidAnswerIsReasked() {
    QFETCH(LlmProtocol, protocol);
    QFETCH(bool, stream);
    QFETCH(bool, truncated);
    LlmTestServer server(protocol);
    QVERIFY(server.listen());
    LlmScriptedReply bad = LlmScriptedReply::text(
        truncated ? QStringLiteral("{\"shot\":\"1A\",\"lens\":{\"focalLen")
                  : QStringLiteral("{\"shot\":\"1A\",\"lens\":{\"focalLengthMm\":\"32mm\"}}"));
    if (truncated)
        bad.fault = Fault::Length;
    bad.pieceChars = 5;
    server.enqueue(bad);
    const Json good = {{"shot", "1A"}, {"lens", {{"focalLengthMm", 32}}}};
    server.enqueue(LlmScriptedReply::text(QString::fromStdString(good.dump())));
    auto provider = LlmRegistry::create(test::llmTestProfile(protocol, server.baseUrl()));
    QVERIFY(provider.ok());

    LlmRequest request = test::simpleChatRequest(stream);
    request.schemaName = QStringLiteral("shot_lens");
    request.schema = {
        {"type", "object"},
        {"properties",
         {{"shot", {{"type", "string"}}},
          {"lens",
           {{"type", "object"},
            {"properties", {{"focalLengthMm", {{"type", "number"}, {"minimum", 8}, {"maximum", 600}}}}},
            {"required", {"focalLengthMm"}},
            {"additionalProperties", false}}}}},
        {"required", {"shot", "lens"}},
        {"additionalProperties", false}};
    pipeline::JsonRepairingCall call(*provider, request);
    QSignalSpy done(&call, &pipeline::JsonRepairingCall::finished);
    call.start();
    QVERIFY(done.wait(20000));
    const pipeline::JsonCallOutcome &outcome = call.outcome();
    QVERIFY2(outcome.ok(), qPrintable(outcome.error));
    QCOMPARE_JSON(*outcome.value, good);
    QCOMPARE(outcome.reasks, 1);
    QCOMPARE(outcome.requests, 2);
    QCOMPARE(server.requests().size(), 2);

    // The re-ask carries the bad answer back and says what was wrong with it.
    const Json &messages = server.requests().at(1)["messages"];
    const size_t before = server.requests().at(0)["messages"].size();
    QCOMPARE(messages.size(), before + 2);
    QCOMPARE_JSON(messages[before]["role"], "assistant");
    const Json &reask = messages.back();
    QCOMPARE_JSON(reask["role"], "user");
    const QString said =
        QString::fromStdString(reask["content"].is_string() ? reask["content"].get<std::string>()
                                                            : reask["content"][0]["text"].get<std::string>());
    QVERIFY2(said.contains(QStringLiteral("focalLengthMm")), qPrintable(said));
    QCOMPARE(said.contains(QStringLiteral("cut off")), truncated);
}

QTEST_GUILESS_MAIN(TestLlmProviders)
#include "tst_llmproviders.moc"
