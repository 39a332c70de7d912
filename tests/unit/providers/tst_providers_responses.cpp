// OpenAI Responses adapter: request validation and rewrite, usage of Response objects, error
// bodies and events, models list. Stream classification: tst_providers_responses_stream.cpp.
#include "responses/openairesponses.h"
#include "sse/sseparser.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using OpenAiResponses::StreamEventKind;

Q_DECLARE_METATYPE(StreamEventKind)

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

} // namespace

class TestOpenAiResponses final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inspectRequest_data();
    void inspectRequest();
    void upstreamBody_data();
    void upstreamBody();
    void upstreamBodyKeepsCodexRequest();
    void upstreamBodyUnchangedIsShared();
    void usageFromResponse_data();
    void usageFromResponse();
    void errorMessageFromBody_data();
    void errorMessageFromBody();
    void errorBody_data();
    void errorBody();
    void errorEvent();
    void failedEvent();
    void modelList();
    void upstreamPath();
};

void TestOpenAiResponses::inspectRequest_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<bool>("store");
    QTest::addColumn<QString>("previousResponseId");
    QTest::addColumn<QString>("error");

    auto valid = [](const char *name, const QByteArray &body, const char *model, bool stream,
                    bool store = true, const char *previous = "") {
        QTest::newRow(name) << body << true << QString::fromUtf8(model) << stream << store
                            << QString::fromUtf8(previous) << QString();
    };
    auto invalid = [](const char *name, const QByteArray &body, const char *error) {
        QTest::newRow(name) << body << false << QString() << false << true << QString()
                            << QString::fromUtf8(error);
    };
    valid("reference default", fixture("create-request.json"), "gpt-4.1", false);
    valid("reference streaming", fixture("create-request-stream.json"), "gpt-4.1", true);
    valid("reference image input", fixture("create-request-image.json"), "gpt-4.1", false);
    valid("codex", fixture("create-request-codex.json"), "gpt-5-codex", true, false);
    valid("previous_response_id",
          "{\"model\":\"gpt-4.1\",\"previous_response_id\":\"resp_abc\",\"input\":[]}", "gpt-4.1",
          false, true, "resp_abc");
    valid("nulls count as absent",
          "{\"model\":\"m\",\"stream\":null,\"store\":null,\"input\":null,"
          "\"previous_response_id\":null}",
          "m", false);
    valid("input absent (prompt / conversation)",
          "{\"model\":\"m\",\"prompt\":{\"id\":\"pmpt_1\"}}", "m", false);
    valid("escaped model", "{\"model\":\"caf\\u00e9\",\"input\":\"x\"}", "caf\xC3\xA9", false);
    invalid("not json", "model=gpt",
            "The request body is not a valid JSON object: unexpected character 'm' at offset 0");
    invalid("array", "[{\"model\":\"m\"}]",
            "The request body is not a valid JSON object: unexpected character '[' at offset 0");
    invalid("missing model", "{\"input\":\"Hello!\"}", "Missing required parameter: 'model'.");
    invalid("nested model does not count", "{\"x\":{\"model\":\"m\"},\"input\":\"x\"}",
            "Missing required parameter: 'model'.");
    invalid("model number", "{\"model\":4,\"input\":\"x\"}",
            "Invalid type for 'model': expected a string.");
    invalid("model empty", "{\"model\":\"\",\"input\":\"x\"}",
            "Invalid value for 'model': it must not be empty.");
    invalid("stream string", "{\"model\":\"m\",\"input\":\"x\",\"stream\":\"true\"}",
            "Invalid type for 'stream': expected a boolean.");
    invalid("input number", "{\"model\":\"m\",\"input\":42}",
            "Invalid type for 'input': expected a string or an array.");
    invalid("input object", "{\"model\":\"m\",\"input\":{\"role\":\"user\"}}",
            "Invalid type for 'input': expected a string or an array.");
    invalid("input bool", "{\"model\":\"m\",\"input\":true}",
            "Invalid type for 'input': expected a string or an array.");
    invalid("previous_response_id number", "{\"model\":\"m\",\"previous_response_id\":7}",
            "Invalid type for 'previous_response_id': expected a string.");
    invalid("store string", "{\"model\":\"m\",\"store\":\"no\"}",
            "Invalid type for 'store': expected a boolean.");
}

