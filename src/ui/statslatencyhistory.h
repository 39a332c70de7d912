#pragma once

#include "store/requestlogrecord.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

// The last hour of each route's latency, for the health view's sparklines: the total times of
// successful attempts in five-minute buckets, keyed by route ("<model>|<provider>|<upstream>",
// RoutingTable::routeKey). Fed once from the store and then by the rows the log writer
// reports, so the lines move with the traffic without re-reading the database.
class StatsLatencyHistory final
{
public:
    static constexpr qint64 BucketMs = 5 * 60 * 1000;
    static constexpr int BucketCount = 12; // one hour

    // Ignores failed attempts, refusals (attempt 0), unknown times and rows already added
    // (by id, for rows with one: the live rows that were also in the first read).
    void add(const RequestLogRecord &record);
    // Forgets buckets that fell out of the hour before nowMs.
    void prune(qint64 nowMs);
    void clear();

    // BucketCount medians, oldest first, the last bucket holding nowMs; -1 where a bucket
    // has no sample.
    QList<double> series(const QString &routeKey, qint64 nowMs) const;
    QStringList routeKeys() const { return m_samples.keys(); }

private:
    // route key -> bucket index (time / BucketMs) -> latencies
    QHash<QString, QMap<qint64, QList<float>>> m_samples;
    qint64 m_lastId = 0;
};
