// Every wire protocol through the gateway against the mock provider speaking the same
// protocol: passthrough (stream and not), usage, failover on an early error event, in-stream
// errors, the protocol's own error shapes, model lists, count_tokens, Codex's upgrade probe.
#include "gatewayfixture.h"
#include "wireprotocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using Behavior = MockProvider::Behavior;
using Kind = MockProvider::Behavior::Kind;

namespace {

struct Protocol
{
    QString type;
    WireProtocol wire;
    QByteArray path; // non-streamed request path
    QByteArray streamPath; // streamed request path
    QByteArray body;
    QByteArray streamBody;
    QByteArray terminal; // what a complete stream ends with (or contains last)
    QByteArray upstreamPathPart;
};

Protocol protocolNamed(const QString &name)
{
    if (name == QLatin1String("openai"))
        return { name,
                 WireProtocol::OpenAiChat,
                 "/v1/chat/completions",
                 "/v1/chat/completions",
                 R"({"model":"m","messages":[{"role":"user","content":"hi"}]})",
                 R"({"model":"m","stream":true,"messages":[{"role":"user","content":"hi"}]})",
                 "data: [DONE]",
                 "/v1/chat/completions" };
    if (name == QLatin1String("openai-responses"))
        return { name,
                 WireProtocol::OpenAiResponses,
                 "/v1/responses",
                 "/v1/responses",
                 R"({"model":"m","input":"hi","store":false})",
                 R"({"model":"m","input":"hi","stream":true})",
                 "event: response.completed",
                 "/v1/responses" };
    if (name == QLatin1String("anthropic"))
        return {
            name,
            WireProtocol::Anthropic,
            "/v1/messages?beta=true",
            "/v1/messages",
            R"({"model":"m","max_tokens":64,"messages":[{"role":"user","content":"hi"}]})",
            R"({"model":"m","max_tokens":64,"stream":true,"messages":[{"role":"user","content":"hi"}]})",
            "event: message_stop",
            "/v1/messages"
        };
    return { name,
             WireProtocol::Gemini,
             "/v1beta/models/m:generateContent",
             "/v1beta/models/m:streamGenerateContent?alt=sse",
             R"({"contents":[{"role":"user","parts":[{"text":"hi"}]}]})",
             R"({"contents":[{"role":"user","parts":[{"text":"hi"}]}]})",
             "\"finishReason\"",
             "/v1beta/models/upstream-m:" };
}

QJsonObject json(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

// The error message of a body in the protocol's own error shape; empty when the shape is off.
QString errorMessageIn(WireProtocol protocol, const QByteArray &body)
{
    const QJsonObject root = json(body);
    const QJsonObject error = root.value(QStringLiteral("error")).toObject();
    switch (protocol) {
    case WireProtocol::OpenAiChat:
    case WireProtocol::OpenAiResponses:
        if (!error.contains(QStringLiteral("type")))
            return {};
        break;
    case WireProtocol::Anthropic:
        if (root.value(QStringLiteral("type")).toString() != QLatin1String("error")
            || error.value(QStringLiteral("type")).toString().isEmpty())
            return {};
        break;
    case WireProtocol::Gemini:
        if (!error.value(QStringLiteral("code")).isDouble()
            || error.value(QStringLiteral("status")).toString().isEmpty())
            return {};
        break;
    }
    return error.value(QStringLiteral("message")).toString();
}

} // namespace

class TestProtocols final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void passthrough_data();
    void passthrough();
    void earlyErrorEventFailsOver_data();
    void earlyErrorEventFailsOver();
    void failureAfterOutputUsesTheProtocolsErrorEvent_data();
    void failureAfterOutputUsesTheProtocolsErrorEvent();
    void toolCallsStreamThrough_data();
    void toolCallsStreamThrough();
    void imagesPassThrough_data();
    void imagesPassThrough();
    void failureModesFailOver_data();
    void failureModesFailOver();
    void authVariants_data();
    void authVariants();
    void errorsInTheCallersShape_data();
    void errorsInTheCallersShape();
    void noRouteOfTheProtocolNamesModelAndProtocol();
    void anthropicHeadersArePassedOn();
    void countTokensEstimatesWithoutAnthropicRoute();
    void countTokensIsForwardedToAnthropic();
    void geminiJsonArrayStream();
    void modelLists();
    void codexWebSocketProbeGets426();

private:
    bool startWith(const QList<GatewayFixture::RouteSpec> &routes);
    GatewayFixture::RouteSpec route(MockProvider &mock, const QString &type, int priority = 0);

