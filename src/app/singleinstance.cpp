#include "singleinstance.h"

#include <QCryptographicHash>
#include <QLocalServer>
#include <QLocalSocket>

namespace {
constexpr int ConnectTimeoutMs = 1000;
const QByteArray ActivateMessage = QByteArrayLiteral("activate\n");
} // namespace

SingleInstance::SingleInstance(const QString &key, QObject *parent)
    : QObject(parent)
    , m_name(serverName(key))
{
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::serverName(const QString &key)
{
    // A hash keeps the name short and free of path characters; the user name keeps two users
    // of one machine apart on platforms where socket names are global.
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    const QByteArray digest = QCryptographicHash::hash((user + QLatin1Char('\n') + key).toUtf8(),
                                                       QCryptographicHash::Sha256);
    return QStringLiteral("llm-orchestrator-") + QString::fromLatin1(digest.toHex().left(16));
}

bool SingleInstance::claim()
{
    {
        QLocalSocket socket;
        socket.connectToServer(m_name);
        if (socket.waitForConnected(ConnectTimeoutMs)) {
            socket.write(ActivateMessage);
            socket.waitForBytesWritten(ConnectTimeoutMs);
            socket.disconnectFromServer();
            return false;
        }
    }
    // Nobody answered: a socket file left by a crashed instance would block listen().
    QLocalServer::removeServer(m_name);
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_name))
        return true; // cannot guard, but nothing else runs either: carry on alone
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                // A line may arrive in pieces: act only on complete lines.
                while (socket->canReadLine()) {
                    if (socket->readLine() == ActivateMessage)
                        Q_EMIT activationRequested();
                }
            });
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    return true;
}
