// Self-test of the mock OpenAI provider: wire bytes against the fixtures in tests/data/openai/
// (written from the API reference, not produced by the mock), every behavior, abort counting,
// keep-alive and pipelining, request parsing, and the llmo-mock-provider executable.
#include "mockhttprequestparser.h"
#include "mockprovider.h"
#include "testdata.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QtTest>

#include <memory>

using Behavior = MockProvider::Behavior;

namespace {
const QByteArray kChatBody
    = QByteArrayLiteral(R"({"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]})");
const QByteArray kStreamBody = QByteArrayLiteral(
    R"({"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"hi"}]})");
const QByteArray kError500Event = QByteArrayLiteral(
    "data: {\"error\":{\"message\":\"The server had an error while processing your request. "
    "Sorry about that!\",\"type\":\"server_error\",\"param\":null,\"code\":null}}\n\n");
const QByteArray kError429Event = QByteArrayLiteral(
    "data: {\"error\":{\"message\":\"Rate limit reached for gpt-4o-mini in organization "
    "org-mock on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in "
    "20s.\",\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}\n\n");

// The SSE events of a fixture, each with its "\n\n".
QList<QByteArray> fixtureEvents(const QString &name)
{
    QList<QByteArray> events;
    const QByteArray all = testdata::read(QStringLiteral("openai/") + name);
    qsizetype start = 0;
    for (qsizetype end = all.indexOf("\n\n"); end >= 0; end = all.indexOf("\n\n", start)) {
        events.append(all.mid(start, end + 2 - start));
        start = end + 2;
    }
    return events;
}

QByteArray joined(const QList<QByteArray> &parts)
{
    QByteArray out;
    for (const QByteArray &p : parts)
        out += p;
    return out;
}

Behavior behaviorOf(Behavior::Kind kind, int status = 500)
{
    Behavior b;
    b.kind = kind;
    b.status = status;
    return b;
}

// Collects everything a raw client socket receives (the mock shares this thread, so the test
// must spin the event loop rather than block in waitForReadyRead()).
struct RawClient
{
    QTcpSocket socket;
    QByteArray received;
    bool closed = false;

    explicit RawClient(quint16 port)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket,
                         [this] { received += socket.readAll(); });
        QObject::connect(&socket, &QTcpSocket::disconnected, &socket, [this] { closed = true; });
        socket.connectToHost(QHostAddress::LocalHost, port);
    }
};

// Splits a chunked body into its chunks' data; fails the QVERIFY if the framing is wrong.
bool decodeChunks(const QByteArray &body, QList<QByteArray> *chunks)
{
    qsizetype pos = 0;
    for (;;) {
        const qsizetype eol = body.indexOf("\r\n", pos);
        if (eol < 0)
            return false;
        bool ok = false;
        const qsizetype size = body.mid(pos, eol - pos).toLongLong(&ok, 16);
        if (!ok)
            return false;
        pos = eol + 2;
        if (size == 0)
            return body.mid(pos) == "\r\n";
        if (body.mid(pos + size, 2) != "\r\n")
            return false;
        chunks->append(body.mid(pos, size));
        pos += size + 2;
    }
}

QList<MockHttpRequestParser::Request> parseAll(MockHttpRequestParser *parser, bool *error)
{
    QList<MockHttpRequestParser::Request> out;
    MockHttpRequestParser::Request r;
    for (;;) {
        const auto status = parser->next(&r);
        if (status == MockHttpRequestParser::Status::Error)
            *error = true;
        if (status != MockHttpRequestParser::Status::Complete)
            return out;
        out.append(r);
    }
}
} // namespace

