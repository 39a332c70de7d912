// Routing and failover through the gateway (DESIGN.md "Routing semantics"), against mock
// providers that fail in each way a real one does.
#include "gatewayfixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QtTest>

using Behavior = MockProvider::Behavior;
using Kind = MockProvider::Behavior::Kind;

class TestFailover final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void failsOverBeforeFirstByte_data();
    void failsOverBeforeFirstByte();
    void rateLimitCoolsTheRouteDown();
    void failureAfterOutputIsReportedInStream();
    void allAttemptsFail_data();
    void allAttemptsFail();
    void maxAttemptsIsRespected();
    void weightsWithinTier();
    void priorityTiers();
    void rejectedKeyIsSetAside();
    void openCircuitGives503();

private:
    bool startGateway(const QList<GatewayFixture::RouteSpec> &routes, int maxAttempts = 3);
    static QByteArray chat(bool stream);
    static QString errorMessage(RawHttpClient *reply);

    std::unique_ptr<MockProvider> m_a;
    std::unique_ptr<MockProvider> m_b;
    std::unique_ptr<GatewayFixture> m_gateway;
};

QByteArray TestFailover::chat(bool stream)
{
    return stream
        ? QByteArrayLiteral(
            R"({"model":"m","stream":true,"messages":[{"role":"user","content":"hi"}]})")
        : QByteArrayLiteral(R"({"model":"m","messages":[{"role":"user","content":"hi"}]})");
}

QString TestFailover::errorMessage(RawHttpClient *reply)
{
    return QJsonDocument::fromJson(reply->body())
        .object()
        .value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("message"))
        .toString();
}

void TestFailover::init()
{
    m_a = std::make_unique<MockProvider>(QStringLiteral("a"));
    m_b = std::make_unique<MockProvider>(QStringLiteral("b"));
    QVERIFY(m_a->listen());
    QVERIFY(m_b->listen());
}

void TestFailover::cleanup()
{
    m_gateway.reset();
    m_a.reset();
    m_b.reset();
}

bool TestFailover::startGateway(const QList<GatewayFixture::RouteSpec> &routes, int maxAttempts)
{
    m_gateway = std::make_unique<GatewayFixture>();
    QString error;
    const bool ok = m_gateway->start(
        GatewayFixture::config(QStringLiteral("m"), routes, maxAttempts), &error);
    if (!ok)
        qWarning() << error;
    return ok;
}

void TestFailover::failsOverBeforeFirstByte_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<QString>("firstRowStatus");
    QTest::newRow("500") << int(Kind::HttpError) << 500 << false << QStringLiteral("500");
    QTest::newRow("502 stream") << int(Kind::HttpError) << 502 << true << QStringLiteral("502");
    QTest::newRow("429") << int(Kind::HttpError) << 429 << false << QStringLiteral("429");
    QTest::newRow("401 upstream") << int(Kind::HttpError) << 401 << false << QStringLiteral("401");
    QTest::newRow("403 upstream") << int(Kind::HttpError) << 403 << true << QStringLiteral("403");
    QTest::newRow("hang") << int(Kind::Hang) << 0 << false << QStringLiteral("timeout");
    QTest::newRow("hang stream") << int(Kind::Hang) << 0 << true << QStringLiteral("timeout");
    QTest::newRow("silent body") << int(Kind::HangMidStream) << 0 << false
                                 << QStringLiteral("timeout");
    QTest::newRow("error event") << int(Kind::ErrorEventBeforeContent) << 500 << true
                                 << QStringLiteral("upstream_error");
    QTest::newRow("connect refused") << -1 << 0 << false << QStringLiteral("upstream_error");
}