void TestOpenAiResponses::inspectRequest()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QFETCH(QString, model);
    QFETCH(bool, stream);
    QFETCH(bool, store);
    QFETCH(QString, previousResponseId);
    QFETCH(QString, error);

    QString message;
    const std::optional<OpenAiResponses::RequestInfo> info
        = OpenAiResponses::inspectRequest(body, &message);
    QCOMPARE(info.has_value(), ok);
    QCOMPARE(message, error);
    if (ok) {
        QCOMPARE(info->model, model);
        QCOMPARE(info->stream, stream);
        QCOMPARE(info->store, store);
        QCOMPARE(info->previousResponseId, previousResponseId);
        QVERIFY(info->members.find("model"));
    }
    // A null error pointer is allowed.
    QCOMPARE(OpenAiResponses::inspectRequest(body, nullptr).has_value(), ok);
}

void TestOpenAiResponses::upstreamBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("upstreamModel");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray reference = fixture("create-request.json");
    QByteArray referenceExpected = reference;
    referenceExpected.replace("\"model\": \"gpt-4.1\"", "\"model\": \"gpt-4.1-2025-04-14\"");
    QTest::newRow("reference default: model replaced, whitespace kept")
        << reference << QStringLiteral("gpt-4.1-2025-04-14") << referenceExpected;

    const QByteArray streaming = fixture("create-request-stream.json");
    QByteArray streamingExpected = streaming;
    streamingExpected.replace("\"model\": \"gpt-4.1\"", "\"model\": \"gpt-4o\"");
    QTest::newRow("streaming: nothing added (usage comes with response.completed)")
        << streaming << QStringLiteral("gpt-4o") << streamingExpected;

    QTest::newRow("previous_response_id passed through untouched")
        << QByteArray("{\"previous_response_id\": \"resp_68af\\u0031\", \"model\":\"a\","
                      "\"input\":[{\"type\":\"function_call_output\",\"call_id\":\"c\","
                      "\"output\":\"{}\"}]}")
        << QStringLiteral("b")
        << QByteArray("{\"previous_response_id\": \"resp_68af\\u0031\", \"model\":\"b\","
                      "\"input\":[{\"type\":\"function_call_output\",\"call_id\":\"c\","
                      "\"output\":\"{}\"}]}");
    QTest::newRow("model needing escapes")
        << QByteArray("{\"model\":\"a\",\"input\":\"x\"}") << QStringLiteral("org/\"m\"")
        << QByteArray("{\"model\":\"org/\\\"m\\\"\",\"input\":\"x\"}");
    QTest::newRow("duplicate model collapsed")
        << QByteArray("{\"model\":\"a\",\"input\":\"x\",\"model\":\"evil\"}") << QStringLiteral("a")
        << QByteArray("{\"model\":\"a\",\"input\":\"x\"}");
    QTest::newRow("duplicate stream collapsed to the value acted on")
        << QByteArray("{\"model\":\"a\",\"stream\":true,\"input\":\"x\",\"stream\":false}")
        << QStringLiteral("a") << QByteArray("{\"model\":\"a\",\"stream\":true,\"input\":\"x\"}");
}

void TestOpenAiResponses::upstreamBody()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, upstreamModel);
    QFETCH(QByteArray, expected);

    QString error;
    const std::optional<OpenAiResponses::RequestInfo> info
        = OpenAiResponses::inspectRequest(body, &error);
    QVERIFY2(info, qPrintable(error));
    const QByteArray result = OpenAiResponses::upstreamBody(body, *info, upstreamModel);
    QCOMPARE(result, expected);
    QCOMPARE(parseObject(result).value(QLatin1String("model")).toString(), upstreamModel);
}

