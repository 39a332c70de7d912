#include "gemini/geminicontent.h"
#include "sse/sseparser.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using GeminiContent::StreamEventKind;

Q_DECLARE_METATYPE(StreamEventKind)
Q_DECLARE_METATYPE(QList<StreamEventKind>)

namespace {

QByteArray fixture(const char *name)
{
    QFile file(qEnvironmentVariable("LLMO_TEST_DATA") + QStringLiteral("/gemini/")
               + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll();
}

QList<SseEvent> sseEvents(const QByteArray &stream)
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

constexpr auto Content = StreamEventKind::Content;
constexpr auto Usage = StreamEventKind::Usage;
constexpr auto Error = StreamEventKind::Error;
constexpr auto Other = StreamEventKind::Other;

} // namespace

class TestGemini final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsePath_data();
    void parsePath();
    void inspectRequest_data();
    void inspectRequest();
    void upstreamBodyIsTheClientBody();
    void upstreamBodyRewritesAModelMember();
    void upstreamPath_data();
    void upstreamPath();
    void usageFromResponse_data();
    void usageFromResponse();
    void classifyStream_data();
    void classifyStream();
    void classifyEvent_data();
    void classifyEvent();
    void rawErrorAfterStreamIsNotAnEvent();
    void statusName_data();
    void statusName();
    void errorFromFixtures_data();
    void errorFromFixtures();
    void errorMessageFromBody_data();
    void errorMessageFromBody();
    void retryDelay_data();
    void retryDelay();
    void errorBodyRoundTrip();
    void errorEventRoundTrip();
    void modelList();
};

void TestGemini::parsePath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("method");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<bool>("sse");

    auto row = [](const char *name, const char *path, const char *query, bool ok, const char *model,
                  const char *method, bool stream, bool sse) {
        QTest::newRow(name) << QString::fromLatin1(path) << QString::fromLatin1(query) << ok
                            << QString::fromLatin1(model) << QString::fromLatin1(method) << stream
                            << sse;
    };
    row("generateContent", "gemini-2.0-flash:generateContent", "", true, "gemini-2.0-flash",
        "generateContent", false, false);
    row("stream with alt=sse", "gemini-2.5-flash:streamGenerateContent", "alt=sse", true,
        "gemini-2.5-flash", "streamGenerateContent", true, true);
    row("stream without alt: JSON array", "gemini-2.5-flash:streamGenerateContent", "", true,
        "gemini-2.5-flash", "streamGenerateContent", true, false);
    row("alt among other parameters", "gemini-2.5-flash:streamGenerateContent", "key=abc&alt=sse",
        true, "gemini-2.5-flash", "streamGenerateContent", true, true);
    row("inline query", "gemini-2.5-flash:streamGenerateContent?alt=sse&key=k", "", true,
        "gemini-2.5-flash", "streamGenerateContent", true, true);
    row("alt=json is not sse", "gemini-2.5-flash:streamGenerateContent", "alt=json", true,
        "gemini-2.5-flash", "streamGenerateContent", true, false);
    row("dots, dashes, digits, underscore", "learnlm-1.5-pro_experimental-001:generateContent", "",
        true, "learnlm-1.5-pro_experimental-001", "generateContent", false, false);
    row("models/ prefix of full resource names", "models/gemini-2.0-flash:generateContent", "",
        true, "gemini-2.0-flash", "generateContent", false, false);
    row("percent-encoded", "models%2Fgemini-2.0-flash%3AstreamGenerateContent", "alt=sse", true,
        "gemini-2.0-flash", "streamGenerateContent", true, true);
    row("countTokens is not a generation method", "gemini-2.0-flash:countTokens", "", false,
        "gemini-2.0-flash", "countTokens", false, false);
    row("unknown method", "gemini-2.0-flash:generate", "", false, "gemini-2.0-flash", "generate",
        false, false);
    row("no method (models.get)", "gemini-2.0-flash", "", false, "gemini-2.0-flash", "", false,
        false);
    row("empty model", ":generateContent", "", false, "", "generateContent", false, false);
    row("slash in model", "a/b:generateContent", "", false, "a/b", "generateContent", false, false);
    row("space in model", "gemini%20pro:generateContent", "", false, "gemini pro",
        "generateContent", false, false);
}

