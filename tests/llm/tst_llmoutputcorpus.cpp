// The malformed-output corpus: realistic broken model answers (code fences, prose, trailing commas,
// truncation at the token limit, wrong types, missing and extra fields, dropped identity tokens,
// huge and deeply nested values, refusals) sent through the prompt enhancer and the AI breakdown.
// Every case must end valid or fail closed; none may crash; nothing invalid may be stored. The
// repair and re-ask success rates are printed.
#include "ScriptedLlmProvider.h"
#include "pipeline/AiBreakdown.h"
#include "pipeline/PromptEnhancer.h"
#include "pipeline/SchemaValidator.h"
#include "story/Breakdown.h"
#include "story/ScriptImporter.h"
#include "support/TestPaths.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace shotcraft;
using namespace shotcraft::pipeline;
using shotcraft::test::ScriptedLlmProvider;

namespace {

QString dataPath(const QString &relative) {
    return test::sourcePath(QStringLiteral("tests/llm/data/") + relative);
}

QString readText(const QString &relative) {
    QFile f(dataPath(relative));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

Json corpus() {
    return parseJson(readText(QStringLiteral("malformed/cases.json")).toUtf8()).value_or(Json());
}

struct Tally {
    int cases = 0;
    int valid = 0;
    int closed = 0;
    int brokeACheck = 0;          // a case whose outcome (or what it left behind) failed a check
    int brokenSyntax = 0;         // first answer not parseable as JSON as it came
    int repairedWithoutReask = 0; // ... of which accepted after repair alone, without a re-ask
    int reasked = 0;              // cases that needed at least one re-ask
    int reaskSucceeded = 0;
} g_tally;

} // namespace

class TestLlmOutputCorpus : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void corpusCase_data();
    void corpusCase();
    void cleanupTestCase();

private:
    void runEnhance(const Json &c, ScriptedLlmProvider &provider, bool *valid, int *reasks, bool *repaired);
    void runBreakdown(const Json &c, ScriptedLlmProvider &provider, bool *valid, int *reasks, bool *repaired);

    Json m_corpus;
    story::Screenplay m_script;
    Project m_offline;
};

void TestLlmOutputCorpus::initTestCase() {
    m_corpus = corpus();
    QVERIFY(m_corpus.is_object());
    QVERIFY2(m_corpus["cases"].size() >= 30, "the corpus needs at least 30 cases");
    auto script = story::importFile(test::corpusPath(QStringLiteral("samples/Brick-and-Steel.fountain")));
    QVERIFY2(script.ok(), qPrintable(script.error()));
    m_script = *script;
    m_offline = story::breakDown(m_script,
                                 {QStringLiteral("action"), {}, QStringLiteral("Brick-and-Steel.fountain")});
}

void TestLlmOutputCorpus::corpusCase_data() {
    QTest::addColumn<int>("index");
    const Json all = corpus();
    for (size_t i = 0; i < all["cases"].size(); ++i)
        QTest::newRow(all["cases"][i]["name"].get<std::string>().c_str()) << int(i);
}

void TestLlmOutputCorpus::corpusCase() {
    QFETCH(int, index);
    const Json &c = m_corpus["cases"][size_t(index)];
    ScriptedLlmProvider *provider = nullptr;
    auto owner = std::make_shared<ScriptedLlmProvider>();
    provider = owner.get();
    const Json finishes = c.value("finish", Json::array());
    const bool breakdown = c["target"] == "breakdown";
    if (breakdown) // parts 1 and 3 are answered well; the case is part 2
        provider->answer(readText(QStringLiteral("brick-and-steel/part1.txt")));
    for (size_t i = 0; i < c["answers"].size(); ++i) {
        const Json &file = c["answers"][i];
        if (file.is_null()) {
            providers::LlmResponse refusal;
            refusal.finish = providers::LlmFinish::Refusal;
            refusal.refusal = QString::fromStdString(c.value("refusal", std::string()));
            provider->script.append(refusal);
            continue;
        }
        const bool cut = i < finishes.size() && finishes[i] == "length";
        provider->answer(readText(QStringLiteral("malformed/") + file.get<QString>()),
                         cut ? providers::LlmFinish::Length : providers::LlmFinish::Stop);
    }
    if (breakdown)
        provider->answer(readText(QStringLiteral("brick-and-steel/part3.txt")));

    // Whether the case's first answer was broken JSON as it came (what repair is for).
    const Json &first = c["answers"].front();
    const bool brokenSyntax =
        first.is_string() &&
        !parseJson(readText(QStringLiteral("malformed/") + first.get<QString>()).toUtf8());

    bool valid = false;
    int reasks = 0;
    bool repaired = false;
    ++g_tally.cases;
    if (breakdown)
        runBreakdown(c, *provider, &valid, &reasks, &repaired);
    else
        runEnhance(c, *provider, &valid, &reasks, &repaired);
    if (QTest::currentTestFailed()) {
        ++g_tally.brokeACheck;
        return;
    }

    valid ? ++g_tally.valid : ++g_tally.closed;
    if (brokenSyntax) {
        ++g_tally.brokenSyntax;
        if (valid && reasks == 0) {
            ++g_tally.repairedWithoutReask;
            QVERIFY(repaired); // the outcome says the accepted answer was repaired
        }
    }
    if (reasks > 0) {
        ++g_tally.reasked;
        if (valid)
            ++g_tally.reaskSucceeded;
    }
    QCOMPARE(valid ? "valid" : "closed", c["expect"].get<std::string>().c_str());
    QVERIFY(reasks <= 2);
    // Every scripted answer was asked for, and no more: a valid case used exactly its answers (one
    // re-ask per answer after the first); a failed breakdown never reached part 3.
    if (valid)
        QCOMPARE(reasks, int(c["answers"].size()) - 1);
    const qsizetype unused = breakdown && !valid ? 1 : 0;
    QCOMPARE(provider->script.size(), unused);
}

