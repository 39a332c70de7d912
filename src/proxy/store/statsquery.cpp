#include "store/statsquery.h"

#include <QHash>
#include <QJsonValue>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <utility>

namespace {

struct Accumulator
{
    qint64 requests = 0;
    qint64 errors = 0;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    qint64 cachedTokens = 0;
    std::vector<double> latencies;
    std::vector<double> ttfts;
};

// Column of request_traces a grouping reads; null for StatsGroupBy::None.
const char *groupColumn(StatsGroupBy groupBy)
{
    switch (groupBy) {
    case StatsGroupBy::Model:
        return "model";
    case StatsGroupBy::Provider:
        return "provider";
    case StatsGroupBy::AccessKey:
        return "access_key";
    case StatsGroupBy::None:
        break;
    }
    return nullptr;
}

qint64 floorTo(qint64 ms, qint64 step)
{
    const qint64 q = ms / step;
    return (ms % step < 0 ? q - 1 : q) * step;
}

QJsonValue msOrNull(double value)
{
    return value < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

} // namespace

StatsQuery::StatsQuery(QString connectionName)
    : m_connectionName(std::move(connectionName))
{
}

qint64 StatsQuery::bucketMs(StatsBucketSize size)
{
    switch (size) {
    case StatsBucketSize::Minute:
        return 60 * 1000;
    case StatsBucketSize::Hour:
        return 60 * 60 * 1000;
    case StatsBucketSize::Day:
        break;
    }
    return 24 * 60 * 60 * 1000;
}

std::optional<StatsBucketSize> StatsQuery::bucketSizeFromName(const QString &name)
{
    if (name == QLatin1String("minute"))
        return StatsBucketSize::Minute;
    if (name == QLatin1String("hour"))
        return StatsBucketSize::Hour;
    if (name == QLatin1String("day"))
        return StatsBucketSize::Day;
    return std::nullopt;
}

std::optional<StatsGroupBy> StatsQuery::groupByFromName(const QString &name)
{
    if (name == QLatin1String("model"))
        return StatsGroupBy::Model;
    if (name == QLatin1String("provider"))
        return StatsGroupBy::Provider;
    if (name == QLatin1String("key"))
        return StatsGroupBy::AccessKey;
    return std::nullopt;
}

double StatsQuery::percentile(std::vector<double> &values, double p)
{
    if (values.empty())
        return -1;
    const double rank = std::clamp(p, 0.0, 1.0) * double(values.size() - 1);
    const auto low = std::size_t(std::floor(rank));
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(low), values.end());
    const double lowValue = values[low];
    const double fraction = rank - double(low);
    if (fraction == 0.0 || low + 1 >= values.size())
        return lowValue;
    // After nth_element everything behind `low` is >= lowValue: the next rank is their minimum.
    const double highValue
        = *std::min_element(values.begin() + std::ptrdiff_t(low) + 1, values.end());
    return lowValue + fraction * (highValue - lowValue);
}

