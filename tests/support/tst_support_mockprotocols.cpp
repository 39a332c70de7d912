// Self-test of the mock provider's four wire protocols over real HTTP: bytes against the
// mock-* fixtures (written by make_mock_fixtures.py from the API references, independently of
// the C++ mock), every behavior kind in every protocol, keys, refused requests and unknown
// paths in each protocol's error shape, the protocol recorded per request, and that the
// gateway's own wire code (src/providers) reads the mock's answers as intended: usage, the
// first content event, proper termination, errors before content.
#include "anthropic/anthropicmessages.h"
#include "gemini/geminicontent.h"
#include "gemini/geminijsonarraystream.h"
#include "mockprovider.h"
#include "openai/openaichat.h"
#include "responses/openairesponses.h"
#include "sse/sseparser.h"
#include "testdata.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QtTest>

#include <memory>
#include <utility>

using Behavior = MockProvider::Behavior;
using Kind = MockProvider::Behavior::Kind;

namespace {
// A request as a test sends it.
struct Call
{
    QByteArray method;
    QString path; // after rootUrl()
    QByteArray body;
    QByteArrayList headers; // "Name: value"
    WireProtocol protocol = WireProtocol::OpenAiChat;
    bool geminiArray = false; // streamGenerateContent without alt=sse
};

const QByteArray kMessages = QByteArrayLiteral(R"("messages":[{"role":"user","content":"Hi"}])");
const QByteArray kGeminiBody
    = QByteArrayLiteral(R"({"contents":[{"role":"user","parts":[{"text":"Hi"}]}]})");
const QString kGeminiPath = QStringLiteral("/v1beta/models/gemini-2.5-flash");

// The requests of the tests by name: the endpoint, stream or not, and what the SDKs send.
Call call(const QString &name)
{
    const QByteArray version = QByteArrayLiteral("anthropic-version: 2023-06-01");
    const QByteArray claude
        = QByteArrayLiteral(R"({"model":"claude-sonnet-4-5","max_tokens":1024,)");
    if (name == QLatin1String("chat"))
        return { "POST",
                 QStringLiteral("/v1/chat/completions"),
                 R"({"model":"gpt-4o-mini",)" + kMessages + '}',
                 {} };
    if (name == QLatin1String("chat-stream"))
        return { "POST",
                 QStringLiteral("/v1/chat/completions"),
                 R"({"model":"gpt-4o-mini","stream":true,"stream_options":{"include_usage":true},)"
                     + kMessages + '}',
                 {} };
    if (name == QLatin1String("openai-models"))
        return { "GET", QStringLiteral("/v1/models"), {}, {} };
    if (name == QLatin1String("responses") || name == QLatin1String("responses-stream")) {
        const bool stream = name.endsWith(QLatin1String("stream"));
        return { "POST",
                 QStringLiteral("/v1/responses"),
                 QByteArrayLiteral(R"({"model":"gpt-4.1","input":"Hi")")
                     + (stream ? QByteArrayLiteral(R"(,"stream":true})") : QByteArray("}")),
                 {},
                 WireProtocol::OpenAiResponses };
    }
    if (name == QLatin1String("messages"))
        return { "POST",
                 QStringLiteral("/v1/messages"),
                 claude + kMessages + '}',
                 { version },
                 WireProtocol::Anthropic };
    if (name == QLatin1String("messages-stream"))
        return { "POST",
                 QStringLiteral("/v1/messages?beta=true"),
                 claude + R"("stream":true,)" + kMessages + '}',
                 { version },
                 WireProtocol::Anthropic };
    if (name == QLatin1String("count-tokens"))
        return { "POST",
                 QStringLiteral("/v1/messages/count_tokens"),
                 R"({"model":"claude-sonnet-4-5",)" + kMessages + '}',
                 { version },
                 WireProtocol::Anthropic };
    if (name == QLatin1String("anthropic-models"))
        return { "GET", QStringLiteral("/v1/models"), {}, { version }, WireProtocol::Anthropic };
    if (name == QLatin1String("gemini"))
        return { "POST",
                 kGeminiPath + QStringLiteral(":generateContent"),
                 kGeminiBody,
                 {},
                 WireProtocol::Gemini };
    if (name == QLatin1String("gemini-sse"))
        return { "POST",
                 kGeminiPath + QStringLiteral(":streamGenerateContent?alt=sse"),
                 kGeminiBody,
                 {},
                 WireProtocol::Gemini };
    if (name == QLatin1String("gemini-v1-sse"))
        return { "POST",
                 QStringLiteral("/v1/models/gemini-2.5-flash:streamGenerateContent?alt=sse"),
                 kGeminiBody,
                 {},
                 WireProtocol::Gemini };
    if (name == QLatin1String("gemini-array"))
        return { "POST",
                 kGeminiPath + QStringLiteral(":streamGenerateContent"),
                 kGeminiBody,
                 {},
                 WireProtocol::Gemini,
                 true };
    if (name == QLatin1String("gemini-models"))
        return { "GET", QStringLiteral("/v1beta/models"), {}, {}, WireProtocol::Gemini };
    qFatal("unknown call");
}

// The events of an SSE fixture, each with its blank line ("\n\n" or "\r\n\r\n").
QList<QByteArray> sseEvents(const QByteArray &all)
{
    const QByteArray end = all.contains("\r\n\r\n") ? QByteArray("\r\n\r\n") : QByteArray("\n\n");
    QList<QByteArray> events;
    qsizetype start = 0;
    for (qsizetype at = all.indexOf(end); at >= 0; at = all.indexOf(end, start)) {
        events.append(all.mid(start, at + end.size() - start));
        start = at + end.size();
    }
    return events;
}

QByteArray firstEvents(const QString &fixture, int count)
{
    return sseEvents(testdata::read(fixture)).mid(0, count).join();
}

// A JSON array stream cut after `count` elements (no closing bracket).
QByteArray firstElements(const QString &fixture, int count)
{
    const QByteArray all = testdata::read(fixture);
    qsizetype at = -1;
    for (int i = 0; i < count; ++i)
        at = all.indexOf("\n,\r\n", at + 1);
    return all.left(at);
}

const QByteArray kGeminiOverloaded = QByteArrayLiteral(
    "{\n  \"error\": {\n    \"code\": 503,\n    \"message\": \"The model is overloaded. Please "
    "try again later.\",\n    \"status\": \"UNAVAILABLE\"\n  }\n}");

// What the gateway's wire code makes of a stream.
struct Reading
{
    QList<StreamEventKind> kinds;
    TokenUsage usage;
    bool terminal = false; // Gemini: a chunk with a finish reason
};

Reading readStream(const Call &c, const QByteArray &bytes)
{
    Reading r;
    QList<SseEvent> events;
    if (c.geminiArray) {
        GeminiJsonArrayStream splitter;
        QList<QByteArray> objects;
        splitter.feed(bytes, objects);
        for (const QByteArray &o : objects)
            r.kinds.append(GeminiContent::classifyStreamObject(o, &r.usage, &r.terminal));
        return r;
    }
    SseParser parser;
    parser.feed(bytes, events);
    for (const SseEvent &e : events) {
        switch (c.protocol) {
        case WireProtocol::OpenAiChat:
            r.kinds.append(OpenAiChat::classifyStreamEvent(e, &r.usage));
            break;
        case WireProtocol::OpenAiResponses:
            r.kinds.append(OpenAiResponses::classifyStreamEvent(e, &r.usage));
            break;
        case WireProtocol::Anthropic:
            r.kinds.append(AnthropicMessages::classifyStreamEvent(e, &r.usage));
            break;
        case WireProtocol::Gemini:
            r.kinds.append(GeminiContent::classifyStreamEvent(e, &r.usage, &r.terminal));
            break;
        }
    }
    return r;
}

TokenUsage readBody(WireProtocol protocol, const QByteArray &body)
{
    switch (protocol) {
    case WireProtocol::OpenAiChat:
        return OpenAiChat::usageFromResponse(body);
    case WireProtocol::OpenAiResponses:
        return OpenAiResponses::usageFromResponse(body);
    case WireProtocol::Anthropic:
        return AnthropicMessages::usageFromResponse(body);
    case WireProtocol::Gemini:
        break;
    }
    return GeminiContent::usageFromResponse(body);
}
} // namespace