class TestMockProvider final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void nonStreamedBody();
    void streamedBody_data();
    void streamedBody();
    void models();
    void httpError_data();
    void httpError();
    void chunkedFramingAndKeepAlive();
    void dropMidStream();
    void errorEventBeforeContent();
    void errorEventAfterContent();
    void hangMidStreamCountsAbort();
    void hangCountsAbort();
    void nonStreamedDrop();
    void keepAliveReusesConnection();
    void pipelinedRequests();
    void chunkedRequestBodyInSmallWrites();
    void behaviorQueueIsFifo();
    void invalidRequestKeepsQueuedBehavior();
    void requiredApiKey();
    void maxConcurrent();
    void chunkDelay();
    void recordsRequests();
    void parserSplitAnywhere_data();
    void parserSplitAnywhere();
    void parserErrors_data();
    void parserErrors();
    void executableServesAndStops();

private:
    QNetworkReply *post(const QByteArray &body,
                        const QString &path = QStringLiteral("/chat/completions"),
                        const QList<QPair<QByteArray, QByteArray>> &headers = {});
    QNetworkReply *get(const QString &path);

    std::unique_ptr<MockProvider> m_mock;
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

void TestMockProvider::init()
{
    m_mock = std::make_unique<MockProvider>();
    QVERIFY(m_mock->listen());
    QVERIFY(m_mock->port() != 0);
    QCOMPARE(m_mock->baseUrl(),
             QStringLiteral("http://127.0.0.1:") + QString::number(m_mock->port())
                 + QStringLiteral("/v1"));
    m_nam = std::make_unique<QNetworkAccessManager>();
}

void TestMockProvider::cleanup()
{
    m_nam.reset();
    m_mock.reset();
}

QNetworkReply *TestMockProvider::post(const QByteArray &body, const QString &path,
                                      const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(QUrl(m_mock->baseUrl() + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    QNetworkReply *reply = m_nam->post(request, body);
    reply->setParent(this);
    return reply;
}

QNetworkReply *TestMockProvider::get(const QString &path)
{
    QNetworkReply *reply = m_nam->get(QNetworkRequest(QUrl(m_mock->baseUrl() + path)));
    reply->setParent(this);
    return reply;
}

void TestMockProvider::nonStreamedBody()
{
    QNetworkReply *reply = post(kChatBody);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(reply->rawHeader("Content-Type"), QByteArray("application/json"));
    QCOMPARE(reply->rawHeader("x-request-id"), QByteArray("req_mock_1"));
    QCOMPARE(reply->readAll(), testdata::read(QStringLiteral("openai/mock-chat-completion.json")));
    QCOMPARE(m_mock->requestCount(), 1);
    QCOMPARE(m_mock->inFlight(), 0);
    QCOMPARE(m_mock->abortedCount(), 0);
}

void TestMockProvider::streamedBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("toolArguments");
    QTest::addColumn<QString>("fixture");
    QTest::newRow("text") << kStreamBody << QStringList()
                          << QStringLiteral("mock-chat-completion-stream.sse");
    QTest::newRow("include_usage")
        << QByteArrayLiteral(R"({"model":"gpt-4o-mini","stream":true,)"
                             R"("stream_options":{"include_usage":true},"messages":[]})")
        << QStringList() << QStringLiteral("mock-chat-completion-stream-usage.sse");
    QTest::newRow("tool call") << kStreamBody
                               << QStringList { QStringLiteral("{\"city\":"),
                                                QStringLiteral("\"Paris\"}") }
                               << QStringLiteral("mock-chat-completion-tool-stream.sse");
}

void TestMockProvider::streamedBody()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, toolArguments);
    QFETCH(QString, fixture);
    Behavior b;
    b.toolCallArguments = toolArguments;
    m_mock->setDefaultBehavior(b);

    QNetworkReply *reply = post(body);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->rawHeader("Content-Type"), QByteArray("text/event-stream; charset=utf-8"));
    const QByteArray expected = testdata::read(QStringLiteral("openai/") + fixture);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(reply->readAll(), expected);
}

void TestMockProvider::models()
{
    QNetworkReply *reply = get(QStringLiteral("/models"));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->readAll(), testdata::read(QStringLiteral("openai/mock-models.json")));

    m_mock->setModels({ QStringLiteral("only-one") });
    reply = get(QStringLiteral("/models"));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
    QVERIFY(reply->readAll().contains("\"id\": \"only-one\""));

    reply = get(QStringLiteral("/nothing-here"));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
    QVERIFY(reply->readAll().contains("\"message\": \"Invalid URL (GET /v1/nothing-here)\""));
}

