#pragma once

#include "logviewfilter.h"
#include "store/requestlogrecord.h"

#include <QList>
#include <QString>

#include <optional>

// The log view's reads of request_log, on a connection opened with Database::open() in the
// calling thread. Pages are read by keyset (time_ms, id) in the log's order, newest first, so
// that paging through a million rows stays as fast at the end as at the start and never
// needs all of them in memory.
class LogPageQuery final
{
public:
    explicit LogPageQuery(QString connectionName);

    // Up to `limit` rows matching the filter that come after `after`, newest first.
    std::optional<QList<RequestLogRecord>> page(const LogViewFilter &filter, const LogCursor &after,
                                                int limit, QString *error) const;
    // How many rows match the filter.
    std::optional<qint64> count(const LogViewFilter &filter, QString *error) const;
    // Every attempt of a trace (attempt order), plus the row `id` should it have no trace id.
    std::optional<QList<RequestLogRecord>> trace(const QString &traceId, qint64 id,
                                                 QString *error) const;
    // The successful attempts since `sinceMs` (oldest first), with only id, time, model,
    // provider, upstream model, attempt, status and total time filled: the health view's latency
    // history.
    std::optional<QList<RequestLogRecord>> latencySamples(qint64 sinceMs, QString *error) const;

private:
    QString m_connectionName;
};
