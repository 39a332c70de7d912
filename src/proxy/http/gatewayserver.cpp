#include "gatewayserver.h"

#include "gatewaytcpserver.h"

#include <QHttpServerResponder>
#include <QMetaEnum>

GatewayServer::GatewayServer(qint64 maxBodyBytes, ErrorWriter errorWriter, QObject *parent)
    : QObject(parent)
    , m_errorWriter(std::move(errorWriter))
{
    auto reject = [this](QTcpSocket *socket, int status, const QByteArray &path) {
        const QString message = status == 413
            ? QStringLiteral("The request body is larger than the gateway's limit.")
            : QStringLiteral("The request head is too large.");
        m_errorWriter(socket, path, status, message, true);
    };
    m_tcp = new GatewayTcpServer(maxBodyBytes, reject, this);
    m_tcp->setHttpServer(&m_http);
    m_http.setMissingHandler([this](const QHttpServerRequest &request,
                                    QHttpServerResponder &&responder) {
        QTcpSocket *socket = responder.socket();
        if (auto *guard = GatewayTcpServer::guardOf(socket))
            guard->requestDispatched();
        m_errorWriter(socket, request.url().path().toUtf8(), 404,
                      QStringLiteral("Unknown path: %1 %2")
                          .arg(QString::fromLatin1(QMetaEnum::fromType<QHttpServerRequest::Method>()
                                                       .valueToKey(int(request.method())))
                                   .toUpper(),
                               request.url().path()),
                      ClientResponse::wantsClose(request.value(QByteArrayLiteral("connection"))));
    });
}

void GatewayServer::setMaxBodyBytes(qint64 bytes)
{
    m_tcp->setMaxBodyBytes(bytes);
}

bool GatewayServer::hostAllowed(const QHttpServerRequest &request) const
{
    // DNS rebinding: a web page must not reach a loopback-bound gateway through a hostile name
    // that resolves to 127.0.0.1. When bound to loopback, only loopback names are accepted.
    if (!m_bindAddress.isLoopback())
        return true;
    QByteArray host = request.value(QByteArrayLiteral("host"));
    if (host.isEmpty())
        return true; // HTTP/1.0 clients; nothing to rebind
    if (host.startsWith('[')) {
        const qsizetype end = host.indexOf(']');
        host = host.mid(1, end - 1);
    } else if (const qsizetype colon = host.lastIndexOf(':'); colon >= 0) {
        host.truncate(colon);
    }
    host = host.toLower();
    if (host == "localhost" || host.endsWith(".localhost"))
        return true;
    const QHostAddress address(QString::fromLatin1(host));
    return !address.isNull() && address.isLoopback();
}

bool GatewayServer::admit(const QHttpServerRequest &request, QTcpSocket *socket,
                          QHttpServerRequest::Methods methods)
{
    if (auto *guard = GatewayTcpServer::guardOf(socket))
        guard->requestDispatched();
    const QByteArray path = request.url().path().toUtf8();
    const bool close = ClientResponse::wantsClose(request.value(QByteArrayLiteral("connection")));
    if (!hostAllowed(request)) {
        m_errorWriter(
            socket, path, 403,
            QStringLiteral("Host header not allowed: the gateway serves loopback names only."),
            close);
        return false;
    }
    if (!methods.testFlag(request.method())) {
        m_errorWriter(socket, path, 405,
                      QStringLiteral("Method not allowed on %1.").arg(request.url().path()), close);
        return false;
    }
    return true;
}

void GatewayServer::addRoute(const QString &path, QHttpServerRequest::Methods methods,
                             Handler handler)
{
    m_http.route(path, QHttpServerRequest::Method::AnyKnown,
                 [this, methods, handler](const QHttpServerRequest &request,
                                          QHttpServerResponder &&responder) {
                     QTcpSocket *socket = responder.socket();
                     if (admit(request, socket, methods))
                         handler(request, socket);
                 });
}

void GatewayServer::addRoute(const QString &path, QHttpServerRequest::Methods methods,
                             PathHandler handler)
{
    m_http.route(path, QHttpServerRequest::Method::AnyKnown,
                 [this, methods, handler](const QString &arg, const QHttpServerRequest &request,
                                          QHttpServerResponder &&responder) {
                     QTcpSocket *socket = responder.socket();
                     if (admit(request, socket, methods))
                         handler(arg, request, socket);
                 });
}

GatewayServer::ListenResult GatewayServer::listen(const QHostAddress &address, quint16 port,
                                                  QString *error)
{
    m_bindAddress = address;
    if (!m_tcp->listen(address, port)) {
        if (error)
            *error = m_tcp->errorString();
        return m_tcp->serverError() == QAbstractSocket::AddressInUseError
            ? ListenResult::AddressInUse
            : ListenResult::OtherError;
    }
    m_http.bind(m_tcp);
    return ListenResult::Ok;
}

quint16 GatewayServer::port() const
{
    return m_tcp->serverPort();
}

void GatewayServer::close()
{
    m_tcp->close();
}