class TestMockProtocols final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void urls();
    void okReplies_data();
    void okReplies();
    void streamFailures_data();
    void streamFailures();
    void httpErrors_data();
    void httpErrors();
    void nonStreamedFailures_data();
    void nonStreamedFailures();
    void keys_data();
    void keys();
    void refusedRequestsKeepQueuedBehavior_data();
    void refusedRequestsKeepQueuedBehavior();
    void unknownPaths_data();
    void unknownPaths();
    void chunkDelay_data();
    void chunkDelay();
    void gatewayReadsStreams_data();
    void gatewayReadsStreams();
    void gatewayReadsBodies_data();
    void gatewayReadsBodies();

private:
    QNetworkReply *send(const Call &c, const QByteArrayList &extraHeaders = {});
    // Sends and waits for the end; fails the test on a timeout.
    QNetworkReply *exchange(const Call &c, const QByteArrayList &extraHeaders = {});

    std::unique_ptr<MockProvider> m_mock;
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

void TestMockProtocols::init()
{
    m_mock = std::make_unique<MockProvider>();
    QVERIFY(m_mock->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
}

void TestMockProtocols::cleanup()
{
    m_nam.reset();
    m_mock.reset();
}

QNetworkReply *TestMockProtocols::send(const Call &c, const QByteArrayList &extraHeaders)
{
    QNetworkRequest request(QUrl(m_mock->rootUrl() + c.path));
    if (!c.body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    for (const QByteArray &h : c.headers + extraHeaders) {
        const qsizetype colon = h.indexOf(':');
        request.setRawHeader(h.left(colon), h.mid(colon + 1).trimmed());
    }
    QNetworkReply *reply = c.method == "GET" ? m_nam->get(request)
                                             : m_nam->sendCustomRequest(request, c.method, c.body);
    reply->setParent(this);
    return reply;
}

QNetworkReply *TestMockProtocols::exchange(const Call &c, const QByteArrayList &extraHeaders)
{
    QNetworkReply *reply = send(c, extraHeaders);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 5000))
        qWarning("no answer within 5 s");
    return reply;
}

