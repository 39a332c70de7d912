#include "routing/clock.h"

SteadyClock::SteadyClock()
{
    m_timer.start();
}

qint64 SteadyClock::nowMs() const
{
    return m_timer.elapsed();
}

ManualClock::ManualClock(qint64 startMs)
    : m_nowMs(startMs)
{
}

qint64 ManualClock::nowMs() const
{
    return m_nowMs;
}

void ManualClock::setNowMs(qint64 nowMs)
{
    m_nowMs = nowMs;
}

void ManualClock::advanceMs(qint64 deltaMs)
{
    m_nowMs += deltaMs;
}