void TestLlmOutputCorpus::runEnhance(const Json &c, ScriptedLlmProvider &provider, bool *valid, int *reasks,
                                     bool *repaired) {
    Q_UNUSED(c);
    const Json &o = m_corpus["enhanceOriginal"];
    PromptPackage original;
    original.shotId = 7;
    original.positive = o["positive"].get<QString>();
    original.negative = o["negative"].get<QString>();
    for (const Json &t : o["identityTokens"])
        original.identityTokens.append(t.get<QString>());
    original.references = {
        {11, 21, 0, ReferenceRole::CharacterSheet, 0.8, 0, true, QStringLiteral("Brick sheet"), {}},
        {12, 22, 0, ReferenceRole::CharacterSheet, 0.8, 1, true, QStringLiteral("Steel sheet"), {}}};
    original.params.seed = 99;
    auto shared = std::shared_ptr<providers::LlmProvider>(&provider, [](providers::LlmProvider *) {});
    PromptEnhancer enhancer(shared, original);
    QSignalSpy done(&enhancer, &PromptEnhancer::finished);
    enhancer.start();
    QVERIFY(done.wait(10000));
    *valid = enhancer.succeeded();
    *reasks = enhancer.outcome().reasks;
    *repaired = enhancer.outcome().repaired;
    const PromptPackage &stored = enhancer.package();
    if (*valid) {
        QVERIFY(stored.enhanced);
        QCOMPARE(PromptEnhancer::verify(original, stored), QStringList());
        for (const QString &t : original.identityTokens)
            QVERIFY(stored.positive.contains(t));
        QVERIFY(stored.rationale.size() > original.rationale.size());
    } else {
        QCOMPARE(stored, original); // fail closed: the engine's own package, untouched
        QVERIFY(!enhancer.error().isEmpty());
    }
}

void TestLlmOutputCorpus::runBreakdown(const Json &c, ScriptedLlmProvider &provider, bool *valid, int *reasks,
                                       bool *repaired) {
    Q_UNUSED(c);
    auto shared = std::shared_ptr<providers::LlmProvider>(&provider, [](providers::LlmProvider *) {});
    AiBreakdownOptions options;
    options.chunkChars = 1 << 20;
    options.maxScenesPerChunk = 3;
    AiBreakdown ai(shared, m_script, m_offline, options);
    QSignalSpy done(&ai, &AiBreakdown::finished);
    ai.start();
    QVERIFY(done.wait(20000));
    *valid = ai.succeeded();
    *reasks = ai.stats().reasks;
    *repaired = ai.stats().repairedAnswers > 1; // part 1 is always repaired (fenced)
    if (*valid) {
        const Project &p = ai.project();
        QCOMPARE(p.scenes.size(), m_script.scenes.size());
        for (const Shot &s : p.shots) {
            QVERIFY(s.sceneId != 0);
            QVERIFY(s.lens.focalLengthMm >= 8 && s.lens.focalLengthMm <= 600);
            for (const Blocking &b : s.blocking) {
                QVERIFY(p.character(b.characterId) != nullptr);
                QVERIFY(b.screenX >= 0 && b.screenX <= 1);
            }
        }
    } else {
        QCOMPARE(ai.project(), Project()); // nothing half-made is handed out
        QVERIFY(!ai.error().isEmpty());
    }
}

void TestLlmOutputCorpus::cleanupTestCase() {
    const Tally &t = g_tally;
    auto pct = [](int a, int b) {
        return b ? QString::number(100.0 * a / b, 'f', 1) + u'%' : QStringLiteral("n/a");
    };
    // Reaching this line means no case crashed the process.
    qInfo().noquote() << QStringLiteral(
                             "corpus: %1 cases, %2 ended valid, %3 failed closed, %4 broke a check")
                             .arg(t.cases)
                             .arg(t.valid)
                             .arg(t.closed)
                             .arg(t.brokeACheck);
    qInfo().noquote() << QStringLiteral("repair success rate: %1 of %2 first answers that were not parseable "
                                        "JSON were accepted after repair alone (%3)")
                             .arg(t.repairedWithoutReask)
                             .arg(t.brokenSyntax)
                             .arg(pct(t.repairedWithoutReask, t.brokenSyntax));
    qInfo().noquote() << QStringLiteral("re-ask success rate: %1 of %2 re-asked cases ended valid (%3)")
                             .arg(t.reaskSucceeded)
                             .arg(t.reasked)
                             .arg(pct(t.reaskSucceeded, t.reasked));
}

SHOTCRAFT_CORPUS_TEST_MAIN(TestLlmOutputCorpus)
#include "tst_llmoutputcorpus.moc"
