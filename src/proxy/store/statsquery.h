#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>
#include <vector>

// The width of a stats bucket. Buckets are aligned to UTC: a minute bucket starts at second
// 0, an hour bucket at minute 0, a day bucket at 00:00 UTC.
enum class StatsBucketSize { Minute, Hour, Day };

// What splits each bucket into groups. A request belongs to the model it asked for, the access
// key it used, and the provider of its outcome attempt (see StatsQuery); a request refused
// before any attempt has the empty provider.
enum class StatsGroupBy { None, Model, Provider, AccessKey };

struct StatsRequest
{
    QDateTime from; // inclusive; required
    QDateTime to; // exclusive; required, later than from
    StatsBucketSize bucket = StatsBucketSize::Hour;
    StatsGroupBy groupBy = StatsGroupBy::None;
};

// One bucket (and group) of GET /admin/stats. Percentiles are -1 when the bucket has no known
// value (e.g. no streamed request, so no time to first token).
struct StatsBucket
{
    QDateTime start; // UTC
    QString group; // empty without grouping (and for requests without a provider)
    qint64 requests = 0;
    qint64 errors = 0;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    qint64 cachedTokens = 0;
    double latencyP50Ms = -1;
    double latencyP95Ms = -1;
    double ttftP50Ms = -1;
    double ttftP95Ms = -1;
};

// Request statistics per time bucket (DESIGN.md "Admin REST API", GET /admin/stats), read from
// the request_traces table: one row per client request (trace), maintained by a trigger as
// request-log rows are written (schema step 2).
//
// Definitions:
// - A request (trace) is counted in the bucket of its first log row, and only when that row
//   falls in [from, to). Requests refused before any attempt (attempt 0) count too.
// - Its outcome row is its 2xx attempt if it has one, else its last attempt, else (refused
//   before any attempt) its last row. It is an error when the outcome row is not 2xx.
// - latency and time to first token are the outcome row's total_ms and ttft_ms; unknown
//   values are left out of the percentiles. Tokens add up over all rows of the request.
// - Percentiles interpolate linearly between the closest ranks (rank p * (n - 1), as
//   numpy's default and Excel's PERCENTILE.INC), so they may carry fractions.
// - Buckets without requests are left out. Results are ordered by start, then group.
//
// Uses a connection opened by Database::open() in the calling thread, so it runs on any
// thread that has its own connection (the Dashboard calls it from a worker thread).
class StatsQuery final
{
public:
    // Refused beyond this many buckets between from and to (minute buckets over 69 days).
    static constexpr qint64 maxBuckets = 100000;

    explicit StatsQuery(QString connectionName);

    // nullopt with *error when the request is invalid or the database cannot be read.
    std::optional<QList<StatsBucket>> query(const StatsRequest &request, QString *error) const;

    static qint64 bucketMs(StatsBucketSize size);
    static std::optional<StatsBucketSize> bucketSizeFromName(const QString &name);
    // "model", "provider", "key"; None is not named.
    static std::optional<StatsGroupBy> groupByFromName(const QString &name);

    // The p-quantile (0..1) of `values` as described above, -1 when empty. Reorders values.
    static double percentile(std::vector<double> &values, double p);

private:
    QString m_connectionName;
};

// A bucket as GET /admin/stats shows it: the snake_case fields of DESIGN.md, `start` as ISO 8601
// UTC, `group` null when `grouped` is false, percentiles -1 as null.
QJsonObject statsBucketToJson(const StatsBucket &bucket, bool grouped);
