#include "anthropic/anthropicmessages.h"
#include "sse/sseparser.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using AnthropicMessages::Endpoint;
using AnthropicMessages::StreamEventKind;

Q_DECLARE_METATYPE(StreamEventKind)
Q_DECLARE_METATYPE(Endpoint)

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(qEnvironmentVariable("LLMO_TEST_DATA") + QStringLiteral("/anthropic/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

QJsonObject parseObject(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return {};
    return doc.object();
}

QList<SseEvent> parseStream(const QByteArray &stream)
{
    SseParser parser;
    QList<SseEvent> events;
    parser.feed(stream, events);
    return events;
}

// One letter per kind, so a whole stream's classification reads as a string.
char letter(StreamEventKind kind)
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

SseEvent makeEvent(const QByteArray &name, const QByteArray &data)
{
    SseEvent e;
    e.event = name;
    e.data = data;
    return e;
}

} // namespace

class TestAnthropic final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inspectRequest_data();
    void inspectRequest();
    void upstreamBody_data();
    void upstreamBody();
    void upstreamBodyUnchangedIsShared();
    void usageFromResponse_data();
    void usageFromResponse();
    void classifyReferenceStreams_data();
    void classifyReferenceStreams();
    void classifyEvent_data();
    void classifyEvent();
    void errorMessageFromBody_data();
    void errorMessageFromBody();
    void errorBody_data();
    void errorBody();
    void errorEventRoundTrip();
    void modelList();
    void pathsAndHeaders();
};

void TestAnthropic::inspectRequest_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Endpoint>("endpoint");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<qint64>("maxTokens");
    QTest::addColumn<QString>("error");

    const auto messages = Endpoint::Messages;
    const auto count = Endpoint::CountTokens;
    const QString sonnet = QStringLiteral("claude-3-7-sonnet-20250219");

    QTest::newRow("reference basic stream")
        << fixture(QStringLiteral("request-basic-stream.json")) << messages << true << sonnet
        << true << qint64(256) << QString();
    QTest::newRow("reference tool use")
        << fixture(QStringLiteral("request-tool-use-stream.json")) << messages << true << sonnet
        << true << qint64(1024) << QString();
    QTest::newRow("reference thinking")
        << fixture(QStringLiteral("request-thinking-stream.json")) << messages << true << sonnet
        << true << qint64(20000) << QString();
    QTest::newRow("reference multi-turn")
        << fixture(QStringLiteral("request-multi-turn.json")) << messages << true << sonnet << false
        << qint64(1024) << QString();
    QTest::newRow("count tokens needs no max_tokens")
        << fixture(QStringLiteral("count-tokens-request-basic.json")) << count << true
        << QStringLiteral("claude-opus-4-6") << false << qint64(-1) << QString();
    QTest::newRow("count tokens never streams")
        << QByteArray(R"({"model":"m","messages":[],"stream":true})") << count << true
        << QStringLiteral("m") << false << qint64(-1) << QString();
    QTest::newRow("stream null") << QByteArray(
        R"({"model":"m","max_tokens":1,"messages":[],"stream":null})")
                                 << messages << true << QStringLiteral("m") << false << qint64(1)
                                 << QString();
    QTest::newRow("not json") << QByteArray("model=claude") << messages << false << QString()
                              << false << qint64(-1)
                              << QStringLiteral("The request body is not a valid JSON object: "
                                                "unexpected character 'm' at offset 0");
    QTest::newRow("array") << QByteArray(R"([{"model":"m"}])") << messages << false << QString()
                           << false << qint64(-1)
                           << QStringLiteral("The request body is not a valid JSON object: "
                                             "unexpected character '[' at offset 0");
    QTest::newRow("missing model")
        << QByteArray(R"({"max_tokens":1,"messages":[]})") << messages << false << QString()
        << false << qint64(-1) << QStringLiteral("model: Field required");
    QTest::newRow("nested model does not count")
        << QByteArray(R"({"metadata":{"model":"m"},"max_tokens":1,"messages":[]})") << messages
        << false << QString() << false << qint64(-1) << QStringLiteral("model: Field required");
    QTest::newRow("model number") << QByteArray(R"({"model":3,"max_tokens":1,"messages":[]})")
                                  << messages << false << QString() << false << qint64(-1)
                                  << QStringLiteral("model: Input should be a valid string");
    QTest::newRow("model empty") << QByteArray(R"({"model":"","max_tokens":1,"messages":[]})")
                                 << messages << false << QString() << false << qint64(-1)
                                 << QStringLiteral(
                                        "model: String should have at least 1 character");
    QTest::newRow("missing messages")
        << QByteArray(R"({"model":"m","max_tokens":1})") << count << false << QString() << false
        << qint64(-1) << QStringLiteral("messages: Field required");
    QTest::newRow("messages string")
        << QByteArray(R"({"model":"m","max_tokens":1,"messages":"Hello"})") << messages << false
        << QString() << false << qint64(-1)
        << QStringLiteral("messages: Input should be a valid list");
    QTest::newRow("missing max_tokens")
        << QByteArray(R"({"model":"m","messages":[{"role":"user","content":"Hi"}]})") << messages
        << false << QString() << false << qint64(-1)
        << QStringLiteral("max_tokens: Field required");
    QTest::newRow("max_tokens string")
        << QByteArray(R"({"model":"m","max_tokens":"1024","messages":[]})") << messages << false
        << QString() << false << qint64(-1)
        << QStringLiteral("max_tokens: Input should be a valid integer");
    QTest::newRow("max_tokens fraction")
        << QByteArray(R"({"model":"m","max_tokens":1.5,"messages":[]})") << messages << false
        << QString() << false << qint64(-1)
        << QStringLiteral("max_tokens: Input should be a valid integer");
    QTest::newRow("max_tokens zero") << QByteArray(R"({"model":"m","max_tokens":0,"messages":[]})")
                                     << messages << false << QString() << false << qint64(-1)
                                     << QStringLiteral("max_tokens: Input should be greater than "
                                                       "or equal to 1");
    QTest::newRow("stream string")
        << QByteArray(R"({"model":"m","max_tokens":5,"messages":[],"stream":"yes"})") << messages
        << false << QString() << false << qint64(-1)
        << QStringLiteral("stream: Input should be a valid boolean");
}

