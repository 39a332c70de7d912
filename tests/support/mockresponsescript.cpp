#include "mockresponsescript.h"

#include <QDateTime>
#include <QLocale>

namespace {
QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return QByteArrayLiteral("Continue");
    case 200:
        return QByteArrayLiteral("OK");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 408:
        return QByteArrayLiteral("Request Timeout");
    case 413:
        return QByteArrayLiteral("Payload Too Large");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 502:
        return QByteArrayLiteral("Bad Gateway");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    case 504:
        return QByteArrayLiteral("Gateway Timeout");
    default:
        return QByteArrayLiteral("Status");
    }
}

QByteArray headBlock(int status, const MockResponseScript::Headers &headers)
{
    QByteArray head = MockResponseScript::statusLine(status);
    head += QByteArrayLiteral("Date: ") + MockResponseScript::httpDate() + "\r\n";
    for (const auto &h : headers)
        head += h.first + QByteArrayLiteral(": ") + h.second + "\r\n";
    return head;
}
} // namespace

MockResponseScript MockResponseScript::fixed(int status, const Headers &headers,
                                             const QByteArray &body, bool keepAlive)
{
    MockResponseScript s;
    s.head = headBlock(status, headers) + QByteArrayLiteral("Content-Length: ")
        + QByteArray::number(body.size()) + "\r\n"
        + (keepAlive ? QByteArrayLiteral("Connection: keep-alive\r\n")
                     : QByteArrayLiteral("Connection: close\r\n"))
        + "\r\n";
    if (!body.isEmpty())
        s.pieces.append(body);
    s.closeAfter = !keepAlive;
    return s;
}

MockResponseScript MockResponseScript::chunked(int status, const Headers &headers,
                                               const QList<QByteArray> &events, bool keepAlive,
                                               bool terminate)
{
    MockResponseScript s;
    s.head = headBlock(status, headers) + QByteArrayLiteral("Transfer-Encoding: chunked\r\n")
        + (keepAlive ? QByteArrayLiteral("Connection: keep-alive\r\n")
                     : QByteArrayLiteral("Connection: close\r\n"))
        + "\r\n";
    for (const QByteArray &event : events)
        s.pieces.append(chunk(event));
    if (terminate)
        s.pieces.append(lastChunk());
    s.closeAfter = !keepAlive;
    return s;
}

QByteArray MockResponseScript::statusLine(int status)
{
    return QByteArrayLiteral("HTTP/1.1 ") + QByteArray::number(status) + ' ' + reasonPhrase(status)
        + "\r\n";
}

QByteArray MockResponseScript::chunk(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

QByteArray MockResponseScript::lastChunk()
{
    return QByteArrayLiteral("0\r\n\r\n");
}

QByteArray MockResponseScript::httpDate()
{
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc(),
                  QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}
