#include "openai/openaichat.h"
#include "sse/sseparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using OpenAiChat::StreamEventKind;

Q_DECLARE_METATYPE(StreamEventKind)

namespace {

// A chunk of a chat completion stream as in the reference's "chat completion chunk object".
QByteArray chunk(const QByteArray &choices, const QByteArray &tail = {})
{
    return "{\"id\":\"chatcmpl-123\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,"
           "\"model\":\"gpt-4o-mini\",\"system_fingerprint\":\"fp_44709d6fcb\",\"choices\":"
        + choices + tail + '}';
}

QJsonObject parseObject(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return {};
    return doc.object();
}

} // namespace

class TestOpenAiChat final : public QObject
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
    void classify_data();
    void classify();
    void errorMessageFromBody_data();
    void errorMessageFromBody();
    void errorBody();
    void errorEventRoundTrip();
    void modelList();
};

void TestOpenAiChat::inspectRequest_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<bool>("clientIncludeUsage");
    QTest::addColumn<QString>("error");

    QTest::newRow("minimal") << QByteArray(
        "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                             << true << QStringLiteral("gpt-4o") << false << false << QString();
    QTest::newRow("stream true") << QByteArray(
        "{\"stream\": true, \"model\": \"gpt-4o-mini\", \"messages\": []}")
                                 << true << QStringLiteral("gpt-4o-mini") << true << false
                                 << QString();
    QTest::newRow("stream null") << QByteArray("{\"model\":\"m\",\"stream\":null}") << true
                                 << QStringLiteral("m") << false << false << QString();
    QTest::newRow("include_usage asked")
        << QByteArray(
               "{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}")
        << true << QStringLiteral("m") << true << true << QString();
    QTest::newRow("escaped model")
        << QByteArray("{\"model\":\"caf\\u00e9\"}") << true << QString::fromUtf8("caf\xC3\xA9")
        << false << false << QString();
    QTest::newRow("not json") << QByteArray("model=gpt") << false << QString() << false << false
                              << QStringLiteral("The request body is not a valid JSON object: "
                                                "unexpected character 'm' at offset 0");
    QTest::newRow("array") << QByteArray("[{\"model\":\"m\"}]") << false << QString() << false
                           << false
                           << QStringLiteral("The request body is not a valid JSON object: "
                                             "unexpected character '[' at offset 0");
    QTest::newRow("truncated") << QByteArray("{\"model\":\"m\"") << false << QString() << false
                               << false
                               << QStringLiteral("The request body is not a valid JSON object: "
                                                 "unexpected end of input at offset 12");
    QTest::newRow("missing model")
        << QByteArray("{\"messages\":[]}") << false << QString() << false << false
        << QStringLiteral("Missing required parameter: 'model'.");
    QTest::newRow("nested model does not count")
        << QByteArray("{\"x\":{\"model\":\"m\"}}") << false << QString() << false << false
        << QStringLiteral("Missing required parameter: 'model'.");
    QTest::newRow("model number") << QByteArray("{\"model\":4}") << false << QString() << false
                                  << false
                                  << QStringLiteral("Invalid type for 'model': expected a string.");
    QTest::newRow("model empty") << QByteArray("{\"model\":\"\"}") << false << QString() << false
                                 << false
                                 << QStringLiteral(
                                        "Invalid value for 'model': it must not be empty.");
    QTest::newRow("stream string")
        << QByteArray("{\"model\":\"m\",\"stream\":\"yes\"}") << false << QString() << false
        << false << QStringLiteral("Invalid type for 'stream': expected a boolean.");
}

void TestOpenAiChat::inspectRequest()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QFETCH(QString, model);
    QFETCH(bool, stream);
    QFETCH(bool, clientIncludeUsage);
    QFETCH(QString, error);

    QString message;
    const std::optional<OpenAiChat::RequestInfo> info = OpenAiChat::inspectRequest(body, &message);
    QCOMPARE(info.has_value(), ok);
    QCOMPARE(message, error);
    if (ok) {
        QCOMPARE(info->model, model);
        QCOMPARE(info->stream, stream);
        QCOMPARE(info->clientIncludeUsage, clientIncludeUsage);
        QVERIFY(info->members.find("model"));
    }
}

