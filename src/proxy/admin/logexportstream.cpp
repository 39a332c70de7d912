#include "admin/logexportstream.h"

#include <QTimer>

LogExportStream::LogExportStream(ClientResponse response, LogExport exporter, QObject *parent)
    : QObject(parent)
    , m_response(std::move(response))
    , m_exporter(std::move(exporter))
    , m_socket(m_response.socket())
{
    if (!m_socket) {
        done();
        return;
    }
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_socket && m_socket->bytesToWrite() < lowWaterBytes)
            schedule();
    });
    connect(m_socket, &QTcpSocket::disconnected, this, &LogExportStream::done);
    connect(m_socket, &QObject::destroyed, this, &LogExportStream::done);
    schedule();
}

void LogExportStream::schedule()
{
    if (m_scheduled || m_done)
        return;
    m_scheduled = true;
    QTimer::singleShot(0, this, &LogExportStream::pump);
}

void LogExportStream::pump()
{
    m_scheduled = false;
    if (m_done)
        return;
    if (!m_response.isConnected()) {
        done();
        return;
    }
    if (m_exporter.atEnd()) {
        m_response.endStream();
        done();
        return;
    }
    if (m_socket->bytesToWrite() >= lowWaterBytes)
        return; // bytesWritten schedules the next page
    QString error;
    const std::optional<QByteArray> page = m_exporter.nextPage(&error);
    if (!page) {
        qWarning("log export: %s", qUtf8Printable(error));
        m_response.closeAfterWrite();
        done();
        return;
    }
    m_response.writeChunk(*page);
    if (m_exporter.atEnd() || m_socket->bytesToWrite() < lowWaterBytes)
        schedule();
}

void LogExportStream::done()
{
    if (m_done)
        return;
    m_done = true;
    deleteLater();
}
