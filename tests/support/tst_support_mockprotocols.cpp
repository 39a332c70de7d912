// Self-test of the mock provider's replies in every wire protocol over real HTTP: bytes against
// the mock-* fixtures (OpenAI's written by hand, the others by make_mock_fixtures.py from the API
// references, independently of the C++ mock), the protocol recorded per request, and every
// behavior kind: stream failures, HTTP errors, non-streamed failures, chunk delays.
#include "mockprovider.h"
#include "mocktestclient.h"
#include "testdata.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QtTest>

#include <memory>

using Behavior = MockProvider::Behavior;
using Kind = MockProvider::Behavior::Kind;

namespace {
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
    void chunkDelay_data();
    void chunkDelay();

private:
    std::unique_ptr<MockProvider> m_mock;
    std::unique_ptr<MockTestClient> m_client;
};

void TestMockProtocols::init()
{
    m_mock = std::make_unique<MockProvider>();
    QVERIFY(m_mock->listen());
    m_client = std::make_unique<MockTestClient>(m_mock.get());
}

void TestMockProtocols::cleanup()
{
    m_client.reset();
    m_mock.reset();
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

    const MockTestClient::Call c = MockTestClient::call(callName);
    QNetworkReply *reply = m_client->exchange(c, this);
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

    QNetworkReply *reply = m_client->send(MockTestClient::call(callName), this);
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
    // A dropped stream ends without its last chunk (`expected` holds only what was sent).
    // Whether QNetworkAccessManager reports that as an error depends on timing in Qt 6.4
    // (under load it sometimes ends the reply cleanly), so only complete streams are held to
    // NoError; the gateway detects truncation from the missing terminal event instead.
    if (b.kind != Kind::DropMidStream)
        QCOMPARE(reply->error(), QNetworkReply::NoError);
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

    QNetworkReply *reply = m_client->exchange(MockTestClient::call(callName), this);
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
    QNetworkReply *reply = m_client->send(MockTestClient::call(callName), this);
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
    QNetworkReply *reply = m_client->exchange(MockTestClient::call(callName), this);
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QVERIFY2(timer.elapsed() >= pauses * 15 - 10, QByteArray::number(timer.elapsed()).constData());
    QVERIFY(timer.elapsed() < 5000);
}

QTEST_GUILESS_MAIN(TestMockProtocols)
#include "tst_support_mockprotocols.moc"
