#include "upstream/upstreamclient.h"
#include "upstream/upstreamproxyfactory.h"

#include <QNetworkProxyQuery>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace std::chrono_literals;

namespace {

// A tiny HTTP/1.1 server that parses requests and holds them until told to answer, so a test
// can see how many requests are in flight at the same time.
class HoldingServer final : public QObject
{
public:
    struct Request
    {
        QPointer<QTcpSocket> socket;
        QByteArray head;
        QByteArray body;
    };

    HoldingServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, &HoldingServer::accept);
        m_server.listen(QHostAddress::LocalHost);
    }

    QUrl url(const QString &path = QStringLiteral("/v1/chat/completions")) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
    }

    // Answers every held request with `response` (a complete HTTP response).
    void respondAll(const QByteArray &response)
    {
        const QList<Request> held = std::exchange(pending, {});
        for (const Request &request : held) {
            if (request.socket)
                request.socket->write(response);
        }
    }

    QList<Request> pending; // received, not answered
    QByteArrayList heads; // every request head received so far
    int connections = 0;

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            ++connections;
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    }

    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            const QByteArray head = buffer.left(headEnd);
            qsizetype length = 0;
            for (const QByteArray &line : head.split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (buffer.size() < headEnd + 4 + length)
                return;
            pending.append(Request { socket, head, buffer.mid(headEnd + 4, length) });
            heads.append(head);
            buffer.remove(0, headEnd + 4 + length);
        }
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

QByteArray okResponse(const QByteArray &extraHeaders = {})
{
    const QByteArray body = "{\"ok\":true}";
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + extraHeaders
        + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QNetworkRequest jsonRequest(const QUrl &url)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return request;
}

bool allFinished(const QList<QNetworkReply *> &replies)
{
    return std::all_of(replies.begin(), replies.end(),
                       [](QNetworkReply *reply) { return reply->isFinished(); });
}

} // namespace

class TestUpstreamClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void concurrentRequestsAreNotSerialized();
    void sequentialRequestsReuseOneManager();
    void limitIsPerHost();
    void abortedAndDeletedRepliesFreeTheirSlot();
    void lanesKeepOneManagerForManyRequests();
    void idleExtraManagersAreRemoved();
    void redirectsAreNotFollowed();
    void cookiesAreNotKept();
    void verbsAndDefaultContentType();
    void loopbackBypassesProxy_data();
    void loopbackBypassesProxy();
};

void TestUpstreamClient::concurrentRequestsAreNotSerialized()
{
    HoldingServer server;
    UpstreamClient client;
    for (int round = 0; round < 2; ++round) {
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 20; ++i)
            replies.append(client.send(jsonRequest(server.url()), "POST", "{\"n\":1}"));
        // All 20 reach the server while none has been answered: nobody waits for a slot.
        QTRY_COMPARE_WITH_TIMEOUT(server.pending.size(), 20, 5000);
        QCOMPARE(server.connections, 20); // one connection each, reused in round two
        QCOMPARE(client.managerCount(), 4); // the base pool, reused in the second round
        server.respondAll(okResponse());
        QTRY_VERIFY_WITH_TIMEOUT(allFinished(replies), 5000);
        for (QNetworkReply *reply : replies) {
            QCOMPARE(reply->error(), QNetworkReply::NoError);
            QCOMPARE(reply->readAll(), QByteArray("{\"ok\":true}"));
            reply->deleteLater();
        }
    }
    QCOMPARE(client.managerCount(), 4);
}

void TestUpstreamClient::sequentialRequestsReuseOneManager()
{
    HoldingServer server;
    UpstreamClient client;
    for (int i = 0; i < 5; ++i) {
        QNetworkReply *reply = client.send(jsonRequest(server.url()), "POST", "{}");
        QTRY_COMPARE_WITH_TIMEOUT(server.pending.size(), 1, 5000);
        server.respondAll(okResponse());
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
        delete reply;
    }
    QCOMPARE(client.managerCount(), 1);
    QCOMPARE(server.connections, 1); // the keep-alive connection was reused
}