    std::unique_ptr<MockProvider> m_a;
    std::unique_ptr<MockProvider> m_b;
    std::unique_ptr<GatewayFixture> m_gateway;
};

void TestProtocols::init()
{
    m_a = std::make_unique<MockProvider>(QStringLiteral("a"));
    m_b = std::make_unique<MockProvider>(QStringLiteral("b"));
    QVERIFY(m_a->listen());
    QVERIFY(m_b->listen());
}

void TestProtocols::cleanup()
{
    m_gateway.reset();
    m_a.reset();
    m_b.reset();
}

GatewayFixture::RouteSpec TestProtocols::route(MockProvider &mock, const QString &type,
                                               int priority)
{
    GatewayFixture::RouteSpec spec;
    spec.provider = mock.name();
    spec.baseUrl = mock.baseUrl(protocolNamed(type).wire);
    spec.priority = priority;
    spec.type = type;
    return spec;
}

bool TestProtocols::startWith(const QList<GatewayFixture::RouteSpec> &routes)
{
    m_gateway = std::make_unique<GatewayFixture>();
    QString error;
    if (!m_gateway->start(GatewayFixture::config(QStringLiteral("m"), routes), &error)) {
        qWarning() << error;
        return false;
    }
    return true;
}

static void addProtocolRows(bool withStream)
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("stream");
    for (const char *type : { "openai", "openai-responses", "anthropic", "gemini" }) {
        QTest::addRow("%s", type) << QString::fromLatin1(type) << false;
        if (withStream)
            QTest::addRow("%s stream", type) << QString::fromLatin1(type) << true;
    }
}

void TestProtocols::passthrough_data()
{
    addProtocolRows(true);
}

void TestProtocols::passthrough()
{
    QFETCH(QString, type);
    QFETCH(bool, stream);
    const Protocol protocol = protocolNamed(type);
    QVERIFY(startWith({ route(*m_a, type) }));
    RawHttpClient *reply = m_gateway->post(stream ? protocol.streamPath : protocol.path,
                                           stream ? protocol.streamBody : protocol.body);
    QCOMPARE(reply->status(), 200);
    const QByteArray body = reply->body();
    if (stream) {
        QVERIFY(reply->header("Content-Type").startsWith("text/event-stream"));
        QVERIFY2(body.contains(protocol.terminal), body.constData());
    } else {
        QVERIFY2(!json(body).isEmpty(), body.constData());
    }
    QCOMPARE(m_a->requestCount(), 1);
    const MockProvider::ReceivedRequest sent = m_a->requests().constFirst();
    QCOMPARE(sent.protocol, protocol.wire);
    QVERIFY2(sent.path.contains(protocol.upstreamPathPart), sent.path.constData());
    if (protocol.wire != WireProtocol::Gemini)
        QVERIFY(sent.body.contains("\"upstream-m\""));

    const QList<RequestLogRecord> rows = m_gateway->logRows();
    QCOMPARE(rows.size(), 1);
    const RequestLogRecord row = rows.constFirst();
    QCOMPARE(row.status, QStringLiteral("200"));
    QCOMPARE(row.protocol, type);
    QCOMPARE(row.stream, stream);
    QCOMPARE(row.inputTokens, 11);
    QCOMPARE(row.outputTokens, 7);
    QCOMPARE(row.cachedTokens, 3);
}

void TestProtocols::earlyErrorEventFailsOver_data()
{
    addProtocolRows(false);
}