void TestGemini::parsePath()
{
    QFETCH(QString, path);
    QFETCH(QString, query);
    QFETCH(bool, ok);
    QFETCH(QString, model);
    QFETCH(QString, method);
    QFETCH(bool, stream);
    QFETCH(bool, sse);

    const GeminiContent::GeminiPath parsed = GeminiContent::parsePath(path, query);
    QCOMPARE(parsed.ok, ok);
    QCOMPARE(parsed.model, model);
    QCOMPARE(parsed.method, method);
    QCOMPARE(parsed.stream, stream);
    if (!method.isEmpty())
        QCOMPARE(parsed.sse, sse);
    const GeminiContent::Method kind = method == QLatin1String("generateContent")
        ? GeminiContent::Method::GenerateContent
        : method == QLatin1String("streamGenerateContent")
        ? GeminiContent::Method::StreamGenerateContent
        : GeminiContent::Method::Other;
    QCOMPARE(parsed.kind, kind);
}

void TestGemini::inspectRequest_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<QString>("error"); // empty: valid

    const QString notSpecified
        = QStringLiteral("* GenerateContentRequest.contents: contents is not specified");
    QTest::newRow("reference text request")
        << fixture("request-text.json") << QStringLiteral("gemini-2.5-flash") << false << QString();
    QTest::newRow("reference function calling request, streaming")
        << fixture("request-function-calling.json") << QStringLiteral("gemini-2.5-flash") << true
        << QString();
    QTest::newRow("models/ prefix in the path model")
        << QByteArray("{\"contents\":[{\"parts\":[{\"text\":\"x\"}]}]}")
        << QStringLiteral("models/gemini-2.0-flash") << false << QString();
    QTest::newRow("not json") << QByteArray("contents=hi") << QStringLiteral("m") << false
                              << QStringLiteral("Invalid JSON payload received: unexpected "
                                                "character 'c' at offset 0.");
    QTest::newRow("empty body") << QByteArray() << QStringLiteral("m") << false
                                << QStringLiteral("Invalid JSON payload received: expected a JSON "
                                                  "object at offset 0.");
    QTest::newRow("array body") << QByteArray("[{\"contents\":[]}]") << QStringLiteral("m") << false
                                << QStringLiteral("Invalid JSON payload received: unexpected "
                                                  "character '[' at offset 0.");
    QTest::newRow("contents missing")
        << QByteArray("{\"generationConfig\":{}}") << QStringLiteral("m") << false << notSpecified;
    QTest::newRow("contents nested only") << QByteArray("{\"x\":{\"contents\":[{}]}}")
                                          << QStringLiteral("m") << false << notSpecified;
    QTest::newRow("contents null")
        << QByteArray("{\"contents\":null}") << QStringLiteral("m") << false << notSpecified;
    QTest::newRow("contents empty")
        << QByteArray("{\"contents\": [ ]}") << QStringLiteral("m") << false << notSpecified;
    QTest::newRow("contents a string")
        << QByteArray("{\"contents\":\"hello\"}") << QStringLiteral("m") << false
        << QStringLiteral("Invalid value at 'contents': expected an array of Content objects.");
    QTest::newRow("contents a single object")
        << QByteArray("{\"contents\":{\"parts\":[]}}") << QStringLiteral("m") << false
        << QStringLiteral("Invalid value at 'contents': expected an array of Content objects.");
    QTest::newRow("second content not an object")
        << QByteArray("{\"contents\":[{\"parts\":[{\"text\":\"a\"}]},\"b\"]}")
        << QStringLiteral("m") << false
        << QStringLiteral("Invalid value at 'contents[1]': expected a Content object.");
    QTest::newRow("no model in the path") << QByteArray("{\"contents\":[{}]}") << QString() << false
                                          << QStringLiteral("The request path names no model.");
}

