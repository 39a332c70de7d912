#pragma once

#include <QHttpServer>
#include <QList>
#include <QObject>
#include <QUrl>

class FloorTcpServer;
class QNetworkAccessManager;
class QNetworkReply;
class QTcpSocket;

// The thinnest forwarder built from the parts the gateway uses: QHttpServer (a Qt 6.4 route
// taking QHttpServerResponder&&, the answer written straight to responder.socket() as the
// gateway's ClientResponse does), FloorTcpServer (TCP_NODELAY, backlog 1024) and a pool of
// QNetworkAccessManagers. Every POST /v1/chat/completions body goes unchanged to one fixed
// upstream URL on the next manager (round-robin); the upstream's status and body come back
// with Content-Type application/json. No auth, no JSON parsing, no model routing, no logging:
// whatever the gateway adds on top of this is its own overhead.
//
// The managers differ from the gateway's UpstreamClient only where that keeps this thinner:
// a fixed pool of PoolSize with no per-host lanes (so at most 6 upstream connections per
// manager), no proxy (no per-request proxy query), the default cookie jar (the benchmark
// upstream sets no cookies). Redirects are not followed, like the gateway.
//
// HTTP pipelining is not supported (answers could overtake each other across managers); wrk
// and curl do not pipeline. Lives in one thread; not thread-safe.
class FloorForwarder final : public QObject
{
    Q_OBJECT

public:
    static constexpr int PoolSize = 4;

    explicit FloorForwarder(QUrl upstream, QObject *parent = nullptr);

    // Listens on 127.0.0.1:port (0: any free port). Returns false and sets *error on failure.
    bool listen(quint16 port, QString *error);
    quint16 port() const;

private:
    void forward(const QByteArray &body, QTcpSocket *socket, bool closeAfter);
    static void answer(QTcpSocket *socket, QNetworkReply *reply, bool closeAfter);

    QUrl m_upstream;
    QHttpServer m_http;
    FloorTcpServer *m_tcp;
    QList<QNetworkAccessManager *> m_managers;
    int m_next = 0;
};
