// OpenAI Responses adapter: classification of every event of the reference's streams and
// sequence numbers.
#include "responses/openairesponses.h"
#include "sse/sseparser.h"

#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using OpenAiResponses::StreamEventKind;

Q_DECLARE_METATYPE(StreamEventKind)
Q_DECLARE_METATYPE(SseEvent)

namespace {

QByteArray fixture(const char *name)
{
    QFile file(qEnvironmentVariable("LLMO_TEST_DATA") + QStringLiteral("/responses/")
               + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture %s", name);
    return file.readAll();
}

QList<SseEvent> parseEvents(const QByteArray &stream)
{
    SseParser parser;
    QList<SseEvent> events;
    parser.feed(stream, events);
    return events;
}

QJsonObject parseObject(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return {};
    return doc.object();
}

// One letter per kind, so that a whole stream's classification reads as one string.
char kindLetter(StreamEventKind kind)
{
    switch (kind) {
    case StreamEventKind::Content:
        return 'C';
    case StreamEventKind::Usage:
        return 'U';
    case StreamEventKind::Done:
        return 'D';
    case StreamEventKind::Error:
        return 'E';
    case StreamEventKind::Other:
        return 'O';
    }
    return '?';
}

// What every event type of the reference's "Streaming events" page means for the relay.
QHash<QByteArray, StreamEventKind> referenceKinds()
{
    const StreamEventKind C = StreamEventKind::Content;
    const StreamEventKind O = StreamEventKind::Other;
    return {
        { "response.created", O },
        { "response.in_progress", O },
        { "response.queued", O },
        { "response.output_item.added", O }, // a message item with no content yet
        { "response.content_part.added", O }, // an empty output_text part
        { "response.output_text.delta", C },
        { "response.output_text.annotation.added", C },
        { "response.output_text.done", C },
        { "response.content_part.done", C },
        { "response.output_item.done", C },
        { "response.refusal.delta", C },
        { "response.refusal.done", C },
        { "response.function_call_arguments.delta", C },
        { "response.function_call_arguments.done", C },
        { "response.file_search_call.in_progress", O },
        { "response.file_search_call.searching", O },
        { "response.file_search_call.completed", O },
        { "response.web_search_call.in_progress", O },
        { "response.web_search_call.searching", O },
        { "response.web_search_call.completed", O },
        { "response.reasoning_summary_part.added", O }, // empty summary_text part
        { "response.reasoning_summary_part.done", C },
        { "response.reasoning_summary_text.delta", C },
        { "response.reasoning_summary_text.done", C },
        { "response.reasoning_text.delta", C },
        { "response.reasoning_text.done", C },
        { "response.image_generation_call.completed", O },
        { "response.image_generation_call.generating", O },
        { "response.image_generation_call.in_progress", O },
        { "response.image_generation_call.partial_image", C },
        { "response.mcp_call_arguments.delta", C },
        { "response.mcp_call_arguments.done", C },
        { "response.mcp_call.completed", O },
        { "response.mcp_call.failed", O },
        { "response.mcp_call.in_progress", O },
        { "response.mcp_list_tools.completed", O },
        { "response.mcp_list_tools.failed", O },
        { "response.mcp_list_tools.in_progress", O },
        { "response.code_interpreter_call.in_progress", O },
        { "response.code_interpreter_call.interpreting", O },
        { "response.code_interpreter_call.completed", O },
        { "response.code_interpreter_call_code.delta", C },
        { "response.code_interpreter_call_code.done", C },
        { "response.custom_tool_call_input.delta", C },
        { "response.custom_tool_call_input.done", C },
        { "response.completed", StreamEventKind::Done },
        { "response.failed", StreamEventKind::Error },
        { "response.incomplete", StreamEventKind::Done },
        { "error", StreamEventKind::Error },
    };
}

} // namespace

class TestOpenAiResponsesStream final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void referenceEventsAreAllCovered();
    void classifyReferenceEvents_data();
    void classifyReferenceEvents();
    void classifyStreams_data();
    void classifyStreams();
    void classify_data();
    void classify();
    void sequenceNumber_data();
    void sequenceNumber();
};

void TestOpenAiResponsesStream::referenceEventsAreAllCovered()
{
    const QList<SseEvent> events = parseEvents(fixture("reference-events.sse"));
    const QHash<QByteArray, StreamEventKind> kinds = referenceKinds();
    QCOMPARE(events.size(), kinds.size());
    QSet<QByteArray> seen;
    for (const SseEvent &event : events) {
        QVERIFY2(kinds.contains(event.event), event.event.constData());
        // The event name repeats the data's type, as the API sends it.
        QCOMPARE(parseObject(event.data).value(QLatin1String("type")).toString().toUtf8(),
                 event.event);
        seen.insert(event.event);
    }
    QCOMPARE(seen.size(), kinds.size());
}