void TestProtocols::earlyErrorEventFailsOver()
{
    QFETCH(QString, type);
    const Protocol protocol = protocolNamed(type);
    Behavior failing;
    failing.kind = Kind::ErrorEventBeforeContent;
    failing.status = protocol.wire == WireProtocol::Anthropic ? 529 : 503;
    m_a->setDefaultBehavior(failing);
    QVERIFY(startWith({ route(*m_a, type, 0), route(*m_b, type, 1) }));
    RawHttpClient *reply = m_gateway->post(protocol.streamPath, protocol.streamBody);
    QCOMPARE(reply->status(), 200);
    QCOMPARE(reply->header("X-LLMO-Provider"), QByteArray("b"));
    QVERIFY(reply->body().contains(protocol.terminal));
    const QList<RequestLogRecord> rows = m_gateway->logRows();
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).status, QStringLiteral("upstream_error"));
    QCOMPARE(rows.at(1).status, QStringLiteral("200"));
}

void TestProtocols::failureAfterOutputUsesTheProtocolsErrorEvent_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QByteArray>("errorMarker");
    QTest::newRow("openai") << QStringLiteral("openai") << QByteArray("data: {\"error\":");
    QTest::newRow("openai-responses")
        << QStringLiteral("openai-responses") << QByteArray("event: response.failed");
    QTest::newRow("anthropic") << QStringLiteral("anthropic") << QByteArray("event: error");
    QTest::newRow("gemini") << QStringLiteral("gemini") << QByteArray("data: {\"error\":");
}

void TestProtocols::failureAfterOutputUsesTheProtocolsErrorEvent()
{
    QFETCH(QString, type);
    QFETCH(QByteArray, errorMarker);
    const Protocol protocol = protocolNamed(type);
    Behavior drop;
    drop.kind = Kind::DropMidStream;
    m_a->setDefaultBehavior(drop);
    QVERIFY(startWith({ route(*m_a, type, 0), route(*m_b, type, 1) }));
    RawHttpClient *reply = m_gateway->post(protocol.streamPath, protocol.streamBody);
    QCOMPARE(reply->status(), 200);
    const QByteArray body = reply->body();
    QVERIFY2(body.contains(errorMarker), body.constData());
    QVERIFY(reply->rawBody().endsWith("0\r\n\r\n")); // the stream is ended properly
    QCOMPARE(m_b->requestCount(), 0); // no failover after output
    QCOMPARE(m_gateway->logRows().constFirst().status, QStringLiteral("upstream_error"));
}

void TestProtocols::toolCallsStreamThrough_data()
{
    addProtocolRows(false);
}

void TestProtocols::toolCallsStreamThrough()
{
    QFETCH(QString, type);
    const Protocol protocol = protocolNamed(type);
    Behavior tool;
    tool.toolCallArguments = { QStringLiteral("{\"city\":"), QStringLiteral("\"Paris\"}") };
    m_a->setDefaultBehavior(tool);
    QVERIFY(startWith({ route(*m_a, type) }));
    RawHttpClient *reply = m_gateway->post(protocol.streamPath, protocol.streamBody);
    QCOMPARE(reply->status(), 200);
    const QByteArray body = reply->body();
    QVERIFY2(body.contains("get_weather"), body.constData());
    // The argument pieces arrive as the protocol streams them (Gemini sends the call whole).
    if (protocol.wire == WireProtocol::Gemini)
        QVERIFY2(body.contains("Paris"), body.constData());
    else
        QVERIFY2(body.contains("Paris\\\""), body.constData());
    QVERIFY(body.contains(protocol.terminal));
    QCOMPARE(m_gateway->logRows().constFirst().status, QStringLiteral("200"));
}

void TestProtocols::imagesPassThrough_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QByteArray>("body");
    const QByteArray png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQG"
                           "AhKmMIQAAAABJRU5ErkJggg==";
    QTest::newRow("openai")
        << QStringLiteral("openai")
        << QByteArray(
               R"({"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"what is this?"},{"type":"image_url","image_url":{"url":"data:image/png;base64,)"
               + png + R"("}}]}]})");
    QTest::newRow("openai-responses")
        << QStringLiteral("openai-responses")
        << QByteArray(
               R"({"model":"m","input":[{"role":"user","content":[{"type":"input_text","text":"what is this?"},{"type":"input_image","image_url":"data:image/png;base64,)"
               + png + R"("}]}]})");
    QTest::newRow("anthropic")
        << QStringLiteral("anthropic")
        << QByteArray(
               R"({"model":"m","max_tokens":64,"messages":[{"role":"user","content":[{"type":"image","source":{"type":"base64","media_type":"image/png","data":")"
               + png + R"("}},{"type":"text","text":"what is this?"}]}]})");
    QTest::newRow("gemini")
        << QStringLiteral("gemini")
        << QByteArray(
               R"({"contents":[{"role":"user","parts":[{"inline_data":{"mime_type":"image/png","data":")"
               + png + R"("}},{"text":"what is this?"}]}]})");
}