void TestMockProtocols::urls()
{
    const QString root = QStringLiteral("http://127.0.0.1:") + QString::number(m_mock->port());
    QCOMPARE(m_mock->rootUrl(), root);
    QCOMPARE(m_mock->baseUrl(), root + QStringLiteral("/v1"));
    QCOMPARE(m_mock->baseUrl(WireProtocol::OpenAiChat), root + QStringLiteral("/v1"));
    QCOMPARE(m_mock->baseUrl(WireProtocol::OpenAiResponses), root + QStringLiteral("/v1"));
    QCOMPARE(m_mock->baseUrl(WireProtocol::Anthropic), root);
    QCOMPARE(m_mock->baseUrl(WireProtocol::Gemini), root);
}

void TestMockProtocols::okReplies_data()
{
    QTest::addColumn<QString>("callName");
    QTest::addColumn<QStringList>("toolArguments");
    QTest::addColumn<QString>("thinking");
    QTest::addColumn<int>("reasoningTokens");
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QByteArray>("contentType");
    const QStringList tool { QStringLiteral("{\"city\":"), QStringLiteral("\"Paris\"}") };
    const QString think = QStringLiteral("Let me think.");
    const QByteArray json = "application/json";
    const QByteArray sse = "text/event-stream; charset=utf-8";
    const QByteArray google = "application/json; charset=UTF-8";
    QTest::newRow("chat") << "chat" << QStringList() << QString() << 0
                          << "openai/mock-chat-completion.json" << json;
    QTest::newRow("openai models")
        << "openai-models" << QStringList() << QString() << 0 << "openai/mock-models.json" << json;
    QTest::newRow("anthropic message")
        << "messages" << QStringList() << QString() << 0 << "anthropic/mock-message.json" << json;
    QTest::newRow("anthropic tool_use")
        << "messages" << tool << QString() << 0 << "anthropic/mock-message-tool.json" << json;
    QTest::newRow("anthropic stream") << "messages-stream" << QStringList() << QString() << 0
                                      << "anthropic/mock-stream.sse" << sse;
    QTest::newRow("anthropic stream tool_use")
        << "messages-stream" << tool << QString() << 0 << "anthropic/mock-stream-tool.sse" << sse;
    QTest::newRow("anthropic stream thinking") << "messages-stream" << QStringList() << think << 0
                                               << "anthropic/mock-stream-thinking.sse" << sse;
    QTest::newRow("anthropic count_tokens") << "count-tokens" << QStringList() << QString() << 0
                                            << "anthropic/mock-count-tokens.json" << json;
    QTest::newRow("anthropic models") << "anthropic-models" << QStringList() << QString() << 0
                                      << "anthropic/mock-models.json" << json;
    QTest::newRow("responses") << "responses" << QStringList() << QString() << 0
                               << "responses/mock-response.json" << json;
    QTest::newRow("responses function_call")
        << "responses" << tool << QString() << 0 << "responses/mock-response-tool.json" << json;
    QTest::newRow("responses stream") << "responses-stream" << QStringList() << QString() << 0
                                      << "responses/mock-stream.sse" << sse;
    QTest::newRow("responses stream function_call")
        << "responses-stream" << tool << QString() << 0 << "responses/mock-stream-tool.sse" << sse;
    QTest::newRow("gemini") << "gemini" << QStringList() << QString() << 0
                            << "gemini/mock-response.json" << google;
    QTest::newRow("gemini thought and functionCall")
        << "gemini" << tool << think << 2 << "gemini/mock-response-thinking-tool.json" << google;
    QTest::newRow("gemini sse") << "gemini-sse" << QStringList() << QString() << 0
                                << "gemini/mock-stream.sse" << QByteArray("text/event-stream");
    QTest::newRow("gemini v1 path") << "gemini-v1-sse" << QStringList() << QString() << 0
                                    << "gemini/mock-stream.sse" << QByteArray("text/event-stream");
    QTest::newRow("gemini sse functionCall")
        << "gemini-sse" << tool << QString() << 0 << "gemini/mock-stream-tool.sse"
        << QByteArray("text/event-stream");
    QTest::newRow("gemini sse thoughts")
        << "gemini-sse" << QStringList() << think << 2 << "gemini/mock-stream-thinking.sse"
        << QByteArray("text/event-stream");
    QTest::newRow("gemini json array") << "gemini-array" << QStringList() << QString() << 0
                                       << "gemini/mock-stream-array.json" << google;
    QTest::newRow("gemini models") << "gemini-models" << QStringList() << QString() << 0
                                   << "gemini/mock-models.json" << google;
}

