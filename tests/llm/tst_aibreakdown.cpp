// Acceptance: Brick & Steel broken down by a language model through a test server whose answers are
// realistic model outputs (tests/llm/data/brick-and-steel, written once and checked in), over each
// chat protocol. The AI breakdown must fill the project with the same structure the offline path
// fills (acts -> scenes -> shots, characters, locations, every shot field), carry characters and the
// visual language across chunks, repair and re-ask as needed, survive a store round trip, and fail
// closed when the service does.
#include "pipeline/AiBreakdown.h"
#include "providers/LlmRegistry.h"
#include "providers/RetryPolicy.h"
#include "providers/Secrets.h"
#include "storage/ProjectStore.h"
#include "story/Breakdown.h"
#include "story/ScriptImporter.h"
#include "support/LlmTestServer.h"
#include "support/TestPaths.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace shotcraft;
using namespace shotcraft::pipeline;
using shotcraft::test::LlmProtocol;
using shotcraft::test::LlmScriptedReply;
using shotcraft::test::LlmTestServer;

Q_DECLARE_METATYPE(shotcraft::test::LlmProtocol)

// Json converts to anything, which QCOMPARE's overloads cannot take: compare as Json values.
#define QCOMPARE_JSON(actual, expected)                                                                      \
    QVERIFY2(Json(actual) == Json(expected),                                                                 \
             (QByteArray(#actual " is ") + QByteArray::fromStdString(Json(actual).dump())).constData())

namespace {

QString answer(const QString &name) {
    QFile f(test::sourcePath(QStringLiteral("tests/llm/data/brick-and-steel/") + name));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

std::shared_ptr<providers::LlmProvider> providerFor(LlmProtocol protocol, const LlmTestServer &server) {
    providers::ProviderProfile p;
    p.name = QStringLiteral("llm-test");
    p.kind = protocol == LlmProtocol::OpenAi      ? providers::ProviderKind::OpenAiChat
             : protocol == LlmProtocol::Anthropic ? providers::ProviderKind::Anthropic
                                                  : providers::ProviderKind::Ollama;
    p.baseUrl = server.baseUrl().toString();
    p.model = QStringLiteral("test-model");
    auto made = providers::LlmRegistry::create(p);
    return made.ok() ? *made : nullptr;
}

QString userText(const Json &request) {
    QString all;
    for (const Json &m : request["messages"]) {
        if (m["content"].is_string())
            all += QString::fromStdString(m["content"].get<std::string>());
        else if (m["content"].is_array())
            for (const Json &b : m["content"])
                all += QString::fromStdString(b.value("text", std::string()) +
                                              b.value("content", std::string()));
        all += u'\n';
    }
    return all;
}

} // namespace

class TestAiBreakdown : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void schemaIsStrict();
    void systemPromptCarriesGenre();
    void brickAndSteel_data();
    void brickAndSteel();
    void failsClosed_data();
    void failsClosed();

private:
    story::Screenplay m_script;
    Project m_offline;
};

void TestAiBreakdown::initTestCase() {
    providers::Secrets::setKeychainEnabled(false);
    providers::RetryPolicy::setTimeScale(0.001);
    if (qEnvironmentVariableIsEmpty("SHOTCRAFT_ANTHROPIC_API_KEY"))
        qputenv("SHOTCRAFT_ANTHROPIC_API_KEY", "sk-test-anthropic");
    auto script = story::importFile(test::corpusPath(QStringLiteral("samples/Brick-and-Steel.fountain")));
    QVERIFY2(script.ok(), qPrintable(script.error()));
    m_script = *script;
    QCOMPARE(m_script.scenes.size(), 8);
    m_offline = story::breakDown(m_script,
                                 {QStringLiteral("action"), {}, QStringLiteral("Brick-and-Steel.fountain")});
    QVERIFY(!m_offline.shots.isEmpty());
}

void TestAiBreakdown::schemaIsStrict() {
    // Strict structured output: every object lists all its properties as required and allows no more.
    QList<Json> stack{AiBreakdown::schema()};
    int objects = 0;
    while (!stack.isEmpty()) {
        const Json s = stack.takeLast();
        if (s.value("type", Json()) == "object") {
            ++objects;
            QCOMPARE_JSON(s["additionalProperties"], false);
            QCOMPARE(s["required"].size(), s["properties"].size());
            for (auto it = s["properties"].begin(); it != s["properties"].end(); ++it)
                stack.append(it.value());
        } else if (s.contains("items")) {
            stack.append(s["items"]);
        }
    }
    QCOMPARE(objects, 9); // root, character, location, act, scene, shot, lens, staging, blocking
}

void TestAiBreakdown::systemPromptCarriesGenre() {
    ProjectInfo info;
    info.title = QStringLiteral("Brick & Steel");
    info.genre = QStringLiteral("action");
    const QString action = AiBreakdown::systemPrompt(info);
    info.genre = QStringLiteral("horror");
    const QString horror = AiBreakdown::systemPrompt(info);
    QVERIFY(action.contains(QStringLiteral("Brick & Steel")));
    QVERIFY(action.contains(QStringLiteral("action cinematography")));
    QVERIFY(action.contains(QStringLiteral("Focal length by shot size")));
    QVERIFY(action.contains(QRegularExpression(QStringLiteral("long end for [a-z, ]*tension"))));
    QVERIFY(action.contains(QRegularExpression(QStringLiteral("wide end for [a-z, ]*wonder"))));
    QVERIFY(action != horror); // the genre's own palettes, lighting and lenses
}

void TestAiBreakdown::brickAndSteel_data() {
    QTest::addColumn<LlmProtocol>("protocol");
    QTest::newRow("openai-sse") << LlmProtocol::OpenAi;
    QTest::newRow("anthropic-events") << LlmProtocol::Anthropic;
    QTest::newRow("ollama-ndjson") << LlmProtocol::Ollama;
}

void TestAiBreakdown::brickAndSteel() {
    QFETCH(LlmProtocol, protocol);
    LlmTestServer server(protocol);
    QVERIFY(server.listen());
    for (const char *part : {"part1.txt", "part2.txt", "part3-first.txt", "part3.txt"}) {
        LlmScriptedReply reply = LlmScriptedReply::text(answer(QString::fromLatin1(part)));
        QVERIFY(!reply.content.isEmpty());
        reply.pieceChars = 700;
        server.enqueue(reply);
    }
    AiBreakdownOptions options;
    options.chunkChars = 1 << 20;
    options.maxScenesPerChunk = 3;
    AiBreakdown ai(providerFor(protocol, server), m_script, m_offline, options);
    QSignalSpy done(&ai, &AiBreakdown::finished);
    QSignalSpy progress(&ai, &AiBreakdown::progress);
    ai.start();
    QVERIFY(done.wait(30000));
    QVERIFY2(ai.succeeded(), qPrintable(ai.error()));
    QCOMPARE(ai.stats().chunks, 3);
    QCOMPARE(ai.stats().requests, 4);
    QCOMPARE(ai.stats().reasks, 1); // part 3 named MINION without describing him
    QVERIFY(ai.stats().repairs.contains(QStringLiteral("stripped code fence")));
    QCOMPARE(progress.size(), 4);
    QCOMPARE(server.pending(), 0);

    // What travelled: the genre's language, the schema, and what earlier parts established.
    const Json &first = server.requests().at(0);
    const Json &second = server.requests().at(1);
    const Json &reask = server.requests().at(3);
    QVERIFY(userText(second).contains(QStringLiteral("- BRICK (principal)")));
    QVERIFY(userText(second).contains(QStringLiteral("Visual language established so far")));
    QVERIFY(userText(second).contains(QStringLiteral("BRICK'S POOL")));
    QVERIFY(userText(reask).contains(QStringLiteral("\"MINION\", who is not in the characters list")));
    if (protocol == LlmProtocol::OpenAi)
        QCOMPARE_JSON(first["response_format"]["json_schema"]["name"], "storyboard_breakdown");
    else if (protocol == LlmProtocol::Ollama)
        QCOMPARE_JSON(first["format"], AiBreakdown::schema());
    else
        QCOMPARE_JSON(first["tool_choice"]["name"], "storyboard_breakdown");

    // The same structure the offline path fills.
    const Project &p = ai.project();
    QCOMPARE(p.info, m_offline.info);
    QCOMPARE(p.scenes.size(), m_offline.scenes.size());
    for (qsizetype i = 0; i < p.scenes.size(); ++i) {
        const Scene &ai = p.scenes.at(i);
        const Scene &off = m_offline.scenes.at(i);
        QCOMPARE(ai.number, off.number);
        QCOMPARE(ai.heading, off.heading);
        QCOMPARE(ai.order, off.order);
        QCOMPARE(ai.lineStart, off.lineStart);
        QCOMPARE(ai.lineEnd, off.lineEnd);
        QCOMPARE(ai.contentHash, off.contentHash);
        QVERIFY(p.act(ai.actId));
        QVERIFY(p.location(ai.locationId));
        QVERIFY(!ai.summary.isEmpty() && !ai.mood.isEmpty() && !ai.paletteHint.isEmpty());
        QVERIFY(!p.shotsOfScene(ai.id).isEmpty());
        // Everyone who speaks in the scene is in the model's scene too (it may add others).
        for (const QString &speaker : m_script.scenes.at(i).characters) {
            const Character *same = p.characterByName(speaker);
            QVERIFY2(same && ai.characterIds.contains(same->id), qPrintable(off.number + u' ' + speaker));
        }
    }
    QCOMPARE(p.acts.size(), 3);
    QCOMPARE(p.acts.size(), m_offline.acts.size());
    for (qsizetype i = 0; i < p.acts.size(); ++i) {
        QCOMPARE(p.acts.at(i).number, int(i) + 1);
        QVERIFY(!p.scenesOfAct(p.acts.at(i).id).isEmpty());
    }
    QSet<QString> shotNumbers;
    QSet<Id> ids;
    for (const Shot &s : p.shots) {
        QVERIFY(!shotNumbers.contains(s.number));
        shotNumbers.insert(s.number);
        QVERIFY(p.scene(s.sceneId));
        QVERIFY(s.number.startsWith(p.scene(s.sceneId)->number));
        for (const QString &field : {s.description, s.subject, s.lighting, s.paletteHint, s.mood,
                                     s.compositionNote, s.staging.midground})
            QVERIFY2(!field.isEmpty(), qPrintable(s.number));
        QVERIFY(s.durationSec > 0);
        for (const Blocking &b : s.blocking)
            QVERIFY(p.character(b.characterId));
        ids.insert(s.id);
    }
    QCOMPARE(p.shots.size(), 18); // 4+2+2, 2+1+3 and 2+2 in the recorded answers
    for (const Character &c : p.characters) {
        QVERIFY2(!c.description.isEmpty() && !c.face.isEmpty() && !c.wardrobe.isEmpty(), qPrintable(c.name));
        ids.insert(c.id);
    }
    // Every principal the offline path found is described for the Visual DNA.
    for (const Character &c : m_offline.characters)
        if (c.role == CharacterRole::Principal)
            QVERIFY2(p.characterByName(c.name), qPrintable(c.name));
    QCOMPARE(p.characterByName(QStringLiteral("BRICK"))->wardrobe,
             QStringLiteral("faded Hawaiian shirt over a white tank top, khaki shorts, aviator sunglasses"));
    for (const Location &l : p.locations) {
        QVERIFY(!l.description.isEmpty() && !l.lightSources.isEmpty());
        ids.insert(l.id);
    }
    for (const Act &a : p.acts)
        ids.insert(a.id);
    for (const Scene &s : p.scenes)
        ids.insert(s.id);
    QCOMPARE(ids.size(),
             p.shots.size() + p.characters.size() + p.locations.size() + p.acts.size() + p.scenes.size());
    for (const Id id : std::as_const(ids))
        QVERIFY(id > 0 && id < p.nextId);

    // It is a project like any other: stored and loaded unchanged.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("brick.shotcraft"));
    {
        auto store = storage::ProjectStore::create(path, p);
        QVERIFY2(store.ok(), qPrintable(store.error()));
    }
    auto reopened = storage::ProjectStore::open(path);
    QVERIFY(reopened.ok());
    auto loaded = (*reopened)->load();
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->shots, p.shots);
    QCOMPARE(loaded->characters, p.characters);
}

void TestAiBreakdown::failsClosed_data() {
    QTest::addColumn<int>("fault");
    QTest::addColumn<int>("status");
    QTest::newRow("refusal-on-part-2") << int(LlmScriptedReply::Fault::Refusal) << 200;
    QTest::newRow("error-event-on-part-2") << int(LlmScriptedReply::Fault::ErrorMidStream) << 200;
    QTest::newRow("rate-limited-on-part-2") << int(LlmScriptedReply::Fault::Status) << 429;
    QTest::newRow("invalid-three-times") << int(LlmScriptedReply::Fault::None) << 200;
}

void TestAiBreakdown::failsClosed() {
    QFETCH(int, fault);
    QFETCH(int, status);
    LlmTestServer server(LlmProtocol::OpenAi);
    QVERIFY(server.listen());
    server.enqueue(LlmScriptedReply::text(answer(QStringLiteral("part1.txt"))));
    if (fault == int(LlmScriptedReply::Fault::Status)) {
        for (int i = 0; i < 3; ++i) // the first try and both HTTP retries
            server.enqueue(LlmScriptedReply::httpError(status, "1"));
    } else if (fault == int(LlmScriptedReply::Fault::None)) {
        for (int i = 0; i < 3; ++i) // the answer to part 3, which does not fit part 2
            server.enqueue(LlmScriptedReply::text(answer(QStringLiteral("part3.txt"))));
    } else {
        LlmScriptedReply reply = LlmScriptedReply::text(answer(QStringLiteral("part2.txt")));
        reply.fault = LlmScriptedReply::Fault(fault);
        reply.pieceChars = 500;
        server.enqueue(reply);
    }
    AiBreakdownOptions options;
    options.chunkChars = 1 << 20;
    options.maxScenesPerChunk = 3;
    AiBreakdown ai(providerFor(LlmProtocol::OpenAi, server), m_script, m_offline, options);
    QSignalSpy done(&ai, &AiBreakdown::finished);
    ai.start();
    QVERIFY(done.wait(30000));
    QVERIFY(!ai.succeeded());
    QVERIFY(ai.error().contains(QStringLiteral("part 2 of 3")));
    QVERIFY(!ai.error().contains(u'\n'));
    QCOMPARE(ai.project(), Project()); // nothing of part 1 survives a failed part 2
    QCOMPARE(server.pending(), 0);
}

SHOTCRAFT_CORPUS_TEST_MAIN(TestAiBreakdown)
#include "tst_aibreakdown.moc"