void TestMockProvider::httpError_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("customBody");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<QByteArray>("expectedBody"); // empty: the 429 fixture
    QTest::addColumn<QByteArray>("expectedPart");
    const int httpError = int(Behavior::Kind::HttpError);
    QTest::newRow("429 default body")
        << httpError << 429 << QByteArray() << false << QByteArray() << QByteArray();
    QTest::newRow("429 in a stream request")
        << httpError << 429 << QByteArray() << true << QByteArray() << QByteArray();
    QTest::newRow("500 default body") << httpError << 500 << QByteArray() << false << QByteArray()
                                      << QByteArray("\"type\": \"server_error\"");
    QTest::newRow("401 default body") << httpError << 401 << QByteArray() << false << QByteArray()
                                      << QByteArray("\"code\": \"invalid_api_key\"");
    QTest::newRow("custom body") << httpError << 502 << QByteArray("upstream exploded") << true
                                 << QByteArray("upstream exploded") << QByteArray();
    QTest::newRow("error event kind, not streamed")
        << int(Behavior::Kind::ErrorEventBeforeContent) << 503 << QByteArray() << false
        << QByteArray() << QByteArray("\"message\": \"The engine is currently overloaded");
}

void TestMockProvider::httpError()
{
    QFETCH(int, kind);
    QFETCH(int, status);
    QFETCH(QByteArray, customBody);
    QFETCH(bool, stream);
    QFETCH(QByteArray, expectedBody);
    QFETCH(QByteArray, expectedPart);
    Behavior b = behaviorOf(Behavior::Kind(kind), status);
    b.body = customBody;
    b.headers = { { "Retry-After", "2" } };
    m_mock->enqueueBehavior(b);

    QNetworkReply *reply = post(stream ? kStreamBody : kChatBody);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), status);
    QCOMPARE(reply->rawHeader("Retry-After"), QByteArray("2"));
    const QByteArray body = reply->readAll();
    if (!expectedPart.isEmpty())
        QVERIFY2(body.contains(expectedPart), body.constData());
    else if (!expectedBody.isEmpty())
        QCOMPARE(body, expectedBody);
    else
        QCOMPARE(body, testdata::read(QStringLiteral("openai/mock-error-429.json")));
}

