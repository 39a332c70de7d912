#include "floorforwarder.h"

#include "floortcpserver.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTcpSocket>

FloorForwarder::FloorForwarder(QUrl upstream, QObject *parent)
    : QObject(parent)
    , m_upstream(std::move(upstream))
    , m_http(this)
    , m_tcp(new FloorTcpServer(this))
{
    for (int i = 0; i < PoolSize; ++i) {
        auto *nam = new QNetworkAccessManager(this);
        nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        nam->setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
        nam->setAutoDeleteReplies(false);
        m_managers.append(nam);
    }
    m_http.route(
        QStringLiteral("/v1/chat/completions"), QHttpServerRequest::Method::Post,
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            // The responder dies at the end of this lambda without having written
            // anything (QHttpServer 6.4 then writes nothing either); the answer goes
            // to the socket later, as in the gateway.
            const bool close
                = request.value(QByteArrayLiteral("connection")).toLower().contains("close");
            forward(request.body(), responder.socket(), close);
        });
}

bool FloorForwarder::listen(quint16 port, QString *error)
{
    if (!m_tcp->listen(QHostAddress::LocalHost, port)) {
        if (error)
            *error = m_tcp->errorString();
        return false;
    }
    m_http.bind(m_tcp);
    return true;
}

quint16 FloorForwarder::port() const
{
    return m_tcp->serverPort();
}

void FloorForwarder::forward(const QByteArray &body, QTcpSocket *socket, bool closeAfter)
{
    QNetworkRequest request(m_upstream);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkAccessManager *nam = m_managers.at(m_next);
    m_next = (m_next + 1) % PoolSize;
    QNetworkReply *reply = nam->post(request, body);
    // The client may go away before the upstream answers: the socket is deleted then, and
    // must not be written to (QPointer), and the upstream request is dropped with it.
    QPointer<QTcpSocket> guarded(socket);
    connect(socket, &QObject::destroyed, reply, &QNetworkReply::abort);
    connect(reply, &QNetworkReply::finished, this, [guarded, reply, closeAfter] {
        if (guarded)
            answer(guarded, reply, closeAfter);
        reply->deleteLater();
    });
}

void FloorForwarder::answer(QTcpSocket *socket, QNetworkReply *reply, bool closeAfter)
{
    if (socket->state() != QAbstractSocket::ConnectedState)
        return;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QByteArray body = reply->readAll();
    QByteArray head;
    head.reserve(160);
    const int code = status.isValid() ? status.toInt() : 502;
    // Clients ignore the reason phrase (RFC 9112); "-" keeps the line well-formed for the
    // rare non-200 answers without a status table.
    head += "HTTP/1.1 " + QByteArray::number(code) + (code == 200 ? " OK" : " -")
        + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\n";
    if (closeAfter)
        head += "Connection: close\r\n";
    head += "\r\n";
    socket->write(head);
    if (!body.isEmpty())
        socket->write(body);
    if (closeAfter)
        socket->disconnectFromHost();
}
