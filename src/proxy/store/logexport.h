#pragma once

#include "store/logquery.h"
#include "store/requestlogrecord.h"

#include <QByteArray>
#include <QString>

#include <optional>

enum class LogExportFormat { Csv, Jsonl };

// The request log as a file, read page by page so that a million rows never sit in memory at
// once: each page is one query by keyset pagination on (time_ms, id), oldest first, holding
// no statement open between pages. The rows are those matching the filter (limit and offset
// are ignored) that existed when the first page was read: rows written later (ids above the
// snapshot) are left out, so an export of a busy gateway ends.
//
// CSV (RFC 4180): a header row with the field names of logRecordToJson(), CRLF line ends, a
// field quoted (with doubled quotes) when it holds a comma, quote, CR or LF; unknown numbers
// empty, `stream` true/false, `time` ISO 8601 UTC with milliseconds. JSON Lines: one
// logRecordToJson() object per line, LF-terminated.
//
// Uses a connection opened by Database::open() in the calling thread.
class LogExport final
{
public:
    static constexpr int defaultPageRows = 1000;

    LogExport(QString connectionName, LogFilter filter, LogExportFormat format,
              int pageRows = defaultPageRows);

    // The bytes before the first row: the CSV header row; empty for JSON Lines.
    QByteArray header() const;

    // The next page of rows, encoded. atEnd() turns true with the last page (which may be
    // empty); later calls return an empty array. nullopt with *error when the database cannot
    // be read.
    std::optional<QByteArray> nextPage(QString *error);

    bool atEnd() const { return m_atEnd; }
    qint64 rowCount() const { return m_rowCount; } // rows returned so far

    static std::optional<LogExportFormat> formatFromName(const QString &name); // "csv", "jsonl"
    static QByteArray contentType(LogExportFormat format);
    static QByteArray fileExtension(LogExportFormat format); // "csv", "jsonl"

    static QByteArray csvHeader();
    static QByteArray csvLine(const RequestLogRecord &record);
    static QByteArray jsonLine(const RequestLogRecord &record);

private:
    bool readSnapshot(QString *error);

    QString m_connectionName;
    LogFilter m_filter;
    LogExportFormat m_format;
    int m_pageRows;

    bool m_started = false;
    bool m_atEnd = false;
    qint64 m_maxId = 0; // the snapshot: rows with larger ids came after the export began
    bool m_haveCursor = false;
    qint64 m_lastTimeMs = 0; // keyset cursor: the last row returned
    qint64 m_lastId = 0;
    qint64 m_rowCount = 0;
};