void TestAnthropic::inspectRequest()
{
    QFETCH(QByteArray, body);
    QFETCH(Endpoint, endpoint);
    QFETCH(bool, ok);
    QFETCH(QString, model);
    QFETCH(bool, stream);
    QFETCH(qint64, maxTokens);
    QFETCH(QString, error);

    QString message;
    const std::optional<AnthropicMessages::RequestInfo> info
        = AnthropicMessages::inspectRequest(body, &message, endpoint);
    QCOMPARE(info.has_value(), ok);
    QCOMPARE(message, error);
    if (ok) {
        QCOMPARE(info->model, model);
        QCOMPARE(info->stream, stream);
        QCOMPARE(info->maxTokens, maxTokens);
        QVERIFY(info->members.find("messages"));
    }
}

void TestAnthropic::upstreamBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("upstreamModel");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray tools = fixture(QStringLiteral("request-tool-use-stream.json"));
    QTest::newRow("reference tool request: only the model changes")
        << tools << QStringLiteral("claude-sonnet-4-5")
        << QByteArray(tools).replace("\"claude-3-7-sonnet-20250219\"", "\"claude-sonnet-4-5\"");
    QTest::newRow("escapes and unicode elsewhere kept")
        << QByteArray("{\"system\":\"H\\u00e9 \\\"x\\\"\", \"model\" : "
                      "\"a\",\"max_tokens\":9,\"messages\":[]}")
        << QStringLiteral("caf\u00e9")
        << QByteArray("{\"system\":\"H\\u00e9 \\\"x\\\"\", \"model\" : "
                      "\"caf\xc3\xa9\",\"max_tokens\":9,\"messages\":[]}");
    QTest::newRow("duplicate model collapsed")
        << QByteArray(R"({"model":"a","max_tokens":1,"messages":[],"model":"evil"})")
        << QStringLiteral("a") << QByteArray(R"({"model":"a","max_tokens":1,"messages":[]})");
    QTest::newRow("duplicate stream collapsed to the first")
        << QByteArray(R"({"model":"a","stream":true,"max_tokens":1,"messages":[],"stream":false})")
        << QStringLiteral("b")
        << QByteArray(R"({"model":"b","stream":true,"max_tokens":1,"messages":[]})");
}

