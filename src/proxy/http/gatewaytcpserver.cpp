#include "gatewaytcpserver.h"

#include <QTcpSocket>

GatewayTcpServer::GatewayTcpServer(qint64 maxBodyBytes, RequestBodyGuard::Rejector reject,
                                   QObject *parent)
    : QTcpServer(parent)
    , m_maxBodyBytes(maxBodyBytes)
    , m_reject(std::move(reject))
{
    // Qt's default listen backlog of 50 drops the SYNs of a burst of new connections (coding
    // agents open many at once); a dropped client retries only after a second.
    setListenBacklogSize(1024);
    setMaxPendingConnections(1024);
}

RequestBodyGuard *GatewayTcpServer::guardOf(QTcpSocket *socket)
{
    return socket ? socket->findChild<RequestBodyGuard *>(QString(), Qt::FindDirectChildrenOnly)
                  : nullptr;
}

void GatewayTcpServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // Connected before QHttpServer connects its own readyRead handler, so it runs first.
    new RequestBodyGuard(socket, m_httpServer, m_maxBodyBytes, m_reject);
    addPendingConnection(socket);
}
