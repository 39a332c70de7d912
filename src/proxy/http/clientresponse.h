#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QTcpSocket>

using HttpHeaderList = QList<QPair<QByteArray, QByteArray>>;

// Writes one HTTP/1.1 response to a client socket: either complete (Content-Length) or as a
// chunked stream. The socket is held through a QPointer because a client may disconnect and
// QHttpServer then deletes the socket while an upstream is still answering; every write checks
// it first (writing to a dead socket crashes Qt 6.4). Bytes go straight to the socket: no copies
// beyond the chunk framing.
class ClientResponse final
{
public:
    // closeAfterResponse: the client asked for `Connection: close`; the connection is closed
    // once the response is complete.
    explicit ClientResponse(QTcpSocket *socket, bool closeAfterResponse = false);

    // Whether the request asks to close the connection after the response.
    static bool wantsClose(const QByteArray &connectionHeader);

    bool isConnected() const;
    bool headersSent() const { return m_headersSent; }
    bool finished() const { return m_finished; }
    qint64 bytesWritten() const { return m_bytesWritten; }
    QTcpSocket *socket() const { return m_socket.data(); }

    void sendComplete(int status, const QByteArray &contentType, const QByteArray &body,
                      const HttpHeaderList &extraHeaders = {});
    void beginStream(int status, const QByteArray &contentType,
                     const HttpHeaderList &extraHeaders = {});
    void writeChunk(const QByteArray &data);
    void endStream();

    // Closes the connection after what was written (lingering close: half-close, discard
    // what the client still sends, close when it closes or after LingerMs).
    void closeAfterWrite();
    static constexpr int LingerMs = 10000;

private:
    void writeHead(int status, const QByteArray &contentType, const HttpHeaderList &extraHeaders,
                   qint64 contentLength);

    QPointer<QTcpSocket> m_socket;
    qint64 m_bytesWritten = 0;
    bool m_headersSent = false;
    bool m_finished = false;
    bool m_closeAfterResponse = false;
};
