#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>

#include <functional>

// Enforces the request body limit on one client connection BEFORE QHttpServer buffers the
// body: Qt 6.4's QHttpServer collects a whole request (in the socket's read transaction and in
// the request object) before any handler runs, so a 2 GiB upload would be held in memory twice.
// The guard is connected to the socket's readyRead ahead of the server and only looks at the
// request head (peek, no consumption) and at byte counts. When a request announces or sends
// more than the limit, it detaches the server from the socket, answers 413 through `reject`,
// discards what the client still sends and closes the connection.
class RequestBodyGuard final : public QObject
{
    Q_OBJECT

public:
    // Called once with the request path (to answer in the caller's protocol) when a request is
    // refused; it must write a complete response on the socket.
    using Rejector = std::function<void(QTcpSocket *socket, int status, const QByteArray &path)>;

    RequestBodyGuard(QTcpSocket *socket, QObject *httpServer, qint64 maxBodyBytes, Rejector reject);

    // The server dispatched the current request: the next bytes start a new request head.
    void requestDispatched();

    static constexpr qint64 MaxHeadBytes = 64 * 1024;

private:
    void onReadyRead();
    void rejectRequest(int status);

    enum class State { Head, Body, Rejected };

    QPointer<QTcpSocket> m_socket;
    QPointer<QObject> m_httpServer;
    qint64 m_maxBodyBytes;
    Rejector m_reject;
    State m_state = State::Head;
    QByteArray m_head; // bytes of the current request head seen so far
    QByteArray m_path;
    qint64 m_bodyBytes = 0;
};