void TestOpenAiChat::upstreamBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("upstreamModel");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("model replaced, every other byte kept")
        << QByteArray("{\n  \"model\": \"gpt-4o-mini\",\n  \"messages\": [{\"role\": \"user\", "
                      "\"content\": \"H\\u00e9 \\\"x\\\"\"}],\n  \"temperature\": 0.70,\n  "
                      "\"stream\": false\n}")
        << QStringLiteral("gpt-4o-mini-2024-07-18")
        << QByteArray("{\n  \"model\": \"gpt-4o-mini-2024-07-18\",\n  \"messages\": [{\"role\": "
                      "\"user\", \"content\": \"H\\u00e9 \\\"x\\\"\"}],\n  \"temperature\": "
                      "0.70,\n  \"stream\": false\n}");
    QTest::newRow("stream gets stream_options")
        << QByteArray("{\"model\":\"a\",\"stream\":true,\"messages\":[]}") << QStringLiteral("b")
        << QByteArray("{\"model\":\"b\",\"stream\":true,\"messages\":[],"
                      "\"stream_options\":{\"include_usage\":true}}");
    QTest::newRow("stream, same model: only stream_options")
        << QByteArray("{\"model\":\"a\",\"stream\":true}") << QStringLiteral("a")
        << QByteArray(
               "{\"model\":\"a\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
    QTest::newRow("include_usage merged into existing stream_options")
        << QByteArray("{\"model\":\"a\",\"stream_options\": {\"include_obfuscation\": false},"
                      "\"stream\":true}")
        << QStringLiteral("a")
        << QByteArray("{\"model\":\"a\",\"stream_options\": {\"include_obfuscation\": "
                      "false,\"include_usage\":true},\"stream\":true}");
    QTest::newRow("include_usage false turned true")
        << QByteArray("{\"model\":\"a\",\"stream\":true,\"stream_options\":{\"include_usage\": "
                      "false, \"x\": 1}}")
        << QStringLiteral("a")
        << QByteArray("{\"model\":\"a\",\"stream\":true,\"stream_options\":{\"include_usage\": "
                      "true, \"x\": 1}}");
    QTest::newRow("null stream_options replaced")
        << QByteArray("{\"model\":\"a\",\"stream\":true,\"stream_options\":null}")
        << QStringLiteral("a")
        << QByteArray(
               "{\"model\":\"a\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
    QTest::newRow("invalid stream_options left for the upstream")
        << QByteArray("{\"model\":\"a\",\"stream\":true,\"stream_options\":\"x\"}")
        << QStringLiteral("b")
        << QByteArray("{\"model\":\"b\",\"stream\":true,\"stream_options\":\"x\"}");
    QTest::newRow("non-stream keeps stream_options as sent")
        << QByteArray("{\"model\":\"a\",\"stream_options\":null}") << QStringLiteral("b")
        << QByteArray("{\"model\":\"b\",\"stream_options\":null}");
    QTest::newRow("model needing escapes")
        << QByteArray("{\"model\":\"a\"}") << QStringLiteral("org/\"m\"")
        << QByteArray("{\"model\":\"org/\\\"m\\\"\"}");
    QTest::newRow("duplicate model collapsed")
        << QByteArray("{\"model\":\"a\",\"n\":1,\"model\":\"evil\"}") << QStringLiteral("a")
        << QByteArray("{\"model\":\"a\",\"n\":1}");
    QTest::newRow("duplicate stream collapsed to the value acted on")
        << QByteArray("{\"model\":\"a\",\"stream\":false,\"stream\":true}") << QStringLiteral("a")
        << QByteArray("{\"model\":\"a\",\"stream\":false}");
}

void TestOpenAiChat::upstreamBody()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, upstreamModel);
    QFETCH(QByteArray, expected);

    QString error;
    const std::optional<OpenAiChat::RequestInfo> info = OpenAiChat::inspectRequest(body, &error);
    QVERIFY2(info, qPrintable(error));
    const QByteArray result = OpenAiChat::upstreamBody(body, *info, upstreamModel);
    QCOMPARE(result, expected);
    QCOMPARE(parseObject(result).value(QLatin1String("model")).toString(), upstreamModel);
}