void TestGemini::inspectRequest()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, model);
    QFETCH(bool, stream);
    QFETCH(QString, error);

    QString message;
    const std::optional<GeminiContent::RequestInfo> info
        = GeminiContent::inspectRequest(body, model, stream, &message);
    QCOMPARE(message, error);
    QCOMPARE(info.has_value(), error.isEmpty());
    if (info) {
        QCOMPARE(info->model, model.startsWith(QLatin1String("models/")) ? model.mid(7) : model);
        QCOMPARE(info->stream, stream);
        QVERIFY(info->members.find("contents"));
    }
    // The GeminiPath overload agrees.
    GeminiContent::GeminiPath path;
    path.model = model;
    path.stream = stream;
    QCOMPARE(GeminiContent::inspectRequest(body, path, nullptr).has_value(), error.isEmpty());
}

void TestGemini::upstreamBodyIsTheClientBody()
{
    const QByteArray body = fixture("request-function-calling.json");
    const std::optional<GeminiContent::RequestInfo> info
        = GeminiContent::inspectRequest(body, QStringLiteral("gemini-flash"), true, nullptr);
    QVERIFY(info);
    const QByteArray upstream
        = GeminiContent::upstreamBody(body, *info, QStringLiteral("gemini-2.5-flash"));
    QCOMPARE(upstream, body);
    QVERIFY(upstream.constData() == body.constData()); // shared, not copied
}

void TestGemini::upstreamBodyRewritesAModelMember()
{
    const QByteArray body = "{ \"model\" : \"models/alias\",\n  \"contents\": [{\"parts\": "
                            "[{\"text\": \"H\\u00e9\"}]}], \"model\": \"evil\" }";
    const std::optional<GeminiContent::RequestInfo> info
        = GeminiContent::inspectRequest(body, QStringLiteral("alias"), false, nullptr);
    QVERIFY(info);
    QCOMPARE(GeminiContent::upstreamBody(body, *info, QStringLiteral("gemini-2.0-flash-001")),
             QByteArray("{ \"model\" : \"models/gemini-2.0-flash-001\",\n  \"contents\": "
                        "[{\"parts\": [{\"text\": \"H\\u00e9\"}]}] }"));
}

void TestGemini::upstreamPath_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<bool>("sse");
    QTest::addColumn<QString>("path");

    QTest::newRow("generate") << QStringLiteral("gemini-2.0-flash") << false << true
                              << QStringLiteral("/v1beta/models/gemini-2.0-flash:generateContent");
    QTest::newRow("generate ignores sse")
        << QStringLiteral("gemini-2.0-flash") << false << false
        << QStringLiteral("/v1beta/models/gemini-2.0-flash:generateContent");
    QTest::newRow("stream sse")
        << QStringLiteral("gemini-2.5-flash") << true << true
        << QStringLiteral("/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse");
    QTest::newRow("stream JSON array")
        << QStringLiteral("gemini-2.5-flash") << true << false
        << QStringLiteral("/v1beta/models/gemini-2.5-flash:streamGenerateContent");
    QTest::newRow("models/ prefix dropped")
        << QStringLiteral("models/gemini-2.5-pro") << false << true
        << QStringLiteral("/v1beta/models/gemini-2.5-pro:generateContent");
    QTest::newRow("percent-encoded")
        << QStringLiteral("my model/x") << false << true
        << QStringLiteral("/v1beta/models/my%20model%2Fx:generateContent");
}

void TestGemini::upstreamPath()
{
    QFETCH(QString, model);
    QFETCH(bool, stream);
    QFETCH(bool, sse);
    QFETCH(QString, path);
    QCOMPARE(GeminiContent::upstreamPath(model, stream, sse), path);
}

