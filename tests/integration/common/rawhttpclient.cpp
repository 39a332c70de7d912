#include "rawhttpclient.h"

#include <QEventLoop>
#include <QTimer>

RawHttpClient::RawHttpClient(quint16 port, QObject *parent)
    : QObject(parent)
    , m_port(port)
{
    connect(&m_socket, &QTcpSocket::readyRead, this, &RawHttpClient::onReadyRead);
    connect(&m_socket, &QTcpSocket::disconnected, this, &RawHttpClient::finish);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this] {
        if (m_socket.state() != QAbstractSocket::ConnectedState)
            finish();
    });
}

void RawHttpClient::send(const QByteArray &method, const QByteArray &path, const QByteArray &body,
                         const Headers &headers)
{
    m_clock.start();
    m_socket.connectToHost(QStringLiteral("127.0.0.1"), m_port);
    QByteArray request = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1:"
        + QByteArray::number(m_port) + "\r\nConnection: close\r\n";
    bool hasLength = false;
    for (const auto &header : headers) {
        if (header.first.toLower() == "content-length")
            hasLength = true;
        request += header.first + ": " + header.second + "\r\n";
    }
    if (!hasLength && (!body.isEmpty() || method == "POST"))
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    request += "\r\n" + body;
    m_socket.write(request);
}

void RawHttpClient::hangUp()
{
    m_socket.abort();
    finish();
}

void RawHttpClient::onReadyRead()
{
    const QByteArray data = m_socket.readAll();
    m_received += data;
    if (!m_headParsed) {
        parseHead();
        return;
    }
    if (m_firstBodyMs < 0 && !data.isEmpty())
        m_firstBodyMs = double(m_clock.nsecsElapsed()) / 1e6;
    m_rawBody += data;
    Q_EMIT bodyData();
}

void RawHttpClient::parseHead()
{
    const qsizetype end = m_received.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    m_headParsed = true;
    const QList<QByteArray> lines = m_received.left(end).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    m_status = statusLine.value(1).toInt();
    for (int i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            m_headers.append({ line.left(colon).trimmed(), line.mid(colon + 1).trimmed() });
    }
    m_rawBody = m_received.mid(end + 4);
    if (!m_rawBody.isEmpty()) {
        m_firstBodyMs = double(m_clock.nsecsElapsed()) / 1e6;
        Q_EMIT bodyData();
    }
}

QByteArray RawHttpClient::header(const QByteArray &name) const
{
    for (const auto &header : m_headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

QByteArray RawHttpClient::body() const
{
    if (header(QByteArrayLiteral("Transfer-Encoding")).toLower() != "chunked")
        return m_rawBody;
    QByteArray out;
    qsizetype pos = 0;
    while (pos < m_rawBody.size()) {
        const qsizetype lineEnd = m_rawBody.indexOf("\r\n", pos);
        if (lineEnd < 0)
            break;
        bool ok = false;
        const qsizetype size = m_rawBody.mid(pos, lineEnd - pos).toLongLong(&ok, 16);
        if (!ok || size == 0)
            break;
        out += m_rawBody.mid(lineEnd + 2, size);
        pos = lineEnd + 2 + size + 2;
    }
    return out;
}

void RawHttpClient::finish()
{
    if (m_done)
        return;
    if (!m_headParsed)
        parseHead();
    m_done = true;
    m_totalMs = double(m_clock.nsecsElapsed()) / 1e6;
    Q_EMIT done();
}

bool RawHttpClient::waitDone(int timeoutMs)
{
    if (m_done)
        return true;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    connect(this, &RawHttpClient::done, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    loop.exec();
    return m_done;
}

RawHttpClient *RawHttpClient::request(quint16 port, const QByteArray &method,
                                      const QByteArray &path, const QByteArray &body,
                                      const Headers &headers, int timeoutMs, QObject *parent)
{
    auto *client = new RawHttpClient(port, parent);
    client->send(method, path, body, headers);
    client->waitDone(timeoutMs);
    return client;
}
