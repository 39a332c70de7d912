// Self-test of how the mock provider takes requests in each protocol: keys the way each API
// takes them (and its answers to a missing or wrong one), requests the API would refuse
// (which take no queued behavior), unknown paths and methods in the shape of the protocol
// they were meant for, and the protocol recorded for each.
#include "mockprovider.h"
#include "mocktestclient.h"

#include <QNetworkReply>
#include <QNetworkRequest>
#include <QtTest>

#include <memory>
#include <utility>

using Behavior = MockProvider::Behavior;
using Kind = MockProvider::Behavior::Kind;

namespace {
const QByteArray kMessages = QByteArrayLiteral(R"("messages":[{"role":"user","content":"Hi"}])");
} // namespace

class TestMockRequests final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void keys_data();
    void keys();
    void refusedRequestsKeepQueuedBehavior_data();
    void refusedRequestsKeepQueuedBehavior();
    void unknownPaths_data();
    void unknownPaths();

private:
    std::unique_ptr<MockProvider> m_mock;
    std::unique_ptr<MockTestClient> m_client;
};

void TestMockRequests::init()
{
    m_mock = std::make_unique<MockProvider>();
    QVERIFY(m_mock->listen());
    m_client = std::make_unique<MockTestClient>(m_mock.get());
}

void TestMockRequests::cleanup()
{
    m_client.reset();
    m_mock.reset();
}

void TestMockRequests::keys_data()
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

void TestMockRequests::keys()
{
    QFETCH(QString, callName);
    QFETCH(QByteArrayList, headers);
    QFETCH(QString, query);
    QFETCH(int, status);
    QFETCH(QByteArray, bodyPart);
    m_mock->setRequiredApiKey("sk-up");
    MockTestClient::Call c = MockTestClient::call(callName);
    c.path += query;
    QNetworkReply *reply = m_client->exchange(c, this, headers);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), status);
    const QByteArray body = reply->readAll();
    QVERIFY2(body.contains(bodyPart), body.constData());
    QCOMPARE(m_mock->requests().constFirst().protocol, c.protocol);
}

void TestMockRequests::refusedRequestsKeepQueuedBehavior_data()
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

void TestMockRequests::refusedRequestsKeepQueuedBehavior()
{
    QFETCH(QString, callName);
    QFETCH(QByteArray, badBody);
    QFETCH(QByteArray, bodyPart);
    Behavior b;
    b.kind = Kind::HttpError;
    b.status = 503;
    m_mock->enqueueBehavior(b);
    MockTestClient::Call c = MockTestClient::call(callName);
    const QByteArray goodBody = std::exchange(c.body, badBody);
    QNetworkReply *reply = m_client->exchange(c, this);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
    const QByteArray body = reply->readAll();
    QVERIFY2(body.contains(bodyPart), body.constData());
    c.body = goodBody;
    reply = m_client->exchange(c, this);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 503);
}

void TestMockRequests::unknownPaths_data()
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

void TestMockRequests::unknownPaths()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArrayList, headers);
    QFETCH(int, protocol);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QNetworkReply *reply = m_client->exchange(
        { method, path, method == "POST" ? QByteArray("{}") : QByteArray(), headers }, this);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), status);
    const QByteArray received = reply->readAll();
    QVERIFY2(received.contains(body), received.constData());
    QCOMPARE(int(m_mock->requests().constFirst().protocol), protocol);
}

QTEST_GUILESS_MAIN(TestMockRequests)
#include "tst_support_mockrequests.moc"
