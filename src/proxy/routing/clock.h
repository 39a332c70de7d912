#pragma once

#include <QElapsedTimer>
#include <QtGlobal>

// Monotonic time source for routing decisions (circuit timing, key set-aside). An interface so
// that tests can drive time by hand instead of sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    // Milliseconds since an arbitrary fixed origin; never goes backwards.
    virtual qint64 nowMs() const = 0;
};

// The production clock: QElapsedTimer, started when the clock is constructed.
class SteadyClock final : public Clock
{
public:
    SteadyClock();
    qint64 nowMs() const override;

private:
    QElapsedTimer m_timer;
};

// A clock that only moves when told to; starts at 0.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 0);
    qint64 nowMs() const override;
    void setNowMs(qint64 nowMs);
    void advanceMs(qint64 deltaMs);

private:
    qint64 m_nowMs = 0;
};