void TestProtocols::imagesPassThrough()
{
    QFETCH(QString, type);
    QFETCH(QByteArray, body);
    const Protocol protocol = protocolNamed(type);
    QVERIFY(startWith({ route(*m_a, type) }));
    QCOMPARE(m_gateway->post(protocol.path, body)->status(), 200);
    const QByteArray sent = m_a->requests().constFirst().body;
    // Byte for byte, but for the model name.
    QByteArray expected = body;
    if (protocol.wire != WireProtocol::Gemini)
        expected.replace("\"model\":\"m\"", "\"model\":\"upstream-m\"");
    QCOMPARE(sent, expected);
}

void TestProtocols::failureModesFailOver_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<QString>("firstStatus");
    for (const char *type : { "openai-responses", "anthropic", "gemini" }) {
        const QString name = QString::fromLatin1(type);
        QTest::addRow("%s 500", type)
            << name << int(Kind::HttpError) << 500 << false << QStringLiteral("500");
        QTest::addRow("%s 429 stream", type)
            << name << int(Kind::HttpError) << 429 << true << QStringLiteral("429");
        QTest::addRow("%s 529", type)
            << name << int(Kind::HttpError) << 529 << true << QStringLiteral("529");
        QTest::addRow("%s hang", type)
            << name << int(Kind::Hang) << 0 << true << QStringLiteral("timeout");
        QTest::addRow("%s silent mid-stream", type)
            << name << int(Kind::HangMidStream) << 0 << false << QStringLiteral("timeout");
    }
}

void TestProtocols::failureModesFailOver()
{
    QFETCH(QString, type);
    QFETCH(int, kind);
    QFETCH(int, status);
    QFETCH(bool, stream);
    QFETCH(QString, firstStatus);
    const Protocol protocol = protocolNamed(type);
    Behavior failing;
    failing.kind = Kind(kind);
    failing.status = status;
    m_a->setDefaultBehavior(failing);
    GatewayFixture::RouteSpec first = route(*m_a, type, 0);
    first.timeoutMs = 400;
    QVERIFY(startWith({ first, route(*m_b, type, 1) }));
    RawHttpClient *reply = m_gateway->post(stream ? protocol.streamPath : protocol.path,
                                           stream ? protocol.streamBody : protocol.body);
    QCOMPARE(reply->status(), 200);
    QCOMPARE(reply->header("X-LLMO-Provider"), QByteArray("b"));
    const QList<RequestLogRecord> rows = m_gateway->logRows();
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).status, firstStatus);
    QCOMPARE(rows.at(1).status, QStringLiteral("200"));
}

void TestProtocols::authVariants_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("query");
    QTest::newRow("anthropic x-api-key") << QStringLiteral("anthropic") << QByteArray("x-api-key")
                                         << QByteArray("sk-test") << QByteArray();
    QTest::newRow("anthropic bearer") << QStringLiteral("anthropic") << QByteArray("Authorization")
                                      << QByteArray("Bearer sk-test") << QByteArray();
    QTest::newRow("gemini x-goog-api-key")
        << QStringLiteral("gemini") << QByteArray("x-goog-api-key") << QByteArray("sk-test")
        << QByteArray();
    QTest::newRow("gemini ?key=") << QStringLiteral("gemini") << QByteArray("X-None")
                                  << QByteArray("1") << QByteArray("?key=sk-test");
    QTest::newRow("responses bearer")
        << QStringLiteral("openai-responses") << QByteArray("Authorization")
        << QByteArray("Bearer sk-test") << QByteArray();
}

