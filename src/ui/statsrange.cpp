#include "statsrange.h"

StatsRange StatsRange::resolve(Span span, const QDateTime &nowUtc)
{
    StatsRange range;
    range.span = span;
    switch (span) {
    case Span::LastHour:
        range.bucket = Bucket::Minute;
        range.bucketCount = 60;
        break;
    case Span::Last24Hours:
        range.bucket = Bucket::Hour;
        range.bucketCount = 24;
        break;
    case Span::Last7Days:
        range.bucket = Bucket::Hour;
        range.bucketCount = 7 * 24;
        break;
    case Span::Last30Days:
        range.bucket = Bucket::Day;
        range.bucketCount = 30;
        break;
    }
    const qint64 step = range.stepMs();
    const qint64 nowMs = nowUtc.toMSecsSinceEpoch();
    range.toMs = (nowMs / step + 1) * step;
    range.fromMs = range.toMs - range.bucketCount * step;
    return range;
}

qint64 StatsRange::bucketMs(Bucket bucket)
{
    switch (bucket) {
    case Bucket::Minute:
        return 60 * 1000;
    case Bucket::Hour:
        return 3600 * 1000;
    case Bucket::Day:
        return 24 * 3600 * 1000;
    }
    return 3600 * 1000;
}

QString StatsRange::bucketName(Bucket bucket)
{
    switch (bucket) {
    case Bucket::Minute:
        return QStringLiteral("minute");
    case Bucket::Hour:
        return QStringLiteral("hour");
    case Bucket::Day:
        return QStringLiteral("day");
    }
    return {};
}

int StatsRange::indexOf(qint64 timeMs) const
{
    if (timeMs < fromMs || timeMs >= toMs)
        return -1;
    return int((timeMs - fromMs) / stepMs());
}