void TestAnthropic::upstreamBody()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, upstreamModel);
    QFETCH(QByteArray, expected);

    const std::optional<AnthropicMessages::RequestInfo> info
        = AnthropicMessages::inspectRequest(body, nullptr);
    QVERIFY(info);
    QCOMPARE(AnthropicMessages::upstreamBody(body, *info, upstreamModel), expected);
}

void TestAnthropic::upstreamBodyUnchangedIsShared()
{
    const QByteArray body = fixture(QStringLiteral("request-basic-stream.json"));
    const std::optional<AnthropicMessages::RequestInfo> info
        = AnthropicMessages::inspectRequest(body, nullptr);
    QVERIFY(info);
    const QByteArray result = AnthropicMessages::upstreamBody(body, *info, info->model);
    QCOMPARE(result, body);
    QVERIFY(result.constData() == body.constData());
}

void TestAnthropic::usageFromResponse_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qint64>("input");
    QTest::addColumn<qint64>("output");
    QTest::addColumn<qint64>("cached");

    QTest::newRow("reference basic")
        << fixture(QStringLiteral("response-basic.json")) << qint64(12) << qint64(6) << qint64(-1);
    // Total input = input + cache creation + cache read (Messages reference, "usage").
    QTest::newRow("reference cache write") << fixture(QStringLiteral("response-cache-write.json"))
                                           << qint64(21 + 188086) << qint64(393) << qint64(0);
    QTest::newRow("reference cache hit") << fixture(QStringLiteral("response-cache-read.json"))
                                         << qint64(21 + 188086) << qint64(393) << qint64(188086);
    QTest::newRow("null cache fields")
        << QByteArray(R"({"usage":{"input_tokens":5,"cache_creation_input_tokens":null,)"
                      R"("cache_read_input_tokens":null,"output_tokens":2}})")
        << qint64(5) << qint64(2) << qint64(-1);
    QTest::newRow("no usage") << QByteArray(R"({"type":"message"})") << qint64(-1) << qint64(-1)
                              << qint64(-1);
    QTest::newRow("nested usage ignored")
        << QByteArray(R"({"content":[{"usage":{"input_tokens":9}}]})") << qint64(-1) << qint64(-1)
        << qint64(-1);
    QTest::newRow("not json") << QByteArray("oops") << qint64(-1) << qint64(-1) << qint64(-1);
}

void TestAnthropic::usageFromResponse()
{
    QFETCH(QByteArray, body);
    QFETCH(qint64, input);
    QFETCH(qint64, output);
    QFETCH(qint64, cached);

    const TokenUsage usage = AnthropicMessages::usageFromResponse(body);
    QCOMPARE(usage.inputTokens, input);
    QCOMPARE(usage.outputTokens, output);
    QCOMPARE(usage.cachedTokens, cached);
}

void TestAnthropic::classifyReferenceStreams_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("kinds");
    QTest::addColumn<qint64>("input");
    QTest::addColumn<qint64>("output");

    QTest::newRow("basic") << QStringLiteral("stream-basic.sse") << QByteArray("OOOCCOUD")
                           << qint64(25) << qint64(15);
    // The text block start is empty (Other); the tool_use block start names the tool (Content);
    // every input_json_delta, even the first empty one, is Content.
    QTest::newRow("tool use") << QStringLiteral("stream-tool-use.sse")
                              << QByteArray("OOO"
                                            "CCCCCCCCCCCCC"
                                            "O"
                                            "C"
                                            "CCCCCCCCC"
                                            "O"
                                            "UD")
                              << qint64(472) << qint64(89);
    // thinking_delta and signature_delta are Content; this reference stream reports no usage.
    QTest::newRow("thinking") << QStringLiteral("stream-thinking.sse")
                              << QByteArray("OO"
                                            "CCCCCCC"
                                            "O"
                                            "O"
                                            "C"
                                            "O"
                                            "UD")
                              << qint64(-1) << qint64(-1);
    QTest::newRow("overloaded error event") << QStringLiteral("stream-error-overloaded.sse")
                                            << QByteArray("E") << qint64(-1) << qint64(-1);
}