void TestGemini::usageFromResponse_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qint64>("input");
    QTest::addColumn<qint64>("output");
    QTest::addColumn<qint64>("cached");

    QTest::newRow("reference response: thoughts count as output")
        << fixture("response-text.json") << qint64(8) << qint64(12 + 713) << qint64(-1);
    QTest::newRow("cached content")
        << fixture("response-cached.json") << qint64(696219) << qint64(214) << qint64(696190);
    QTest::newRow("function call")
        << fixture("response-function-call.json") << qint64(143) << qint64(41 + 89) << qint64(-1);
    QTest::newRow("tool-use prompt tokens are input")
        << QByteArray("{\"usageMetadata\":{\"promptTokenCount\":10,\"toolUsePromptTokenCount\":"
                      "90,\"candidatesTokenCount\":5,\"totalTokenCount\":105}}")
        << qint64(100) << qint64(5) << qint64(-1);
    QTest::newRow("no candidates count: output from the total")
        << QByteArray("{\"usageMetadata\":{\"promptTokenCount\":2304,\"totalTokenCount\":2304}}")
        << qint64(2304) << qint64(0) << qint64(-1);
    QTest::newRow("only thoughts reported")
        << QByteArray("{\"usageMetadata\":{\"promptTokenCount\":3,\"thoughtsTokenCount\":7}}")
        << qint64(3) << qint64(7) << qint64(-1);
    QTest::newRow("only prompt: output unknown")
        << QByteArray("{\"usageMetadata\":{\"promptTokenCount\":5}}") << qint64(5) << qint64(-1)
        << qint64(-1);
    QTest::newRow("quoted counts")
        << QByteArray("{\"usageMetadata\":{\"promptTokenCount\":\"4\",\"candidatesTokenCount\":"
                      "\"6\",\"cachedContentTokenCount\":\"2\"}}")
        << qint64(4) << qint64(6) << qint64(2);
    QTest::newRow("no counts (trafficType only)")
        << QByteArray("{\"usageMetadata\":{\"trafficType\":\"ON_DEMAND\"}}") << qint64(-1)
        << qint64(-1) << qint64(-1);
    QTest::newRow("no usageMetadata")
        << QByteArray("{\"candidates\":[]}") << qint64(-1) << qint64(-1) << qint64(-1);
    QTest::newRow("nested usageMetadata is not the response's")
        << QByteArray("{\"x\":{\"usageMetadata\":{\"promptTokenCount\":1}}}") << qint64(-1)
        << qint64(-1) << qint64(-1);
    QTest::newRow("not json") << QByteArray("<html>") << qint64(-1) << qint64(-1) << qint64(-1);
}

void TestGemini::usageFromResponse()
{
    QFETCH(QByteArray, body);
    QFETCH(qint64, input);
    QFETCH(qint64, output);
    QFETCH(qint64, cached);
    const TokenUsage usage = GeminiContent::usageFromResponse(body);
    QCOMPARE(usage.inputTokens, input);
    QCOMPARE(usage.outputTokens, output);
    QCOMPARE(usage.cachedTokens, cached);
}

void TestGemini::classifyStream_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QList<StreamEventKind>>("kinds");
    QTest::addColumn<QList<bool>>("terminals");
    QTest::addColumn<qint64>("input"); // usage after the whole stream (last reported wins)
    QTest::addColumn<qint64>("output");

    QTest::newRow("recorded text stream")
        << fixture("stream-text.sse") << QList<StreamEventKind> { Content, Content }
        << QList<bool> { false, true } << qint64(5) << qint64(44 + 186);
    QTest::newRow("recorded overloaded: events before the bare error")
        << fixture("stream-overloaded-after-output.sse")
        << QList<StreamEventKind> { Content, Content } << QList<bool> { false, true }
        << qint64(2301) << qint64(1);
    QTest::newRow("recorded thought signature at the end")
        << fixture("stream-thought-signature.sse")
        << QList<StreamEventKind> { Content, Content, Content, Content }
        << QList<bool> { false, false, false, true } << qint64(1) << qint64(9);
    QTest::newRow("recorded cookbook: STOP on every chunk")
        << fixture("stream-cookbook.sse") << QList<StreamEventKind> { Content, Content }
        << QList<bool> { true, true } << qint64(-1) << qint64(-1);
    QTest::newRow("thinking: summary is content, empty thought is not")
        << fixture("stream-thinking.sse") << QList<StreamEventKind> { Content, Usage, Content }
        << QList<bool> { false, false, true } << qint64(52) << qint64(9 + 1109);
    QTest::newRow("function call whole")
        << fixture("stream-function-call.sse") << QList<StreamEventKind> { Content, Content }
        << QList<bool> { false, true } << qint64(143) << qint64(41 + 89);
    QTest::newRow("function call arguments as deltas")
        << fixture("stream-function-call-partial-args.sse")
        << QList<StreamEventKind> { Content, Content, Content, Content }
        << QList<bool> { false, false, false, true } << qint64(31) << qint64(15);
    QTest::newRow("prompt blocked")
        << fixture("stream-prompt-blocked.sse") << QList<StreamEventKind> { Content }
        << QList<bool> { true } << qint64(12) << qint64(0);
    QTest::newRow("error event after output")
        << fixture("stream-error-event.sse") << QList<StreamEventKind> { Content, Error }
        << QList<bool> { false, false } << qint64(6) << qint64(2);
}