void TestMockProtocols::okReplies()
{
    QFETCH(QString, callName);
    QFETCH(QStringList, toolArguments);
    QFETCH(QString, thinking);
    QFETCH(int, reasoningTokens);
    QFETCH(QString, fixture);
    QFETCH(QByteArray, contentType);
    Behavior b;
    b.toolCallArguments = toolArguments;
    b.thinking = thinking;
    b.reasoningTokens = reasoningTokens;
    m_mock->setDefaultBehavior(b);

    const Call c = call(callName);
    QNetworkReply *reply = exchange(c);
    QVERIFY(reply->isFinished());
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->rawHeader("Content-Type"), contentType);
    QCOMPARE(reply->rawHeader("X-Mock-Provider"), QByteArray("mock"));
    const QByteArray expected = testdata::read(fixture);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(reply->readAll(), expected);
    QCOMPARE(m_mock->requestCount(), 1);
    QCOMPARE(m_mock->requests().constFirst().protocol, c.protocol);
    QCOMPARE(m_mock->inFlight(), 0);
}

void TestMockProtocols::streamFailures_data()
{
    QTest::addColumn<QString>("callName");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("expected");
    const QString a = QStringLiteral("anthropic/mock-stream.sse");
    const QString r = QStringLiteral("responses/mock-stream.sse");
    const QString g = QStringLiteral("gemini/mock-stream.sse");
    const QString ga = QStringLiteral("gemini/mock-stream-array.json");
    const QByteArray anthropicOverloaded
        = testdata::read(QStringLiteral("anthropic/mock-stream-error.sse"));
    const int drop = int(Kind::DropMidStream), hang = int(Kind::HangMidStream);
    const int before = int(Kind::ErrorEventBeforeContent),
              after = int(Kind::ErrorEventAfterContent);

    // message_start, content_block_start, ping, then the content events.
    QTest::newRow("anthropic drop") << "messages-stream" << drop << 500 << firstEvents(a, 5);
    QTest::newRow("anthropic hang mid-stream")
        << "messages-stream" << hang << 500 << firstEvents(a, 4);
    QTest::newRow("anthropic error before content")
        << "messages-stream" << before << 500 << anthropicOverloaded;
    QTest::newRow("anthropic error after content")
        << "messages-stream" << after << 529 << firstEvents(a, 4) + anthropicOverloaded;
    QTest::newRow("anthropic rate limit event")
        << "messages-stream" << before << 429
        << QByteArray("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":"
                      "\"rate_limit_error\",\"message\":\"This request would exceed the rate "
                      "limit for your organization. Please try again later.\"}}\n\n");
    // created, in_progress, output_item.added, content_part.added, then the deltas.
    QTest::newRow("responses drop") << "responses-stream" << drop << 500 << firstEvents(r, 6);
    QTest::newRow("responses hang mid-stream")
        << "responses-stream" << hang << 500 << firstEvents(r, 5);
    QTest::newRow("responses error before content")
        << "responses-stream" << before << 500
        << testdata::read(QStringLiteral("responses/mock-stream-error-before.sse"));
    QTest::newRow("responses error after content")
        << "responses-stream" << after << 429
        << testdata::read(QStringLiteral("responses/mock-stream-error-after.sse"));
    QTest::newRow("gemini drop") << "gemini-sse" << drop << 500 << firstEvents(g, 2);
    QTest::newRow("gemini hang mid-stream") << "gemini-sse" << hang << 500 << firstEvents(g, 1);
    QTest::newRow("gemini error before content")
        << "gemini-sse" << before << 429
        << QByteArray("data: {\"error\": {\"code\": 429,\"message\": \"Resource has been "
                      "exhausted (e.g. check quota).\",\"status\": \"RESOURCE_EXHAUSTED\"}}"
                      "\r\n\r\n");
    QTest::newRow("gemini error after content")
        << "gemini-sse" << after << 503
        << testdata::read(QStringLiteral("gemini/mock-stream-error-after.sse"));
    QTest::newRow("gemini array drop") << "gemini-array" << drop << 500 << firstElements(ga, 2);
    QTest::newRow("gemini array hang mid-stream")
        << "gemini-array" << hang << 500 << firstElements(ga, 1);
    QTest::newRow("gemini array error before content")
        << "gemini-array" << before << 429
        << testdata::read(QStringLiteral("gemini/mock-error-429-array.json"));
    QTest::newRow("gemini array error after content")
        << "gemini-array" << after << 503
        << firstElements(ga, 1) + "\n,\r\n" + kGeminiOverloaded + "\n]";
}