void TestAnthropic::classifyReferenceStreams()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, kinds);
    QFETCH(qint64, input);
    QFETCH(qint64, output);

    // Accumulated as the gateway does: every count an event reports overwrites the last one.
    TokenUsage total;
    QByteArray actual;
    for (const SseEvent &e : parseStream(fixture(file))) {
        TokenUsage usage;
        actual += letter(AnthropicMessages::classifyStreamEvent(e, &usage));
        if (usage.inputTokens >= 0)
            total.inputTokens = usage.inputTokens;
        if (usage.outputTokens >= 0)
            total.outputTokens = usage.outputTokens;
        if (usage.cachedTokens >= 0)
            total.cachedTokens = usage.cachedTokens;
    }
    QCOMPARE(actual, kinds);
    QCOMPARE(total.inputTokens, input);
    QCOMPARE(total.outputTokens, output);
    QCOMPARE(total.cachedTokens, qint64(-1));
}

void TestAnthropic::classifyEvent_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<StreamEventKind>("kind");
    QTest::addColumn<qint64>("input");
    QTest::addColumn<qint64>("output");
    QTest::addColumn<qint64>("cached");

    const auto C = StreamEventKind::Content;
    const auto O = StreamEventKind::Other;
    const auto U = StreamEventKind::Usage;
    const auto D = StreamEventKind::Done;
    const auto E = StreamEventKind::Error;
    const qint64 n = -1;

    QTest::newRow("message_start with cache write (prompt caching usage)")
        << QByteArray("message_start")
        << QByteArray(R"({"type":"message_start","message":{"id":"msg_1","type":"message",)"
                      R"("role":"assistant","content":[],"model":"claude-3-7-sonnet-20250219",)"
                      R"("stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":21,)"
                      R"("cache_creation_input_tokens":188086,"cache_read_input_tokens":0,)"
                      R"("output_tokens":1}}})")
        << O << qint64(188107) << qint64(1) << qint64(0);
    QTest::newRow("message_start with cache hit")
        << QByteArray("message_start")
        << QByteArray(R"({"type":"message_start","message":{"usage":{"input_tokens":21,)"
                      R"("cache_creation_input_tokens":0,"cache_read_input_tokens":188086,)"
                      R"("output_tokens":1}}})")
        << O << qint64(188107) << qint64(1) << qint64(188086);
    QTest::newRow("message_delta with every count")
        << QByteArray("message_delta")
        << QByteArray(R"({"type":"message_delta","delta":{"stop_reason":"end_turn",)"
                      R"("stop_sequence":null},"usage":{"input_tokens":12,)"
                      R"("cache_creation_input_tokens":0,"cache_read_input_tokens":30,)"
                      R"("output_tokens":30}})")
        << U << qint64(42) << qint64(30) << qint64(30);
    QTest::newRow("message_delta with partial input keeps message_start's")
        << QByteArray("message_delta")
        << QByteArray(R"({"type":"message_delta","delta":{"stop_reason":"max_tokens"},)"
                      R"("usage":{"input_tokens":5,"output_tokens":7}})")
        << U << n << qint64(7) << n;
    QTest::newRow("message_delta with null input counts")
        << QByteArray("message_delta")
        << QByteArray(R"({"type":"message_delta","delta":{},"usage":{"input_tokens":null,)"
                      R"("cache_creation_input_tokens":null,"cache_read_input_tokens":null,)"
                      R"("output_tokens":3}})")
        << U << n << qint64(3) << n;
    QTest::newRow("delta without event name")
        << QByteArray()
        << QByteArray(R"({"type":"content_block_delta","index":0,)"
                      R"("delta":{"type":"text_delta","text":"Hi"}})")
        << C << n << n << n;
    QTest::newRow("stop without event name")
        << QByteArray() << QByteArray(R"({"type":"message_stop"})") << D << n << n << n;
    QTest::newRow("error without event name")
        << QByteArray()
        << QByteArray(R"({"type":"error","error":{"type":"api_error","message":"boom"}})") << E << n
        << n << n;
    QTest::newRow("message_start without event name")
        << QByteArray()
        << QByteArray(R"({"type":"message_start","message":{"usage":{"input_tokens":3,)"
                      R"("output_tokens":1}}})")
        << O << qint64(3) << qint64(1) << n;
    QTest::newRow("citations delta")
        << QByteArray("content_block_delta")
        << QByteArray(
               R"({"type":"content_block_delta","index":0,"delta":{"type":"citations_delta"}})")
        << C << n << n << n;
    QTest::newRow("text block start with text")
        << QByteArray("content_block_start")
        << QByteArray(R"({"type":"content_block_start","index":0,)"
                      R"("content_block":{"type":"text","text":"Hi"}})")
        << C << n << n << n;
    QTest::newRow("redacted thinking arrives whole")
        << QByteArray("content_block_start")
        << QByteArray(R"({"type":"content_block_start","index":0,)"
                      R"("content_block":{"type":"redacted_thinking","data":"EmwKAhgB"}})")
        << C << n << n << n;
    QTest::newRow("server tool use start")
        << QByteArray("content_block_start")
        << QByteArray(
               R"({"type":"content_block_start","index":1,"content_block":)"
               R"({"type":"server_tool_use","id":"srvtoolu_1","name":"web_search","input":{}}})")
        << C << n << n << n;
    QTest::newRow("empty thinking start")
        << QByteArray("content_block_start")
        << QByteArray(R"({"type":"content_block_start","index":0,)"
                      R"("content_block":{"type":"thinking","thinking":""}})")
        << O << n << n << n;
    QTest::newRow("ping") << QByteArray("ping") << QByteArray(R"({"type": "ping"})") << O << n << n
                          << n;
    QTest::newRow("unknown event") << QByteArray("future_event")
                                   << QByteArray(R"({"type":"future_event"})") << O << n << n << n;
    QTest::newRow("garbage without name")
        << QByteArray() << QByteArray("not json") << O << n << n << n;
}

