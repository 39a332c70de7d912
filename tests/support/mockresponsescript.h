#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

// What the mock provider does with one request, as bytes and timing: the connection plays
// it without knowing about OpenAI. Built by MockProvider from a Behavior.
struct MockResponseScript
{
    enum class End {
        Complete, // the response is done; the connection serves the next request
        Close, // the server closes the connection after the pieces (a dropped stream)
        Hang, // nothing more is sent; only the client can end the exchange (an abort)
    };

    QByteArray head; // status line and header fields through the empty line; may be empty
    QList<QByteArray> pieces; // body bytes as written, already framed (chunked or not)
    int delayMs = 0; // pause before each piece after the first
    End end = End::Complete;
    bool closeAfter = false; // "Connection: close" was sent: close once complete

    using Headers = QList<QPair<QByteArray, QByteArray>>;

    // A response with a Content-Length body.
    static MockResponseScript fixed(int status, const Headers &headers, const QByteArray &body,
                                    bool keepAlive);
    // A chunked response: one HTTP chunk per event, then (when `terminate`) the last chunk.
    static MockResponseScript chunked(int status, const Headers &headers,
                                      const QList<QByteArray> &events, bool keepAlive,
                                      bool terminate = true);

    static QByteArray statusLine(int status);
    static QByteArray chunk(const QByteArray &data); // "<hex>\r\n<data>\r\n"
    static QByteArray lastChunk(); // "0\r\n\r\n"
    static QByteArray httpDate(); // IMF-fixdate of now, for the Date header
};
