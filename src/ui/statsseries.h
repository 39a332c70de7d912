#pragma once

#include "statspoint.h"
#include "statsrange.h"

#include <QList>
#include <QPointF>
#include <QString>

// The dashboard's chart data for one range, as points: x is the middle of a bucket (UTC epoch
// ms, what QDateTimeAxis takes; see xOf), y the value. Counts have a point for every bucket of the
// range (0 where nothing happened, so areas drop to the floor); latencies only where the bucket has
// a value (a gap is "no data", not "zero seconds").
struct StatsSeries
{
    QList<QPointF> succeeded; // requests less errors
    QList<QPointF> errors;
    QList<QPointF> inputTokens;
    QList<QPointF> outputTokens;
    QList<QPointF> cachedTokens;
    QList<QPointF> latencyP50;
    QList<QPointF> latencyP95;
    QList<QPointF> ttftP50;

    static StatsSeries build(const StatsRange &range, const QList<StatsPoint> &buckets);
    // The x of bucket `index`: its middle, so the points of a range sit evenly between the
    // axis ends (the range's start and end).
    static qreal xOf(const StatsRange &range, int index);

    // Running sums of stacked layers (all of the same x): layer i's upper edge is the sum of
    // layers 0..i. The area of layer i lies between edge i-1 (or the floor) and edge i.
    static QList<QList<QPointF>> stack(const QList<QList<QPointF>> &layers);
    // The largest y of the points, 0 when none.
    static double maxY(const QList<QPointF> &points);
    // A round axis maximum at or above value: 1, 2, 2.5 or 5 times a power of ten (never 0).
    static double niceCeiling(double value);

    // Where the time axis of a range gets its ticks and what they say, in local time: every
    // 10 minutes (1 h, "14:30"), every 4 hours (24 h, "08:00"), every midnight (7 d,
    // "Tue 24"), every Monday (30 d, "Nov 3"). Positions are UTC epoch ms inside the range.
    struct Tick
    {
        qint64 ms;
        QString label;
    };
    static QList<Tick> timeTicks(const StatsRange &range);
};
