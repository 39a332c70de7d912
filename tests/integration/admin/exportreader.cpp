#include "exportreader.h"

#include <QEventLoop>
#include <QFile>
#include <QTimer>

ExportReader::ExportReader(quint16 port, QObject *parent)
    : QObject(parent)
    , m_port(port)
{
    connect(&m_socket, &QTcpSocket::readyRead, this, &ExportReader::onReadyRead);
}

qint64 ExportReader::currentRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

bool ExportReader::run(const QByteArray &pathAndQuery, const QByteArray &token, int timeoutMs)
{
    m_peakRssKb = currentRssKb();
    m_socket.connectToHost(QStringLiteral("127.0.0.1"), m_port);
    m_socket.write("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                   + token + "\r\nConnection: close\r\n\r\n");
    // A real event loop (QTest::qWait sleeps between its rounds and would pace the transfer).
    QEventLoop loop;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    connect(&m_socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    connect(this, &ExportReader::finished, &loop, &QEventLoop::quit);
    loop.exec();
    if (!m_hungUp)
        onReadyRead();
    return m_finalChunk || m_hungUp || (m_headDone && !m_chunked);
}

void ExportReader::onReadyRead()
{
    if (m_hungUp)
        return;
    m_buffer += m_socket.readAll();
    if (++m_reads % 16 == 0)
        m_peakRssKb = std::max(m_peakRssKb, currentRssKb());
    if (!m_headDone) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        m_head = m_buffer.left(end + 2);
        m_buffer.remove(0, end + 4);
        m_headDone = true;
        m_status = m_head.mid(9, 3).toInt();
        m_chunked = m_head.toLower().contains("transfer-encoding: chunked");
    }
    if (!m_chunked) {
        onBody(m_buffer.constData(), m_buffer.size());
        m_buffer.clear();
        return;
    }
    while (!m_finalChunk && !m_hungUp) {
        if (m_chunkLeft < 0) {
            const qsizetype lineEnd = m_buffer.indexOf("\r\n");
            if (lineEnd < 0)
                return;
            bool ok = false;
            m_chunkLeft = m_buffer.left(lineEnd).toLongLong(&ok, 16);
            m_buffer.remove(0, lineEnd + 2);
            if (!ok) {
                m_socket.abort();
                return;
            }
            if (m_chunkLeft == 0) {
                m_finalChunk = true;
                Q_EMIT finished();
                return;
            }
        }
        // The chunk's data, then its CRLF.
        const qsizetype take = qsizetype(std::min<qint64>(m_chunkLeft, m_buffer.size()));
        onBody(m_buffer.constData(), take);
        m_buffer.remove(0, take);
        m_chunkLeft -= take;
        if (m_chunkLeft > 0 || m_buffer.size() < 2)
            return;
        m_buffer.remove(0, 2);
        m_chunkLeft = -1;
    }
}

void ExportReader::onBody(const char *data, qsizetype size)
{
    m_bodyBytes += size;
    if (m_hangUpAfter >= 0 && m_bodyBytes >= m_hangUpAfter && !m_hungUp) {
        m_hungUp = true;
        m_socket.abort();
        Q_EMIT finished();
        return;
    }
    qsizetype start = 0;
    for (qsizetype i = 0; i < size; ++i) {
        if (data[i] != '\n')
            continue;
        if (m_partialLine.isEmpty()) {
            onLine(QByteArray::fromRawData(data + start, i - start));
        } else {
            m_partialLine.append(data + start, i - start);
            onLine(m_partialLine);
            m_partialLine.clear();
        }
        start = i + 1;
    }
    m_partialLine.append(data + start, size - start);
}

void ExportReader::onLine(const QByteArray &line)
{
    ++m_lines;
    // JSON Lines rows start with {"access_key":..; CSV rows with the id. Find the id either way.
    qint64 id = -1;
    const qsizetype key = line.indexOf("\"id\":");
    if (key >= 0) {
        qsizetype end = key + 5;
        while (end < line.size() && line.at(end) >= '0' && line.at(end) <= '9')
            ++end;
        id = line.mid(key + 5, end - key - 5).toLongLong();
    } else {
        id = line.left(line.indexOf(',')).toLongLong();
    }
    if (id <= 0)
        return; // the CSV header
    if (m_firstId < 0)
        m_firstId = id;
    else if (id != m_lastId + 1)
        m_idsInOrder = false;
    m_lastId = id;
}