void TestMockProvider::chunkedFramingAndKeepAlive()
{
    RawClient client(m_mock->port());
    const QByteArray request = QByteArrayLiteral("POST /v1/chat/completions HTTP/1.1\r\n"
                                                 "Host: 127.0.0.1\r\nContent-Length: ")
        + QByteArray::number(kStreamBody.size()) + "\r\n\r\n" + kStreamBody;
    client.socket.write(request);
    QTRY_VERIFY_WITH_TIMEOUT(client.received.endsWith("\r\n0\r\n\r\n"), 5000);

    const qsizetype headEnd = client.received.indexOf("\r\n\r\n");
    const QByteArray head = client.received.left(headEnd + 2);
    QVERIFY(head.startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(head.contains("\r\nTransfer-Encoding: chunked\r\n"));
    QVERIFY(head.contains("\r\nContent-Type: text/event-stream; charset=utf-8\r\n"));
    QVERIFY(!head.contains("Content-Length"));
    QList<QByteArray> chunks;
    QVERIFY(decodeChunks(client.received.mid(headEnd + 4), &chunks));
    // One HTTP chunk per SSE event.
    QCOMPARE(chunks, fixtureEvents(QStringLiteral("mock-chat-completion-stream.sse")));

    // The same connection serves the next request.
    client.received.clear();
    client.socket.write(request);
    QTRY_VERIFY_WITH_TIMEOUT(client.received.endsWith("\r\n0\r\n\r\n"), 5000);
    QVERIFY(client.received.contains("\"id\":\"chatcmpl-mock-2\""));
    QCOMPARE(m_mock->connectionCount(), 1);
    QCOMPARE(m_mock->requestCount(), 2);
}

void TestMockProvider::dropMidStream()
{
    m_mock->enqueueBehavior(behaviorOf(Behavior::Kind::DropMidStream));
    QNetworkReply *reply = post(kStreamBody);
    QByteArray body;
    connect(reply, &QIODevice::readyRead, this, [&] { body += reply->readAll(); });
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
    body += reply->readAll();
    QVERIFY(reply->error() != QNetworkReply::NoError);
    const QList<QByteArray> events
        = fixtureEvents(QStringLiteral("mock-chat-completion-stream.sse"));
    QCOMPARE(body, joined(events.mid(0, 3))); // role chunk and two content chunks
    QCOMPARE(m_mock->abortedCount(), 0); // the server closed, not the client
    QCOMPARE(m_mock->inFlight(), 0);
}

void TestMockProvider::errorEventBeforeContent()
{
    m_mock->enqueueBehavior(behaviorOf(Behavior::Kind::ErrorEventBeforeContent, 429));
    QNetworkReply *reply = post(kStreamBody);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(reply->readAll(), kError429Event);
}

void TestMockProvider::errorEventAfterContent()
{
    m_mock->enqueueBehavior(behaviorOf(Behavior::Kind::ErrorEventAfterContent));
    QNetworkReply *reply = post(kStreamBody);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    const QList<QByteArray> events
        = fixtureEvents(QStringLiteral("mock-chat-completion-stream.sse"));
    QCOMPARE(reply->readAll(), joined(events.mid(0, 2)) + kError500Event);
}

void TestMockProvider::hangMidStreamCountsAbort()
{
    m_mock->enqueueBehavior(behaviorOf(Behavior::Kind::HangMidStream));
    QSignalSpy aborted(m_mock.get(), &MockProvider::requestAborted);
    QNetworkReply *reply = post(kStreamBody);
    QByteArray body;
    connect(reply, &QIODevice::readyRead, this, [&] { body += reply->readAll(); });
    const QList<QByteArray> events
        = fixtureEvents(QStringLiteral("mock-chat-completion-stream.sse"));
    QTRY_COMPARE_WITH_TIMEOUT(body, joined(events.mid(0, 2)), 5000);
    QTest::qWait(50);
    QVERIFY(!reply->isFinished());
    QCOMPARE(m_mock->inFlight(), 1);
    reply->abort();
    QTRY_COMPARE_WITH_TIMEOUT(m_mock->abortedCount(), 1, 5000);
    QCOMPARE(aborted.count(), 1);
    QCOMPARE(m_mock->inFlight(), 0);
}

void TestMockProvider::hangCountsAbort()
{
    m_mock->enqueueBehavior(behaviorOf(Behavior::Kind::Hang));
    QSignalSpy received(m_mock.get(), &MockProvider::requestReceived);
    QNetworkReply *reply = post(kChatBody);
    QTRY_COMPARE_WITH_TIMEOUT(received.count(), 1, 5000);
    QTest::qWait(50);
    QVERIFY(!reply->isFinished());
    QCOMPARE(reply->bytesAvailable(), 0);
    QCOMPARE(m_mock->inFlight(), 1);
    reply->abort();
    QTRY_COMPARE_WITH_TIMEOUT(m_mock->abortedCount(), 1, 5000);
    QCOMPARE(m_mock->inFlight(), 0);

    // The next request gets the default behavior again.
    reply = post(kChatBody);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(m_mock->abortedCount(), 1);
}

void TestMockProvider::nonStreamedDrop()
{
    m_mock->enqueueBehavior(behaviorOf(Behavior::Kind::DropMidStream));
    QNetworkReply *reply = post(kChatBody);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
    QVERIFY(reply->error() != QNetworkReply::NoError);
    QCOMPARE(m_mock->abortedCount(), 0);
    QCOMPARE(m_mock->inFlight(), 0);
}

void TestMockProvider::keepAliveReusesConnection()
{
    for (int i = 0; i < 3; ++i) {
        QNetworkReply *reply = post(i == 1 ? kStreamBody : kChatBody);
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
        QCOMPARE(reply->error(), QNetworkReply::NoError);
    }
    QCOMPARE(m_mock->requestCount(), 3);
    QCOMPARE(m_mock->connectionCount(), 1);
}

void TestMockProvider::pipelinedRequests()
{
    RawClient client(m_mock->port());
    const QByteArray first = QByteArrayLiteral("GET /v1/models HTTP/1.1\r\nHost: a\r\n\r\n");
    const QByteArray second = QByteArrayLiteral("POST /v1/chat/completions HTTP/1.1\r\nHost: a\r\n"
                                                "Connection: close\r\nContent-Length: ")
        + QByteArray::number(kChatBody.size()) + "\r\n\r\n" + kChatBody;
    client.socket.write(first + second); // both in one segment
    QTRY_VERIFY_WITH_TIMEOUT(client.closed, 5000);
    QCOMPARE(client.received.count("HTTP/1.1 200 OK\r\n"), 2);
    QVERIFY(client.received.indexOf("\"object\": \"list\"")
            < client.received.indexOf("\"object\": \"chat.completion\""));
    QVERIFY(client.received.contains("Connection: close\r\n"));
    QCOMPARE(m_mock->requestCount(), 2);
    QCOMPARE(m_mock->connectionCount(), 1);
}

void TestMockProvider::chunkedRequestBodyInSmallWrites()
{
    RawClient client(m_mock->port());
    QTRY_COMPARE_WITH_TIMEOUT(client.socket.state(), QAbstractSocket::ConnectedState, 5000);
    const QByteArray request = QByteArrayLiteral("POST /v1/chat/completions HTTP/1.1\r\nHost: a\r\n"
                                                 "Transfer-Encoding: chunked\r\n\r\n")
        + QByteArray::number(20, 16) + "\r\n" + kChatBody.left(20) + "\r\n"
        + QByteArray::number(kChatBody.size() - 20, 16) + "\r\n" + kChatBody.mid(20)
        + "\r\n0\r\n\r\n";
    for (qsizetype i = 0; i < request.size(); i += 7) {
        client.socket.write(request.mid(i, 7));
        client.socket.flush();
        QTest::qWait(1);
    }
    QTRY_VERIFY_WITH_TIMEOUT(client.received.contains("\"system_fingerprint\": \"fp_mock\""), 5000);
    QCOMPARE(m_mock->requestCount(), 1);
    QCOMPARE(m_mock->requests().first().body, kChatBody);
}

void TestMockProvider::behaviorQueueIsFifo()
{
    m_mock->enqueueBehavior(behaviorOf(Behavior::Kind::HttpError, 503));
    m_mock->enqueueBehavior(behaviorOf(Behavior::Kind::HttpError, 429));
    const QList<int> expected { 503, 429, 200, 200 };
    for (const int status : expected) {
        QNetworkReply *reply = post(kChatBody);
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), status);
    }
    m_mock->enqueueBehavior(behaviorOf(Behavior::Kind::HttpError, 503));
    m_mock->reset();
    QCOMPARE(m_mock->requestCount(), 0);
    QNetworkReply *reply = post(kChatBody);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(reply->readAll().contains("\"id\": \"chatcmpl-mock-1\""));
}