void TestAnthropic::classifyEvent()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, data);
    QFETCH(StreamEventKind, kind);
    QFETCH(qint64, input);
    QFETCH(qint64, output);
    QFETCH(qint64, cached);

    TokenUsage usage;
    QCOMPARE(AnthropicMessages::classifyStreamEvent(makeEvent(name, data), &usage), kind);
    QCOMPARE(usage.inputTokens, input);
    QCOMPARE(usage.outputTokens, output);
    QCOMPARE(usage.cachedTokens, cached);
    // A null usage pointer is allowed.
    QCOMPARE(AnthropicMessages::classifyStreamEvent(makeEvent(name, data), nullptr), kind);
}

void TestAnthropic::errorMessageFromBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("type");

    QTest::newRow("reference not found")
        << fixture(QStringLiteral("error-not-found.json"))
        << QStringLiteral("The requested resource could not be found.")
        << QStringLiteral("not_found_error");
    QTest::newRow("reference prefill") << fixture(QStringLiteral("error-prefill.json"))
                                       << QStringLiteral("This model does not support assistant "
                                                         "message prefill. The conversation must "
                                                         "end with a user message.")
                                       << QStringLiteral("invalid_request_error");
    QTest::newRow("reference stream error data")
        << parseStream(fixture(QStringLiteral("stream-error-overloaded.sse"))).value(0).data
        << QStringLiteral("Overloaded") << QStringLiteral("overloaded_error");
    QTest::newRow("with request_id") << QByteArray(
        R"({"type":"error","error":{"type":"rate_limit_error","message":"Slow down"},"request_id":"req_1"})")
                                     << QStringLiteral("Slow down")
                                     << QStringLiteral("rate_limit_error");
    QTest::newRow("empty message falls back to type")
        << QByteArray(R"({"type":"error","error":{"type":"api_error","message":""}})")
        << QStringLiteral("api_error") << QStringLiteral("api_error");
    QTest::newRow("openai shape") << QByteArray(R"({"error":{"message":"bad key","type":null}})")
                                  << QStringLiteral("bad key") << QString();
    QTest::newRow("top-level message")
        << QByteArray(R"({"message":"Forbidden"})") << QStringLiteral("Forbidden") << QString();
    QTest::newRow("error string") << QByteArray(R"({"error":"upstream down"})")
                                  << QStringLiteral("upstream down") << QString();
    QTest::newRow("html from a proxy")
        << QByteArray("\n<html><body>413 Request Entity Too Large</body></html>\n")
        << QStringLiteral("<html><body>413 Request Entity Too Large</body></html>") << QString();
    QTest::newRow("long text truncated")
        << QByteArray(600, 'x') << QString(500, QLatin1Char('x')) << QString();
}

