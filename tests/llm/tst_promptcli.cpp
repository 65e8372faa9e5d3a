// `shotcraft prompt PROJECT SHOT --enhance [--llm NAME]` through the real executable against the
// LLM test server in this process (Ollama's wire format): the enhanced package is shown (text and
// --json), the first language-model profile is used when none is named, and every way it cannot
// work — no profile, an unknown one, a model whose answers stay invalid — is a clear error.
#include "domain/Json.h"
#include "support/CliRunner.h"
#include "support/LlmTestServer.h"
#include "support/TestPaths.h"

#include <QTemporaryDir>
#include <QTest>

using namespace shotcraft;
using shotcraft::test::LlmProtocol;
using shotcraft::test::LlmScriptedReply;
using shotcraft::test::LlmTestServer;

namespace {

using Outcome = test::CliOutcome;

const QString kAddition = QStringLiteral("low dawn sun flaring across the harbour water behind them");

} // namespace

class TestPromptCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void noProfileIsAClearError();
    void enhancedPackageAsJson();
    void enhancedPackageAsText();
    void unknownProfileIsAClearError();
    void invalidAnswersAreAClearError();

private:
    // Runs shotcraft with this process's event loop turning, so the test server can answer it.
    Outcome shotcraft(const QStringList &args);
    QString answer(const QString &addition) const;

    QTemporaryDir m_dir;
    QString m_project;
    Json m_plain; // the engine's package for shot 1A
    LlmTestServer m_server{LlmProtocol::Ollama};
};

Outcome TestPromptCli::shotcraft(const QStringList &args) {
    return test::runShotcraft(args, {m_dir.filePath(QStringLiteral("settings")), false, 60000});
}

// A valid enhancement of shot 1A: the engine's positive prompt (identity tokens verbatim) plus more.
QString TestPromptCli::answer(const QString &addition) const {
    const std::string positive = m_plain.at("positive").get<std::string>() + ", " + addition.toStdString();
    const Json a = {
        {"positive", positive},
        {"description", "Mara and Tom size each other up on the harbour wall."},
        {"staging",
         {{"foreground", "bollards"}, {"midground", "Mara and Tom"}, {"background", "lighthouse"}}},
        {"lighting", "low sun behind, bounce from the water, 3:1"},
        {"negativeAdditions", Json::array({"lens dirt"})},
        {"rationale", {{{"aspect", "light"}, {"choice", "sun behind"}, {"reason", "rim on both of them"}}}}};
    return QString::fromStdString(a.dump());
}

void TestPromptCli::initTestCase() {
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.listen());
    m_project = m_dir.filePath(QStringLiteral("salt.shotcraft"));
    const Outcome made =
        shotcraft({QStringLiteral("new"), test::fixturePath(QStringLiteral("salt-and-signal.fountain")),
                   QStringLiteral("-o"), m_project});
    QVERIFY2(made.exitCode == 0, made.err.constData());
    const Outcome plain =
        shotcraft({QStringLiteral("prompt"), m_project, QStringLiteral("1A"), QStringLiteral("--json")});
    QVERIFY2(plain.exitCode == 0, plain.err.constData());
    m_plain = plain.json();
    QVERIFY(m_plain.is_object());
    QCOMPARE(m_plain.value("enhanced", true), false);
    QVERIFY(!m_plain.at("identityTokens").empty());
}

void TestPromptCli::noProfileIsAClearError() {
    // The built-in profiles are image services only.
    const Outcome o =
        shotcraft({QStringLiteral("prompt"), m_project, QStringLiteral("1A"), QStringLiteral("--enhance")});
    QVERIFY(o.exitCode != 0);
    QVERIFY2(o.err.contains("no language-model profile is configured"), o.err.constData());
    QVERIFY(o.out.isEmpty());
    QVERIFY(m_server.requests().isEmpty());
}