void TestMockProvider::invalidRequestKeepsQueuedBehavior()
{
    m_mock->enqueueBehavior(behaviorOf(Behavior::Kind::HttpError, 503));
    QNetworkReply *reply = post(QByteArrayLiteral("not json"));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
    reply = post(QByteArrayLiteral(R"({"messages":[]})"));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
    QVERIFY(reply->readAll().contains("you must provide a model parameter"));
    reply = post(kChatBody);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 503);
}

void TestMockProvider::requiredApiKey()
{
    m_mock->setRequiredApiKey("sk-upstream");
    QNetworkReply *reply = post(kChatBody);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
    QVERIFY(reply->readAll().contains("\"code\": \"invalid_api_key\""));
    reply = post(kChatBody, QStringLiteral("/chat/completions"),
                 { { "Authorization", "Bearer sk-upstream" } });
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
}

void TestMockProvider::maxConcurrent()
{
    m_mock->setDefaultBehavior(behaviorOf(Behavior::Kind::Hang));
    QList<QNetworkReply *> replies;
    for (int i = 0; i < 3; ++i)
        replies.append(post(kChatBody));
    QTRY_COMPARE_WITH_TIMEOUT(m_mock->inFlight(), 3, 5000);
    QCOMPARE(m_mock->maxConcurrent(), 3);
    QCOMPARE(m_mock->connectionCount(), 3);
    for (QNetworkReply *reply : replies)
        reply->abort();
    QTRY_COMPARE_WITH_TIMEOUT(m_mock->abortedCount(), 3, 5000);
    QCOMPARE(m_mock->inFlight(), 0);
    QCOMPARE(m_mock->maxConcurrent(), 3);
}

