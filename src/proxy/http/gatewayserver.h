#pragma once

#include "clientresponse.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QObject>

#include <functional>

class GatewayTcpServer;

// The gateway's HTTP front: owns QHttpServer and its listening socket, and keeps the route
// table thin. Every route first passes the connection checks (DNS-rebinding Host check,
// method check), then hands the request and its socket to a handler that lives elsewhere.
// Errors the server answers itself (404, 405, 413, bad Host) are encoded by `errorWriter` in the
// protocol the path belongs to.
class GatewayServer final : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<void(const QHttpServerRequest &request, QTcpSocket *socket)>;
    using PathHandler = std::function<void(const QString &pathArg,
                                           const QHttpServerRequest &request, QTcpSocket *socket)>;
    // Writes a complete error response for `path` with the given status and message; closes
    // the connection afterwards when `close` is set.
    using ErrorWriter = std::function<void(QTcpSocket *socket, const QByteArray &path, int status,
                                           const QString &message, bool close)>;

    GatewayServer(qint64 maxBodyBytes, ErrorWriter errorWriter, QObject *parent = nullptr);

    // Registers `path` (QHttpServer pattern, may hold one "<arg>") for the given methods; other
    // methods on that path get 405.
    void addRoute(const QString &path, QHttpServerRequest::Methods methods, Handler handler);
    void addRoute(const QString &path, QHttpServerRequest::Methods methods, PathHandler handler);

    enum class ListenResult { Ok, AddressInUse, OtherError };
    ListenResult listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const;
    void close();

    void setMaxBodyBytes(qint64 bytes);

private:
    bool admit(const QHttpServerRequest &request, QTcpSocket *socket,
               QHttpServerRequest::Methods methods);
    bool hostAllowed(const QHttpServerRequest &request) const;

    QHttpServer m_http;
    GatewayTcpServer *m_tcp = nullptr;
    ErrorWriter m_errorWriter;
    QHostAddress m_bindAddress;
};
