// The gateway's own wire code (src/providers) reading the mock provider's answers: the same
// token usage from every protocol's fields, output where the mock puts it, proper termination,
// and no output before an early error event (so the gateway can still fail over). Two
// independent implementations of each protocol checked against each other.
#include "anthropic/anthropicmessages.h"
#include "gemini/geminicontent.h"
#include "gemini/geminijsonarraystream.h"
#include "mockprovider.h"
#include "mocktestclient.h"
#include "openai/openaichat.h"
#include "responses/openairesponses.h"
#include "sse/sseparser.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkReply>
#include <QtTest>

#include <memory>

using Behavior = MockProvider::Behavior;
using Kind = MockProvider::Behavior::Kind;

namespace {
// What the gateway's wire code makes of a stream.
struct Reading
{
    QList<StreamEventKind> kinds;
    TokenUsage usage;
    bool terminal = false; // Gemini: a chunk with a finish reason
};

Reading readStream(const MockTestClient::Call &c, const QByteArray &bytes)
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

class TestMockGateway final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void gatewayReadsStreams_data();
    void gatewayReadsStreams();
    void gatewayReadsBodies_data();
    void gatewayReadsBodies();

private:
    std::unique_ptr<MockProvider> m_mock;
    std::unique_ptr<MockTestClient> m_client;
};

void TestMockGateway::init()
{
    m_mock = std::make_unique<MockProvider>();
    QVERIFY(m_mock->listen());
    m_client = std::make_unique<MockTestClient>(m_mock.get());
}

void TestMockGateway::cleanup()
{
    m_client.reset();
    m_mock.reset();
}

void TestMockGateway::gatewayReadsStreams_data()
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

void TestMockGateway::gatewayReadsStreams()
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
    const MockTestClient::Call c = MockTestClient::call(callName);
    QNetworkReply *reply = m_client->exchange(c, this);
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

void TestMockGateway::gatewayReadsBodies_data()
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

void TestMockGateway::gatewayReadsBodies()
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
    const MockTestClient::Call c = MockTestClient::call(callName);
    QNetworkReply *reply = m_client->exchange(c, this);
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

QTEST_GUILESS_MAIN(TestMockGateway)
#include "tst_support_mockgateway.moc"