void TestMockProvider::chunkDelay()
{
    Behavior b;
    b.chunkDelayMs = 30;
    m_mock->setDefaultBehavior(b);
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = post(kStreamBody);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
    // Role, five words, finish, [DONE] and the last chunk: eight pauses of 30 ms.
    QVERIFY2(timer.elapsed() >= 8 * 30 - 10, QByteArray::number(timer.elapsed()).constData());
    QCOMPARE(reply->readAll(),
             testdata::read(QStringLiteral("openai/mock-chat-completion-stream.sse")));
}

void TestMockProvider::recordsRequests()
{
    QNetworkReply *reply
        = post(kChatBody, QStringLiteral("/chat/completions?beta=true"), { { "X-Custom", "abc" } });
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QList<MockProvider::ReceivedRequest> requests = m_mock->requests();
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.first().method, QByteArray("POST"));
    QCOMPARE(requests.first().path, QByteArray("/v1/chat/completions?beta=true"));
    QCOMPARE(requests.first().header("x-custom"), QByteArray("abc"));
    QCOMPARE(requests.first().header("CONTENT-TYPE"), QByteArray("application/json"));
    QCOMPARE(requests.first().header("X-Absent"), QByteArray());
    QCOMPARE(requests.first().body, kChatBody);
}

void TestMockProvider::parserSplitAnywhere_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArrayList>("methods");
    QTest::addColumn<QByteArray>("lastBody");
    QTest::addColumn<bool>("lastKeepAlive");
    QTest::newRow("content-length")
        << QByteArrayLiteral("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n"
                             "Content-Length: 13\r\n\r\n{\"model\":\"m\"}")
        << QByteArrayList { "POST" } << QByteArray("{\"model\":\"m\"}") << true;
    QTest::newRow("chunked, extension, trailer")
        << QByteArrayLiteral("POST /x HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\n"
                             "5;ext=1\r\n{\"mod\r\n8\r\nel\":\"m\"}\r\n0\r\nX-Trailer: 1\r\n\r\n")
        << QByteArrayList { "POST" } << QByteArray("{\"model\":\"m\"}") << true;
    QTest::newRow("no body, then pipelined close")
        << QByteArrayLiteral("GET /v1/models HTTP/1.1\r\n\r\n"
                             "POST /a HTTP/1.1\r\nConnection: close\r\nContent-Length: 2\r\n\r\nhi")
        << QByteArrayList { "GET", "POST" } << QByteArray("hi") << false;
    QTest::newRow("HTTP/1.0 keep-alive")
        << QByteArrayLiteral("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n")
        << QByteArrayList { "GET" } << QByteArray() << true;
    QTest::newRow("HTTP/1.0 default close") << QByteArrayLiteral("GET / HTTP/1.0\r\n\r\n")
                                            << QByteArrayList { "GET" } << QByteArray() << false;
}

