#pragma once

#include <QByteArray>
#include <QObject>
#include <QTcpSocket>

// Reads one chunked HTTP response of the log export over a raw socket without keeping it:
// the body is de-chunked and split into lines on the fly, and each line is only looked at
// (its "id" member counted and checked for order), so the test's own memory stays flat while
// it measures the server's. Samples the process's VmRSS as the data arrives.
class ExportReader final : public QObject
{
    Q_OBJECT

public:
    explicit ExportReader(quint16 port, QObject *parent = nullptr);

    // Sends GET `pathAndQuery` with the admin token and Connection: close; waits (spinning the
    // event loop, which also runs the in-process gateway) until the response ended.
    bool run(const QByteArray &pathAndQuery, const QByteArray &token, int timeoutMs);
    // Hang up (abort the connection) once this many body bytes arrived; run() then returns.
    void setHangUpAfter(qint64 bytes) { m_hangUpAfter = bytes; }
    bool hungUp() const { return m_hungUp; }

    int status() const { return m_status; }
    QByteArray head() const { return m_head; }
    bool chunked() const { return m_chunked; }
    bool sawFinalChunk() const { return m_finalChunk; }
    qint64 lines() const { return m_lines; }
    qint64 bodyBytes() const { return m_bodyBytes; }
    qint64 firstId() const { return m_firstId; }
    qint64 lastId() const { return m_lastId; }
    bool idsAscendByOne() const { return m_idsInOrder; }
    qint64 peakRssKb() const { return m_peakRssKb; }

    static qint64 currentRssKb();

Q_SIGNALS:
    void finished(); // the final chunk arrived

private:
    void onReadyRead();
    void onBody(const char *data, qsizetype size);
    void onLine(const QByteArray &line);

    QTcpSocket m_socket;
    quint16 m_port;
    QByteArray m_buffer; // unparsed bytes (head, chunk framing)
    QByteArray m_partialLine;
    QByteArray m_head;
    bool m_headDone = false;
    bool m_chunked = false;
    bool m_finalChunk = false;
    qint64 m_chunkLeft = -1; // bytes of the current chunk still to come; -1: a size line next
    int m_status = 0;
    qint64 m_lines = 0;
    qint64 m_bodyBytes = 0;
    qint64 m_firstId = -1;
    qint64 m_lastId = -1;
    bool m_idsInOrder = true;
    qint64 m_peakRssKb = 0;
    int m_reads = 0;
    qint64 m_hangUpAfter = -1;
    bool m_hungUp = false;
};
