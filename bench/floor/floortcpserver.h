#pragma once

#include <QTcpServer>

// The floor's listening socket, prepared like the gateway's (GatewayTcpServer): listen backlog
// 1024 and TCP_NODELAY on every accepted socket, without the gateway's request body guard.
class FloorTcpServer final : public QTcpServer
{
    Q_OBJECT

public:
    explicit FloorTcpServer(QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr socketDescriptor) override;
};