void TestProtocols::authVariants()
{
    QFETCH(QString, type);
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, query);
    const Protocol protocol = protocolNamed(type);
    m_a->setRequiredApiKey(QByteArrayLiteral("sk-upstream"));
    QVERIFY(startWith({ route(*m_a, type) }));
    RawHttpClient *reply = m_gateway->post(
        protocol.path + query, protocol.body, 10000,
        { { header, value },
          { QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") } });
    QCOMPARE(reply->status(), 200);
    // The provider got its own key, the way its API takes it.
    QCOMPARE(m_a->requestCount(), 1);
}

void TestProtocols::errorsInTheCallersShape_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("withKey");
    QTest::addColumn<int>("status");
    for (const char *type : { "openai", "openai-responses", "anthropic", "gemini" }) {
        const Protocol protocol = protocolNamed(QString::fromLatin1(type));
        QByteArray unknownPath = protocol.path;
        QByteArray unknownBody = protocol.body;
        if (protocol.wire == WireProtocol::Gemini)
            unknownPath.replace("/m:", "/nope:");
        else
            unknownBody.replace("\"m\"", "\"nope\"");
        QTest::addRow("%s unknown model", type)
            << QString::fromLatin1(type) << unknownPath << unknownBody << true << 404;
        QTest::addRow("%s no key", type)
            << QString::fromLatin1(type) << protocol.path << protocol.body << false << 401;
        QTest::addRow("%s malformed", type) << QString::fromLatin1(type) << protocol.path
                                            << QByteArray("{\"model\":") << true << 400;
    }
}

void TestProtocols::errorsInTheCallersShape()
{
    QFETCH(QString, type);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, body);
    QFETCH(bool, withKey);
    QFETCH(int, status);
    QVERIFY(startWith({ route(*m_a, type) }));
    RawHttpClient *reply = m_gateway->post(
        path, body, 10000, withKey ? GatewayFixture::auth() : RawHttpClient::Headers {});
    QCOMPARE(reply->status(), status);
    const QString message = errorMessageIn(protocolNamed(type).wire, reply->body());
    QVERIFY2(!message.isEmpty(), reply->body().constData());
    QCOMPARE(m_a->requestCount(), 0);
}

void TestProtocols::noRouteOfTheProtocolNamesModelAndProtocol()
{
    QVERIFY(startWith({ route(*m_a, QStringLiteral("openai")) }));
    const Protocol anthropic = protocolNamed(QStringLiteral("anthropic"));
    RawHttpClient *reply = m_gateway->post(anthropic.path, anthropic.body);
    QCOMPARE(reply->status(), 503);
    const QString message = errorMessageIn(WireProtocol::Anthropic, reply->body());
    QVERIFY2(message.contains(QStringLiteral("'m'")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("anthropic")), qPrintable(message));
    QCOMPARE(m_a->requestCount(), 0);
}

void TestProtocols::anthropicHeadersArePassedOn()
{
    QVERIFY(startWith({ route(*m_a, QStringLiteral("anthropic")) }));
    const Protocol anthropic = protocolNamed(QStringLiteral("anthropic"));
    RawHttpClient::Headers headers = {
        { QByteArrayLiteral("x-api-key"), QByteArrayLiteral("sk-test") },
        { QByteArrayLiteral("anthropic-version"), QByteArrayLiteral("2023-06-01") },
        { QByteArrayLiteral("anthropic-beta"), QByteArrayLiteral("prompt-caching-2024-07-31") },
        { QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") },
    };
    QCOMPARE(m_gateway->post(anthropic.path, anthropic.body, 10000, headers)->status(), 200);
    const MockProvider::ReceivedRequest sent = m_a->requests().constFirst();
    QCOMPARE(sent.header("anthropic-beta"), QByteArray("prompt-caching-2024-07-31"));
    QCOMPARE(sent.header("anthropic-version"), QByteArray("2023-06-01"));
    QCOMPARE(sent.header("x-api-key"), QByteArray("sk-upstream")); // never the client's key
}

void TestProtocols::countTokensEstimatesWithoutAnthropicRoute()
{
    QVERIFY(startWith({ route(*m_a, QStringLiteral("openai")) }));
    for (const QByteArray &model : { QByteArray("m"), QByteArray("unknown-model") }) {
        RawHttpClient *reply = m_gateway->post(
            "/v1/messages/count_tokens",
            R"({"model":")" + model
                + R"(","system":"You are terse.","messages":[{"role":"user","content":"Hello there, how are you today?"}]})");
        QCOMPARE(reply->status(), 200);
        const qint64 tokens
            = json(reply->body()).value(QStringLiteral("input_tokens")).toInteger(-1);
        QVERIFY2(tokens > 5 && tokens < 60, reply->body().constData());
    }
    QCOMPARE(m_a->requestCount(), 0);
}