void TestFailover::failsOverBeforeFirstByte()
{
    QFETCH(int, kind);
    QFETCH(int, status);
    QFETCH(bool, stream);
    QFETCH(QString, firstRowStatus);
    QString aUrl = m_a->baseUrl();
    if (kind < 0) {
        // A port nobody listens on.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        aUrl = QStringLiteral("http://127.0.0.1:%1/v1").arg(probe.serverPort());
        probe.close();
    } else {
        Behavior failing;
        failing.kind = Kind(kind);
        failing.status = status;
        m_a->setDefaultBehavior(failing);
    }
    QVERIFY(startGateway({ { QStringLiteral("a"), aUrl, 1, 0, 400 },
                           { QStringLiteral("b"), m_b->baseUrl(), 1, 1 } }));
    RawHttpClient *reply = m_gateway->post("/v1/chat/completions", chat(stream));
    QCOMPARE(reply->status(), 200);
    QCOMPARE(reply->header("X-LLMO-Provider"), QByteArray("b"));
    if (stream) {
        QVERIFY(reply->body().endsWith("data: [DONE]\n\n"));
        QVERIFY(!reply->body().contains("\"error\""));
    }
    QCOMPARE(m_b->requestCount(), 1);

    const QList<RequestLogRecord> rows = m_gateway->logRows();
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).provider, QStringLiteral("a"));
    QCOMPARE(rows.at(0).attempt, 1);
    QCOMPARE(rows.at(0).status, firstRowStatus);
    QVERIFY(!rows.at(0).error.isEmpty());
    QCOMPARE(rows.at(1).provider, QStringLiteral("b"));
    QCOMPARE(rows.at(1).attempt, 2);
    QCOMPARE(rows.at(1).status, QStringLiteral("200"));
    QCOMPARE(rows.at(0).traceId, rows.at(1).traceId);
    if (kind == int(Kind::Hang))
        QTRY_COMPARE_WITH_TIMEOUT(m_a->abortedCount(), 1, 2000);
}

void TestFailover::rateLimitCoolsTheRouteDown()
{
    Behavior limited;
    limited.kind = Kind::HttpError;
    limited.status = 429;
    limited.headers = { { QByteArrayLiteral("Retry-After"), QByteArrayLiteral("30") } };
    m_a->enqueueBehavior(limited);
    QVERIFY(startGateway({ { QStringLiteral("a"), m_a->baseUrl(), 1000, 0 },
                           { QStringLiteral("b"), m_b->baseUrl(), 1, 0 } }));
    // "a" has nearly all the weight; after its 429 the route cools down for 30 s, so the
    // following requests go to "b" without asking "a" again.
    for (int i = 0; i < 5; ++i) {
        RawHttpClient *reply = m_gateway->post("/v1/chat/completions", chat(false));
        QCOMPARE(reply->status(), 200);
    }
    QCOMPARE(m_a->requestCount(), 1);
    QCOMPARE(m_b->requestCount(), 5);
}

void TestFailover::failureAfterOutputIsReportedInStream()
{
    Behavior drop;
    drop.kind = Kind::DropMidStream;
    m_a->setDefaultBehavior(drop);
    QVERIFY(startGateway({ { QStringLiteral("a"), m_a->baseUrl(), 1, 0 },
                           { QStringLiteral("b"), m_b->baseUrl(), 1, 1 } }));
    RawHttpClient *reply = m_gateway->post("/v1/chat/completions", chat(true));
    QCOMPARE(reply->status(), 200);
    const QByteArray events = reply->body();
    QVERIFY2(events.contains("\"content\":"), events.constData());
    // No failover after output: the client gets an error event and a properly ended stream.
    QVERIFY2(events.contains("data: {\"error\":"), events.constData());
    QVERIFY(reply->rawBody().endsWith("0\r\n\r\n"));
    QCOMPARE(m_b->requestCount(), 0);
    const QList<RequestLogRecord> rows = m_gateway->logRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).status, QStringLiteral("upstream_error"));
    QVERIFY(rows.at(0).error.contains(QStringLiteral("truncated")));

    // An error event after content is relayed as is and recorded as a failure too.
    Behavior late;
    late.kind = Kind::ErrorEventAfterContent;
    m_a->setDefaultBehavior(late);
    reply = m_gateway->post("/v1/chat/completions", chat(true));
    QCOMPARE(reply->status(), 200);
    QVERIFY(reply->body().contains("\"error\""));
    QCOMPARE(m_gateway->logRows().constLast().status, QStringLiteral("upstream_error"));
}

void TestFailover::allAttemptsFail_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("expected");
    QTest::newRow("5xx -> 502") << int(Kind::HttpError) << 503 << 502;
    QTest::newRow("429 -> 429") << int(Kind::HttpError) << 429 << 429;
    QTest::newRow("timeout -> 504") << int(Kind::Hang) << 0 << 504;
}

