#include "logpagequery.h"

#include "store/requestlogsql.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

bool openQuery(QSqlQuery *query, const QString &sql, const QVariantList &values, QString *error)
{
    if (!query->prepare(sql)) {
        if (error)
            *error = query->lastError().text();
        return false;
    }
    for (const QVariant &value : values)
        query->addBindValue(value);
    if (!query->exec()) {
        if (error)
            *error = query->lastError().text();
        return false;
    }
    return true;
}

QString whereClause(const QStringList &conditions)
{
    QStringList present;
    for (const QString &condition : conditions) {
        if (!condition.isEmpty())
            present.append(condition);
    }
    return present.isEmpty() ? QString()
                             : QStringLiteral(" WHERE ") + present.join(QLatin1String(" AND "));
}

} // namespace

LogPageQuery::LogPageQuery(QString connectionName)
    : m_connectionName(std::move(connectionName))
{
}

std::optional<QList<RequestLogRecord>> LogPageQuery::page(const LogViewFilter &filter,
                                                          const LogCursor &after, int limit,
                                                          QString *error) const
{
    QVariantList values;
    QStringList conditions { filter.sqlCondition(&values) };
    if (after.valid) {
        // A row value comparison: SQLite walks the (time_ms, rowid) order of the time index
        // from the cursor on, without sorting.
        conditions.append(QStringLiteral("(time_ms, id) < (?, ?)"));
        values << after.timeMs << after.id;
    }
    values << qMax(0, limit);
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    const QString sql = QStringLiteral("SELECT ") + RequestLogSql::selectColumns()
        + QStringLiteral(" FROM request_log") + whereClause(conditions)
        + QStringLiteral(" ORDER BY time_ms DESC, id DESC LIMIT ?");
    if (!openQuery(&query, sql, values, error))
        return std::nullopt;
    QList<RequestLogRecord> rows;
    rows.reserve(qMax(0, limit));
    while (query.next())
        rows.append(RequestLogSql::recordFromQuery(query));
    return rows;
}

std::optional<qint64> LogPageQuery::count(const LogViewFilter &filter, QString *error) const
{
    QVariantList values;
    const QString sql = QStringLiteral("SELECT count(*) FROM request_log")
        + whereClause({ filter.sqlCondition(&values) });
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    if (!openQuery(&query, sql, values, error))
        return std::nullopt;
    return query.next() ? query.value(0).toLongLong() : 0;
}

std::optional<QList<RequestLogRecord>> LogPageQuery::trace(const QString &traceId, qint64 id,
                                                           QString *error) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    const QString sql = QStringLiteral("SELECT ") + RequestLogSql::selectColumns()
        + QStringLiteral(" FROM request_log WHERE id = ?")
        + (traceId.isEmpty() ? QString() : QStringLiteral(" OR trace_id = ?"))
        + QStringLiteral(" ORDER BY attempt, time_ms, id LIMIT 100");
    QVariantList values { id };
    if (!traceId.isEmpty())
        values.append(traceId);
    if (!openQuery(&query, sql, values, error))
        return std::nullopt;
    QList<RequestLogRecord> rows;
    while (query.next())
        rows.append(RequestLogSql::recordFromQuery(query));
    return rows;
}

std::optional<QList<RequestLogRecord>> LogPageQuery::latencySamples(qint64 sinceMs,
                                                                    QString *error) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    const QString sql = QStringLiteral(
        "SELECT id, time_ms, model, provider, upstream_model, status, total_ms, attempt"
        " FROM request_log"
        " WHERE time_ms >= ? AND attempt > 0 AND status GLOB '2[0-9][0-9]'"
        " AND total_ms IS NOT NULL ORDER BY time_ms");
    if (!openQuery(&query, sql, { sinceMs }, error))
        return std::nullopt;
    QList<RequestLogRecord> rows;
    while (query.next()) {
        RequestLogRecord r;
        r.id = query.value(0).toLongLong();
        r.time = QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC);
        r.model = query.value(2).toString();
        r.provider = query.value(3).toString();
        r.upstreamModel = query.value(4).toString();
        r.status = query.value(5).toString();
        r.totalMs = query.value(6).toDouble();
        r.attempt = query.value(7).toInt();
        rows.append(r);
    }
    return rows;
}
