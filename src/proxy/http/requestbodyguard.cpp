#include "requestbodyguard.h"

RequestBodyGuard::RequestBodyGuard(QTcpSocket *socket, QObject *httpServer, qint64 maxBodyBytes,
                                   Rejector reject)
    : QObject(socket)
    , m_socket(socket)
    , m_httpServer(httpServer)
    , m_maxBodyBytes(maxBodyBytes)
    , m_reject(std::move(reject))
{
    connect(socket, &QTcpSocket::readyRead, this, &RequestBodyGuard::onReadyRead);
}

void RequestBodyGuard::requestDispatched()
{
    if (m_state == State::Rejected)
        return;
    m_state = State::Head;
    m_head.clear();
    m_path.clear();
    m_bodyBytes = 0;
}

static qint64 contentLengthOf(const QByteArray &head, bool *chunked)
{
    qint64 length = -1;
    *chunked = false;
    const QList<QByteArray> lines = head.split('\n');
    for (const QByteArray &rawLine : lines) {
        const int colon = rawLine.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = rawLine.left(colon).trimmed().toLower();
        if (name == "content-length") {
            bool ok = false;
            length = rawLine.mid(colon + 1).trimmed().toLongLong(&ok);
            if (!ok)
                length = -1;
        } else if (name == "transfer-encoding") {
            *chunked = rawLine.mid(colon + 1).toLower().contains("chunked");
        }
    }
    return length;
}

void RequestBodyGuard::onReadyRead()
{
    if (!m_socket || m_state == State::Rejected)
        return;
    // QHttpServer reads inside a socket transaction, so bytesAvailable() counts only the bytes
    // that arrived since its last read: exactly the new bytes of this notification.
    qint64 fresh = m_socket->bytesAvailable();
    if (m_state == State::Head) {
        const QByteArray peeked = m_socket->peek(qMin<qint64>(fresh, MaxHeadBytes + 4));
        const qsizetype before = m_head.size();
        m_head += peeked;
        const qsizetype end = m_head.indexOf("\r\n\r\n");
        if (end < 0) {
            if (m_head.size() > MaxHeadBytes)
                rejectRequest(431);
            return;
        }
        const qsizetype firstLineEnd = m_head.indexOf("\r\n");
        const QList<QByteArray> requestLine = m_head.left(firstLineEnd).split(' ');
        if (requestLine.size() >= 2)
            m_path = requestLine.at(1);
        bool chunked = false;
        const qint64 length = contentLengthOf(m_head.left(end), &chunked);
        if (length > m_maxBodyBytes) {
            rejectRequest(413);
            return;
        }
        m_state = State::Body;
        // Body bytes that came with the head.
        fresh = before + peeked.size() - (end + 4);
        m_head.clear();
    }
    m_bodyBytes += qMax<qint64>(0, fresh);
    // Chunked bodies (or a client sending more than it announced) are caught by counting;
    // the chunk framing adds a few bytes, hence the small allowance.
    if (m_bodyBytes > m_maxBodyBytes + 64 * 1024)
        rejectRequest(413);
}

void RequestBodyGuard::rejectRequest(int status)
{
    m_state = State::Rejected;
    QTcpSocket *socket = m_socket;
    // The server must not parse this request any further: detach it from the socket. Slots
    // disconnected during an emission are not called, so the server's pending readyRead
    // handling for these bytes is skipped too.
    if (m_httpServer)
        QObject::disconnect(socket, &QTcpSocket::readyRead, m_httpServer, nullptr);
    // The server's read transaction would keep every byte still to come: end it first.
    if (socket->isTransactionStarted())
        socket->commitTransaction();
    socket->readAll();
    // The rejector answers with `Connection: close`, whose lingering close (ClientResponse)
    // discards the rest of the body without buffering it.
    m_reject(socket, status, m_path);
}
