#include "statsaccumulator.h"

#include "store/statsquery.h"

void StatsAccumulator::add(const Row &row)
{
    ++m_requests;
    if (row.failed)
        ++m_errors;
    if (row.latencyMs >= 0)
        m_latencies.push_back(row.latencyMs);
    if (row.ttftMs >= 0)
        m_ttfts.push_back(row.ttftMs);
    m_inputTokens += row.inputTokens;
    m_outputTokens += row.outputTokens;
    m_cachedTokens += row.cachedTokens;
}

StatsPoint StatsAccumulator::total(qint64 startMs) const
{
    StatsPoint p;
    p.startMs = startMs;
    p.requests = m_requests;
    p.errors = m_errors;
    p.inputTokens = m_inputTokens;
    p.outputTokens = m_outputTokens;
    p.cachedTokens = m_cachedTokens;
    std::vector<double> latencies = m_latencies;
    std::vector<double> ttfts = m_ttfts;
    p.latencyP50Ms = StatsQuery::percentile(latencies, 0.5);
    p.latencyP95Ms = StatsQuery::percentile(latencies, 0.95);
    p.ttftP50Ms = StatsQuery::percentile(ttfts, 0.5);
    p.ttftP95Ms = StatsQuery::percentile(ttfts, 0.95);
    return p;
}