void TestOpenAiResponsesStream::classifyReferenceEvents_data()
{
    QTest::addColumn<SseEvent>("event");
    QTest::addColumn<StreamEventKind>("kind");
    const QHash<QByteArray, StreamEventKind> kinds = referenceKinds();
    for (const SseEvent &event : parseEvents(fixture("reference-events.sse")))
        QTest::newRow(event.event.constData()) << event << kinds.value(event.event);
}

void TestOpenAiResponsesStream::classifyReferenceEvents()
{
    QFETCH(SseEvent, event);
    QFETCH(StreamEventKind, kind);
    TokenUsage usage;
    QCOMPARE(OpenAiResponses::classifyStreamEvent(event, &usage), kind);
    if (event.event == "response.completed") {
        // The reference's completed example: zero counts, no input_tokens_details.
        QCOMPARE(usage.inputTokens, qint64(0));
        QCOMPARE(usage.outputTokens, qint64(0));
        QCOMPARE(usage.cachedTokens, qint64(-1));
    } else {
        QVERIFY(!usage.isKnown());
    }
    // Without the event name the data's type decides alone.
    QCOMPARE(OpenAiResponses::classifyStreamEvent(SseEvent { {}, event.data, {} }, nullptr), kind);
}

void TestOpenAiResponsesStream::classifyStreams_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QByteArray>("kinds");
    QTest::addColumn<qint64>("input");
    QTest::addColumn<qint64>("output");
    QTest::addColumn<qint64>("cached");

    // The reference's "..." line dispatches nothing: 9 events.
    QTest::newRow("reference text stream") << fixture("stream-text.sse") << QByteArray("OOOOCCCCD")
                                           << qint64(37) << qint64(11) << qint64(-1);
    // A function call item is output from the moment it is added.
    QTest::newRow("function call arguments streamed as deltas")
        << fixture("stream-function-call.sse") << QByteArray("CCCCCCCCCC") << qint64(-1)
        << qint64(-1) << qint64(-1);
    QTest::newRow("coding agent: reasoning, web search, custom tool, function call")
        << fixture("stream-codex.sse") << QByteArray("OOOOCCCCCCOOOCCCCCCCCCCCD") << qint64(12450)
        << qint64(412) << qint64(11136);
    QTest::newRow("error event before any output")
        << fixture("stream-error.sse") << QByteArray("OOE") << qint64(-1) << qint64(-1)
        << qint64(-1);
    QTest::newRow("response.failed after output, with usage")
        << fixture("stream-failed.sse") << QByteArray("OOOCE") << qint64(1200) << qint64(17)
        << qint64(0);
    QTest::newRow("response.incomplete ends the stream with usage")
        << fixture("stream-incomplete.sse") << QByteArray("OCD") << qint64(40) << qint64(16)
        << qint64(0);
}

void TestOpenAiResponsesStream::classifyStreams()
{
    QFETCH(QByteArray, stream);
    QFETCH(QByteArray, kinds);
    QFETCH(qint64, input);
    QFETCH(qint64, output);
    QFETCH(qint64, cached);

    // Fed in 7-byte pieces, as a network would split it.
    SseParser parser;
    QList<SseEvent> events;
    for (qsizetype i = 0; i < stream.size(); i += 7)
        parser.feed(QByteArrayView(stream).sliced(i, qMin<qsizetype>(7, stream.size() - i)),
                    events);
    QVERIFY(!parser.hasIncompleteEvent());

    TokenUsage usage;
    QByteArray actual;
    for (const SseEvent &event : events)
        actual += kindLetter(OpenAiResponses::classifyStreamEvent(event, &usage));
    QCOMPARE(actual, kinds);
    QCOMPARE(usage.inputTokens, input);
    QCOMPARE(usage.outputTokens, output);
    QCOMPARE(usage.cachedTokens, cached);
}

