// Concurrency and client disconnects: streams to one provider must not wait for each other,
// and a client that hangs up mid-stream must cost the upstream request at once.
#include "gatewayfixture.h"

#include <QElapsedTimer>
#include <QtTest>

using Behavior = MockProvider::Behavior;

class TestStreams final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void hundredConcurrentStreams();
    void clientDisconnectAbortsUpstream();
    void shutdownEndsStreamsInFlight();

private:
    std::unique_ptr<MockProvider> m_mock;
    std::unique_ptr<GatewayFixture> m_gateway;
};

static const QByteArray streamRequest = QByteArrayLiteral(
    R"({"model":"m","stream":true,"messages":[{"role":"user","content":"hi"}]})");

void TestStreams::init()
{
    m_mock = std::make_unique<MockProvider>(QStringLiteral("slow"));
    QVERIFY(m_mock->listen());
    m_gateway = std::make_unique<GatewayFixture>();
    QString error;
    QVERIFY2(
        m_gateway->start(GatewayFixture::config(QStringLiteral("m"),
                                                { { QStringLiteral("slow"), m_mock->baseUrl() } }),
                         &error),
        qPrintable(error));
}

void TestStreams::cleanup()
{
    m_gateway.reset();
    m_mock.reset();
}

void TestStreams::hundredConcurrentStreams()
{
    Behavior slow;
    slow.chunkDelayMs = 100; // 9 chunks: about 0.9 s per stream
    m_mock->setDefaultBehavior(slow);

    QElapsedTimer single;
    single.start();
    RawHttpClient *one = m_gateway->post("/v1/chat/completions", streamRequest, 15000);
    QCOMPARE(one->status(), 200);
    const qint64 oneMs = single.elapsed();

    QObject clients;
    QList<RawHttpClient *> streams;
    QElapsedTimer all;
    all.start();
    for (int i = 0; i < 100; ++i) {
        auto *client = new RawHttpClient(m_gateway->port(), &clients);
        client->send("POST", "/v1/chat/completions", streamRequest, GatewayFixture::auth());
        streams.append(client);
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(streams.cbegin(), streams.cend(), [](RawHttpClient *c) { return c->isDone(); }),
        30000);
    const qint64 allMs = all.elapsed();
    for (RawHttpClient *client : qAsConst(streams)) {
        QCOMPARE(client->status(), 200);
        QVERIFY(client->body().endsWith("data: [DONE]\n\n"));
    }
    // Served at the same time: the provider saw all 100 in flight at once, and the whole
    // batch took about as long as one stream (serialised 6 at a time it would take ~17x).
    QList<double> firsts;
    for (RawHttpClient *client : qAsConst(streams))
        firsts.append(client->firstBodyByteMs());
    std::sort(firsts.begin(), firsts.end());
    qInfo() << "one stream" << oneMs << "ms; 100 streams" << allMs
            << "ms; first byte min/median/max" << firsts.first() << firsts.at(50) << firsts.last()
            << "ms";
    QCOMPARE(m_mock->maxConcurrent(), 100);
    QVERIFY2(
        allMs < oneMs * 2,
        qPrintable(QStringLiteral("one stream %1 ms, 100 streams %2 ms").arg(oneMs).arg(allMs)));
    QCOMPARE(m_gateway->logRows().size(), 101);
}

void TestStreams::clientDisconnectAbortsUpstream()
{
    Behavior endless;
    endless.kind = Behavior::Kind::HangMidStream;
    m_mock->setDefaultBehavior(endless);
    RawHttpClient client(m_gateway->port());
    client.send("POST", "/v1/chat/completions", streamRequest, GatewayFixture::auth());
    QTRY_VERIFY_WITH_TIMEOUT(client.body().contains("\"content\""), 5000);
    QCOMPARE(m_mock->abortedCount(), 0);

    QElapsedTimer clock;
    clock.start();
    client.hangUp();
    QTRY_COMPARE_WITH_TIMEOUT(m_mock->abortedCount(), 1, 1000);
    QVERIFY(clock.elapsed() < 1000);

    QList<RequestLogRecord> rows;
    QTRY_VERIFY_WITH_TIMEOUT((rows = m_gateway->logRows()).size() == 1, 3000);
    QCOMPARE(rows.at(0).status, QStringLiteral("client_closed"));
    QVERIFY(rows.at(0).bytesOut > 0);

    // Nothing crashed; the gateway keeps serving.
    m_mock->setDefaultBehavior({});
    QCOMPARE(m_gateway->post("/v1/chat/completions", streamRequest)->status(), 200);
}

void TestStreams::shutdownEndsStreamsInFlight()
{
    Behavior endless;
    endless.kind = Behavior::Kind::HangMidStream;
    m_mock->setDefaultBehavior(endless);
    RawHttpClient client(m_gateway->port());
    client.send("POST", "/v1/chat/completions", streamRequest, GatewayFixture::auth());
    QTRY_VERIFY_WITH_TIMEOUT(client.body().contains("\"content\""), 5000);
    m_gateway->stop();
    QTRY_COMPARE_WITH_TIMEOUT(m_mock->abortedCount(), 1, 2000);
    // The row of the cancelled stream was flushed before the store stopped.
    const QList<RequestLogRecord> rows = m_gateway->logRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).status, QStringLiteral("client_closed"));
}

QTEST_GUILESS_MAIN(TestStreams)
#include "tst_integration_streams.moc"
