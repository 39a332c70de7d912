#pragma once

#include "statsrange.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

// One time bucket of request statistics, as a bucket of GET /admin/stats (DESIGN.md "Admin
// REST API"): requests count client requests (traces), errors those that failed in the end;
// tokens are summed over attempts; latencies are of successful attempts' total time, in ms,
// -1 when the bucket has none.
struct StatsPoint
{
    qint64 startMs = 0; // UTC epoch ms
    qint64 requests = 0;
    qint64 errors = 0;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    qint64 cachedTokens = 0;
    double latencyP50Ms = -1;
    double latencyP95Ms = -1;
    double ttftP50Ms = -1;
    double ttftP95Ms = -1;

    bool operator==(const StatsPoint &o) const
    {
        return startMs == o.startMs && requests == o.requests && errors == o.errors
            && inputTokens == o.inputTokens && outputTokens == o.outputTokens
            && cachedTokens == o.cachedTokens && latencyP50Ms == o.latencyP50Ms
            && latencyP95Ms == o.latencyP95Ms && ttftP50Ms == o.ttftP50Ms
            && ttftP95Ms == o.ttftP95Ms;
    }
};

// How many client requests one provider answered in the range (the provider of each
// request's outcome attempt), and for which models.
struct StatsShare
{
    QString provider;
    qint64 requests = 0;
    QList<QPair<QString, qint64>> models; // model name, requests; most used first
};

// Everything the dashboard shows for one range, read in one go by StatsReader.
struct StatsSnapshot
{
    StatsRange range;
    QList<StatsPoint> buckets; // ascending, only buckets with requests
    QList<StatsShare> providers; // most used first
    StatsPoint today; // since local midnight: the figure cards
    qint64 elapsedMs = 0; // how long the reads took, for the record
};

Q_DECLARE_METATYPE(StatsSnapshot)