void TestUpstreamClient::limitIsPerHost()
{
    // Without lanes, a manager holds 6 requests per host: two hosts share one manager, and
    // the 7th request to one host needs another.
    HoldingServer first;
    HoldingServer second;
    UpstreamClient client;
    client.setMaxLanesPerHost(1);
    QList<QNetworkReply *> replies;
    for (int i = 0; i < 6; ++i) {
        replies.append(client.send(jsonRequest(first.url()), "POST", "{}"));
        QTRY_COMPARE_WITH_TIMEOUT(first.pending.size(), i + 1, 5000);
    }
    for (int i = 0; i < 6; ++i)
        replies.append(client.send(jsonRequest(second.url()), "POST", "{}"));
    QTRY_COMPARE_WITH_TIMEOUT(second.pending.size(), 6, 5000);
    const int managers = client.managerCount();
    QVERIFY(managers <= UpstreamClient::BasePoolSize);
    replies.append(client.send(jsonRequest(first.url()), "POST", "{}"));
    QTRY_COMPARE_WITH_TIMEOUT(first.pending.size(), 7, 5000);
    first.respondAll(okResponse());
    second.respondAll(okResponse());
    QTRY_VERIFY_WITH_TIMEOUT(allFinished(replies), 5000);
    qDeleteAll(replies);
}

void TestUpstreamClient::lanesKeepOneManagerForManyRequests()
{
    // With lanes, one busy manager takes any number of requests to an http:// host; the
    // pool still spreads new requests over up to BasePoolSize managers.
    HoldingServer server;
    UpstreamClient client;
    QList<QNetworkReply *> replies;
    for (int i = 0; i < 40; ++i)
        replies.append(client.send(jsonRequest(server.url()), "POST", "{}"));
    QTRY_COMPARE_WITH_TIMEOUT(server.pending.size(), 40, 5000);
    QCOMPARE(client.managerCount(), UpstreamClient::BasePoolSize);
    QCOMPARE(server.connections, 40);
    server.respondAll(okResponse());
    QTRY_VERIFY_WITH_TIMEOUT(allFinished(replies), 5000);
    qDeleteAll(replies);
}

void TestUpstreamClient::abortedAndDeletedRepliesFreeTheirSlot()
{
    HoldingServer server;
    UpstreamClient client;
    QList<QNetworkReply *> replies;
    for (int i = 0; i < 6; ++i)
        replies.append(client.send(jsonRequest(server.url()), "POST", "{}"));
    QTRY_COMPARE_WITH_TIMEOUT(server.pending.size(), 6, 5000);
    // Three aborted (finished is emitted), three deleted while running (only destroyed is).
    for (int i = 0; i < 3; ++i) {
        replies[i]->abort();
        delete replies[i];
    }
    for (int i = 3; i < 6; ++i)
        delete replies[i];
    replies.clear();
    for (int i = 0; i < 6; ++i)
        replies.append(client.send(jsonRequest(server.url()), "POST", "{}"));
    QVERIFY(client.managerCount() <= UpstreamClient::BasePoolSize);
    QTRY_COMPARE_WITH_TIMEOUT(server.heads.size(), 12, 5000);
    server.respondAll(okResponse());
    QTRY_VERIFY_WITH_TIMEOUT(allFinished(replies), 5000);
    qDeleteAll(replies);
}

void TestUpstreamClient::idleExtraManagersAreRemoved()
{
    HoldingServer server;
    UpstreamClient client;
    client.setIdleTimeout(100ms);
    client.setMaxLanesPerHost(1); // 30 requests then need 5 managers of 6
    QList<QNetworkReply *> replies;
    for (int i = 0; i < 30; ++i)
        replies.append(client.send(jsonRequest(server.url()), "POST", "{}"));
    QCOMPARE(client.managerCount(), 5);
    QTRY_COMPARE_WITH_TIMEOUT(server.pending.size(), 30, 5000);
    server.respondAll(okResponse());
    QTRY_VERIFY_WITH_TIMEOUT(allFinished(replies), 5000);
    // Finished but not yet deleted replies are children of their manager: it must stay.
    QTest::qWait(400);
    QCOMPARE(client.managerCount(), 5);
    for (QNetworkReply *reply : replies)
        reply->deleteLater();
    QTRY_COMPARE_WITH_TIMEOUT(client.managerCount(), 4, 3000);
    QTest::qWait(300);
    QCOMPARE(client.managerCount(), 4); // the base pool stays
}

