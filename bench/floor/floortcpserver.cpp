#include "floortcpserver.h"

#include <QTcpSocket>

FloorTcpServer::FloorTcpServer(QObject *parent)
    : QTcpServer(parent)
{
    setListenBacklogSize(1024);
    setMaxPendingConnections(1024);
}

void FloorTcpServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    addPendingConnection(socket);
}
