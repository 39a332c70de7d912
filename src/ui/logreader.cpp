#include "logreader.h"

#include "logpagequery.h"
#include "store/database.h"

LogReader::LogReader(QString databaseUrl, QString connectionName)
    : m_databaseUrl(std::move(databaseUrl))
    , m_connectionName(std::move(connectionName))
{
}

LogReader::~LogReader()
{
    // Deleted in its own thread (LogDbThread), where the connection was opened.
    if (m_open)
        Database::close(m_connectionName);
}

bool LogReader::ensureOpen(quint64 ticket)
{
    if (m_open)
        return true;
    QString error;
    m_open = Database::open(m_connectionName, m_databaseUrl, &error);
    if (!m_open)
        Q_EMIT failed(ticket, error);
    return m_open;
}

void LogReader::readPage(quint64 ticket, const LogViewFilter &filter, const LogCursor &after,
                         int limit)
{
    if (!ensureOpen(ticket))
        return;
    QString error;
    const auto rows = LogPageQuery(m_connectionName).page(filter, after, limit, &error);
    if (!rows)
        Q_EMIT failed(ticket, error);
    else
        Q_EMIT pageRead(ticket, *rows, rows->size() < limit);
}

void LogReader::countRows(quint64 ticket, const LogViewFilter &filter)
{
    if (!ensureOpen(ticket))
        return;
    QString error;
    const auto count = LogPageQuery(m_connectionName).count(filter, &error);
    if (!count)
        Q_EMIT failed(ticket, error);
    else
        Q_EMIT rowsCounted(ticket, *count);
}

void LogReader::readTrace(quint64 ticket, const QString &traceId, qint64 id)
{
    if (!ensureOpen(ticket))
        return;
    QString error;
    const auto rows = LogPageQuery(m_connectionName).trace(traceId, id, &error);
    if (!rows)
        Q_EMIT failed(ticket, error);
    else
        Q_EMIT traceRead(ticket, *rows);
}

void LogReader::readLatencySamples(quint64 ticket, qint64 sinceMs)
{
    if (!ensureOpen(ticket))
        return;
    QString error;
    const auto rows = LogPageQuery(m_connectionName).latencySamples(sinceMs, &error);
    if (!rows)
        Q_EMIT failed(ticket, error);
    else
        Q_EMIT latencySamplesRead(ticket, *rows);
}
