// OpenAI Chat Completions through the gateway: passthrough, streaming, usage, auth, bad input.
#include "gatewayfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

class TestChat final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void nonStreamPassthrough();
    void streamIsRelayedIncrementally();
    void usageIsLogged();
    void auth_data();
    void auth();
    void badInput_data();
    void badInput();
    void oversizedBodyIsRefusedEarly();
    void modelList();
    void healthNeedsNoKey();

private:
    std::unique_ptr<MockProvider> m_mock;
    std::unique_ptr<GatewayFixture> m_gateway;
};

static QJsonObject json(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

void TestChat::init()
{
    m_mock = std::make_unique<MockProvider>(QStringLiteral("alpha"));
    QVERIFY(m_mock->listen());
    m_gateway = std::make_unique<GatewayFixture>();
    QString error;
    QVERIFY2(
        m_gateway->start(GatewayFixture::config(QStringLiteral("gpt-test"),
                                                { { QStringLiteral("alpha"), m_mock->baseUrl() } }),
                         &error, 1024 * 1024),
        qPrintable(error));
}

void TestChat::cleanup()
{
    m_gateway.reset();
    m_mock.reset();
}

void TestChat::nonStreamPassthrough()
{
    // Odd spacing and key order must reach the provider untouched; only "model" changes.
    const QByteArray body
        = R"({"messages": [{"role":"user","content":"hi"}],  "model" : "gpt-test", "temperature":0.25})";
    RawHttpClient *reply = m_gateway->post("/v1/chat/completions", body);
    QVERIFY(reply->isDone());
    QCOMPARE(reply->status(), 200);
    QCOMPARE(reply->header("Content-Type"), QByteArray("application/json"));
    QVERIFY(!reply->header("X-LLMO-Trace-Id").isEmpty());
    const QJsonObject answer = json(reply->body());
    QCOMPARE(answer.value(QStringLiteral("object")).toString(), QStringLiteral("chat.completion"));
    QCOMPARE(answer.value(QStringLiteral("model")).toString(), QStringLiteral("upstream-gpt-test"));

    QCOMPARE(m_mock->requestCount(), 1);
    const MockProvider::ReceivedRequest sent = m_mock->requests().constFirst();
    QCOMPARE(sent.path, QByteArray("/v1/chat/completions"));
    QCOMPARE(sent.header("Authorization"), QByteArray("Bearer sk-upstream"));
    QCOMPARE(
        sent.body,
        QByteArray(
            R"({"messages": [{"role":"user","content":"hi"}],  "model" : "upstream-gpt-test", "temperature":0.25})"));
}

void TestChat::streamIsRelayedIncrementally()
{
    MockProvider::Behavior slow;
    slow.chunkDelayMs = 150;
    m_mock->setDefaultBehavior(slow);
    const QByteArray body
        = R"({"model":"gpt-test","stream":true,"messages":[{"role":"user","content":"hi"}]})";
    RawHttpClient *reply = m_gateway->post("/v1/chat/completions", body, 15000);
    QVERIFY(reply->isDone());
    QCOMPARE(reply->status(), 200);
    QVERIFY(reply->header("Content-Type").startsWith("text/event-stream"));
    QCOMPARE(reply->header("Transfer-Encoding"), QByteArray("chunked"));
    // Chunk by chunk: the first bytes arrive long before the stream ends (5 words x 150 ms).
    QVERIFY2(reply->firstBodyByteMs() < reply->totalMs() - 400,
             qPrintable(QStringLiteral("first byte %1 ms, total %2 ms")
                            .arg(reply->firstBodyByteMs())
                            .arg(reply->totalMs())));
    const QByteArray events = reply->body();
    QVERIFY(events.contains("\"content\":\"Hello\""));
    QVERIFY(events.endsWith("data: [DONE]\n\n"));

    // The provider was asked for usage in the stream, the rest of the body kept.
    const QByteArray sent = m_mock->requests().constFirst().body;
    QVERIFY(sent.contains(R"("stream_options":{"include_usage":true})"));
    QVERIFY(sent.startsWith(R"({"model":"upstream-gpt-test","stream":true,"messages":)"));
    // ...but the usage-only chunk the client did not ask for is left out of its stream.
    QVERIFY2(!events.contains(R"("choices":[])"), events.constData());

    // A client that asks for usage gets that chunk.
    m_mock->setDefaultBehavior({});
    RawHttpClient *withUsage = m_gateway->post(
        "/v1/chat/completions",
        R"({"model":"gpt-test","stream":true,"stream_options":{"include_usage":true},"messages":[]})");
    QCOMPARE(withUsage->status(), 200);
    QVERIFY(withUsage->body().contains(R"("choices":[])"));
    QVERIFY(withUsage->body().contains(R"("prompt_tokens":11)"));
}

void TestChat::usageIsLogged()
{
    const QByteArray stream
        = R"({"model":"gpt-test","stream":true,"messages":[{"role":"user","content":"hi"}]})";
    const QByteArray plain = R"({"model":"gpt-test","messages":[{"role":"user","content":"hi"}]})";
    QCOMPARE(m_gateway->post("/v1/chat/completions", stream)->status(), 200);
    QCOMPARE(m_gateway->post("/v1/chat/completions", plain)->status(), 200);
    const QList<RequestLogRecord> rows = m_gateway->logRows();
    QCOMPARE(rows.size(), 2);
    for (const RequestLogRecord &row : rows) {
        QCOMPARE(row.status, QStringLiteral("200"));
        QCOMPARE(row.inputTokens, 11);
        QCOMPARE(row.outputTokens, 7);
        QCOMPARE(row.cachedTokens, 3);
        QCOMPARE(row.provider, QStringLiteral("alpha"));
        QCOMPARE(row.model, QStringLiteral("gpt-test"));
        QCOMPARE(row.upstreamModel, QStringLiteral("upstream-gpt-test"));
        QCOMPARE(row.attempt, 1);
        QCOMPARE(row.accessKey, QStringLiteral("env"));
        QCOMPARE(row.protocol, QStringLiteral("openai"));
        QVERIFY(row.headerMs >= 0);
        QVERIFY(row.ttftMs >= row.headerMs);
        QVERIFY(row.totalMs >= row.ttftMs);
        QVERIFY(row.bytesOut > 0);
        QCOMPARE(row.traceId.size(), 32);
    }
    QVERIFY(rows.at(0).stream);
    QVERIFY(!rows.at(1).stream);
}

void TestChat::auth_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("headerName");
    QTest::addColumn<QByteArray>("headerValue");
    QTest::addColumn<int>("status");
    const QByteArray path = "/v1/chat/completions";
    QTest::newRow("bearer") << path << QByteArray("Authorization") << QByteArray("Bearer sk-test")
                            << 200;
    QTest::newRow("x-api-key") << path << QByteArray("x-api-key") << QByteArray("sk-test") << 200;
    QTest::newRow("x-goog-api-key")
        << path << QByteArray("x-goog-api-key") << QByteArray("sk-test") << 200;
    QTest::newRow("query key") << QByteArray("/v1/chat/completions?key=sk-test")
                               << QByteArray("X-Other") << QByteArray("1") << 200;
    QTest::newRow("wrong key") << path << QByteArray("Authorization")
                               << QByteArray("Bearer sk-wrong") << 401;
    QTest::newRow("no key") << path << QByteArray("X-Other") << QByteArray("1") << 401;
}

