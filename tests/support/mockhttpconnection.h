#pragma once

#include "mockhttprequestparser.h"
#include "mockresponsescript.h"

#include <QObject>
#include <QTimer>

#include <functional>

class QTcpSocket;

// One accepted connection of the mock provider: parses requests as bytes arrive, asks the
// handler for a script per request and plays it, one exchange at a time (requests that
// arrive meanwhile wait in the parser's buffer, as HTTP/1.1 pipelining requires).
// Deletes itself when the socket closes.
class MockHttpConnection final : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<MockResponseScript(const MockHttpRequestParser::Request &)>;

    // Takes ownership of the connected socket.
    MockHttpConnection(QTcpSocket *socket, Handler handler, QObject *parent = nullptr);
    ~MockHttpConnection() override;

    // Closes the connection at once. An exchange in progress ends as not aborted.
    void drop();

Q_SIGNALS:
    // An exchange the handler started has ended: completely sent, closed by the script
    // (aborted false), or the client closed the connection before it was complete (aborted true).
    void exchangeFinished(bool aborted);

private:
    void onReadyRead();
    void onDisconnected();
    void processBuffered();
    void start(const MockResponseScript &script);
    void writeNextPiece();
    void finishExchange(bool aborted);

    QTcpSocket *m_socket;
    Handler m_handler;
    MockHttpRequestParser m_parser;
    MockResponseScript m_script;
    qsizetype m_nextPiece = 0;
    bool m_active = false; // an exchange is in progress
    bool m_closing = false; // no more requests are served on this connection
    bool m_processing = false; // inside processBuffered(): no re-entry from a finished exchange
    QTimer m_pieceTimer;
};