void TestAnthropic::errorMessageFromBody()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    QFETCH(QString, type);

    QCOMPARE(AnthropicMessages::errorMessageFromBody(body), message);
    QCOMPARE(AnthropicMessages::errorTypeFromBody(body), type);
}

void TestAnthropic::errorBody_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("type");

    QTest::newRow("400") << 400 << QStringLiteral("invalid_request_error");
    QTest::newRow("401") << 401 << QStringLiteral("authentication_error");
    QTest::newRow("402") << 402 << QStringLiteral("billing_error");
    QTest::newRow("403") << 403 << QStringLiteral("permission_error");
    QTest::newRow("404") << 404 << QStringLiteral("not_found_error");
    QTest::newRow("405 other 4xx") << 405 << QStringLiteral("invalid_request_error");
    QTest::newRow("413") << 413 << QStringLiteral("request_too_large");
    QTest::newRow("429") << 429 << QStringLiteral("rate_limit_error");
    QTest::newRow("500") << 500 << QStringLiteral("api_error");
    QTest::newRow("502 gateway: all attempts failed") << 502 << QStringLiteral("api_error");
    QTest::newRow("503 gateway: no usable route") << 503 << QStringLiteral("overloaded_error");
    QTest::newRow("504") << 504 << QStringLiteral("timeout_error");
    QTest::newRow("529") << 529 << QStringLiteral("overloaded_error");
}

void TestAnthropic::errorBody()
{
    QFETCH(int, status);
    QFETCH(QString, type);

    const QString message = QStringLiteral("No route for \"claude\" \u2014 tried a, b\n");
    QCOMPARE(AnthropicMessages::errorTypeForStatus(status), type);
    const QByteArray body = AnthropicMessages::errorBody(status, message);
    const QJsonObject object = parseObject(body);
    QCOMPARE(object.keys(), QStringList({ QStringLiteral("error"), QStringLiteral("type") }));
    QCOMPARE(object.value(QStringLiteral("type")).toString(), QStringLiteral("error"));
    const QJsonObject error = object.value(QStringLiteral("error")).toObject();
    QCOMPARE(error.keys(), QStringList({ QStringLiteral("message"), QStringLiteral("type") }));
    QCOMPARE(error.value(QStringLiteral("type")).toString(), type);
    QCOMPARE(error.value(QStringLiteral("message")).toString(), message);
    // Our own parser reads it back.
    QCOMPARE(AnthropicMessages::errorMessageFromBody(body), message);
    QCOMPARE(AnthropicMessages::errorTypeFromBody(body), type);
}

void TestAnthropic::errorEventRoundTrip()
{
    const QString message = QStringLiteral("Overloaded");
    const QByteArray bytes = AnthropicMessages::errorEvent(529, message);
    QVERIFY(bytes.startsWith("event: error\ndata: {"));
    QVERIFY(bytes.endsWith("}\n\n"));
    QCOMPARE(bytes.count('\n'), 3);

    const QList<SseEvent> events = parseStream(bytes);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].event, QByteArray("error"));
    QCOMPARE(AnthropicMessages::classifyStreamEvent(events[0], nullptr), StreamEventKind::Error);
    QCOMPARE(AnthropicMessages::errorMessageFromBody(events[0].data), message);
    QCOMPARE(AnthropicMessages::errorTypeFromBody(events[0].data),
             QStringLiteral("overloaded_error"));
    // Same content as the reference's error event, modulo whitespace.
    const QList<SseEvent> reference
        = parseStream(fixture(QStringLiteral("stream-error-overloaded.sse")));
    QCOMPARE(parseObject(events[0].data), parseObject(reference.value(0).data));
}