void TestFailover::allAttemptsFail()
{
    QFETCH(int, kind);
    QFETCH(int, status);
    QFETCH(int, expected);
    Behavior failing;
    failing.kind = Kind(kind);
    failing.status = status;
    failing.headers = { { QByteArrayLiteral("Retry-After"), QByteArrayLiteral("7") } };
    m_a->setDefaultBehavior(failing);
    m_b->setDefaultBehavior(failing);
    QVERIFY(startGateway({ { QStringLiteral("a"), m_a->baseUrl(), 1, 0, 300 },
                           { QStringLiteral("b"), m_b->baseUrl(), 1, 1, 300 } }));
    RawHttpClient *reply = m_gateway->post("/v1/chat/completions", chat(false));
    QCOMPARE(reply->status(), expected);
    const QString message = errorMessage(reply);
    // The body names the routes tried and why.
    QVERIFY2(message.contains(QStringLiteral("a/upstream-m")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("b/upstream-m")), qPrintable(message));
    if (expected == 429)
        QCOMPARE(reply->header("Retry-After"), QByteArray("7"));
    QCOMPARE(m_gateway->logRows().size(), 2);
}

void TestFailover::maxAttemptsIsRespected()
{
    Behavior failing;
    failing.kind = Kind::HttpError;
    failing.status = 500;
    m_a->setDefaultBehavior(failing);
    m_b->setDefaultBehavior(failing);
    QVERIFY(startGateway({ { QStringLiteral("a"), m_a->baseUrl(), 1, 0 },
                           { QStringLiteral("b"), m_b->baseUrl(), 1, 1 } },
                         1));
    QCOMPARE(m_gateway->post("/v1/chat/completions", chat(false))->status(), 502);
    QCOMPARE(m_a->requestCount() + m_b->requestCount(), 1);
}

void TestFailover::weightsWithinTier()
{
    QVERIFY(startGateway({ { QStringLiteral("a"), m_a->baseUrl(), 3, 0 },
                           { QStringLiteral("b"), m_b->baseUrl(), 1, 0 } }));
    const int total = 400;
    for (int i = 0; i < total; ++i)
        QCOMPARE(m_gateway->post("/v1/chat/completions", chat(false))->status(), 200);
    // Expect 300:100. A binomial(400, 0.75) stays within 300 +- 35 with overwhelming probability.
    QVERIFY2(qAbs(m_a->requestCount() - 300) <= 35,
             qPrintable(QStringLiteral("a got %1 of %2").arg(m_a->requestCount()).arg(total)));
    QCOMPARE(m_a->requestCount() + m_b->requestCount(), total);
}

void TestFailover::priorityTiers()
{
    QVERIFY(startGateway({ { QStringLiteral("a"), m_a->baseUrl(), 1, 1 },
                           { QStringLiteral("b"), m_b->baseUrl(), 1, 0 } }));
    for (int i = 0; i < 20; ++i)
        QCOMPARE(m_gateway->post("/v1/chat/completions", chat(false))->status(), 200);
    QCOMPARE(m_b->requestCount(), 20);
    QCOMPARE(m_a->requestCount(), 0);
}

void TestFailover::rejectedKeyIsSetAside()
{
    m_a->setRequiredApiKey(QByteArrayLiteral("sk-good"));
    QVERIFY(startGateway({ { QStringLiteral("a"),
                             m_a->baseUrl(),
                             1,
                             0,
                             5000,
                             { QStringLiteral("sk-bad"), QStringLiteral("sk-good") } } }));
    for (int i = 0; i < 6; ++i)
        QCOMPARE(m_gateway->post("/v1/chat/completions", chat(false))->status(), 200);
    // Keys are used in turn until "sk-bad" is answered 401; from then on only "sk-good".
    int bad = 0;
    for (const auto &request : m_a->requests())
        bad += request.header("Authorization") == "Bearer sk-bad" ? 1 : 0;
    QCOMPARE(bad, 1);
}

void TestFailover::openCircuitGives503()
{
    Behavior failing;
    failing.kind = Kind::HttpError;
    failing.status = 500;
    m_a->setDefaultBehavior(failing);
    QVERIFY(startGateway({ { QStringLiteral("a"), m_a->baseUrl(), 1, 0 } }, 1));
    // The default breaker opens after 5 consecutive failures.
    for (int i = 0; i < 5; ++i)
        QCOMPARE(m_gateway->post("/v1/chat/completions", chat(false))->status(), 502);
    RawHttpClient *reply = m_gateway->post("/v1/chat/completions", chat(false));
    QCOMPARE(reply->status(), 503);
    QVERIFY(errorMessage(reply).contains(QStringLiteral("'m'")));
    QCOMPARE(m_a->requestCount(), 5);
    const QList<RequestLogRecord> rows = m_gateway->logRows();
    QCOMPARE(rows.constLast().attempt, 0);
    QCOMPARE(rows.constLast().status, QStringLiteral("503"));
}

QTEST_GUILESS_MAIN(TestFailover)
#include "tst_integration_failover.moc"
