#include "admin/statsresource.h"

#include "admin/logresource.h"
#include "store/storeconnection.h"

#include <QJsonArray>

namespace {

QString bucketName(StatsBucketSize size)
{
    switch (size) {
    case StatsBucketSize::Minute:
        return QStringLiteral("minute");
    case StatsBucketSize::Hour:
        return QStringLiteral("hour");
    case StatsBucketSize::Day:
        break;
    }
    return QStringLiteral("day");
}

QJsonValue groupByName(StatsGroupBy groupBy)
{
    switch (groupBy) {
    case StatsGroupBy::Model:
        return QStringLiteral("model");
    case StatsGroupBy::Provider:
        return QStringLiteral("provider");
    case StatsGroupBy::AccessKey:
        return QStringLiteral("key");
    case StatsGroupBy::None:
        break;
    }
    return QJsonValue(QJsonValue::Null);
}

} // namespace

StatsResource::StatsResource(QString databaseUrl, QObject *parent)
    : QObject(parent)
    , m_databaseUrl(std::move(databaseUrl))
{
    // One query at a time; a second request waits for the first rather than competing for
    // the same cores as the engine.
    m_pool.setMaxThreadCount(1);
}

StatsResource::~StatsResource()
{
    m_pool.clear();
    m_pool.waitForDone();
}

std::optional<StatsRequest> StatsResource::parseRequest(const QUrlQuery &query,
                                                        const QDateTime &now, AdminReply *error)
{
    StatsRequest request;
    request.to = now.toUTC();
    bool haveFrom = false;
    const QList<QPair<QString, QString>> items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (key == QLatin1String("from") || key == QLatin1String("to")) {
            const QDateTime time = LogResource::parseTime(value);
            if (!time.isValid()) {
                *error = AdminReply::badRequest(
                    key, QStringLiteral("%1: must be an ISO 8601 time or epoch seconds").arg(key));
                return std::nullopt;
            }
            if (key == QLatin1String("from")) {
                request.from = time;
                haveFrom = true;
            } else {
                request.to = time;
            }
        } else if (key == QLatin1String("bucket")) {
            const std::optional<StatsBucketSize> size = StatsQuery::bucketSizeFromName(value);
            if (!size) {
                *error = AdminReply::badRequest(
                    key, QStringLiteral("bucket: must be minute, hour or day"));
                return std::nullopt;
            }
            request.bucket = *size;
        } else if (key == QLatin1String("group_by")) {
            if (value.isEmpty()) {
                request.groupBy = StatsGroupBy::None;
                continue;
            }
            const std::optional<StatsGroupBy> groupBy = StatsQuery::groupByFromName(value);
            if (!groupBy) {
                *error = AdminReply::badRequest(
                    key, QStringLiteral("group_by: must be model, provider or key"));
                return std::nullopt;
            }
            request.groupBy = *groupBy;
        } else {
            *error = AdminReply::badRequest(key, QStringLiteral("%1: unknown parameter").arg(key));
            return std::nullopt;
        }
    }
    if (!haveFrom)
        request.from = request.to.addSecs(-24 * 60 * 60);
    if (request.to <= request.from) {
        *error = AdminReply::badRequest(QStringLiteral("to"),
                                        QStringLiteral("to: must be later than from"));
        return std::nullopt;
    }
    const qint64 step = StatsQuery::bucketMs(request.bucket);
    const qint64 span = request.to.toMSecsSinceEpoch() - request.from.toMSecsSinceEpoch();
    if (span / step + 1 > StatsQuery::maxBuckets) {
        *error = AdminReply::badRequest(
            QStringLiteral("bucket"),
            QStringLiteral("bucket: more than %1 buckets between from and to; use a larger bucket "
                           "or a shorter range")
                .arg(StatsQuery::maxBuckets));
        return std::nullopt;
    }
    return request;
}

AdminReply StatsResource::answer(const QString &connectionName, const StatsRequest &request)
{
    QString error;
    const std::optional<QList<StatsBucket>> buckets
        = StatsQuery(connectionName).query(request, &error);
    if (!buckets) {
        return AdminReply::error(500, QStringLiteral("server_error"),
                                 QStringLiteral("Cannot read the stats: %1").arg(error));
    }
    const bool grouped = request.groupBy != StatsGroupBy::None;
    QJsonArray items;
    for (const StatsBucket &bucket : *buckets)
        items.append(statsBucketToJson(bucket, grouped));
    return AdminReply::json(
        200,
        QJsonObject {
            { QStringLiteral("buckets"), items },
            { QStringLiteral("from"), request.from.toUTC().toString(Qt::ISODateWithMs) },
            { QStringLiteral("to"), request.to.toUTC().toString(Qt::ISODateWithMs) },
            { QStringLiteral("bucket"), bucketName(request.bucket) },
            { QStringLiteral("group_by"), groupByName(request.groupBy) },
        });
}

void StatsResource::collection(const AdminRequest &request, Done done)
{
    if (request.method != QHttpServerRequest::Method::Get) {
        done(AdminReply::methodNotAllowed(QByteArrayLiteral("GET")));
        return;
    }
    AdminReply error;
    const std::optional<StatsRequest> stats
        = parseRequest(request.query, QDateTime::currentDateTimeUtc(), &error);
    if (!stats) {
        done(std::move(error));
        return;
    }
    const QString databaseUrl = m_databaseUrl;
    // `this` outlives the task: the destructor waits for the pool.
    m_pool.start([this, databaseUrl, query = *stats, done = std::move(done)]() mutable {
        AdminReply reply;
        {
            // A connection per query: pool threads come and go, and opening is cheap next to
            // the query.
            StoreConnection connection(databaseUrl, QStringLiteral("stats"));
            QString openError;
            reply = connection.ensureOpen(&openError)
                ? answer(connection.name(), query)
                : AdminReply::error(
                    500, QStringLiteral("server_error"),
                    QStringLiteral("Cannot open the request log: %1").arg(openError));
        }
        // Back to the resource's thread; dropped when the resource is destroyed first.
        QMetaObject::invokeMethod(
            this,
            [done = std::move(done), reply = std::move(reply)]() mutable {
                done(std::move(reply));
            },
            Qt::QueuedConnection);
    });
}