void TestChat::auth()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, headerName);
    QFETCH(QByteArray, headerValue);
    QFETCH(int, status);
    const QByteArray body = R"({"model":"gpt-test","messages":[{"role":"user","content":"hi"}]})";
    RawHttpClient *reply = m_gateway->post(path, body, 10000, { { headerName, headerValue } });
    QCOMPARE(reply->status(), status);
    if (status == 401) {
        const QJsonObject error = json(reply->body()).value(QStringLiteral("error")).toObject();
        QVERIFY(!error.value(QStringLiteral("message")).toString().isEmpty());
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("invalid_api_key"));
        QCOMPARE(m_mock->requestCount(), 0);
    }
}

void TestChat::badInput_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("messagePart");
    const QByteArray chat = "/v1/chat/completions";
    QTest::newRow("malformed json") << QByteArray("POST") << chat
                                    << QByteArray("{\"model\": \"gpt-test\",") << 400 << QString();
    QTest::newRow("not an object")
        << QByteArray("POST") << chat << QByteArray("[1,2]") << 400 << QString();
    QTest::newRow("no model") << QByteArray("POST") << chat << QByteArray(R"({"messages":[]})")
                              << 400 << QStringLiteral("model");
    QTest::newRow("stream not bool")
        << QByteArray("POST") << chat << QByteArray(R"({"model":"gpt-test","stream":"yes"})") << 400
        << QStringLiteral("stream");
    QTest::newRow("unknown model")
        << QByteArray("POST") << chat << QByteArray(R"({"model":"nope","messages":[]})") << 404
        << QStringLiteral("nope");
    QTest::newRow("wrong method") << QByteArray("GET") << chat << QByteArray() << 405 << QString();
    QTest::newRow("unknown path") << QByteArray("POST") << QByteArray("/v1/nothing")
                                  << QByteArray("{}") << 404 << QString();
}

