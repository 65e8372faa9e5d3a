// Prompt enhancement over the wire: the engine's package goes to the model (identity tokens, kept
// references and negative prompt in the request, a strict schema), comes back enriched and is
// stored with its rationale; tampering with identity, references, negative terms or parameters is
// caught; a failing service leaves the engine's package untouched.
#include "pipeline/PromptEnhancer.h"
#include "providers/LlmRegistry.h"
#include "providers/Secrets.h"
#include "support/LlmTestServer.h"

#include <QSignalSpy>
#include <QTest>

using namespace shotcraft;
using namespace shotcraft::pipeline;
using shotcraft::test::LlmProtocol;
using shotcraft::test::LlmScriptedReply;
using shotcraft::test::LlmTestServer;

// Json converts to anything, which QCOMPARE's overloads cannot take: compare as Json values.
#define QCOMPARE_JSON(actual, expected)                                                                      \
    QVERIFY2(Json(actual) == Json(expected),                                                                 \
             (QByteArray(#actual " is ") + QByteArray::fromStdString(Json(actual).dump())).constData())

namespace {

const QString kBrick =
    QStringLiteral("BRICK: late-50s man, square jaw, grey stubble, salt-and-pepper flat-top");

PromptPackage enginePackage() {
    PromptPackage p;
    p.shotId = 5;
    p.positive = QStringLiteral("Cinematic film still, medium close-up, ") + kBrick +
                 QStringLiteral(", patio at noon");
    p.negative = QStringLiteral("blurry, watermark, extra fingers");
    p.identityTokens = {kBrick};
    p.references = {
        {11, 21, 0, ReferenceRole::CharacterSheet, 0.8, 0, true, QStringLiteral("Brick sheet"), {}},
        {12, 0, 0, ReferenceRole::LocationPlate, 0.5, 1, false, QStringLiteral("Patio plate"), {}}};
    p.rationale = {{QStringLiteral("lens"), QStringLiteral("50mm T2.8"), QStringLiteral("MCU range")}};
    p.params.seed = 4242;
    return p;
}

Json goodAnswer() {
    return {
        {"positive",
         (QStringLiteral("Cinematic film still, medium close-up from a low angle, ") + kBrick +
          QStringLiteral(", squinting into hard noon sun on his patio, sweat on his brow, a beer bottle "
                         "beading in the foreground, warm bounce from terracotta tiles"))
             .toStdString()},
        {"description", "Brick squints up into the sun, a beat before Steel arrives."},
        {"staging", {{"foreground", "beer bottle"}, {"midground", "Brick"}, {"background", "ranch house"}}},
        {"lighting", "hard top light, warm tile bounce at 2:1"},
        {"negativeAdditions", {"smartphone", "Blurry"}},
        {"rationale",
         {{{"aspect", "staging"}, {"choice", "beer in the foreground"}, {"reason", "depth and setup"}}}}};
}

} // namespace

class TestPromptEnhancer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { providers::Secrets::setKeychainEnabled(false); }
    void enhancesOverTheWire();
    void verifyCatchesTampering_data();
    void verifyCatchesTampering();
    void serviceFailureKeepsEnginePackage();
};

void TestPromptEnhancer::enhancesOverTheWire() {
    LlmTestServer server(LlmProtocol::Ollama);
    QVERIFY(server.listen());
    server.enqueue(LlmScriptedReply::text(QString::fromStdString(goodAnswer().dump())));
    providers::ProviderProfile profile;
    profile.name = QStringLiteral("ollama-test");
    profile.kind = providers::ProviderKind::Ollama;
    profile.baseUrl = server.baseUrl().toString();
    profile.model = QStringLiteral("llama3.1");
    auto provider = providers::LlmRegistry::create(profile);
    QVERIFY(provider.ok());
    const PromptPackage original = enginePackage();
    PromptEnhancer enhancer(*provider, original);
    QSignalSpy done(&enhancer, &PromptEnhancer::finished);
    enhancer.start();
    QVERIFY(done.wait(10000));
    QVERIFY2(enhancer.succeeded(), qPrintable(enhancer.error()));

    const PromptPackage &p = enhancer.package();
    QVERIFY(p.enhanced);
    QVERIFY(p.positive.contains(kBrick));
    QVERIFY(p.positive.contains(QStringLiteral("beer bottle beading")));
    QCOMPARE(p.negative,
             QStringLiteral("blurry, watermark, extra fingers, smartphone")); // "Blurry" was a duplicate
    QCOMPARE(p.references, original.references);
    QCOMPARE(p.params, original.params);
    QStringList aspects;
    for (const RationaleEntry &r : p.rationale)
        aspects.append(r.aspect);
    QCOMPARE(aspects,
             (QStringList{QStringLiteral("lens"), QStringLiteral("description"), QStringLiteral("staging"),
                          QStringLiteral("lighting"), QStringLiteral("enhancement: staging")}));

    const Json &sent = server.requests().first();
    QCOMPARE_JSON(sent["format"], PromptEnhancer::schema());
    const QString user = QString::fromStdString(sent["messages"][1]["content"].get<std::string>());
    QVERIFY(user.contains(kBrick));
    QVERIFY(user.contains(QStringLiteral("blurry, watermark, extra fingers")));
    QVERIFY(user.contains(QStringLiteral("Brick sheet")));
    QVERIFY(!user.contains(QStringLiteral("Patio plate"))); // a dropped reference is not offered
}

void TestPromptEnhancer::verifyCatchesTampering_data() {
    QTest::addColumn<int>("what");
    QTest::newRow("identity-token-dropped") << 0;
    QTest::newRow("reference-changed") << 1;
    QTest::newRow("negative-term-dropped") << 2;
    QTest::newRow("seed-changed") << 3;
    QTest::newRow("positive-emptied") << 4;
}

void TestPromptEnhancer::verifyCatchesTampering() {
    QFETCH(int, what);
    const PromptPackage original = enginePackage();
    PromptPackage p = PromptEnhancer::apply(original, goodAnswer());
    QCOMPARE(PromptEnhancer::verify(original, p), QStringList());
    switch (what) {
    case 0:
        p.positive.replace(QStringLiteral("flat-top"), QStringLiteral("crew cut"));
        break;
    case 1:
        p.references[1].kept = true;
        break;
    case 2:
        p.negative = QStringLiteral("blurry, extra fingers");
        break;
    case 3:
        p.params.seed = 1;
        break;
    case 4:
        p.positive.clear();
        break;
    }
    QVERIFY(!PromptEnhancer::verify(original, p).isEmpty());
}

void TestPromptEnhancer::serviceFailureKeepsEnginePackage() {
    LlmTestServer server(LlmProtocol::OpenAi);
    QVERIFY(server.listen());
    LlmScriptedReply bad = LlmScriptedReply::httpError(401);
    bad.content = QStringLiteral("Incorrect API key provided");
    server.enqueue(bad);
    providers::ProviderProfile profile;
    profile.name = QStringLiteral("local-openai");
    profile.kind = providers::ProviderKind::OpenAiChat;
    profile.baseUrl = server.baseUrl().toString();
    profile.model = QStringLiteral("gpt-4o-mini");
    auto provider = providers::LlmRegistry::create(profile);
    QVERIFY(provider.ok());
    PromptEnhancer enhancer(*provider, enginePackage());
    QSignalSpy done(&enhancer, &PromptEnhancer::finished);
    enhancer.start();
    QVERIFY(done.wait(10000));
    QVERIFY(!enhancer.succeeded());
    QVERIFY(enhancer.error().contains(QStringLiteral("Incorrect API key")));
    QCOMPARE(enhancer.package(), enginePackage());
}

QTEST_GUILESS_MAIN(TestPromptEnhancer)
#include "tst_promptenhancer.moc"