void TestPromptCli::enhancedPackageAsJson() {
    const Outcome set =
        shotcraft({QStringLiteral("providers"), QStringLiteral("set"), QStringLiteral("local-llm"),
                   QStringLiteral("--kind"), QStringLiteral("ollama"), QStringLiteral("--url"),
                   m_server.baseUrl().toString(), QStringLiteral("--model"), QStringLiteral("llama3.1")});
    QVERIFY2(set.exitCode == 0, set.err.constData());
    m_server.enqueue(LlmScriptedReply::text(answer(kAddition)));
    const Outcome o =
        shotcraft({QStringLiteral("prompt"), m_project, QStringLiteral("1A"), QStringLiteral("--enhance"),
                   QStringLiteral("--llm"), QStringLiteral("local-llm"), QStringLiteral("--json")});
    QVERIFY2(o.exitCode == 0, o.err.constData());
    const Json p = o.json();
    QVERIFY2(p.is_object(), o.out.constData());
    QCOMPARE(p.value("enhanced", false), true);
    QCOMPARE(QString::fromStdString(p.at("positive").get<std::string>()),
             QString::fromStdString(m_plain.at("positive").get<std::string>()) + QStringLiteral(", ") +
                 kAddition);
    QCOMPARE(QString::fromStdString(p.at("negative").get<std::string>()),
             QString::fromStdString(m_plain.at("negative").get<std::string>()) +
                 QStringLiteral(", lens dirt"));
    QVERIFY(p.at("identityTokens") == m_plain.at("identityTokens"));
    QVERIFY(p.at("references") == m_plain.at("references"));
    QVERIFY(p.at("params") == m_plain.at("params"));
    QCOMPARE(p.at("rationale").size(),
             m_plain.at("rationale").size() + 4); // description, staging, lighting, 1 own
    QCOMPARE(m_server.requests().size(), 1);
    QVERIFY(m_server.requests().first().contains("format")); // the schema, in Ollama's form
}

void TestPromptCli::enhancedPackageAsText() {
    // No --llm: the first language-model profile (local-llm) is used.
    m_server.enqueue(LlmScriptedReply::text(answer(kAddition)));
    const Outcome o = shotcraft({QStringLiteral("prompt"), m_project, QStringLiteral("--shot"),
                                 QStringLiteral("1A"), QStringLiteral("--enhance")});
    QVERIFY2(o.exitCode == 0, o.err.constData());
    const QString text = QString::fromUtf8(o.out);
    QVERIFY2(text.contains(QStringLiteral("enhanced by a language model")), o.out.constData());
    QVERIFY(text.contains(kAddition));
    QVERIFY(text.contains(QStringLiteral("enhancement: light: sun behind")));
    QCOMPARE(m_server.requests().size(), 2);
}

void TestPromptCli::unknownProfileIsAClearError() {
    const Outcome o =
        shotcraft({QStringLiteral("prompt"), m_project, QStringLiteral("1A"), QStringLiteral("--enhance"),
                   QStringLiteral("--llm"), QStringLiteral("no-such-model")});
    QVERIFY(o.exitCode != 0);
    QVERIFY2(o.err.contains("no provider profile named \"no-such-model\""), o.err.constData());
    QCOMPARE(m_server.requests().size(), 2);
}

void TestPromptCli::invalidAnswersAreAClearError() {
    // Mara's identity token dropped in the answer and in both re-asks.
    QString bad = answer(kAddition);
    const QString token = QString::fromStdString(m_plain.at("identityTokens")[0].get<std::string>());
    QVERIFY(bad.contains(token));
    bad.replace(token, QStringLiteral("a big man"));
    for (int i = 0; i < 3; ++i)
        m_server.enqueue(LlmScriptedReply::text(bad));
    const Outcome o = shotcraft({QStringLiteral("prompt"), m_project, QStringLiteral("1A"),
                                 QStringLiteral("--enhance"), QStringLiteral("--json")});
    QVERIFY(o.exitCode != 0);
    QVERIFY2(o.err.contains("prompt enhancement failed: local-llm:"), o.err.constData());
    QVERIFY(o.err.contains("stayed invalid"));
    QVERIFY(o.out.isEmpty()); // nothing half-enhanced is printed
    QCOMPARE(m_server.requests().size(), 5);
    QCOMPARE(m_server.pending(), 0);
}

QTEST_GUILESS_MAIN(TestPromptCli)
#include "tst_promptcli.moc"