void TestGemini::classifyStream()
{
    QFETCH(QByteArray, stream);
    QFETCH(QList<StreamEventKind>, kinds);
    QFETCH(QList<bool>, terminals);
    QFETCH(qint64, input);
    QFETCH(qint64, output);

    const QList<SseEvent> events = sseEvents(stream);
    QCOMPARE(events.size(), kinds.size());
    TokenUsage usage;
    for (qsizetype i = 0; i < events.size(); ++i) {
        // Every fixture event is one line of JSON in Gemini's CRLF framing.
        QVERIFY2(JsonScan::topLevelMembers(events[i].data), qPrintable(QString::number(i)));
        bool terminal = false;
        QCOMPARE(GeminiContent::classifyStreamEvent(events[i], &usage, &terminal), kinds[i]);
        QCOMPARE(terminal, terminals[i]);
        QCOMPARE(GeminiContent::isTerminal(events[i]), terminals[i]);
        QCOMPARE(GeminiContent::classifyStreamEvent(events[i], nullptr), kinds[i]);
        QCOMPARE(GeminiContent::classifyStreamObject(events[i].data, nullptr), kinds[i]);
    }
    QCOMPARE(usage.inputTokens, input);
    QCOMPARE(usage.outputTokens, output);
}

void TestGemini::classifyEvent_data()
{
    QTest::addColumn<QByteArray>("eventName");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<StreamEventKind>("kind");
    QTest::addColumn<bool>("terminal");

    auto row = [](const char *name, const QByteArray &data, StreamEventKind kind,
                  bool terminal = false) {
        QTest::newRow(name) << QByteArray() << data << kind << terminal;
    };
    row("empty text, role only",
        "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"\"}],\"role\":\"model\"}}]}", Other);
    row("no parts", "{\"candidates\":[{\"content\":{\"role\":\"model\"},\"index\":0}]}", Other);
    row("empty thought with usage",
        "{\"candidates\":[{\"content\":{\"parts\":[{\"thought\":true,\"text\":\"\"}]}}],"
        "\"usageMetadata\":{\"promptTokenCount\":3}}",
        Usage);
    row("usage only", "{\"usageMetadata\":{\"promptTokenCount\":3,\"candidatesTokenCount\":4}}",
        Usage);
    row("usage without counts", "{\"usageMetadata\":{\"trafficType\":\"ON_DEMAND\"}}", Other);
    row("thought signature only",
        "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"\",\"thoughtSignature\":\"c2ln\"}]}}"
        "]}",
        Content);
    row("inline image",
        "{\"candidates\":[{\"content\":{\"parts\":[{\"inlineData\":{\"mimeType\":"
        "\"image/png\",\"data\":\"iVBORw0KGgo=\"}}]}}]}",
        Content);
    row("executable code",
        "{\"candidates\":[{\"content\":{\"parts\":[{\"executableCode\":{"
        "\"language\":\"PYTHON\",\"code\":\"print(1)\"}}]}}]}",
        Content);
    row("second candidate carries text",
        "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"\"}]}},{\"content\":{\"parts\":[{"
        "\"text\":\"B\"}]},\"index\":1}]}",
        Content);
    row("finish reason only", "{\"candidates\":[{\"finishReason\":\"MAX_TOKENS\"}]}", Content,
        true);
    row("finish reason unspecified",
        "{\"candidates\":[{\"finishReason\":\"FINISH_REASON_UNSPECIFIED\"}]}", Other);
    row("safety stop without content",
        "{\"candidates\":[{\"finishReason\":\"SAFETY\",\"index\":0,\"safetyRatings\":[{"
        "\"category\":\"HARM_CATEGORY_HARASSMENT\",\"probability\":\"HIGH\",\"blocked\":true}]}]}",
        Content, true);
    row("prompt feedback without block reason",
        "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"x\"}]}}],\"promptFeedback\":{"
        "\"safetyRatings\":[]}}",
        Content);
    row("error object",
        "{\"error\":{\"code\":429,\"message\":\"Resource has been exhausted\","
        "\"status\":\"RESOURCE_EXHAUSTED\"}}",
        Error);
    row("error null is no error",
        "{\"error\":null,\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"x\"}]}}]}", Content);
    row("DONE from a proxy", "[DONE]", Other);
    row("not json", "keep-alive", Other);
    row("empty", "", Other);
    QTest::newRow("event named error")
        << QByteArray("error") << QByteArray("{\"message\":\"x\"}") << Error << false;
}

