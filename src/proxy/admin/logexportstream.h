#pragma once

#include "http/clientresponse.h"
#include "store/logexport.h"

#include <QObject>
#include <QPointer>
#include <QTcpSocket>

// One running GET /admin/logs/export: writes the pages of a LogExport to the client as a
// chunked response, at the pace the client reads. A page is read only while the socket's
// unsent bytes are below lowWaterBytes; otherwise the stream waits for the socket's
// bytesWritten. Between two pages it returns to the event loop, so the engine thread keeps
// serving traffic. At most one page plus the socket's buffer are in memory at any time.
//
// Deletes itself when done, when the client goes away, or on a database error (then the
// connection is closed without the final chunk, so the client sees a truncated body).
class LogExportStream final : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 lowWaterBytes = 256 * 1024;

    // The headers are already sent and `firstPage` (the header row and the first rows) is
    // written here; `exporter` continues after it.
    LogExportStream(ClientResponse response, LogExport exporter, QObject *parent = nullptr);

    qint64 rowCount() const { return m_exporter.rowCount(); }

private:
    void pump();
    void schedule();
    void done();

    ClientResponse m_response;
    LogExport m_exporter;
    QPointer<QTcpSocket> m_socket;
    bool m_scheduled = false;
    bool m_done = false;
};