void TestOpenAiChat::upstreamBodyUnchangedIsShared()
{
    const QByteArray body
        = "{\"model\":\"a\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}";
    const std::optional<OpenAiChat::RequestInfo> info = OpenAiChat::inspectRequest(body, nullptr);
    QVERIFY(info);
    const QByteArray result = OpenAiChat::upstreamBody(body, *info, QStringLiteral("a"));
    QCOMPARE(result, body);
    QVERIFY(result.constData() == body.constData());
}

void TestOpenAiChat::usageFromResponse_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qint64>("input");
    QTest::addColumn<qint64>("output");
    QTest::addColumn<qint64>("cached");

    QTest::newRow("reference chat.completion") << QByteArray(R"({
  "id": "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT",
  "object": "chat.completion",
  "created": 1741569952,
  "model": "gpt-4.1-2025-04-14",
  "choices": [
    {
      "index": 0,
      "message": {
        "role": "assistant",
        "content": "Hello! How can I assist you today?",
        "refusal": null,
        "annotations": []
      },
      "logprobs": null,
      "finish_reason": "stop"
    }
  ],
  "usage": {
    "prompt_tokens": 19,
    "completion_tokens": 10,
    "total_tokens": 29,
    "prompt_tokens_details": {
      "cached_tokens": 3,
      "audio_tokens": 0
    },
    "completion_tokens_details": {
      "reasoning_tokens": 0,
      "audio_tokens": 0,
      "accepted_prediction_tokens": 0,
      "rejected_prediction_tokens": 0
    }
  },
  "service_tier": "default"
})") << qint64(19) << qint64(10) << qint64(3);
    QTest::newRow("no details") << QByteArray(
        "{\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":7}}")
                                << qint64(5) << qint64(7) << qint64(-1);
    QTest::newRow("null details") << QByteArray(
        "{\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":0,"
        "\"prompt_tokens_details\":null}}")
                                  << qint64(5) << qint64(0) << qint64(-1);
    QTest::newRow("no usage") << QByteArray("{\"choices\":[]}") << qint64(-1) << qint64(-1)
                              << qint64(-1);
    QTest::newRow("null usage") << QByteArray("{\"usage\":null}") << qint64(-1) << qint64(-1)
                                << qint64(-1);
    QTest::newRow("nested usage is not the response's")
        << QByteArray("{\"x\":{\"usage\":{\"prompt_tokens\":5}}}") << qint64(-1) << qint64(-1)
        << qint64(-1);
    QTest::newRow("not json") << QByteArray("<html>502</html>") << qint64(-1) << qint64(-1)
                              << qint64(-1);
}

void TestOpenAiChat::usageFromResponse()
{
    QFETCH(QByteArray, body);
    QFETCH(qint64, input);
    QFETCH(qint64, output);
    QFETCH(qint64, cached);
    const TokenUsage usage = OpenAiChat::usageFromResponse(body);
    QCOMPARE(usage.inputTokens, input);
    QCOMPARE(usage.outputTokens, output);
    QCOMPARE(usage.cachedTokens, cached);
}

