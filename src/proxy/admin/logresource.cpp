#include "admin/logresource.h"

#include "store/database.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTimeZone>

#include <cmath>

LogResource::LogResource(QString databaseUrl)
    : m_databaseUrl(std::move(databaseUrl))
    , m_connectionName(
          QStringLiteral("admin-reader-%1").arg(reinterpret_cast<quintptr>(this), 0, 16))
{
}

LogResource::~LogResource()
{
    if (m_open)
        Database::close(m_connectionName);
}

bool LogResource::ensureOpen(QString *error)
{
    if (!m_open)
        m_open = Database::open(m_connectionName, m_databaseUrl, error);
    return m_open;
}

QDateTime LogResource::parseTime(const QString &text)
{
    static const QRegularExpression epoch(QStringLiteral("^-?\\d+(?:\\.\\d+)?$"));
    if (epoch.match(text).hasMatch()) {
        bool ok = false;
        const double seconds = text.toDouble(&ok);
        if (!ok || !std::isfinite(seconds) || std::abs(seconds) > 1e12)
            return {};
        return QDateTime::fromMSecsSinceEpoch(qint64(std::llround(seconds * 1000.0)),
                                              QTimeZone::utc());
    }
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return {};
    // DESIGN.md: times are UTC. A time without an offset is read as UTC, not local time.
    if (time.timeSpec() == Qt::LocalTime)
        time = QDateTime(time.date(), time.time(), QTimeZone::utc());
    return time.toUTC();
}

static bool parseCount(const QString &text, int *value)
{
    bool ok = false;
    const int parsed = text.toInt(&ok);
    if (!ok || parsed < 0)
        return false;
    *value = parsed;
    return true;
}

std::optional<LogFilter> LogResource::parseFilter(const QUrlQuery &query, AdminReply *error)
{
    LogFilter filter;
    const QList<QPair<QString, QString>> items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (key == QLatin1String("limit")) {
            if (!parseCount(value, &filter.limit)) {
                *error = AdminReply::badRequest(key,
                                                QStringLiteral("limit: must be an integer "
                                                               ">= 0"));
                return std::nullopt;
            }
            filter.limit = qMin(filter.limit, LogQuery::maxLimit);
        } else if (key == QLatin1String("offset")) {
            if (!parseCount(value, &filter.offset)) {
                *error = AdminReply::badRequest(key,
                                                QStringLiteral("offset: must be an integer "
                                                               ">= 0"));
                return std::nullopt;
            }
        } else if (key == QLatin1String("from") || key == QLatin1String("to")) {
            const QDateTime time = parseTime(value);
            if (!time.isValid()) {
                *error = AdminReply::badRequest(
                    key, QStringLiteral("%1: must be an ISO 8601 time or epoch seconds").arg(key));
                return std::nullopt;
            }
            (key == QLatin1String("from") ? filter.from : filter.to) = time;
        } else if (key == QLatin1String("model")) {
            filter.model = value;
        } else if (key == QLatin1String("provider")) {
            filter.provider = value;
        } else if (key == QLatin1String("status")) {
            filter.status = value;
        } else if (key == QLatin1String("trace_id")) {
            filter.traceId = value;
        } else if (key == QLatin1String("access_key")) {
            filter.accessKey = value;
        } else if (key == QLatin1String("q")) {
            filter.text = value;
        } else {
            *error = AdminReply::badRequest(key, QStringLiteral("%1: unknown parameter").arg(key));
            return std::nullopt;
        }
    }
    return filter;
}

AdminReply LogResource::collection(const AdminRequest &request)
{
    if (request.method != QHttpServerRequest::Method::Get)
        return AdminReply::methodNotAllowed(QByteArrayLiteral("GET"));
    AdminReply error;
    const std::optional<LogFilter> filter = parseFilter(request.query, &error);
    if (!filter)
        return error;

    QString dbError;
    if (!ensureOpen(&dbError)) {
        return AdminReply::error(500, QStringLiteral("server_error"),
                                 QStringLiteral("Cannot open the request log: %1").arg(dbError));
    }
    const std::optional<LogPage> page = LogQuery(m_connectionName).page(*filter, &dbError);
    if (!page) {
        return AdminReply::error(500, QStringLiteral("server_error"),
                                 QStringLiteral("Cannot read the request log: %1").arg(dbError));
    }
    QJsonArray items;
    for (const RequestLogRecord &record : page->items)
        items.append(logRecordToJson(record));
    return AdminReply::json(200,
                            QJsonObject {
                                { QStringLiteral("total"), page->total },
                                { QStringLiteral("items"), items },
                            });
}