void TestAnthropic::modelList()
{
    const QByteArray json = AnthropicMessages::modelList(
        { QStringLiteral("claude-sonnet-4-5"), QStringLiteral("my \"alias\"") }, 1740000000);
    const QJsonObject object = parseObject(json);
    QCOMPARE(object.keys(),
             QStringList({ QStringLiteral("data"), QStringLiteral("first_id"),
                           QStringLiteral("has_more"), QStringLiteral("last_id") }));
    QCOMPARE(object.value(QStringLiteral("has_more")).toBool(true), false);
    QCOMPARE(object.value(QStringLiteral("first_id")).toString(),
             QStringLiteral("claude-sonnet-4-5"));
    QCOMPARE(object.value(QStringLiteral("last_id")).toString(), QStringLiteral("my \"alias\""));
    const QJsonArray data = object.value(QStringLiteral("data")).toArray();
    QCOMPARE(data.size(), 2);
    const QJsonObject first = data[0].toObject();
    QCOMPARE(first.keys(),
             QStringList({ QStringLiteral("created_at"), QStringLiteral("display_name"),
                           QStringLiteral("id"), QStringLiteral("type") }));
    QCOMPARE(first.value(QStringLiteral("type")).toString(), QStringLiteral("model"));
    QCOMPARE(first.value(QStringLiteral("id")).toString(), QStringLiteral("claude-sonnet-4-5"));
    QCOMPARE(first.value(QStringLiteral("display_name")).toString(),
             QStringLiteral("claude-sonnet-4-5"));
    QCOMPARE(first.value(QStringLiteral("created_at")).toString(),
             QStringLiteral("2025-02-19T21:20:00Z"));

    const QJsonObject empty = parseObject(AnthropicMessages::modelList({}));
    QVERIFY(empty.value(QStringLiteral("data")).toArray().isEmpty());
    QVERIFY(empty.value(QStringLiteral("first_id")).isNull());
    QVERIFY(empty.value(QStringLiteral("last_id")).isNull());
    const QJsonObject epoch = parseObject(AnthropicMessages::modelList({ QStringLiteral("m") }));
    QCOMPARE(epoch.value(QStringLiteral("data"))[0][QStringLiteral("created_at")].toString(),
             QStringLiteral("1970-01-01T00:00:00Z"));
}

void TestAnthropic::pathsAndHeaders()
{
    QCOMPARE(AnthropicMessages::upstreamPath(QStringLiteral("claude-x"), false),
             QStringLiteral("/v1/messages"));
    QCOMPARE(AnthropicMessages::upstreamPath(QStringLiteral("claude-x"), true),
             QStringLiteral("/v1/messages"));
    QCOMPARE(AnthropicMessages::defaultApiVersion(), QByteArray("2023-06-01"));

    QVERIFY(AnthropicMessages::isPassThroughRequestHeader("anthropic-version"));
    QVERIFY(AnthropicMessages::isPassThroughRequestHeader("Anthropic-Beta"));
    QVERIFY(
        AnthropicMessages::isPassThroughRequestHeader("anthropic-dangerous-direct-browser-access"));
    QVERIFY(!AnthropicMessages::isPassThroughRequestHeader("x-api-key"));
    QVERIFY(!AnthropicMessages::isPassThroughRequestHeader("authorization"));
    QVERIFY(!AnthropicMessages::isPassThroughRequestHeader("anthropic"));

    QVERIFY(AnthropicMessages::isPassThroughResponseHeader("request-id"));
    QVERIFY(AnthropicMessages::isPassThroughResponseHeader("Retry-After"));
    QVERIFY(AnthropicMessages::isPassThroughResponseHeader("anthropic-ratelimit-tokens-remaining"));
    QVERIFY(!AnthropicMessages::isPassThroughResponseHeader("set-cookie"));
    QVERIFY(!AnthropicMessages::isPassThroughResponseHeader("content-length"));
}

QTEST_GUILESS_MAIN(TestAnthropic)
#include "tst_providers_anthropic.moc"