void TestMockProtocols::streamFailures()
{
    QFETCH(QString, callName);
    QFETCH(int, kind);
    QFETCH(int, status);
    QFETCH(QByteArray, expected);
    Behavior b;
    b.kind = Kind(kind);
    b.status = status;
    m_mock->enqueueBehavior(b);

    QNetworkReply *reply = send(call(callName));
    QByteArray body;
    connect(reply, &QIODevice::readyRead, this, [&] { body += reply->readAll(); });
    if (b.kind == Kind::HangMidStream) {
        QTRY_COMPARE_WITH_TIMEOUT(body, expected, 5000);
        QTest::qWait(30);
        QVERIFY(!reply->isFinished());
        QCOMPARE(m_mock->inFlight(), 1);
        reply->abort();
        QTRY_COMPARE_WITH_TIMEOUT(m_mock->abortedCount(), 1, 5000);
        return;
    }
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
    body += reply->readAll();
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    // A dropped stream ends without its last chunk: the client sees a transfer error.
    QCOMPARE(reply->error() != QNetworkReply::NoError, b.kind == Kind::DropMidStream);
    QCOMPARE(body, expected);
    QCOMPARE(m_mock->abortedCount(), 0);
    QCOMPARE(m_mock->inFlight(), 0);
}

void TestMockProtocols::httpErrors_data()
{
    QTest::addColumn<QString>("callName");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("expected"); // the whole body, or a part of it
    const QByteArray json = "application/json";
    const QByteArray google = "application/json; charset=UTF-8";
    const QByteArray anthropic429 = testdata::read(QStringLiteral("anthropic/mock-error-429.json"));
    const QByteArray gemini429 = testdata::read(QStringLiteral("gemini/mock-error-429.json"));
    QTest::newRow("anthropic 429") << "messages" << 429 << json << anthropic429;
    QTest::newRow("anthropic stream 429") << "messages-stream" << 429 << json << anthropic429;
    QTest::newRow("anthropic 529") << "messages-stream" << 529 << json
                                   << QByteArray(R"({"type":"error","error":{"type":)"
                                                 R"("overloaded_error","message":"Overloaded"}})");
    QTest::newRow("anthropic 500") << "messages" << 500 << json
                                   << QByteArray(R"({"type":"error","error":{"type":"api_error",)"
                                                 R"("message":"Internal server error"}})");
    QTest::newRow("anthropic count_tokens 429") << "count-tokens" << 429 << json << anthropic429;
    QTest::newRow("responses 429")
        << "responses-stream" << 429 << json << QByteArray("\"code\": \"rate_limit_exceeded\"");
    QTest::newRow("gemini 429") << "gemini" << 429 << google << gemini429;
    QTest::newRow("gemini sse 429") << "gemini-sse" << 429 << google << gemini429;
    QTest::newRow("gemini array 429")
        << "gemini-array" << 429 << google
        << testdata::read(QStringLiteral("gemini/mock-error-429-array.json"));
    QTest::newRow("gemini 503") << "gemini" << 503 << google << kGeminiOverloaded + '\n';
    QTest::newRow("gemini models 500")
        << "gemini-models" << 500 << google << QByteArray("\"status\": \"INTERNAL\"");
}

void TestMockProtocols::httpErrors()
{
    QFETCH(QString, callName);
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, expected);
    Behavior b;
    b.kind = Kind::HttpError;
    b.status = status;
    b.headers = { { "Retry-After", "7" } };
    m_mock->enqueueBehavior(b);

    QNetworkReply *reply = exchange(call(callName));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), status);
    QCOMPARE(reply->rawHeader("Retry-After"), QByteArray("7"));
    QCOMPARE(reply->rawHeader("Content-Type"), contentType);
    const QByteArray body = reply->readAll();
    if (expected.startsWith('{') || expected.startsWith('['))
        QCOMPARE(body, expected);
    else
        QVERIFY2(body.contains(expected), body.constData());
}

void TestMockProtocols::nonStreamedFailures_data()
{
    QTest::addColumn<QString>("callName");
    QTest::addColumn<int>("kind");
    const QStringList calls { QStringLiteral("messages"),      QStringLiteral("count-tokens"),
                              QStringLiteral("responses"),     QStringLiteral("gemini"),
                              QStringLiteral("gemini-models"), QStringLiteral("anthropic-models") };
    for (const QString &name : calls) {
        QTest::addRow("%s drop", qPrintable(name)) << name << int(Kind::DropMidStream);
        QTest::addRow("%s hang", qPrintable(name)) << name << int(Kind::Hang);
        QTest::addRow("%s error event", qPrintable(name))
            << name << int(Kind::ErrorEventAfterContent);
    }
}

