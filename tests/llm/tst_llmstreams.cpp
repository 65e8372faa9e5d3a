// Streams assembled correctly for OpenAI SSE, Anthropic events and Ollama NDJSON: recorded
// transcripts are fed in pieces of every size (one byte, odd sizes, whole) and must give the same
// text, the same tool calls (fragmented arguments joined) and the same end, faults included.
#include "providers/AnthropicMessagesProtocol.h"
#include "providers/NdjsonParser.h"
#include "providers/OllamaChatProtocol.h"
#include "providers/OpenAiChatProtocol.h"
#include "providers/SseParser.h"
#include "support/TestPaths.h"

#include <QFile>
#include <QTest>

#include <memory>

using namespace shotcraft;
using namespace shotcraft::providers;

Q_DECLARE_METATYPE(shotcraft::providers::LlmFinish)
Q_DECLARE_METATYPE(shotcraft::providers::FailureKind)

namespace {

QByteArray transcript(const QString &name) {
    QFile file(test::sourcePath(QStringLiteral("tests/llm/data/streams/") + name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

std::unique_ptr<LlmStreamAssembler> assemblerFor(const QString &name) {
    if (name.startsWith(QLatin1String("openai")))
        return std::make_unique<OpenAiChatProtocol::Stream>();
    if (name.startsWith(QLatin1String("anthropic")))
        return std::make_unique<AnthropicMessagesProtocol::Stream>();
    return std::make_unique<OllamaChatProtocol::Stream>();
}

QString describeCalls(const QList<LlmToolCall> &calls) {
    QStringList out;
    for (const LlmToolCall &c : calls) {
        // Compare arguments as JSON values, so spacing differences between protocols do not matter.
        const std::optional<Json> args = parseJson(c.arguments.toUtf8());
        out.append(c.name + u'(' +
                   (args ? QString::fromStdString(args->dump()) : QStringLiteral("<invalid>")) + u')');
    }
    return out.join(u'|');
}

} // namespace

class TestLlmStreams : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sseParserFraming();
    void ndjsonParserFraming();
    void assemble_data();
    void assemble();
};

void TestLlmStreams::sseParserFraming() {
    SseParser parser;
    QList<SseEvent> events;
    // CRLF split between two pieces, a lone CR ending a line, a comment, a multi-line data field.
    const QByteArray pieces[] = {"event: a\r", "\ndata: 1\r\n\r\n: ping\n", "data: x\ndata:y\r\rdata: tail"};
    for (const QByteArray &p : pieces)
        events += parser.feed(p);
    events += parser.finish();
    QCOMPARE(events.size(), 3);
    QCOMPARE(events.at(0), (SseEvent{"a", "1"}));
    QCOMPARE(events.at(1), (SseEvent{{}, "x\ny"}));
    QCOMPARE(events.at(2), (SseEvent{{}, "tail"}));
}

void TestLlmStreams::ndjsonParserFraming() {
    NdjsonParser parser;
    QList<QByteArray> lines = parser.feed("{\"a\":1}\n{\"b\"");
    lines += parser.feed(":2}\r\n\n  \n{\"c\":3}");
    lines += parser.finish();
    QCOMPARE(lines, (QList<QByteArray>{"{\"a\":1}", "{\"b\":2}", "{\"c\":3}"}));
}

void TestLlmStreams::assemble_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("pieceSize");
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("calls");
    QTest::addColumn<LlmFinish>("finish");
    QTest::addColumn<FailureKind>("failure");
    QTest::addColumn<QString>("refusal");

    struct Case {
        const char *file;
        QString content;
        QString calls;
        LlmFinish finish;
        FailureKind failure;
        QString refusal;
    };
    const Case cases[] = {
        {"openai-text.sse",
         QStringLiteral("Low angle, 35mm, hard noon sun — «Brick» squints."),
         {},
         LlmFinish::Stop,
         FailureKind::None,
         {}},
        {"openai-tools-fragmented.sse",
         {},
         QStringLiteral(
             "regenerate_shot({\"change\":\"dusk, warmer\",\"shot\":\"3B\"})|set_lens({\"focalLengthMm\":85,"
             "\"shot\":\"3B\"})"),
         LlmFinish::ToolCalls,
         FailureKind::None,
         {}},
        {"openai-tools-whole.sse",
         {},
         QStringLiteral("regenerate_shot({\"change\":\"tighter\",\"shot\":\"1A\"})"),
         LlmFinish::ToolCalls,
         FailureKind::None,
         {}},
        {"openai-refusal.sse",
         {},
         {},
         LlmFinish::Refusal,
         FailureKind::None,
         QStringLiteral("I can't help with that request.")},
        {"openai-length.sse",
         QStringLiteral("{\"acts\":[{\"number\":1,\"title\":\"Full Retired\",\"scenes\":[{\"num"),
         {},
         LlmFinish::Length,
         FailureKind::None,
         {}},
        {"openai-error-midstream.sse",
         QStringLiteral("The patio is"),
         {},
         LlmFinish::Error,
         FailureKind::Transient,
         {}},
        {"openai-cut.sse", QStringLiteral("The patio is"), {}, LlmFinish::Error, FailureKind::Transient, {}},
        {"anthropic-tools.sse",
         QStringLiteral("I will regenerate shot 3B."),
         QStringLiteral("regenerate_shot({\"change\":\"dusk\",\"shot\":\"3B\"})"),
         LlmFinish::ToolCalls,
         FailureKind::None,
         {}},
        {"anthropic-error-after-200.sse",
         QStringLiteral("Wide on the"),
         {},
         LlmFinish::Error,
         FailureKind::Transient,
         {}},
        {"ollama-text.ndjson",
         QStringLiteral("Dusk light rakes the shack — ünïcode ok."),
         {},
         LlmFinish::Stop,
         FailureKind::None,
         {}},
        {"ollama-tools.ndjson",
         {},
         QStringLiteral(
             "regenerate_shot({\"change\":\"dusk\",\"shot\":\"3B\"})|set_lens({\"focalLengthMm\":85,"
             "\"shot\":\"3B\"})"),
         LlmFinish::ToolCalls,
         FailureKind::None,
         {}},
        {"ollama-error-midstream.ndjson",
         QStringLiteral("Dusk"),
         {},
         LlmFinish::Error,
         FailureKind::Transient,
         {}},
    };
    for (const Case &c : cases) {
        for (const int size : {1, 3, 17, 1 << 20}) {
            const QByteArray tag = QByteArray(c.file) + '/' + QByteArray::number(size);
            QTest::newRow(tag.constData()) << QString::fromLatin1(c.file) << size << c.content << c.calls
                                           << c.finish << c.failure << c.refusal;
        }
    }
}

void TestLlmStreams::assemble() {
    QFETCH(QString, file);
    QFETCH(int, pieceSize);
    QFETCH(QString, content);
    QFETCH(QString, calls);
    QFETCH(LlmFinish, finish);
    QFETCH(FailureKind, failure);
    QFETCH(QString, refusal);

    const QByteArray bytes = transcript(file);
    QVERIFY2(!bytes.isEmpty(), qPrintable(file));
    std::unique_ptr<LlmStreamAssembler> stream = assemblerFor(file);
    QString streamed;
    for (qsizetype at = 0; at < bytes.size(); at += pieceSize)
        streamed += stream->feed(bytes.mid(at, pieceSize)).join(QString());
    const LlmResponse r = stream->finish();

    QCOMPARE(r.failure, failure);
    QCOMPARE(r.finish, finish);
    QCOMPARE(r.content, content);
    QCOMPARE(streamed, content); // what was shown live is exactly what was assembled
    QCOMPARE(describeCalls(r.toolCalls), calls);
    QCOMPARE(r.refusal, refusal);
    if (failure != FailureKind::None)
        QVERIFY(!r.error.isEmpty());
    for (const LlmToolCall &c : r.toolCalls)
        QVERIFY(!c.id.isEmpty()); // a tool reply must be able to name its call
}

QTEST_GUILESS_MAIN(TestLlmStreams)
#include "tst_llmstreams.moc"
