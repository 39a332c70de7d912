#include "statslatencyhistory.h"

#include "logviewfilter.h"
#include "routing/routingtable.h"

#include <algorithm>

void StatsLatencyHistory::add(const RequestLogRecord &r)
{
    if (r.attempt <= 0 || r.totalMs < 0 || !r.time.isValid() || !LogStatus::isSuccess(r.status))
        return;
    if (r.id > 0) {
        if (r.id <= m_lastId)
            return;
        m_lastId = r.id;
    }
    const QString key = RoutingTable::routeKey(r.model, r.provider, r.upstreamModel);
    m_samples[key][r.time.toMSecsSinceEpoch() / BucketMs].append(float(r.totalMs));
}

void StatsLatencyHistory::prune(qint64 nowMs)
{
    const qint64 first = nowMs / BucketMs - BucketCount + 1;
    for (auto route = m_samples.begin(); route != m_samples.end();) {
        auto &buckets = route.value();
        while (!buckets.isEmpty() && buckets.firstKey() < first)
            buckets.erase(buckets.begin());
        route = buckets.isEmpty() ? m_samples.erase(route) : std::next(route);
    }
}

void StatsLatencyHistory::clear()
{
    m_samples.clear();
    m_lastId = 0;
}

QList<double> StatsLatencyHistory::series(const QString &routeKey, qint64 nowMs) const
{
    QList<double> values(BucketCount, -1.0);
    const auto route = m_samples.constFind(routeKey);
    if (route == m_samples.constEnd())
        return values;
    const qint64 last = nowMs / BucketMs;
    const qint64 first = last - BucketCount + 1;
    for (auto bucket = route->lowerBound(first);
         bucket != route->constEnd() && bucket.key() <= last; ++bucket) {
        QList<float> samples = bucket.value();
        if (samples.isEmpty())
            continue;
        // The median: the middle element, or the mean of the two middle ones.
        const qsizetype middle = samples.size() / 2;
        std::nth_element(samples.begin(), samples.begin() + middle, samples.end());
        double median = samples.at(middle);
        if (samples.size() % 2 == 0) {
            const float below = *std::max_element(samples.begin(), samples.begin() + middle);
            median = (median + below) / 2.0;
        }
        values[int(bucket.key() - first)] = median;
    }
    return values;
}
