#include "mockhttpconnection.h"

#include <QTcpSocket>

MockHttpConnection::MockHttpConnection(QTcpSocket *socket, Handler handler, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_handler(std::move(handler))
{
    m_socket->setParent(this);
    // Without it small stream chunks wait for Nagle's algorithm (tens of milliseconds).
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_pieceTimer.setSingleShot(true);
    connect(&m_pieceTimer, &QTimer::timeout, this, &MockHttpConnection::writeNextPiece);
    connect(m_socket, &QTcpSocket::readyRead, this, &MockHttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &MockHttpConnection::onDisconnected);
    // Bytes that arrived before the connects are read from the event loop, once the owner
    // has connected to exchangeFinished().
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &MockHttpConnection::onReadyRead, Qt::QueuedConnection);
}

MockHttpConnection::~MockHttpConnection()
{
    // The socket is a child: keep its last signals away from this half-destroyed object.
    disconnect(m_socket, nullptr, this, nullptr);
    m_socket->abort();
}

void MockHttpConnection::drop()
{
    m_closing = true;
    finishExchange(false);
    m_socket->abort();
    deleteLater();
}

void MockHttpConnection::onReadyRead()
{
    m_parser.feed(m_socket->readAll());
    processBuffered();
}

void MockHttpConnection::onDisconnected()
{
    m_closing = true;
    if (m_active)
        finishExchange(true);
    deleteLater();
}

void MockHttpConnection::processBuffered()
{
    if (m_processing)
        return;
    m_processing = true;
    while (!m_active && !m_closing) {
        MockHttpRequestParser::Request request;
        const MockHttpRequestParser::Status status = m_parser.next(&request);
        if (m_parser.takeContinueRequest())
            m_socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
        if (status == MockHttpRequestParser::Status::NeedMore)
            break;
        if (status == MockHttpRequestParser::Status::Error) {
            // A broken request is no exchange: answer it and give up on the connection.
            const QByteArray body = m_parser.errorText() + '\n';
            m_socket->write(
                MockResponseScript::fixed(400, { { "Content-Type", "text/plain" } }, body, false)
                    .head
                + body);
            m_closing = true;
            m_socket->disconnectFromHost();
            break;
        }
        start(m_handler(request));
    }
    m_processing = false;
}

void MockHttpConnection::start(const MockResponseScript &script)
{
    m_active = true;
    if (m_closing) { // dropped while the handler ran (e.g. from a requestReceived() slot)
        finishExchange(false);
        return;
    }
    m_script = script;
    m_nextPiece = 0;
    if (!m_script.head.isEmpty())
        m_socket->write(m_script.head);
    writeNextPiece();
}

void MockHttpConnection::writeNextPiece()
{
    if (!m_active)
        return;
    const qsizetype count = m_script.pieces.size();
    do {
        if (m_nextPiece < count)
            m_socket->write(m_script.pieces.at(m_nextPiece++));
    } while (m_script.delayMs <= 0 && m_nextPiece < count);
    // Send now rather than from the write notifier in a later loop iteration: with a thousand
    // busy connections that iteration comes late and every first byte would wait for it.
    m_socket->flush();
    if (m_nextPiece < count) {
        m_pieceTimer.start(m_script.delayMs);
        return;
    }
    switch (m_script.end) {
    case MockResponseScript::End::Complete:
        finishExchange(false);
        if (m_script.closeAfter) {
            m_closing = true;
            m_socket->disconnectFromHost();
        } else {
            processBuffered(); // the next pipelined request, if any
        }
        break;
    case MockResponseScript::End::Close:
        finishExchange(false);
        m_closing = true;
        m_socket->disconnectFromHost(); // flushes what was written, then closes
        break;
    case MockResponseScript::End::Hang:
        break; // until the client gives up
    }
}

void MockHttpConnection::finishExchange(bool aborted)
{
    if (!m_active)
        return;
    m_active = false;
    m_pieceTimer.stop();
    Q_EMIT exchangeFinished(aborted);
}