void TestMockProtocols::nonStreamedFailures()
{
    QFETCH(QString, callName);
    QFETCH(int, kind);
    Behavior b;
    b.kind = Kind(kind);
    b.status = 503;
    m_mock->enqueueBehavior(b);
    QNetworkReply *reply = send(call(callName));
    if (b.kind == Kind::Hang) {
        QTRY_COMPARE_WITH_TIMEOUT(m_mock->inFlight(), 1, 5000);
        QTest::qWait(30);
        QVERIFY(!reply->isFinished());
        reply->abort();
        QTRY_COMPARE_WITH_TIMEOUT(m_mock->abortedCount(), 1, 5000);
        return;
    }
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
    if (b.kind == Kind::DropMidStream) {
        QVERIFY(reply->error() != QNetworkReply::NoError); // half the promised body
    } else {
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 503);
    }
    QCOMPARE(m_mock->inFlight(), 0);
}

void TestMockProtocols::keys_data()
{
    QTest::addColumn<QString>("callName");
    QTest::addColumn<QByteArrayList>("headers");
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("bodyPart");
    const QByteArrayList none;
    const QByteArray bearer = "Authorization: Bearer sk-up";
    const QByteArray xApiKey = "x-api-key: sk-up";
    QTest::newRow("chat bearer") << "chat" << QByteArrayList { bearer } << QString() << 200
                                 << QByteArray();
    QTest::newRow("chat none") << "chat" << none << QString() << 401
                               << QByteArray("\"code\": \"invalid_api_key\"");
    QTest::newRow("responses bearer")
        << "responses" << QByteArrayList { bearer } << QString() << 200 << QByteArray();
    QTest::newRow("responses wrong")
        << "responses" << QByteArrayList { "Authorization: Bearer sk-other" } << QString() << 401
        << QByteArray("invalid_api_key");
    QTest::newRow("anthropic x-api-key")
        << "messages" << QByteArrayList { xApiKey } << QString() << 200 << QByteArray();
    QTest::newRow("anthropic bearer is not its key")
        << "messages" << QByteArrayList { bearer } << QString() << 401
        << QByteArray(R"({"type":"error","error":{"type":"authentication_error",)"
                      R"("message":"x-api-key header is required"}})");
    QTest::newRow("anthropic wrong")
        << "messages" << QByteArrayList { "x-api-key: sk-other" } << QString() << 401
        << QByteArray(R"("message":"invalid x-api-key")");
    QTest::newRow("anthropic count_tokens")
        << "count-tokens" << QByteArrayList { xApiKey } << QString() << 200 << QByteArray();
    QTest::newRow("anthropic models none")
        << "anthropic-models" << none << QString() << 401 << QByteArray("authentication_error");
    QTest::newRow("gemini header") << "gemini" << QByteArrayList { "x-goog-api-key: sk-up" }
                                   << QString() << 200 << QByteArray();
    QTest::newRow("gemini query") << "gemini-sse" << none << QStringLiteral("&key=sk-up") << 200
                                  << QByteArray();
    QTest::newRow("gemini query only")
        << "gemini" << none << QStringLiteral("?key=sk-up") << 200 << QByteArray();
    QTest::newRow("gemini wrong") << "gemini" << QByteArrayList { "x-goog-api-key: sk-other" }
                                  << QString() << 400
                                  << QByteArray("\"reason\": \"API_KEY_INVALID\"");
    QTest::newRow("gemini none") << "gemini" << none << QString() << 403
                                 << QByteArray("\"status\": \"PERMISSION_DENIED\"");
    QTest::newRow("gemini models bearer") << "gemini-models" << QByteArrayList { bearer }
                                          << QString() << 403 << QByteArray("PERMISSION_DENIED");
}

void TestMockProtocols::keys()
{
    QFETCH(QString, callName);
    QFETCH(QByteArrayList, headers);
    QFETCH(QString, query);
    QFETCH(int, status);
    QFETCH(QByteArray, bodyPart);
    m_mock->setRequiredApiKey("sk-up");
    Call c = call(callName);
    c.path += query;
    QNetworkReply *reply = exchange(c, headers);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), status);
    const QByteArray body = reply->readAll();
    QVERIFY2(body.contains(bodyPart), body.constData());
    QCOMPARE(m_mock->requests().constFirst().protocol, c.protocol);
}

