#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTcpSocket>

// A deliberately small HTTP/1.1 client for integration tests: one request per connection
// (Connection: close), the raw response bytes kept, chunked bodies decoded. Unlike
// QNetworkAccessManager it has no per-host connection limit (100 concurrent streams are 100
// sockets), shows bytes exactly as the gateway wrote them, and can hang up mid-stream.
class RawHttpClient final : public QObject
{
    Q_OBJECT

public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit RawHttpClient(quint16 port, QObject *parent = nullptr);

    void send(const QByteArray &method, const QByteArray &path, const QByteArray &body,
              const Headers &headers = {});
    // Closes the connection now (a client giving up mid-stream).
    void hangUp();

    bool isDone() const { return m_done; }
    int status() const { return m_status; }
    QByteArray header(const QByteArray &name) const; // case-insensitive
    QByteArray body() const; // de-chunked
    QByteArray rawBody() const { return m_rawBody; } // as received after the head
    QByteArray received() const { return m_received; }
    // Milliseconds from send() until the first body byte arrived; -1 if none yet.
    double firstBodyByteMs() const { return m_firstBodyMs; }
    double totalMs() const { return m_totalMs; }

    // Convenience: sends and waits (spinning the event loop) until done or timeout.
    static RawHttpClient *request(quint16 port, const QByteArray &method, const QByteArray &path,
                                  const QByteArray &body, const Headers &headers = {},
                                  int timeoutMs = 10000, QObject *parent = nullptr);
    bool waitDone(int timeoutMs = 10000);

Q_SIGNALS:
    void bodyData();
    void done();

private:
    void onReadyRead();
    void finish();
    void parseHead();

    QTcpSocket m_socket;
    quint16 m_port;
    QElapsedTimer m_clock;
    QByteArray m_received;
    QByteArray m_rawBody;
    Headers m_headers;
    int m_status = 0;
    bool m_headParsed = false;
    bool m_done = false;
    double m_firstBodyMs = -1;
    double m_totalMs = -1;
};