void TestGemini::classifyEvent()
{
    QFETCH(QByteArray, eventName);
    QFETCH(QByteArray, data);
    QFETCH(StreamEventKind, kind);
    QFETCH(bool, terminal);

    bool isTerminal = false;
    QCOMPARE(
        GeminiContent::classifyStreamEvent(SseEvent { eventName, data, {} }, nullptr, &isTerminal),
        kind);
    QCOMPARE(isTerminal, terminal);
    // A terminal flag already set stays set.
    bool sticky = true;
    GeminiContent::classifyStreamEvent(SseEvent { eventName, data, {} }, nullptr, &sticky);
    QVERIFY(sticky);
}

void TestGemini::rawErrorAfterStreamIsNotAnEvent()
{
    // Google appends a mid-stream error as bare JSON after the last SSE event. It is no event;
    // the SSE parser is left with an unfinished block, so the relay sees a truncated stream
    // even though a terminal chunk came before it.
    SseParser parser;
    QList<SseEvent> events;
    parser.feed(fixture("stream-overloaded-after-output.sse"), events);
    QCOMPARE(events.size(), 2);
    QVERIFY(GeminiContent::isTerminal(events.last()));
    QVERIFY(parser.hasIncompleteEvent());
    // The same bytes on their own are a readable error body.
    const QByteArray raw = fixture("stream-overloaded-after-output.sse");
    const QByteArray tail = raw.mid(raw.lastIndexOf("\r\n\r\n") + 4);
    QCOMPARE(GeminiContent::errorMessageFromBody(tail),
             QStringLiteral("The model is overloaded. Please try again later."));
}

void TestGemini::statusName_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("status");
    const std::pair<int, const char *> rows[] = {
        { 400, "INVALID_ARGUMENT" },
        { 401, "UNAUTHENTICATED" },
        { 402, "RESOURCE_EXHAUSTED" },
        { 403, "PERMISSION_DENIED" },
        { 404, "NOT_FOUND" },
        { 408, "DEADLINE_EXCEEDED" },
        { 409, "ABORTED" },
        { 413, "INVALID_ARGUMENT" },
        { 422, "FAILED_PRECONDITION" },
        { 429, "RESOURCE_EXHAUSTED" },
        { 499, "CANCELLED" },
        { 500, "INTERNAL" },
        { 501, "UNIMPLEMENTED" },
        { 502, "UNAVAILABLE" },
        { 503, "UNAVAILABLE" },
        { 504, "DEADLINE_EXCEEDED" },
        { 529, "UNAVAILABLE" },
        { 599, "INTERNAL" },
    };
    for (const auto &[code, status] : rows)
        QTest::addRow("%d", code) << code << QString::fromLatin1(status);
}

void TestGemini::statusName()
{
    QFETCH(int, code);
    QFETCH(QString, status);
    QCOMPARE(GeminiContent::statusName(code), status);
}

