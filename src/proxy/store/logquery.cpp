#include "store/logquery.h"

#include "store/requestlogsql.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>
#include <QVariantList>

#include <algorithm>

namespace {

// LIKE pattern for a substring, with the wildcards of the needle escaped.
QString likePattern(const QString &needle)
{
    QString escaped = needle;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

void bindAll(QSqlQuery &query, const QVariantList &values)
{
    for (const QVariant &value : values)
        query.addBindValue(value);
}

QJsonValue numberOrNull(double value)
{
    return value < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QJsonValue numberOrNull(qint64 value)
{
    return value < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

} // namespace

LogQuery::LogQuery(QString connectionName)
    : m_connectionName(std::move(connectionName))
{
}

std::optional<LogPage> LogQuery::page(const LogFilter &filter, QString *error) const
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen()) {
        if (error)
            *error = QStringLiteral("database connection %1 is not open").arg(m_connectionName);
        return std::nullopt;
    }

    QStringList conditions;
    QVariantList values;
    auto equals = [&](const char *column, const QString &value) {
        if (value.isEmpty())
            return;
        conditions.append(QLatin1String(column) + QLatin1String(" = ?"));
        values.append(value);
    };
    equals("model", filter.model);
    equals("provider", filter.provider);
    equals("status", filter.status);
    equals("trace_id", filter.traceId);
    equals("access_key", filter.accessKey);
    if (filter.from.isValid()) {
        conditions.append(QStringLiteral("time_ms >= ?"));
        values.append(filter.from.toMSecsSinceEpoch());
    }
    if (filter.to.isValid()) {
        conditions.append(QStringLiteral("time_ms < ?"));
        values.append(filter.to.toMSecsSinceEpoch());
    }
    if (!filter.text.isEmpty()) {
        conditions.append(QStringLiteral(
            "(error LIKE ? ESCAPE '\\' OR model LIKE ? ESCAPE '\\' OR provider LIKE ? ESCAPE '\\'"
            " OR user_agent LIKE ? ESCAPE '\\')"));
        const QString pattern = likePattern(filter.text);
        for (int i = 0; i < 4; ++i)
            values.append(pattern);
    }
    const QString where = conditions.isEmpty()
        ? QString()
        : QStringLiteral(" WHERE ") + conditions.join(QLatin1String(" AND "));

    LogPage result;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT count(*) FROM request_log") + where);
    bindAll(query, values);
    if (!query.exec() || !query.next()) {
        if (error)
            *error = QStringLiteral("cannot count log rows: ") + query.lastError().text();
        return std::nullopt;
    }
    result.total = query.value(0).toLongLong();

    const int limit = std::clamp(filter.limit, 0, maxLimit);
    const int offset = std::max(0, filter.offset);
    if (limit == 0 || offset >= result.total)
        return result;

    query.prepare(QStringLiteral("SELECT ") + RequestLogSql::selectColumns()
                  + QStringLiteral(" FROM request_log") + where
                  + QStringLiteral(" ORDER BY time_ms DESC, id DESC LIMIT ? OFFSET ?"));
    bindAll(query, values);
    query.addBindValue(limit);
    query.addBindValue(offset);
    if (!query.exec()) {
        if (error)
            *error = QStringLiteral("cannot read log rows: ") + query.lastError().text();
        return std::nullopt;
    }
    result.items.reserve(limit);
    while (query.next())
        result.items.append(RequestLogSql::recordFromQuery(query));
    return result;
}

QJsonObject logRecordToJson(const RequestLogRecord &r)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), r.id);
    o.insert(QStringLiteral("time"),
             r.time.isValid() ? QJsonValue(r.time.toUTC().toString(Qt::ISODateWithMs))
                              : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("trace_id"), r.traceId);
    o.insert(QStringLiteral("access_key"), r.accessKey);
    o.insert(QStringLiteral("protocol"), r.protocol);
    o.insert(QStringLiteral("model"), r.model);
    o.insert(QStringLiteral("provider"), r.provider);
    o.insert(QStringLiteral("upstream_model"), r.upstreamModel);
    o.insert(QStringLiteral("attempt"), numberOrNull(qint64(r.attempt)));
    o.insert(QStringLiteral("status"), r.status);
    o.insert(QStringLiteral("error"), r.error);
    o.insert(QStringLiteral("stream"), r.stream);
    o.insert(QStringLiteral("header_ms"), numberOrNull(r.headerMs));
    o.insert(QStringLiteral("ttft_ms"), numberOrNull(r.ttftMs));
    o.insert(QStringLiteral("total_ms"), numberOrNull(r.totalMs));
    o.insert(QStringLiteral("input_tokens"), numberOrNull(r.inputTokens));
    o.insert(QStringLiteral("output_tokens"), numberOrNull(r.outputTokens));
    o.insert(QStringLiteral("cached_tokens"), numberOrNull(r.cachedTokens));
    o.insert(QStringLiteral("bytes_in"), numberOrNull(r.bytesIn));
    o.insert(QStringLiteral("bytes_out"), numberOrNull(r.bytesOut));
    o.insert(QStringLiteral("user_agent"), r.userAgent);
    return o;
}