void TestMockProvider::parserSplitAnywhere()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArrayList, methods);
    QFETCH(QByteArray, lastBody);
    QFETCH(bool, lastKeepAlive);
    // Every split point, and byte by byte: the result must not depend on how reads fall.
    for (qsizetype split = 0; split <= input.size() + 1; ++split) {
        MockHttpRequestParser parser;
        bool error = false;
        QList<MockHttpRequestParser::Request> requests;
        if (split <= input.size()) {
            parser.feed(input.left(split));
            requests += parseAll(&parser, &error);
            parser.feed(input.mid(split));
            requests += parseAll(&parser, &error);
        } else {
            for (const char ch : input) {
                parser.feed(QByteArray(1, ch));
                requests += parseAll(&parser, &error);
            }
        }
        QVERIFY(!error);
        QCOMPARE(requests.size(), methods.size());
        for (qsizetype i = 0; i < methods.size(); ++i)
            QCOMPARE(requests.at(i).method, methods.at(i));
        QCOMPARE(requests.last().body, lastBody);
        QCOMPARE(requests.last().keepAlive(), lastKeepAlive);
        QVERIFY(!parser.hasPendingBytes());
    }
}

void TestMockProvider::parserErrors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("request line") << QByteArrayLiteral("GARBAGE\r\n\r\n");
    QTest::newRow("content-length")
        << QByteArrayLiteral("POST / HTTP/1.1\r\nContent-Length: x\r\n\r\n");
    QTest::newRow("chunk size") << QByteArrayLiteral(
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
    QTest::newRow("chunk without CRLF")
        << QByteArrayLiteral("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n");
    QTest::newRow("transfer coding")
        << QByteArrayLiteral("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n");
    QTest::newRow("header line") << QByteArrayLiteral("GET / HTTP/1.1\r\nno colon\r\n\r\n");
    QTest::newRow("head too large") << QByteArrayLiteral("GET / HTTP/1.1\r\nX: ")
            + QByteArray(MockHttpRequestParser::kMaxHeadBytes + 10, 'a');
}

void TestMockProvider::parserErrors()
{
    QFETCH(QByteArray, input);
    MockHttpRequestParser parser;
    parser.feed(input);
    MockHttpRequestParser::Request r;
    QCOMPARE(parser.next(&r), MockHttpRequestParser::Status::Error);
    QVERIFY(!parser.errorText().isEmpty());
    QCOMPARE(parser.next(&r), MockHttpRequestParser::Status::Error);

    // Over the wire: 400 and the connection is closed.
    RawClient client(m_mock->port());
    client.socket.write(input);
    QTRY_VERIFY_WITH_TIMEOUT(client.closed, 5000);
    QVERIFY(client.received.startsWith("HTTP/1.1 400 Bad Request\r\n"));
    QCOMPARE(m_mock->requestCount(), 0);
}

void TestMockProvider::executableServesAndStops()
{
    QProcess process;
    process.start(QStringLiteral(LLMO_MOCK_PROVIDER_EXE),
                  { QStringLiteral("--words"), QStringLiteral("3"), QStringLiteral("--port"),
                    QStringLiteral("0") });
    QVERIFY(process.waitForStarted(5000));
    while (!process.canReadLine())
        QVERIFY(process.waitForReadyRead(5000));
    const QByteArray line = process.readLine().trimmed();
    QVERIFY2(line.startsWith("listening "), line.constData());
    const int port = line.mid(10).toInt();
    QVERIFY(port > 0);

    QNetworkRequest request(
        QUrl(QStringLiteral("http://127.0.0.1:%1/v1/chat/completions").arg(port)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply = m_nam->post(request, kStreamBody);
    reply->setParent(this);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    const QByteArray body = reply->readAll();
    QCOMPARE(body.count("\"delta\":{\"content\":"), 3);
    QVERIFY(body.contains("{\"content\":\" word3\"}"));
    QVERIFY(body.endsWith("data: [DONE]\n\n"));

    process.terminate(); // SIGTERM: a clean exit
    QVERIFY(process.waitForFinished(5000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestMockProvider)
#include "tst_support_mockprovider.moc"
