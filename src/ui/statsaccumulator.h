#pragma once

#include "statspoint.h"

#include <vector>

// Adds client requests (rows of the store's request_traces: one per request) up into one
// StatsPoint with the definitions of StatsQuery: an error is a request whose outcome failed,
// latency and time to first token are the outcome's, unknown values are left out of the
// percentiles, tokens add up. The dashboard's "today" cards use it for the span from local
// midnight, which UTC-aligned stats buckets cannot give exactly.
class StatsAccumulator final
{
public:
    struct Row
    {
        bool failed = false;
        double latencyMs = -1; // -1: unknown
        double ttftMs = -1;
        qint64 inputTokens = 0;
        qint64 outputTokens = 0;
        qint64 cachedTokens = 0;
    };

    void add(const Row &row);
    StatsPoint total(qint64 startMs) const;
    qint64 requests() const { return m_requests; }

private:
    qint64 m_requests = 0;
    qint64 m_errors = 0;
    qint64 m_inputTokens = 0;
    qint64 m_outputTokens = 0;
    qint64 m_cachedTokens = 0;
    std::vector<double> m_latencies;
    std::vector<double> m_ttfts;
};