void TestChat::badInput()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, messagePart);
    RawHttpClient *reply = RawHttpClient::request(m_gateway->port(), method, path, body,
                                                  GatewayFixture::auth(), 10000, this);
    QCOMPARE(reply->status(), status);
    const QJsonObject error = json(reply->body()).value(QStringLiteral("error")).toObject();
    QVERIFY2(!error.isEmpty(), reply->body().constData());
    QVERIFY(error.value(QStringLiteral("message")).toString().contains(messagePart));
    QVERIFY(!error.value(QStringLiteral("type")).toString().isEmpty());
    QCOMPARE(m_mock->requestCount(), 0);
    // The server keeps serving.
    QCOMPARE(m_gateway
                 ->post("/v1/chat/completions",
                        R"({"model":"gpt-test","messages":[{"role":"user","content":"hi"}]})")
                 ->status(),
             200);
}

void TestChat::oversizedBodyIsRefusedEarly()
{
    // The fixture's limit is 1 MiB. Announce 64 MiB but send only the head: the 413 must come
    // from the announcement, without waiting for (or buffering) the body.
    RawHttpClient::Headers headers = GatewayFixture::auth();
    headers.append({ QByteArrayLiteral("Content-Length"), QByteArrayLiteral("67108864") });
    RawHttpClient client(m_gateway->port());
    client.send("POST", "/v1/chat/completions", R"({"model":"gpt-test","messages":[)", headers);
    QVERIFY(client.waitDone(5000));
    QCOMPARE(client.status(), 413);
    const QJsonObject error = json(client.body()).value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("type")).toString(),
             QStringLiteral("invalid_request_error"));

    // A body that really is too large, sent whole.
    const QByteArray big = R"({"model":"gpt-test","messages":[{"role":"user","content":")"
        + QByteArray(2 * 1024 * 1024, 'x') + R"("}]})";
    RawHttpClient *reply = m_gateway->post("/v1/chat/completions", big);
    QCOMPARE(reply->status(), 413);
    QCOMPARE(m_mock->requestCount(), 0);
    QCOMPARE(m_gateway
                 ->post("/v1/chat/completions",
                        R"({"model":"gpt-test","messages":[{"role":"user","content":"hi"}]})")
                 ->status(),
             200);
}

void TestChat::modelList()
{
    RawHttpClient *reply = m_gateway->get("/v1/models");
    QCOMPARE(reply->status(), 200);
    const QJsonObject list = json(reply->body());
    QCOMPARE(list.value(QStringLiteral("object")).toString(), QStringLiteral("list"));
    const QJsonArray data = list.value(QStringLiteral("data")).toArray();
    QCOMPARE(data.size(), 1);
    QCOMPARE(data.at(0).toObject().value(QStringLiteral("id")).toString(),
             QStringLiteral("gpt-test"));
    QCOMPARE(m_gateway->get("/v1/models", {})->status(), 401);
}

void TestChat::healthNeedsNoKey()
{
    RawHttpClient *reply = m_gateway->get("/health", {});
    QCOMPARE(reply->status(), 200);
    QCOMPARE(json(reply->body()).value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
}

QTEST_GUILESS_MAIN(TestChat)
#include "tst_integration_chat.moc"
