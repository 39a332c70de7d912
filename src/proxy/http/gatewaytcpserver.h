#pragma once

#include "requestbodyguard.h"

#include <QTcpServer>

// The listening socket of the gateway. It prepares every accepted connection before
// QHttpServer sees it: TCP_NODELAY (without it keep-alive clients saw ~40 ms Nagle/delayed-ACK
// stalls here, 93 instead of ~3000 req/s at concurrency 1) and the request body guard.
class GatewayTcpServer final : public QTcpServer
{
    Q_OBJECT

public:
    explicit GatewayTcpServer(qint64 maxBodyBytes, RequestBodyGuard::Rejector reject,
                              QObject *parent = nullptr);

    // The QHttpServer the accepted sockets are handed to (to detach it from refused requests).
    void setHttpServer(QObject *httpServer) { m_httpServer = httpServer; }
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }

    static RequestBodyGuard *guardOf(QTcpSocket *socket);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    qint64 m_maxBodyBytes;
    RequestBodyGuard::Rejector m_reject;
    QObject *m_httpServer = nullptr;
};