void TestUpstreamClient::redirectsAreNotFollowed()
{
    HoldingServer server;
    UpstreamClient client;
    QNetworkReply *reply = client.send(jsonRequest(server.url()), "POST", "{}");
    QTRY_COMPARE_WITH_TIMEOUT(server.pending.size(), 1, 5000);
    server.respondAll("HTTP/1.1 307 Temporary Redirect\r\nLocation: "
                      + server.url(QStringLiteral("/elsewhere")).toEncoded()
                      + "\r\nContent-Length: 0\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 307);
    QTest::qWait(100);
    QCOMPARE(server.heads.size(), 1);
    delete reply;
}

void TestUpstreamClient::cookiesAreNotKept()
{
    HoldingServer server;
    UpstreamClient client;
    QNetworkReply *reply = client.send(jsonRequest(server.url()), "POST", "{}");
    QTRY_COMPARE_WITH_TIMEOUT(server.pending.size(), 1, 5000);
    server.respondAll(okResponse("Set-Cookie: session=secret; Path=/\r\n"));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
    delete reply;
    reply = client.send(jsonRequest(server.url()), "POST", "{}");
    QTRY_COMPARE_WITH_TIMEOUT(server.pending.size(), 1, 5000);
    QVERIFY(!server.heads.last().toLower().contains("cookie"));
    server.respondAll(okResponse());
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
    delete reply;
}

void TestUpstreamClient::verbsAndDefaultContentType()
{
    HoldingServer server;
    UpstreamClient client;
    QList<QNetworkReply *> replies;
    replies.append(client.send(QNetworkRequest(server.url()), "POST", "{\"a\":1}"));
    replies.append(
        client.send(QNetworkRequest(server.url(QStringLiteral("/v1/models"))), "GET", {}));
    replies.append(client.send(jsonRequest(server.url(QStringLiteral("/x"))), "PUT", "{\"b\":2}"));
    QTRY_COMPARE_WITH_TIMEOUT(server.pending.size(), 3, 5000);
    QHash<QByteArray, HoldingServer::Request> byLine;
    for (const HoldingServer::Request &request : std::as_const(server.pending))
        byLine.insert(request.head.left(request.head.indexOf("\r\n")), request);
    QVERIFY(byLine.contains("POST /v1/chat/completions HTTP/1.1"));
    QVERIFY(byLine.contains("GET /v1/models HTTP/1.1"));
    QVERIFY(byLine.contains("PUT /x HTTP/1.1"));
    const auto post = byLine.value("POST /v1/chat/completions HTTP/1.1");
    QVERIFY(post.head.toLower().contains("content-type: application/json"));
    QCOMPARE(post.body, QByteArray("{\"a\":1}"));
    QCOMPARE(byLine.value("PUT /x HTTP/1.1").body, QByteArray("{\"b\":2}"));
    QVERIFY(byLine.value("GET /v1/models HTTP/1.1").body.isEmpty());
    server.respondAll(okResponse());
    QTRY_VERIFY_WITH_TIMEOUT(allFinished(replies), 5000);
    qDeleteAll(replies);
}

void TestUpstreamClient::loopbackBypassesProxy_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("loopback");
    QTest::newRow("localhost") << QStringLiteral("localhost") << true;
    QTest::newRow("LOCALHOST") << QStringLiteral("LOCALHOST") << true;
    QTest::newRow("sub.localhost") << QStringLiteral("api.localhost") << true;
    QTest::newRow("127.0.0.1") << QStringLiteral("127.0.0.1") << true;
    QTest::newRow("127.8.9.10") << QStringLiteral("127.8.9.10") << true;
    QTest::newRow("::1") << QStringLiteral("::1") << true;
    QTest::newRow("[::1]") << QStringLiteral("[::1]") << true;
    QTest::newRow("mapped") << QStringLiteral("::ffff:127.0.0.1") << true;
    QTest::newRow("remote name") << QStringLiteral("api.openai.com") << false;
    QTest::newRow("localhost.example") << QStringLiteral("localhost.example.com") << false;
    QTest::newRow("lan address") << QStringLiteral("192.168.1.10") << false;
}

void TestUpstreamClient::loopbackBypassesProxy()
{
    QFETCH(QString, host);
    QFETCH(bool, loopback);
    QCOMPARE(UpstreamProxyFactory::isLoopbackHost(host), loopback);
    if (loopback) {
        UpstreamProxyFactory factory;
        const QList<QNetworkProxy> proxies = factory.queryProxy(
            QNetworkProxyQuery(host, 8080, QStringLiteral("http"), QNetworkProxyQuery::TcpSocket));
        QCOMPARE(proxies.size(), 1);
        QCOMPARE(proxies.first().type(), QNetworkProxy::NoProxy);
    }
}

QTEST_GUILESS_MAIN(TestUpstreamClient)
#include "tst_providers_upstreamclient.moc"
