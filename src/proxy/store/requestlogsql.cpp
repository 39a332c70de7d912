#include "store/requestlogsql.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

namespace {

QVariant nullableReal(double value)
{
    return value < 0 ? QVariant(QMetaType::fromType<double>()) : QVariant(value);
}

QVariant nullableInt(qint64 value)
{
    return value < 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(value);
}

double realOrUnknown(const QVariant &value)
{
    return value.isNull() ? -1.0 : value.toDouble();
}

qint64 intOrUnknown(const QVariant &value)
{
    return value.isNull() ? -1 : value.toLongLong();
}

} // namespace

namespace RequestLogSql {

QString insertStatement()
{
    return QStringLiteral(
        "INSERT INTO request_log (time_ms, trace_id, access_key, protocol, model, provider,"
        " upstream_model, attempt, status, error, stream, header_ms, ttft_ms, total_ms,"
        " input_tokens, output_tokens, cached_tokens, bytes_in, bytes_out, user_agent)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
}

void bindInsert(QSqlQuery &query, const RequestLogRecord &r)
{
    query.addBindValue(r.time.isValid() ? r.time.toMSecsSinceEpoch()
                                        : QDateTime::currentMSecsSinceEpoch());
    query.addBindValue(r.traceId);
    query.addBindValue(r.accessKey);
    query.addBindValue(r.protocol);
    query.addBindValue(r.model);
    query.addBindValue(r.provider);
    query.addBindValue(r.upstreamModel);
    query.addBindValue(nullableInt(r.attempt));
    query.addBindValue(r.status);
    query.addBindValue(r.error);
    query.addBindValue(r.stream ? 1 : 0);
    query.addBindValue(nullableReal(r.headerMs));
    query.addBindValue(nullableReal(r.ttftMs));
    query.addBindValue(nullableReal(r.totalMs));
    query.addBindValue(nullableInt(r.inputTokens));
    query.addBindValue(nullableInt(r.outputTokens));
    query.addBindValue(nullableInt(r.cachedTokens));
    query.addBindValue(nullableInt(r.bytesIn));
    query.addBindValue(nullableInt(r.bytesOut));
    query.addBindValue(r.userAgent);
}

QString selectColumns()
{
    return QStringLiteral(
        "id, time_ms, trace_id, access_key, protocol, model, provider, upstream_model, attempt,"
        " status, error, stream, header_ms, ttft_ms, total_ms, input_tokens, output_tokens,"
        " cached_tokens, bytes_in, bytes_out, user_agent");
}

RequestLogRecord recordFromQuery(const QSqlQuery &q)
{
    RequestLogRecord r;
    r.id = q.value(0).toLongLong();
    r.time = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
    r.traceId = q.value(2).toString();
    r.accessKey = q.value(3).toString();
    r.protocol = q.value(4).toString();
    r.model = q.value(5).toString();
    r.provider = q.value(6).toString();
    r.upstreamModel = q.value(7).toString();
    r.attempt = int(intOrUnknown(q.value(8)));
    r.status = q.value(9).toString();
    r.error = q.value(10).toString();
    r.stream = q.value(11).toInt() != 0;
    r.headerMs = realOrUnknown(q.value(12));
    r.ttftMs = realOrUnknown(q.value(13));
    r.totalMs = realOrUnknown(q.value(14));
    r.inputTokens = intOrUnknown(q.value(15));
    r.outputTokens = intOrUnknown(q.value(16));
    r.cachedTokens = intOrUnknown(q.value(17));
    r.bytesIn = intOrUnknown(q.value(18));
    r.bytesOut = intOrUnknown(q.value(19));
    r.userAgent = q.value(20).toString();
    return r;
}

} // namespace RequestLogSql