void TestProtocols::countTokensIsForwardedToAnthropic()
{
    QVERIFY(startWith({ route(*m_a, QStringLiteral("anthropic")) }));
    RawHttpClient *reply
        = m_gateway->post("/v1/messages/count_tokens",
                          R"({"model":"m","messages":[{"role":"user","content":"hi"}]})");
    QCOMPARE(reply->status(), 200);
    QCOMPARE(json(reply->body()).value(QStringLiteral("input_tokens")).toInt(), 11);
    QCOMPARE(m_a->requests().constFirst().path, QByteArray("/v1/messages/count_tokens"));
}

void TestProtocols::geminiJsonArrayStream()
{
    QVERIFY(startWith({ route(*m_a, QStringLiteral("gemini")) }));
    RawHttpClient *reply
        = m_gateway->post("/v1beta/models/m:streamGenerateContent",
                          R"({"contents":[{"role":"user","parts":[{"text":"hi"}]}]})");
    QCOMPARE(reply->status(), 200);
    QCOMPARE(reply->header("Content-Type"), QByteArray("application/json"));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(reply->body(), &error);
    QVERIFY2(document.isArray(),
             qPrintable(error.errorString() + QLatin1Char(' ') + QString::fromUtf8(reply->body())));
    QVERIFY(document.array().size() >= 2);
    // The upstream was asked for SSE; the gateway re-framed it.
    QVERIFY(m_a->requests().constFirst().path.contains("alt=sse"));
    QCOMPARE(m_gateway->logRows().constFirst().outputTokens, 7);
}

void TestProtocols::modelLists()
{
    QVERIFY(startWith({ route(*m_a, QStringLiteral("openai")) }));
    RawHttpClient *openai = m_gateway->get("/v1/models");
    QCOMPARE(json(openai->body()).value(QStringLiteral("object")).toString(),
             QStringLiteral("list"));

    RawHttpClient::Headers anthropicHeaders = GatewayFixture::auth();
    anthropicHeaders.append(
        { QByteArrayLiteral("anthropic-version"), QByteArrayLiteral("2023-06-01") });
    RawHttpClient *anthropic = m_gateway->get("/v1/models", anthropicHeaders);
    const QJsonObject list = json(anthropic->body());
    QVERIFY(list.contains(QStringLiteral("has_more")));
    QCOMPARE(list.value(QStringLiteral("data"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("id"))
                 .toString(),
             QStringLiteral("m"));

    RawHttpClient *gemini = m_gateway->get("/v1beta/models");
    QCOMPARE(json(gemini->body())
                 .value(QStringLiteral("models"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("name"))
                 .toString(),
             QStringLiteral("models/m"));
}

void TestProtocols::codexWebSocketProbeGets426()
{
    QVERIFY(startWith({ route(*m_a, QStringLiteral("openai-responses")) }));
    RawHttpClient::Headers headers = GatewayFixture::auth();
    headers.append({ QByteArrayLiteral("Upgrade"), QByteArrayLiteral("websocket") });
    RawHttpClient *reply = m_gateway->get("/v1/responses", headers);
    QCOMPARE(reply->status(), 426);
    QVERIFY(!errorMessageIn(WireProtocol::OpenAiResponses, reply->body()).isEmpty());
}

QTEST_GUILESS_MAIN(TestProtocols)
#include "tst_integration_protocols.moc"