void TestMockProtocols::refusedRequestsKeepQueuedBehavior_data()
{
    QTest::addColumn<QString>("callName");
    QTest::addColumn<QByteArray>("badBody");
    QTest::addColumn<QByteArray>("bodyPart");
    QTest::newRow("anthropic no max_tokens")
        << "messages" << QByteArray(R"({"model":"m",)" + kMessages + '}')
        << QByteArray(R"({"type":"error","error":{"type":"invalid_request_error",)"
                      R"("message":"max_tokens: Field required"}})");
    QTest::newRow("anthropic no model") << "messages-stream" << QByteArray(R"({"max_tokens":5})")
                                        << QByteArray("model: Field required");
    QTest::newRow("count_tokens no messages") << "count-tokens" << QByteArray(R"({"model":"m"})")
                                              << QByteArray("messages: Field required");
    QTest::newRow("responses no model") << "responses" << QByteArray(R"({"input":"x"})")
                                        << QByteArray("\"code\": \"missing_required_parameter\"");
    QTest::newRow("responses not json")
        << "responses-stream" << QByteArray("nope") << QByteArray("could not parse the JSON body");
    QTest::newRow("gemini no contents")
        << "gemini-sse" << QByteArray("{}")
        << QByteArray("{\n  \"error\": {\n    \"code\": 400,\n    \"message\": \"* "
                      "GenerateContentRequest.contents: contents is not specified\\n\",\n    "
                      "\"status\": \"INVALID_ARGUMENT\"\n  }\n}\n");
}

void TestMockProtocols::refusedRequestsKeepQueuedBehavior()
{
    QFETCH(QString, callName);
    QFETCH(QByteArray, badBody);
    QFETCH(QByteArray, bodyPart);
    Behavior b;
    b.kind = Kind::HttpError;
    b.status = 503;
    m_mock->enqueueBehavior(b);
    Call c = call(callName);
    const QByteArray goodBody = std::exchange(c.body, badBody);
    QNetworkReply *reply = exchange(c);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
    const QByteArray body = reply->readAll();
    QVERIFY2(body.contains(bodyPart), body.constData());
    c.body = goodBody;
    reply = exchange(c);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 503);
}

void TestMockProtocols::unknownPaths_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArrayList>("headers");
    QTest::addColumn<int>("protocol");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("openai") << QByteArray("GET") << QStringLiteral("/v1/nothing")
                            << QByteArrayList() << int(WireProtocol::OpenAiChat) << 404
                            << QByteArray("\"message\": \"Invalid URL (GET /v1/nothing)\"");
    QTest::newRow("anthropic by version header")
        << QByteArray("POST") << QStringLiteral("/v1/complete")
        << QByteArrayList { "anthropic-version: 2023-06-01" } << int(WireProtocol::Anthropic) << 404
        << QByteArray(
               R"({"type":"error","error":{"type":"not_found_error","message":"Not Found"}})");
    QTest::newRow("anthropic by key header")
        << QByteArray("GET") << QStringLiteral("/v1/files") << QByteArrayList { "x-api-key: k" }
        << int(WireProtocol::Anthropic) << 404 << QByteArray("not_found_error");
    QTest::newRow("anthropic wrong method")
        << QByteArray("GET") << QStringLiteral("/v1/messages") << QByteArrayList()
        << int(WireProtocol::Anthropic) << 405 << QByteArray("Method Not Allowed");
    QTest::newRow("gemini other method")
        << QByteArray("POST") << QStringLiteral("/v1beta/models/gemini-2.5-flash:countTokens")
        << QByteArrayList() << int(WireProtocol::Gemini) << 404
        << QByteArray("\"status\": \"NOT_FOUND\"");
    QTest::newRow("gemini by key header")
        << QByteArray("GET") << QStringLiteral("/v1/cachedContents")
        << QByteArrayList { "x-goog-api-key: k" } << int(WireProtocol::Gemini) << 404
        << QByteArray("\"code\": 404");
    QTest::newRow("responses wrong method")
        << QByteArray("GET") << QStringLiteral("/v1/responses") << QByteArrayList()
        << int(WireProtocol::OpenAiResponses) << 405 << QByteArray("Method not allowed.");
}

void TestMockProtocols::unknownPaths()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArrayList, headers);
    QFETCH(int, protocol);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QNetworkReply *reply
        = exchange({ method, path, method == "POST" ? QByteArray("{}") : QByteArray(), headers });
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), status);
    const QByteArray received = reply->readAll();
    QVERIFY2(received.contains(body), received.constData());
    QCOMPARE(int(m_mock->requests().constFirst().protocol), protocol);
}

void TestMockProtocols::chunkDelay_data()
{
    QTest::addColumn<QString>("callName");
    QTest::addColumn<int>("pauses"); // pieces after the first, the last chunk included
    QTest::newRow("anthropic") << "messages-stream" << 11;
    QTest::newRow("responses") << "responses-stream" << 13;
    QTest::newRow("gemini array") << "gemini-array" << 6;
}

void TestMockProtocols::chunkDelay()
{
    QFETCH(QString, callName);
    QFETCH(int, pauses);
    Behavior b;
    b.chunkDelayMs = 15;
    m_mock->setDefaultBehavior(b);
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = exchange(call(callName));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QVERIFY2(timer.elapsed() >= pauses * 15 - 10, QByteArray::number(timer.elapsed()).constData());
    QVERIFY(timer.elapsed() < 5000);
}