void TestGemini::errorFromFixtures_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("messageStart");
    QTest::addColumn<QString>("reason");

    QTest::newRow("429 quota") << fixture("error-429-quota.json") << 429
                               << QStringLiteral("RESOURCE_EXHAUSTED")
                               << QStringLiteral("You exceeded your current quota") << QString();
    QTest::newRow("429 in an array")
        << fixture("error-429-array.json") << 429 << QStringLiteral("RESOURCE_EXHAUSTED")
        << QStringLiteral("Resource has been exhausted") << QString();
    QTest::newRow("400 contents") << fixture("error-400-contents.json") << 400
                                  << QStringLiteral("INVALID_ARGUMENT")
                                  << QStringLiteral("* GenerateContentRequest.contents")
                                  << QString();
    QTest::newRow("400 api key") << fixture("error-400-api-key.json") << 400
                                 << QStringLiteral("INVALID_ARGUMENT")
                                 << QStringLiteral("API key not valid.")
                                 << QStringLiteral("API_KEY_INVALID");
    QTest::newRow("503") << fixture("error-503.json") << 503 << QStringLiteral("UNAVAILABLE")
                         << QStringLiteral("The model is overloaded.") << QString();
}

void TestGemini::errorFromFixtures()
{
    QFETCH(QByteArray, body);
    QFETCH(int, code);
    QFETCH(QString, status);
    QFETCH(QString, messageStart);
    QFETCH(QString, reason);

    const std::optional<GeminiContent::ErrorInfo> info = GeminiContent::errorFromBody(body);
    QVERIFY(info);
    QCOMPARE(info->code, code);
    QCOMPARE(info->status, status);
    QCOMPARE(info->reason, reason);
    QVERIFY2(info->message.startsWith(messageStart), qPrintable(info->message));
    QCOMPARE(GeminiContent::errorMessageFromBody(body), info->message);
    // Our own body for the same error reads back the same.
    const QByteArray ours = GeminiContent::errorBody(code, info->message);
    const std::optional<GeminiContent::ErrorInfo> back = GeminiContent::errorFromBody(ours);
    QVERIFY(back);
    QCOMPARE(back->code, code);
    QCOMPARE(back->status, status);
    QCOMPARE(back->message, info->message);
}

void TestGemini::errorMessageFromBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");

    QTest::newRow("openai-style error") << QByteArray(
        "{\"error\":{\"message\":\"Incorrect API key\",\"type\":\"invalid_request_error\"}}")
                                        << QStringLiteral("Incorrect API key");
    QTest::newRow("error string") << QByteArray("{\"error\":\"Model not found\"}")
                                  << QStringLiteral("Model not found");
    QTest::newRow("top-level message")
        << QByteArray("[{\"message\":\"Internal error\"}]") << QStringLiteral("Internal error");
    QTest::newRow("escaped") << QByteArray("{\"error\":{\"code\":500,\"message\":\"a\\nb "
                                           "\\u00e9\",\"status\":\"INTERNAL\"}}")
                             << QString::fromUtf8("a\nb \xC3\xA9");
    QTest::newRow("html") << QByteArray("\n<html><body>502 Bad Gateway</body></html>\n")
                          << QStringLiteral("<html><body>502 Bad Gateway</body></html>");
    QTest::newRow("empty") << QByteArray() << QString();
}

void TestGemini::errorMessageFromBody()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    QCOMPARE(GeminiContent::errorMessageFromBody(body), message);
    QCOMPARE(GeminiContent::errorMessageFromBody(QByteArray(700, 'x')).size(), 500);
}

void TestGemini::retryDelay_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qint64>("ms"); // -1: none

    auto body = [](const char *delay) -> QByteArray {
        return QByteArray("{\"error\":{\"code\":429,\"status\":\"RESOURCE_EXHAUSTED\","
                          "\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\","
                          "\"retryDelay\":\"")
            + delay + "\"}]}}";
    };
    QTest::newRow("recorded quota body") << fixture("error-429-quota.json") << qint64(36000);
    QTest::newRow("fraction rounded up") << body("36.429760048s") << qint64(36430);
    QTest::newRow("exact millis") << body("1.5s") << qint64(1500);
    QTest::newRow("zero") << body("0s") << qint64(0);
    QTest::newRow("no unit") << body("36") << qint64(-1);
    QTest::newRow("negative") << body("-3s") << qint64(-1);
    QTest::newRow("too many digits") << body("1.0000000001s") << qint64(-1);
    QTest::newRow("no RetryInfo") << fixture("error-503.json") << qint64(-1);
    QTest::newRow("not an error") << QByteArray("{\"candidates\":[]}") << qint64(-1);
}

void TestGemini::retryDelay()
{
    QFETCH(QByteArray, body);
    QFETCH(qint64, ms);
    QCOMPARE(GeminiContent::retryDelayMsFromBody(body).value_or(-1), ms);
}

