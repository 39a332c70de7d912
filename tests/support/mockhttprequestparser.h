#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

// Incremental HTTP/1.1 request parser used by the mock provider. Feed it whatever a read
// returned and take complete requests out with next(): one read may hold part of a request
// or several requests (keep-alive, pipelining), so a read is never taken for a message.
// Bodies come with Content-Length or Transfer-Encoding: chunked (decoded here).
class MockHttpRequestParser final
{
public:
    struct Request
    {
        QByteArray method;
        QByteArray target; // as sent: path and query string
        QByteArray version; // "HTTP/1.1"
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body; // decoded (chunked framing removed)

        // First value of the header, name compared case-insensitively; empty when absent.
        QByteArray header(const QByteArray &name) const;
        // HTTP/1.1 keeps the connection unless "Connection: close"; HTTP/1.0 only with
        // "Connection: keep-alive".
        bool keepAlive() const;
        // The target without its query string.
        QByteArray path() const;
    };

    enum class Status { NeedMore, Complete, Error };

    // Appends received bytes; call next() until it answers NeedMore.
    void feed(const QByteArray &data);
    // Takes one complete request out of the buffer into *out. After Error the parser stays
    // in error: the connection is beyond repair and should be answered 400 and closed.
    Status next(Request *out);
    // True once after a head with "Expect: 100-continue" was parsed whose body is still
    // to come: the caller should send "100 Continue" so that the client sends it.
    bool takeContinueRequest();
    QByteArray errorText() const { return m_error; }
    bool hasPendingBytes() const { return m_buffer.size() > m_pos; }

    static constexpr qsizetype kMaxHeadBytes = 64 * 1024;
    static constexpr qsizetype kMaxBodyBytes = 256 * 1024 * 1024;

private:
    enum class State { Head, FixedBody, ChunkSize, ChunkData, ChunkTrailer, Error };

    Status parseHead();
    Status parseChunked();
    Status fail(const char *why);
    Status complete(Request *out);

    QByteArray m_buffer;
    qsizetype m_pos = 0; // bytes of m_buffer already consumed
    State m_state = State::Head;
    Request m_current;
    qint64 m_remaining = 0; // of the fixed body or of the current chunk
    bool m_continueRequested = false;
    QByteArray m_error;
};

namespace mockhttp {
// Case-insensitive header lookup shared by the request types of the mock.
QByteArray headerValue(const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &name);
} // namespace mockhttp
