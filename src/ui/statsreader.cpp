#include "statsreader.h"

#include "statsaccumulator.h"
#include "store/database.h"
#include "store/statsquery.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

namespace {

StatsBucketSize bucketSize(StatsRange::Bucket bucket)
{
    switch (bucket) {
    case StatsRange::Bucket::Minute:
        return StatsBucketSize::Minute;
    case StatsRange::Bucket::Hour:
        return StatsBucketSize::Hour;
    case StatsRange::Bucket::Day:
        break;
    }
    return StatsBucketSize::Day;
}

StatsPoint pointOf(const StatsBucket &b)
{
    StatsPoint p;
    p.startMs = b.start.toMSecsSinceEpoch();
    p.requests = b.requests;
    p.errors = b.errors;
    p.inputTokens = b.inputTokens;
    p.outputTokens = b.outputTokens;
    p.cachedTokens = b.cachedTokens;
    p.latencyP50Ms = b.latencyP50Ms;
    p.latencyP95Ms = b.latencyP95Ms;
    p.ttftP50Ms = b.ttftP50Ms;
    p.ttftP95Ms = b.ttftP95Ms;
    return p;
}

} // namespace

StatsReader::StatsReader(QString databaseUrl, QString connectionName)
    : m_databaseUrl(std::move(databaseUrl))
    , m_connectionName(std::move(connectionName))
{
    qRegisterMetaType<StatsSnapshot>();
}

StatsReader::~StatsReader()
{
    if (m_open)
        Database::close(m_connectionName);
}

void StatsReader::forget()
{
    m_kept.clear();
}

void StatsReader::read(quint64 ticket, StatsRange::Span span, const QDateTime &nowUtc)
{
    QElapsedTimer timer;
    timer.start();
    QString error;
    if (!m_open) {
        m_open = Database::open(m_connectionName, m_databaseUrl, &error);
        if (!m_open) {
            Q_EMIT failed(ticket, error);
            return;
        }
    }
    const StatsRange range = StatsRange::resolve(span, nowUtc);
    Kept &kept = m_kept[int(span)];
    qint64 fromMs = range.fromMs;
    if (!kept.buckets.isEmpty() || kept.range.toMs > 0) {
        // Slide the window, then read again from the bucket before the newest kept one.
        const qint64 newestKept = kept.range.toMs - range.stepMs();
        fromMs = qBound(range.fromMs, newestKept - range.stepMs(), range.toMs);
        while (!kept.buckets.isEmpty() && kept.buckets.firstKey() < range.fromMs)
            kept.buckets.erase(kept.buckets.begin());
        kept.shares.dropBefore(range.fromMs);
    }
    kept.range = range;
    if (!update(m_connectionName, range, fromMs, &kept, &error)) {
        m_kept.remove(int(span));
        Q_EMIT failed(ticket, error);
        return;
    }
    const auto todays = today(m_connectionName, nowUtc, &error);
    if (!todays) {
        Q_EMIT failed(ticket, error);
        return;
    }
    StatsSnapshot snapshot = snapshotOf(kept);
    snapshot.today = *todays;
    snapshot.elapsedMs = timer.elapsed();
    Q_EMIT snapshotRead(ticket, snapshot);
}

std::optional<StatsSnapshot> StatsReader::readSnapshot(const QString &connectionName,
                                                       StatsRange::Span span,
                                                       const QDateTime &nowUtc, QString *error)
{
    QElapsedTimer timer;
    timer.start();
    Kept kept;
    kept.range = StatsRange::resolve(span, nowUtc);
    if (!update(connectionName, kept.range, kept.range.fromMs, &kept, error))
        return std::nullopt;
    const auto todays = today(connectionName, nowUtc, error);
    if (!todays)
        return std::nullopt;
    StatsSnapshot snapshot = snapshotOf(kept);
    snapshot.today = *todays;
    snapshot.elapsedMs = timer.elapsed();
    return snapshot;
}

bool StatsReader::update(const QString &connectionName, const StatsRange &range, qint64 fromMs,
                         Kept *kept, QString *error)
{
    if (fromMs >= range.toMs)
        return true;
    StatsRequest request;
    request.from = QDateTime::fromMSecsSinceEpoch(fromMs, QTimeZone::utc());
    request.to = QDateTime::fromMSecsSinceEpoch(range.toMs, QTimeZone::utc());
    request.bucket = bucketSize(range.bucket);
    const auto buckets = StatsQuery(connectionName).query(request, error);
    if (!buckets)
        return false;
    const auto shares
        = StatsShares::read(connectionName, fromMs, range.toMs, range.stepMs(), error);
    if (!shares)
        return false;
    while (!kept->buckets.isEmpty() && kept->buckets.lastKey() >= fromMs)
        kept->buckets.erase(std::prev(kept->buckets.end()));
    for (const StatsBucket &bucket : *buckets)
        kept->buckets.insert(bucket.start.toMSecsSinceEpoch(), pointOf(bucket));
    kept->shares.replaceFrom(fromMs, *shares);
    return true;
}

std::optional<StatsPoint> StatsReader::today(const QString &connectionName, const QDateTime &nowUtc,
                                             QString *error)
{
    const QDateTime local = nowUtc.toLocalTime();
    const qint64 midnightMs = QDateTime(local.date(), QTime(0, 0)).toMSecsSinceEpoch();
    QSqlQuery query(QSqlDatabase::database(connectionName, false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT outcome_rank, latency_ms, ttft_ms, input_tokens, output_tokens, cached_tokens"
        " FROM request_traces WHERE start_ms >= ? AND start_ms <= ?"));
    query.addBindValue(midnightMs);
    query.addBindValue(nowUtc.toMSecsSinceEpoch());
    if (!query.exec()) {
        if (error)
            *error = query.lastError().text();
        return std::nullopt;
    }
    StatsAccumulator totals;
    StatsAccumulator::Row row;
    while (query.next()) {
        // outcome_rank < 2: the outcome was not a 2xx (see the store's request_traces).
        row.failed = query.value(0).toInt() < 2;
        const QVariant latency = query.value(1);
        row.latencyMs = latency.isNull() ? -1 : latency.toDouble();
        const QVariant ttft = query.value(2);
        row.ttftMs = ttft.isNull() ? -1 : ttft.toDouble();
        row.inputTokens = query.value(3).toLongLong();
        row.outputTokens = query.value(4).toLongLong();
        row.cachedTokens = query.value(5).toLongLong();
        totals.add(row);
    }
    return totals.total(midnightMs);
}

StatsSnapshot StatsReader::snapshotOf(const Kept &kept)
{
    StatsSnapshot snapshot;
    snapshot.range = kept.range;
    snapshot.buckets = kept.buckets.values();
    snapshot.providers = kept.shares.shares();
    return snapshot;
}