void TestOpenAiResponsesStream::classify_data()
{
    QTest::addColumn<QByteArray>("eventName");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<StreamEventKind>("kind");
    QTest::addColumn<qint64>("input");

    auto row = [](const char *name, const QByteArray &eventName, const QByteArray &data,
                  StreamEventKind kind,
                  qint64 input = -1) { QTest::newRow(name) << eventName << data << kind << input; };
    row("[DONE] of compatible servers", {}, "[DONE]", StreamEventKind::Done);
    row("event named error, data not JSON", "error", "upstream overloaded", StreamEventKind::Error);
    row("error fields nested under error", "error",
        "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"code\":"
        "\"context_length_exceeded\",\"message\":\"Your input exceeds the context window.\","
        "\"param\":\"input\"},\"sequence_number\":2}",
        StreamEventKind::Error);
    row("bare error object without type", {},
        "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}",
        StreamEventKind::Error);
    row("error null is not an error", {},
        "{\"error\":null,\"response\":{\"usage\":null},\"type\":\"response.in_progress\"}",
        StreamEventKind::Other);
    row("type from the event name when the data has none", "response.completed",
        "{\"response\":{\"status\":\"completed\",\"usage\":{\"input_tokens\":4,"
        "\"output_tokens\":2}}}",
        StreamEventKind::Done, 4);
    row("data type wins over the event name", "response.output_text.delta",
        "{\"type\":\"response.completed\",\"response\":{\"usage\":{\"input_tokens\":9,"
        "\"output_tokens\":1}}}",
        StreamEventKind::Done, 9);
    row("escaped type", {},
        "{\"type\":\"response\\u002eoutput_text\\u002edelta\",\"delta\":\"Hi\"}",
        StreamEventKind::Content);
    row("empty text delta", "response.output_text.delta",
        "{\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\",\"output_index\":0,"
        "\"content_index\":0,\"delta\":\"\",\"sequence_number\":4}",
        StreamEventKind::Other);
    row("function call item added", "response.output_item.added",
        "{\"type\":\"response.output_item.added\",\"output_index\":1,\"item\":{\"type\":"
        "\"function_call\",\"id\":\"fc_1\",\"call_id\":\"call_1\",\"name\":\"shell\","
        "\"arguments\":\"\"},\"sequence_number\":5}",
        StreamEventKind::Content);
    row("reasoning item added without summary", "response.output_item.added",
        "{\"type\":\"response.output_item.added\",\"output_index\":0,\"item\":{\"id\":\"rs_1\","
        "\"type\":\"reasoning\",\"summary\":[]},\"sequence_number\":2}",
        StreamEventKind::Other);
    row("reasoning item done with only encrypted content", "response.output_item.done",
        "{\"type\":\"response.output_item.done\",\"output_index\":0,\"item\":{\"id\":\"rs_1\","
        "\"type\":\"reasoning\",\"summary\":[],\"encrypted_content\":\"gAAAA\"},"
        "\"sequence_number\":3}",
        StreamEventKind::Content);
    row("item without a type", "response.output_item.added",
        "{\"type\":\"response.output_item.added\",\"item\":{\"id\":\"x\"}}",
        StreamEventKind::Other);
    row("refusal part added with text", "response.content_part.added",
        "{\"type\":\"response.content_part.added\",\"part\":{\"type\":\"refusal\",\"refusal\":"
        "\"I can't\"}}",
        StreamEventKind::Content);
    row("keep-alive event", "keepalive", "{\"type\":\"keepalive\",\"sequence_number\":3}",
        StreamEventKind::Other);
    row("ping without data", "ping", "", StreamEventKind::Other);
    row("unknown future event", {},
        "{\"type\":\"response.something_new.progress\",\"output_index\":0}",
        StreamEventKind::Other);
    row("not json", {}, "keep-alive", StreamEventKind::Other);
    row("array", {}, "[1,2]", StreamEventKind::Other);
}

void TestOpenAiResponsesStream::classify()
{
    QFETCH(QByteArray, eventName);
    QFETCH(QByteArray, data);
    QFETCH(StreamEventKind, kind);
    QFETCH(qint64, input);

    TokenUsage usage;
    QCOMPARE(OpenAiResponses::classifyStreamEvent(SseEvent { eventName, data, {} }, &usage), kind);
    QCOMPARE(usage.inputTokens, input);
    QCOMPARE(OpenAiResponses::classifyStreamEvent(SseEvent { eventName, data, {} }, nullptr), kind);
}

void TestOpenAiResponsesStream::sequenceNumber_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<qint64>("number");

    QTest::newRow("delta") << QByteArray("{\"type\":\"response.output_text.delta\",\"delta\":"
                                         "\"x\",\"sequence_number\":41}")
                           << qint64(41);
    QTest::newRow("first member") << QByteArray("{\"sequence_number\":0,\"type\":\"x\"}")
                                  << qint64(0);
    QTest::newRow("absent (function calling guide)")
        << QByteArray("{\"type\":\"response.function_call_arguments.delta\"}") << qint64(-1);
    QTest::newRow("not a number") << QByteArray("{\"sequence_number\":\"7\"}") << qint64(-1);
    QTest::newRow("not json") << QByteArray("[DONE]") << qint64(-1);
}

void TestOpenAiResponsesStream::sequenceNumber()
{
    QFETCH(QByteArray, data);
    QFETCH(qint64, number);
    QCOMPARE(OpenAiResponses::sequenceNumber(SseEvent { {}, data, {} }).value_or(-1), number);
}

QTEST_GUILESS_MAIN(TestOpenAiResponsesStream)
#include "tst_providers_responses_stream.moc"