void TestOpenAiResponses::upstreamBodyKeepsCodexRequest()
{
    const QByteArray body = fixture("create-request-codex.json");
    const std::optional<OpenAiResponses::RequestInfo> info
        = OpenAiResponses::inspectRequest(body, nullptr);
    QVERIFY(info);
    const QByteArray result = OpenAiResponses::upstreamBody(body, *info, QStringLiteral("gpt-5"));

    // Byte for byte the same apart from the model value.
    QByteArray expected = body;
    QCOMPARE(expected.count("\"model\":\"gpt-5-codex\""), 1);
    expected.replace("\"model\":\"gpt-5-codex\"", "\"model\":\"gpt-5\"");
    QCOMPARE(result, expected);

    // What Codex relies on is still there, unchanged.
    const QJsonObject sent = parseObject(body);
    const QJsonObject forwarded = parseObject(result);
    QVERIFY(!forwarded.isEmpty());
    for (const char *key :
         { "instructions", "input", "tools", "tool_choice", "parallel_tool_calls", "reasoning",
           "store", "stream", "include", "prompt_cache_key", "text", "client_metadata" }) {
        const QString name = QLatin1String(key);
        QVERIFY2(forwarded.contains(name), key);
        QCOMPARE(forwarded.value(name), sent.value(name));
    }
    QCOMPARE(forwarded.value(QLatin1String("store")).toBool(true), false);
    QCOMPARE(forwarded.value(QLatin1String("include")).toArray().first().toString(),
             QStringLiteral("reasoning.encrypted_content"));
    const QJsonArray tools = forwarded.value(QLatin1String("tools")).toArray();
    QCOMPARE(tools.size(), 3);
    QCOMPARE(tools[1].toObject().value(QLatin1String("type")).toString(), QStringLiteral("custom"));
    QCOMPARE(tools[2].toObject().value(QLatin1String("type")).toString(),
             QStringLiteral("web_search"));
    QVERIFY(result.contains("\"encrypted_content\":\"gAAAAABo9Xk2"));
    QVERIFY(result.contains("projet-caf\xC3\xA9"));
}

void TestOpenAiResponses::upstreamBodyUnchangedIsShared()
{
    const QByteArray body = fixture("create-request-codex.json");
    const std::optional<OpenAiResponses::RequestInfo> info
        = OpenAiResponses::inspectRequest(body, nullptr);
    QVERIFY(info);
    const QByteArray result
        = OpenAiResponses::upstreamBody(body, *info, QStringLiteral("gpt-5-codex"));
    QCOMPARE(result, body);
    QVERIFY(result.constData() == body.constData());
}

void TestOpenAiResponses::usageFromResponse_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qint64>("input");
    QTest::addColumn<qint64>("output");
    QTest::addColumn<qint64>("cached");

    QTest::newRow("reference default")
        << fixture("response.json") << qint64(36) << qint64(87) << qint64(0);
    QTest::newRow("reference reasoning: reasoning tokens are part of output")
        << fixture("response-reasoning.json") << qint64(81) << qint64(1035) << qint64(0);
    QTest::newRow("reference functions: no input_tokens_details")
        << fixture("response-function-call.json") << qint64(291) << qint64(23) << qint64(-1);
    QTest::newRow("cached tokens") << QByteArray(
        "{\"object\":\"response\",\"usage\":{\"input_tokens\":2006,\"input_tokens_details\":"
        "{\"cached_tokens\":1920},\"output_tokens\":300,\"output_tokens_details\":"
        "{\"reasoning_tokens\":64},\"total_tokens\":2306}}")
                                   << qint64(2006) << qint64(300) << qint64(1920);
    QTest::newRow("null details") << QByteArray(
        "{\"usage\":{\"input_tokens\":5,\"output_tokens\":0,\"input_tokens_details\":null}}")
                                  << qint64(5) << qint64(0) << qint64(-1);
    QTest::newRow("chat completion usage names are not Responses'")
        << QByteArray("{\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":7}}") << qint64(-1)
        << qint64(-1) << qint64(-1);
    QTest::newRow("usage null (in progress)")
        << QByteArray("{\"status\":\"in_progress\",\"usage\":null}") << qint64(-1) << qint64(-1)
        << qint64(-1);
    QTest::newRow("nested usage is not the response's")
        << QByteArray("{\"x\":{\"usage\":{\"input_tokens\":5}}}") << qint64(-1) << qint64(-1)
        << qint64(-1);
    QTest::newRow("not json") << QByteArray("<html>502</html>") << qint64(-1) << qint64(-1)
                              << qint64(-1);
}

void TestOpenAiResponses::usageFromResponse()
{
    QFETCH(QByteArray, body);
    QFETCH(qint64, input);
    QFETCH(qint64, output);
    QFETCH(qint64, cached);
    const TokenUsage usage = OpenAiResponses::usageFromResponse(body);
    QCOMPARE(usage.inputTokens, input);
    QCOMPARE(usage.outputTokens, output);
    QCOMPARE(usage.cachedTokens, cached);
}