void TestGemini::errorBodyRoundTrip()
{
    QCOMPARE(GeminiContent::errorBody(429,
                                      QStringLiteral("All routes for 'gemini' are rate "
                                                     "limited.")),
             QByteArray("{\"error\":{\"code\":429,\"message\":\"All routes for 'gemini' are rate "
                        "limited.\",\"status\":\"RESOURCE_EXHAUSTED\"}}"));
    QCOMPARE(
        GeminiContent::errorBody(400, QStringLiteral("x"), QStringLiteral("FAILED_PRECONDITION")),
        QByteArray("{\"error\":{\"code\":400,\"message\":\"x\",\"status\":"
                   "\"FAILED_PRECONDITION\"}}"));
    const QString message = QStringLiteral("say \"hi\"\nnow");
    const QJsonObject error = parseObject(GeminiContent::errorBody(504, message))
                                  .value(QLatin1String("error"))
                                  .toObject();
    QCOMPARE(error.value(QLatin1String("code")).toInt(), 504);
    QCOMPARE(error.value(QLatin1String("message")).toString(), message);
    QCOMPARE(error.value(QLatin1String("status")).toString(), QStringLiteral("DEADLINE_EXCEEDED"));
}

void TestGemini::errorEventRoundTrip()
{
    const QString message = QStringLiteral("upstream broke\nmid-stream");
    const QByteArray event = GeminiContent::errorEvent(503, message);
    QVERIFY(event.startsWith("data: {\"error\":"));
    QVERIFY(event.endsWith("}\r\n\r\n"));
    QCOMPARE(event.count('\n'), 2); // one data line: SDK readers match "data: ...\r\n\r\n"
    const QList<SseEvent> events = sseEvents(event);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].data, GeminiContent::errorBody(503, message));
    QCOMPARE(GeminiContent::classifyStreamEvent(events[0], nullptr), Error);
    const std::optional<GeminiContent::ErrorInfo> info
        = GeminiContent::errorFromBody(events[0].data);
    QVERIFY(info);
    QCOMPARE(info->message, message);
    QCOMPARE(info->status, QStringLiteral("UNAVAILABLE"));
}

void TestGemini::modelList()
{
    QCOMPARE(GeminiContent::modelList({}), QByteArray("{\"models\":[]}"));
    const QByteArray list = GeminiContent::modelList(
        { QStringLiteral("gemini-2.5-flash"), QStringLiteral("models/my \"alias\"") });
    QCOMPARE(list,
             QByteArray("{\"models\":[{\"name\":\"models/gemini-2.5-flash\",\"displayName\":"
                        "\"gemini-2.5-flash\",\"supportedGenerationMethods\":[\"generateContent\","
                        "\"streamGenerateContent\"]},{\"name\":\"models/my \\\"alias\\\"\","
                        "\"displayName\":\"my \\\"alias\\\"\",\"supportedGenerationMethods\":["
                        "\"generateContent\",\"streamGenerateContent\"]}]}"));
    // The same fields as the reference list, readable the way SDKs read it.
    const QJsonArray reference
        = parseObject(fixture("models-list.json")).value(QLatin1String("models")).toArray();
    const QJsonArray ours = parseObject(list).value(QLatin1String("models")).toArray();
    QCOMPARE(ours.size(), 2);
    for (const QString &key : { QStringLiteral("name"), QStringLiteral("displayName"),
                                QStringLiteral("supportedGenerationMethods") }) {
        QVERIFY(reference[0].toObject().contains(key));
        QVERIFY(ours[0].toObject().contains(key));
    }
    QCOMPARE(ours[1].toObject().value(QLatin1String("name")).toString(),
             QStringLiteral("models/my \"alias\""));
    QCOMPARE(GeminiContent::modelInfo(QStringLiteral("g"), { QStringLiteral("generateContent") }),
             QByteArray("{\"name\":\"models/g\",\"displayName\":\"g\","
                        "\"supportedGenerationMethods\":[\"generateContent\"]}"));
}

QTEST_GUILESS_MAIN(TestGemini)
#include "tst_providers_gemini.moc"
