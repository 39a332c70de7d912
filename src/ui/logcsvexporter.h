#pragma once

#include "logviewfilter.h"
#include "store/requestlogrecord.h"

#include <QObject>
#include <QString>

#include <atomic>

class QIODevice;

// Writes the rows a log filter selects to a CSV file (RFC 4180: a header row, CRLF line ends,
// fields with commas, quotes or line breaks quoted), newest first. It reads the store page by
// page by keyset and writes each page before reading the next, so an export of a million rows
// holds one page in memory, never the whole log. Runs in its own thread (LogDbThread) with its
// own connection; cancel() may be called from any thread.
class LogCsvExporter final : public QObject
{
    Q_OBJECT

public:
    static constexpr int PageSize = 2000;

    LogCsvExporter(QString databaseUrl, QString connectionName);
    ~LogCsvExporter() override;

    // Worker thread: writes the file, emitting progress after each page and finished once.
    // The file is written under a temporary name and renamed at the end, so a cancelled or
    // failed export leaves no half file behind.
    void exportTo(const QString &filePath, const LogViewFilter &filter);
    // Any thread: stops the export after the current page.
    void cancel() { m_cancelled = true; }

    // The CSV header line and one record's line, CRLF-terminated.
    static QByteArray headerLine();
    static QByteArray recordLine(const RequestLogRecord &record);

Q_SIGNALS:
    void progress(qint64 rowsWritten);
    // ok false: error says why ("cancelled" when cancelled).
    void finished(bool ok, qint64 rowsWritten, const QString &error);

private:
    bool writeAll(QIODevice *out, const LogViewFilter &filter, qint64 *written, QString *error);

    const QString m_databaseUrl;
    const QString m_connectionName;
    bool m_open = false;
    std::atomic<bool> m_cancelled { false };
};
