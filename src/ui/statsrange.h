#pragma once

#include <QDateTime>
#include <QString>

// A range of the dashboard's switch (1 h · 24 h · 7 d · 30 d) resolved against a moment: the
// bucket size the charts use for it and the exact window, aligned to bucket boundaries so
// each point covers a whole bucket. The last bucket holds "now" and is still filling.
struct StatsRange
{
    enum class Span { LastHour, Last24Hours, Last7Days, Last30Days };
    enum class Bucket { Minute, Hour, Day }; // as /admin/stats's bucket parameter

    Span span = Span::Last24Hours;
    Bucket bucket = Bucket::Hour;
    qint64 fromMs = 0; // inclusive, a bucket boundary (UTC epoch ms)
    qint64 toMs = 0; // exclusive, the end of the bucket holding now
    int bucketCount = 0;

    static StatsRange resolve(Span span, const QDateTime &nowUtc);
    static qint64 bucketMs(Bucket bucket);
    static QString bucketName(Bucket bucket); // "minute", "hour", "day"

    qint64 stepMs() const { return bucketMs(bucket); }
    // The start of bucket `index` (0 = oldest).
    qint64 bucketStartMs(int index) const { return fromMs + index * stepMs(); }
    // The index of the bucket holding timeMs, or -1 outside the range.
    int indexOf(qint64 timeMs) const;
};