std::optional<QList<StatsBucket>> StatsQuery::query(const StatsRequest &request,
                                                    QString *error) const
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (!request.from.isValid() || !request.to.isValid())
        return fail(QStringLiteral("stats need a valid from and to"));
    const qint64 fromMs = request.from.toMSecsSinceEpoch();
    const qint64 toMs = request.to.toMSecsSinceEpoch();
    if (toMs <= fromMs)
        return fail(QStringLiteral("to must be later than from"));
    const qint64 step = bucketMs(request.bucket);
    const qint64 firstStart = floorTo(fromMs, step);
    if ((toMs - firstStart + step - 1) / step > maxBuckets)
        return fail(QStringLiteral("more than %1 buckets: use a larger bucket or a shorter range")
                        .arg(maxBuckets));

    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen())
        return fail(QStringLiteral("database connection %1 is not open").arg(m_connectionName));

    // A narrow projection in start_ms order (the index); percentiles need every value, so the
    // aggregation happens here rather than in SQL.
    const char *group = groupColumn(request.groupBy);
    QString sql = QStringLiteral("SELECT start_ms, outcome_rank, latency_ms, ttft_ms, input_tokens,"
                                 " output_tokens, cached_tokens");
    if (group)
        sql += QStringLiteral(", ifnull(") + QLatin1String(group) + QStringLiteral(", '')");
    sql += QStringLiteral(" FROM request_traces WHERE start_ms >= ? AND start_ms < ?");

    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return fail(QStringLiteral("cannot read stats: ") + query.lastError().text());
    query.addBindValue(fromMs);
    query.addBindValue(toMs);
    if (!query.exec())
        return fail(QStringLiteral("cannot read stats: ") + query.lastError().text());

    // (bucket start, group id) -> totals. Rows arrive in start order: the current bucket's
    // accumulators are kept at hand, indexed by group id, so that a row costs no map lookup.
    std::map<std::pair<qint64, int>, Accumulator> buckets;
    QHash<QString, int> groupIds;
    QStringList groupNames;
    qint64 currentStart = std::numeric_limits<qint64>::min();
    std::vector<Accumulator *> current; // by group id, for currentStart
    while (query.next()) {
        const qint64 start = floorTo(query.value(0).toLongLong(), step);
        int groupId = 0;
        if (group) {
            const QString name = query.value(7).toString();
            auto it = groupIds.constFind(name);
            if (it == groupIds.constEnd()) {
                it = groupIds.insert(name, int(groupNames.size()));
                groupNames.append(name);
            }
            groupId = it.value();
        }
        if (start != currentStart) {
            currentStart = start;
            current.assign(current.size(), nullptr);
        }
        if (std::size_t(groupId) >= current.size())
            current.resize(std::size_t(groupId) + 1, nullptr);
        Accumulator *&last = current[std::size_t(groupId)];
        if (!last)
            last = &buckets[{ start, groupId }];
        Accumulator &acc = *last;
        ++acc.requests;
        if (query.value(1).toInt() < 2)
            ++acc.errors;
        const QVariant latency = query.value(2);
        if (!latency.isNull())
            acc.latencies.push_back(latency.toDouble());
        const QVariant ttft = query.value(3);
        if (!ttft.isNull())
            acc.ttfts.push_back(ttft.toDouble());
        acc.inputTokens += query.value(4).toLongLong();
        acc.outputTokens += query.value(5).toLongLong();
        acc.cachedTokens += query.value(6).toLongLong();
    }
    if (query.lastError().isValid())
        return fail(QStringLiteral("cannot read stats: ") + query.lastError().text());

    QList<StatsBucket> result;
    result.reserve(qsizetype(buckets.size()));
    for (auto &[key, acc] : buckets) {
        StatsBucket bucket;
        bucket.start = QDateTime::fromMSecsSinceEpoch(key.first, QTimeZone::utc());
        if (group)
            bucket.group = groupNames.at(key.second);
        bucket.requests = acc.requests;
        bucket.errors = acc.errors;
        bucket.inputTokens = acc.inputTokens;
        bucket.outputTokens = acc.outputTokens;
        bucket.cachedTokens = acc.cachedTokens;
        bucket.latencyP50Ms = percentile(acc.latencies, 0.5);
        bucket.latencyP95Ms = percentile(acc.latencies, 0.95);
        bucket.ttftP50Ms = percentile(acc.ttfts, 0.5);
        bucket.ttftP95Ms = percentile(acc.ttfts, 0.95);
        result.append(std::move(bucket));
    }
    // Group ids follow first appearance; the answer is ordered by start, then group name.
    if (group) {
        std::stable_sort(result.begin(), result.end(),
                         [](const StatsBucket &a, const StatsBucket &b) {
                             if (a.start != b.start)
                                 return a.start < b.start;
                             return a.group < b.group;
                         });
    }
    return result;
}

QJsonObject statsBucketToJson(const StatsBucket &b, bool grouped)
{
    QJsonObject o;
    o.insert(QStringLiteral("start"), b.start.toUTC().toString(Qt::ISODate));
    o.insert(QStringLiteral("group"), grouped ? QJsonValue(b.group) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("requests"), b.requests);
    o.insert(QStringLiteral("errors"), b.errors);
    o.insert(QStringLiteral("input_tokens"), b.inputTokens);
    o.insert(QStringLiteral("output_tokens"), b.outputTokens);
    o.insert(QStringLiteral("cached_tokens"), b.cachedTokens);
    o.insert(QStringLiteral("latency_p50_ms"), msOrNull(b.latencyP50Ms));
    o.insert(QStringLiteral("latency_p95_ms"), msOrNull(b.latencyP95Ms));
    o.insert(QStringLiteral("ttft_p50_ms"), msOrNull(b.ttftP50Ms));
    o.insert(QStringLiteral("ttft_p95_ms"), msOrNull(b.ttftP95Ms));
    return o;
}