void TestOpenAiChat::classify_data()
{
    QTest::addColumn<QByteArray>("eventName");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<StreamEventKind>("kind");
    QTest::addColumn<qint64>("input");
    QTest::addColumn<qint64>("output");
    QTest::addColumn<qint64>("cached");

    auto row = [](const char *name, const QByteArray &data, StreamEventKind kind, qint64 input = -1,
                  qint64 output = -1, qint64 cached = -1) {
        QTest::newRow(name) << QByteArray() << data << kind << input << output << cached;
    };
    row("first chunk: role only",
        chunk("[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,"
              "\"finish_reason\":null}]"),
        StreamEventKind::Other);
    row("content",
        chunk("[{\"index\":0,\"delta\":{\"content\":\"Hello\"},\"logprobs\":null,"
              "\"finish_reason\":null}]"),
        StreamEventKind::Content);
    row("content with usage null",
        chunk("[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]",
              ",\"usage\":null"),
        StreamEventKind::Content);
    row("finish reason only",
        chunk("[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}]"),
        StreamEventKind::Content);
    row("tool call start",
        chunk("[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":"
              "[{\"index\":0,\"id\":\"call_abc123\",\"type\":\"function\",\"function\":{\"name\":"
              "\"get_weather\",\"arguments\":\"\"}}]},\"logprobs\":null,\"finish_reason\":null}]"),
        StreamEventKind::Content);
    row("tool call arguments",
        chunk("[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":"
              "\"{\\\"loc\"}}]},\"logprobs\":null,\"finish_reason\":null}]"),
        StreamEventKind::Content);
    row("finish reason tool_calls",
        chunk("[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"tool_calls\"}]"),
        StreamEventKind::Content);
    row("empty tool_calls is no output",
        chunk("[{\"index\":0,\"delta\":{\"tool_calls\":[]},\"finish_reason\":null}]"),
        StreamEventKind::Other);
    row("legacy function_call",
        chunk("[{\"index\":0,\"delta\":{\"function_call\":{\"arguments\":\"{\"}},"
              "\"finish_reason\":null}]"),
        StreamEventKind::Content);
    row("refusal",
        chunk("[{\"index\":0,\"delta\":{\"refusal\":\"I can't\"},\"finish_reason\":null}]"),
        StreamEventKind::Content);
    row("reasoning_content",
        chunk("[{\"index\":0,\"delta\":{\"content\":null,\"reasoning_content\":\"Let me\"},"
              "\"finish_reason\":null}]"),
        StreamEventKind::Content);
    row("second choice carries content",
        chunk("[{\"index\":0,\"delta\":{\"content\":\"\"},\"finish_reason\":null},"
              "{\"index\":1,\"delta\":{\"content\":\"B\"},\"finish_reason\":null}]"),
        StreamEventKind::Content);
    row("usage chunk with empty choices",
        chunk("[]",
              ",\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":12,\"total_tokens\":21,"
              "\"prompt_tokens_details\":{\"cached_tokens\":4}}"),
        StreamEventKind::Usage, 9, 12, 4);
    row("content and usage together",
        chunk("[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]",
              ",\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2}"),
        StreamEventKind::Content, 3, 2, -1);
    row("done", "[DONE]", StreamEventKind::Done);
    row("error object",
        "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\","
        "\"param\":null,\"code\":null}}",
        StreamEventKind::Error);
    row("error null is not an error",
        chunk("[{\"index\":0,\"delta\":{\"content\":\"x\"}}]", ",\"error\":null"),
        StreamEventKind::Content);
    row("not json", "keep-alive", StreamEventKind::Other);
    row("empty data", "", StreamEventKind::Other);
    QTest::newRow("event named error")
        << QByteArray("error") << QByteArray("{\"message\":\"overloaded\"}")
        << StreamEventKind::Error << qint64(-1) << qint64(-1) << qint64(-1);
}

void TestOpenAiChat::classify()
{
    QFETCH(QByteArray, eventName);
    QFETCH(QByteArray, data);
    QFETCH(StreamEventKind, kind);
    QFETCH(qint64, input);
    QFETCH(qint64, output);
    QFETCH(qint64, cached);

    TokenUsage usage;
    QCOMPARE(OpenAiChat::classifyStreamEvent(SseEvent { eventName, data, {} }, &usage), kind);
    QCOMPARE(usage.inputTokens, input);
    QCOMPARE(usage.outputTokens, output);
    QCOMPARE(usage.cachedTokens, cached);
    // A null usage pointer is allowed.
    QCOMPARE(OpenAiChat::classifyStreamEvent(SseEvent { eventName, data, {} }, nullptr), kind);
}

