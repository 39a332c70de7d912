#include "clientresponse.h"

#include "httpstatus.h"

#include <QTimer>

#ifdef Q_OS_WIN
#include <winsock2.h>
#else
#include <sys/socket.h>
#endif

ClientResponse::ClientResponse(QTcpSocket *socket, bool closeAfterResponse)
    : m_socket(socket)
    , m_closeAfterResponse(closeAfterResponse)
{
}

bool ClientResponse::wantsClose(const QByteArray &connectionHeader)
{
    return connectionHeader.toLower().contains("close");
}

bool ClientResponse::isConnected() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void ClientResponse::writeHead(int status, const QByteArray &contentType,
                               const HttpHeaderList &extraHeaders, qint64 contentLength)
{
    QByteArray head;
    head.reserve(256);
    head += "HTTP/1.1 " + QByteArray::number(status) + ' ' + HttpStatus::reasonPhrase(status)
        + "\r\n";
    if (!contentType.isEmpty())
        head += "Content-Type: " + contentType + "\r\n";
    if (contentLength >= 0)
        head += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    else
        head += "Transfer-Encoding: chunked\r\n";
    for (const auto &header : extraHeaders)
        head += header.first + ": " + header.second + "\r\n";
    if (m_closeAfterResponse)
        head += "Connection: close\r\n";
    head += "\r\n";
    m_headersSent = true;
    if (isConnected())
        m_bytesWritten += m_socket->write(head);
}

void ClientResponse::sendComplete(int status, const QByteArray &contentType, const QByteArray &body,
                                  const HttpHeaderList &extraHeaders)
{
    if (m_headersSent)
        return;
    writeHead(status, contentType, extraHeaders, body.size());
    if (isConnected() && !body.isEmpty())
        m_bytesWritten += m_socket->write(body);
    m_finished = true;
    if (m_closeAfterResponse)
        closeAfterWrite();
}

void ClientResponse::beginStream(int status, const QByteArray &contentType,
                                 const HttpHeaderList &extraHeaders)
{
    if (m_headersSent)
        return;
    writeHead(status, contentType, extraHeaders, -1);
}

void ClientResponse::writeChunk(const QByteArray &data)
{
    if (!m_headersSent || m_finished || data.isEmpty() || !isConnected())
        return;
    const QByteArray size = QByteArray::number(data.size(), 16) + "\r\n";
    m_bytesWritten += m_socket->write(size);
    m_bytesWritten += m_socket->write(data);
    m_bytesWritten += m_socket->write("\r\n", 2);
}

void ClientResponse::endStream()
{
    if (!m_headersSent || m_finished)
        return;
    m_finished = true;
    if (isConnected())
        m_bytesWritten += m_socket->write("0\r\n\r\n", 5);
    if (m_closeAfterResponse)
        closeAfterWrite();
}

void ClientResponse::closeAfterWrite()
{
    QTcpSocket *socket = m_socket;
    if (!socket)
        return;
    // A lingering close, as web servers do: a plain close() while the client is still sending
    // (e.g. the rest of a refused 2 MiB body) makes the kernel answer with a reset, and the
    // client's kernel then discards our response before the client has read it. So: send FIN
    // once everything is written (half-close), read and discard what still arrives, and
    // close for good when the client closes (QHttpServer then deletes the socket) or after
    // LingerMs.
    const auto halfClose = [socket] {
        if (socket->bytesToWrite() > 0 || socket->property("llmo.halfClosed").toBool())
            return;
        socket->setProperty("llmo.halfClosed", true);
#ifdef Q_OS_WIN
        ::shutdown(SOCKET(socket->socketDescriptor()), SD_SEND);
#else
        ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
#endif
    };
    // Never from inside this call: the caller finishes its work (e.g. logs the request)
    // before the client can see the end of the response.
    QMetaObject::invokeMethod(socket, halfClose, Qt::QueuedConnection);
    QObject::connect(socket, &QTcpSocket::bytesWritten, socket, halfClose);
    QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket] {
        if (socket->isTransactionStarted())
            socket->commitTransaction();
        socket->readAll();
    });
    QTimer::singleShot(LingerMs, socket, [socket] { socket->abort(); });
}