void TestMockProtocols::gatewayReadsStreams_data()
{
    QTest::addColumn<QString>("callName");
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("tool");
    QTest::addColumn<QString>("thinking");
    const QStringList calls { QStringLiteral("chat-stream"), QStringLiteral("responses-stream"),
                              QStringLiteral("messages-stream"), QStringLiteral("gemini-sse"),
                              QStringLiteral("gemini-array") };
    for (const QString &name : calls) {
        const QByteArray tag = name.toUtf8();
        const char *n = tag.constData();
        QTest::addRow("%s text", n) << name << int(Kind::Ok) << false << QString();
        QTest::addRow("%s tool call", n) << name << int(Kind::Ok) << true << QString();
        QTest::addRow("%s thinking", n)
            << name << int(Kind::Ok) << false << QStringLiteral("Hm ok.");
        QTest::addRow("%s error before content", n)
            << name << int(Kind::ErrorEventBeforeContent) << false << QString();
        QTest::addRow("%s tool call, error before content", n)
            << name << int(Kind::ErrorEventBeforeContent) << true << QString();
        QTest::addRow("%s error after content", n)
            << name << int(Kind::ErrorEventAfterContent) << false << QString();
    }
}

void TestMockProtocols::gatewayReadsStreams()
{
    QFETCH(QString, callName);
    QFETCH(int, kind);
    QFETCH(bool, tool);
    QFETCH(QString, thinking);
    Behavior b;
    b.kind = Kind(kind);
    b.thinking = thinking;
    b.promptTokens = 100;
    b.completionTokens = 40;
    b.cachedTokens = 30;
    b.reasoningTokens = 10;
    if (tool)
        b.toolCallArguments = { QStringLiteral("{\"city\":"), QStringLiteral("\"Paris\"}") };
    m_mock->enqueueBehavior(b);
    const Call c = call(callName);
    QNetworkReply *reply = exchange(c);
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    const Reading r = readStream(c, reply->readAll());
    QVERIFY(!r.kinds.isEmpty());
    const qsizetype content = r.kinds.indexOf(StreamEventKind::Content);
    const qsizetype error = r.kinds.indexOf(StreamEventKind::Error);
    switch (b.kind) {
    case Kind::Ok: {
        QCOMPARE(error, -1);
        QVERIFY(content >= 0);
        if (c.protocol == WireProtocol::Gemini)
            QVERIFY(r.terminal);
        else
            QCOMPARE(r.kinds.last(), StreamEventKind::Done);
        // Every protocol reports the same totals, each in its own fields.
        QCOMPARE(r.usage.inputTokens, 100);
        QCOMPARE(r.usage.outputTokens, 40);
        QCOMPARE(r.usage.cachedTokens, 30);
        break;
    }
    case Kind::ErrorEventBeforeContent:
        // The gateway can still fail over: no output before the error.
        QVERIFY(error >= 0);
        QVERIFY(content == -1 || content > error);
        break;
    default:
        QVERIFY(error >= 0);
        QVERIFY(content >= 0 && content < error);
        break;
    }
}

void TestMockProtocols::gatewayReadsBodies_data()
{
    QTest::addColumn<QString>("callName");
    QTest::addColumn<bool>("tool");
    const QStringList calls { QStringLiteral("chat"), QStringLiteral("responses"),
                              QStringLiteral("messages"), QStringLiteral("gemini") };
    for (const QString &name : calls) {
        QTest::addRow("%s text", qPrintable(name)) << name << false;
        QTest::addRow("%s tool call", qPrintable(name)) << name << true;
    }
}

void TestMockProtocols::gatewayReadsBodies()
{
    QFETCH(QString, callName);
    QFETCH(bool, tool);
    Behavior b;
    b.promptTokens = 100;
    b.completionTokens = 40;
    b.cachedTokens = 30;
    b.reasoningTokens = 10;
    if (tool)
        b.toolCallArguments = { QStringLiteral("{\"city\":"), QStringLiteral("\"Paris\"}") };
    m_mock->setDefaultBehavior(b);
    const Call c = call(callName);
    QNetworkReply *reply = exchange(c);
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    const QByteArray body = reply->readAll();
    const TokenUsage usage = readBody(c.protocol, body);
    QCOMPARE(usage.inputTokens, 100);
    QCOMPARE(usage.outputTokens, 40);
    QCOMPARE(usage.cachedTokens, 30);
    // The body is valid JSON and, for a tool call, carries the joined arguments.
    QJsonParseError parseError;
    QJsonDocument::fromJson(body, &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    if (tool)
        QVERIFY2(body.contains("Paris"), body.constData());
}

QTEST_GUILESS_MAIN(TestMockProtocols)
#include "tst_support_mockprotocols.moc"