void TestOpenAiChat::errorMessageFromBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");

    QTest::newRow("openai error") << QByteArray(
        "{\"error\":{\"message\":\"Incorrect API key provided: sk-abc.\","
        "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}")
                                  << QStringLiteral("Incorrect API key provided: sk-abc.");
    QTest::newRow("error string") << QByteArray("{\"error\":\"Model not found\"}")
                                  << QStringLiteral("Model not found");
    QTest::newRow("wrapped in array")
        << QByteArray("[{\"error\":{\"code\":429,\"message\":\"Resource exhausted\","
                      "\"status\":\"RESOURCE_EXHAUSTED\"}}]")
        << QStringLiteral("Resource exhausted");
    QTest::newRow("top-level message")
        << QByteArray("{\"message\":\"Internal error\"}") << QStringLiteral("Internal error");
    QTest::newRow("escaped message") << QByteArray("{\"error\":{\"message\":\"a\\nb \\u00e9\"}}")
                                     << QString::fromUtf8("a\nb \xC3\xA9");
    QTest::newRow("plain text") << QByteArray("  Bad Gateway\n") << QStringLiteral("Bad Gateway");
    QTest::newRow("json without message")
        << QByteArray("{\"detail\":\"x\"}") << QStringLiteral("{\"detail\":\"x\"}");
    QTest::newRow("empty") << QByteArray() << QString();
}

void TestOpenAiChat::errorMessageFromBody()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    QCOMPARE(OpenAiChat::errorMessageFromBody(body), message);
}

void TestOpenAiChat::errorBody()
{
    QCOMPARE(OpenAiChat::errorBody(QStringLiteral("No route for model 'x'."),
                                   QStringLiteral("invalid_request_error"),
                                   QStringLiteral("model_not_found")),
             QByteArray("{\"error\":{\"message\":\"No route for model 'x'.\",\"type\":"
                        "\"invalid_request_error\",\"param\":null,\"code\":\"model_not_found\"}}"));
    const QByteArray body
        = OpenAiChat::errorBody(QStringLiteral("say \"hi\"\n"), QStringLiteral("server_error"));
    const QJsonObject error = parseObject(body).value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("message")).toString(), QStringLiteral("say \"hi\"\n"));
    QCOMPARE(error.value(QLatin1String("type")).toString(), QStringLiteral("server_error"));
    QVERIFY(error.value(QLatin1String("param")).isNull());
    QVERIFY(error.value(QLatin1String("code")).isNull());
    QCOMPARE(OpenAiChat::errorMessageFromBody(body), QStringLiteral("say \"hi\"\n"));

    // Long plain text is cut to 500 characters.
    const QByteArray longText(600, 'x');
    QCOMPARE(OpenAiChat::errorMessageFromBody(longText).size(), 500);
}

void TestOpenAiChat::errorEventRoundTrip()
{
    const QByteArray event
        = OpenAiChat::errorEvent(QStringLiteral("upstream broke\nmid-stream"),
                                 QStringLiteral("server_error"), QStringLiteral("upstream_error"));
    QVERIFY(event.startsWith("data: {"));
    QVERIFY(event.endsWith("}\n\n"));
    SseParser parser;
    QList<SseEvent> events;
    parser.feed(event, events);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].data,
             OpenAiChat::errorBody(QStringLiteral("upstream broke\nmid-stream"),
                                   QStringLiteral("server_error"),
                                   QStringLiteral("upstream_error")));
    QCOMPARE(OpenAiChat::classifyStreamEvent(events[0], nullptr), StreamEventKind::Error);
}

void TestOpenAiChat::modelList()
{
    QCOMPARE(OpenAiChat::modelList({}, 1700000000, QStringLiteral("llm-orchestrator")),
             QByteArray("{\"object\":\"list\",\"data\":[]}"));
    const QByteArray list
        = OpenAiChat::modelList({ QStringLiteral("gpt-4o"), QStringLiteral("claude \"x\"") },
                                1700000000, QStringLiteral("llm-orchestrator"));
    QCOMPARE(list,
             QByteArray("{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o\",\"object\":\"model\","
                        "\"created\":1700000000,\"owned_by\":\"llm-orchestrator\"},{\"id\":"
                        "\"claude \\\"x\\\"\",\"object\":\"model\",\"created\":1700000000,"
                        "\"owned_by\":\"llm-orchestrator\"}]}"));
    const QJsonArray data = parseObject(list).value(QLatin1String("data")).toArray();
    QCOMPARE(data.size(), 2);
    QCOMPARE(data[1].toObject().value(QLatin1String("id")).toString(),
             QStringLiteral("claude \"x\""));
}

QTEST_GUILESS_MAIN(TestOpenAiChat)
#include "tst_providers_openaichat.moc"