void TestOpenAiResponses::errorMessageFromBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");

    QTest::newRow("401 invalid key") << fixture("error-401.json")
                                     << QStringLiteral("Incorrect API key provided: "
                                                       "sk-abc*********************xyz1. You can "
                                                       "find your API key at "
                                                       "https://platform.openai.com/account/"
                                                       "api-keys.");
    QTest::newRow("403 region") << fixture("error-403.json")
                                << QStringLiteral("Country, region, or territory not supported");
    QTest::newRow("429 rate limit")
        << fixture("error-429.json")
        << QStringLiteral("Rate limit reached for gpt-4.1 in organization org-mock on requests "
                          "per min (RPM): Limit 3, Used 3, Requested 1. Please try again in "
                          "20s.");
    QTest::newRow("500") << fixture("error-500.json")
                         << QStringLiteral("The server had an error while processing your "
                                           "request. Sorry about that!");
    QTest::newRow("reference error event") << parseEvents(fixture("stream-error.sse")).last().data
                                           << QStringLiteral("Something went wrong");
    QTest::newRow("error event with nested error")
        << QByteArray("{\"type\":\"error\",\"error\":{\"code\":\"context_length_exceeded\","
                      "\"message\":\"Too long.\"},\"sequence_number\":2}")
        << QStringLiteral("Too long.");
    QTest::newRow("response.failed event")
        << parseEvents(fixture("stream-failed.sse")).last().data
        << QStringLiteral("Rate limit reached for gpt-5-codex in "
                          "organization org-mock on tokens per min "
                          "(TPM): Limit 30000, Used 30000, Requested "
                          "1217. Please try again in 2.434s.");
    QTest::newRow("plain text") << QByteArray("  Bad Gateway\n") << QStringLiteral("Bad Gateway");
    QTest::newRow("empty") << QByteArray() << QString();
}

void TestOpenAiResponses::errorMessageFromBody()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    QCOMPARE(OpenAiResponses::errorMessageFromBody(body), message);
}

void TestOpenAiResponses::errorBody_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QByteArray>("expected");

    auto row = [](const char *name, int status, const char *code, const char *type,
                  const char *expectedCode) {
        QTest::newRow(name) << status << QString::fromUtf8(code)
                            << QByteArray("{\"error\":{\"message\":\"m\",\"type\":\"") + type
                + "\",\"param\":null,\"code\":" + expectedCode + "}}";
    };
    row("400", 400, "", "invalid_request_error", "null");
    row("401 names the key", 401, "", "invalid_request_error", "\"invalid_api_key\"");
    row("403", 403, "", "request_forbidden", "null");
    row("404 with code", 404, "model_not_found", "invalid_request_error", "\"model_not_found\"");
    row("413", 413, "", "invalid_request_error", "null");
    row("429", 429, "", "requests", "\"rate_limit_exceeded\"");
    row("500", 500, "", "server_error", "null");
    row("502 with code", 502, "upstream_error", "server_error", "\"upstream_error\"");
    row("503", 503, "", "server_error", "null");
    row("504", 504, "", "server_error", "null");
}

void TestOpenAiResponses::errorBody()
{
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QByteArray, expected);

    QCOMPARE(OpenAiResponses::errorBody(status, QStringLiteral("m"), code), expected);
    QCOMPARE(OpenAiResponses::errorType(status),
             parseObject(expected)
                 .value(QLatin1String("error"))
                 .toObject()
                 .value(QLatin1String("type"))
                 .toString());

    const QString message = QStringLiteral("No route for \"x\"\nTried: a (502), b (timeout)");
    const QByteArray body = OpenAiResponses::errorBody(status, message, code);
    const QJsonObject error = parseObject(body).value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("message")).toString(), message);
    QVERIFY(error.value(QLatin1String("param")).isNull());
    QCOMPARE(OpenAiResponses::errorMessageFromBody(body), message);
}

