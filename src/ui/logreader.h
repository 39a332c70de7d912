#pragma once

#include "logviewfilter.h"
#include "store/requestlogrecord.h"

#include <QList>
#include <QObject>
#include <QString>

// A worker that answers the log and health views' reads of the request log in its own thread
// (see LogDbThread) with its own database connection, opened on first use. Call the request
// functions as queued calls (QMetaObject::invokeMethod on this object); each answer is a
// signal carrying the caller's ticket, so a caller can drop answers to requests it no longer
// wants (the filter changed meanwhile).
class LogReader final : public QObject
{
    Q_OBJECT

public:
    // `connectionName` must be unique in the process.
    LogReader(QString databaseUrl, QString connectionName);
    ~LogReader() override;

    void readPage(quint64 ticket, const LogViewFilter &filter, const LogCursor &after, int limit);
    void countRows(quint64 ticket, const LogViewFilter &filter);
    void readTrace(quint64 ticket, const QString &traceId, qint64 id);
    void readLatencySamples(quint64 ticket, qint64 sinceMs);

Q_SIGNALS:
    // atEnd: fewer than `limit` rows were left.
    void pageRead(quint64 ticket, const QList<RequestLogRecord> &rows, bool atEnd);
    void rowsCounted(quint64 ticket, qint64 count);
    void traceRead(quint64 ticket, const QList<RequestLogRecord> &rows);
    void latencySamplesRead(quint64 ticket, const QList<RequestLogRecord> &rows);
    void failed(quint64 ticket, const QString &error);

private:
    bool ensureOpen(quint64 ticket);

    const QString m_databaseUrl;
    const QString m_connectionName;
    bool m_open = false;
};