void TestOpenAiResponses::errorEvent()
{
    QCOMPARE(OpenAiResponses::errorEvent(502, QStringLiteral("Upstream failed."), {}, 17),
             QByteArray("event: error\ndata: {\"type\":\"error\",\"code\":\"server_error\","
                        "\"message\":\"Upstream failed.\",\"param\":null,\"sequence_number\":17}"
                        "\n\n"));
    QCOMPARE(OpenAiResponses::errorEvent(400, QStringLiteral("Bad."), {}),
             QByteArray("event: error\ndata: {\"type\":\"error\",\"code\":null,\"message\":"
                        "\"Bad.\",\"param\":null,\"sequence_number\":0}\n\n"));

    const QString message = QStringLiteral("upstream broke\nmid-stream \"here\"");
    const QByteArray event = OpenAiResponses::errorEvent(429, message, {}, 9);
    const QList<SseEvent> events = parseEvents(event);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].event, QByteArray("error"));
    QVERIFY(!events[0].data.contains('\n')); // one data line
    QCOMPARE(OpenAiResponses::classifyStreamEvent(events[0], nullptr), StreamEventKind::Error);
    QCOMPARE(OpenAiResponses::errorMessageFromBody(events[0].data), message);
    QCOMPARE(OpenAiResponses::sequenceNumber(events[0]).value_or(-1), qint64(9));
    const QJsonObject data = parseObject(events[0].data);
    QCOMPARE(data.value(QLatin1String("type")).toString(), QStringLiteral("error"));
    QCOMPARE(data.value(QLatin1String("code")).toString(), QStringLiteral("rate_limit_exceeded"));
    // The reference example's members, in its order.
    QCOMPARE(data.keys().size(), 5);
    QVERIFY(events[0].data.startsWith("{\"type\":\"error\",\"code\":"));
}

void TestOpenAiResponses::failedEvent()
{
    QCOMPARE(OpenAiResponses::failedEvent(502, QStringLiteral("Upstream failed."), {}, 18,
                                          QStringLiteral("resp_1")),
             QByteArray("event: response.failed\ndata: {\"type\":\"response.failed\",\"response\":"
                        "{\"id\":\"resp_1\",\"object\":\"response\",\"status\":\"failed\","
                        "\"error\":{\"code\":\"server_error\",\"message\":\"Upstream failed.\"},"
                        "\"incomplete_details\":null,\"output\":[],\"usage\":null},"
                        "\"sequence_number\":18}\n\n"));

    const QByteArray event = OpenAiResponses::failedEvent(429, QStringLiteral("Slow down."));
    const QList<SseEvent> events = parseEvents(event);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].event, QByteArray("response.failed"));
    TokenUsage usage;
    QCOMPARE(OpenAiResponses::classifyStreamEvent(events[0], &usage), StreamEventKind::Error);
    QVERIFY(!usage.isKnown());
    QCOMPARE(OpenAiResponses::errorMessageFromBody(events[0].data), QStringLiteral("Slow down."));
    const QJsonObject response
        = parseObject(events[0].data).value(QLatin1String("response")).toObject();
    QCOMPARE(response.value(QLatin1String("status")).toString(), QStringLiteral("failed"));
    QCOMPARE(
        response.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
        QStringLiteral("rate_limit_exceeded"));
}

void TestOpenAiResponses::modelList()
{
    QCOMPARE(OpenAiResponses::modelList({}, 1700000000, QStringLiteral("llm-orchestrator")),
             QByteArray("{\"object\":\"list\",\"data\":[]}"));
    QCOMPARE(OpenAiResponses::modelList({ QStringLiteral("gpt-5-codex"), QStringLiteral("o\"3") },
                                        1700000000, QStringLiteral("llm-orchestrator")),
             QByteArray("{\"object\":\"list\",\"data\":[{\"id\":\"gpt-5-codex\",\"object\":"
                        "\"model\",\"created\":1700000000,\"owned_by\":\"llm-orchestrator\"},"
                        "{\"id\":\"o\\\"3\",\"object\":\"model\",\"created\":1700000000,"
                        "\"owned_by\":\"llm-orchestrator\"}]}"));
}

void TestOpenAiResponses::upstreamPath()
{
    QCOMPARE(OpenAiResponses::upstreamPath(QStringLiteral("gpt-4.1"), false),
             QStringLiteral("/responses"));
    QCOMPARE(OpenAiResponses::upstreamPath(QStringLiteral("o3/x y"), true),
             QStringLiteral("/responses"));
}

QTEST_GUILESS_MAIN(TestOpenAiResponses)
#include "tst_providers_responses.moc"
