#include "routing/circuitbreaker.h"

QString circuitStateName(CircuitState state)
{
    switch (state) {
    case CircuitState::Closed:
        return QStringLiteral("closed");
    case CircuitState::Open:
        return QStringLiteral("open");
    case CircuitState::HalfOpen:
        return QStringLiteral("half_open");
    }
    return QStringLiteral("closed");
}

CircuitBreaker::CircuitBreaker(CircuitBreakerSettings settings)
    : m_settings(settings)
{
}

bool CircuitBreaker::tryAcquire(qint64 nowMs)
{
    advance(nowMs);
    if (nowMs < m_cooldownUntilMs)
        return false;
    switch (m_state) {
    case CircuitState::Closed:
        return true;
    case CircuitState::Open:
        return false;
    case CircuitState::HalfOpen:
        if (m_trialInFlight)
            return false;
        m_trialInFlight = true;
        return true;
    }
    return false;
}

bool CircuitBreaker::isAvailable(qint64 nowMs) const
{
    if (nowMs < m_cooldownUntilMs)
        return false;
    switch (state(nowMs)) {
    case CircuitState::Closed:
        return true;
    case CircuitState::Open:
        return false;
    case CircuitState::HalfOpen:
        return !m_trialInFlight;
    }
    return false;
}

void CircuitBreaker::recordSuccess(qint64 nowMs)
{
    advance(nowMs);
    switch (m_state) {
    case CircuitState::Closed:
        m_consecutiveFailures = 0;
        break;
    case CircuitState::Open:
        break; // a late verdict of a request admitted before the circuit opened
    case CircuitState::HalfOpen:
        m_trialInFlight = false;
        if (++m_trialSuccesses >= m_settings.halfOpenSuccesses)
            forceClose();
        break;
    }
}

void CircuitBreaker::recordFailure(qint64 nowMs)
{
    advance(nowMs);
    switch (m_state) {
    case CircuitState::Closed:
        if (++m_consecutiveFailures >= m_settings.failureThreshold)
            open(nowMs);
        break;
    case CircuitState::Open:
        break; // already open; a late verdict does not extend it
    case CircuitState::HalfOpen:
        open(nowMs);
        break;
    }
}

void CircuitBreaker::abandon()
{
    m_trialInFlight = false;
}

void CircuitBreaker::coolDown(qint64 untilMs)
{
    m_cooldownUntilMs = qMax(m_cooldownUntilMs, untilMs);
}

void CircuitBreaker::forceOpen(qint64 nowMs)
{
    open(nowMs);
}

void CircuitBreaker::forceClose()
{
    m_state = CircuitState::Closed;
    m_consecutiveFailures = 0;
    m_trialSuccesses = 0;
    m_trialInFlight = false;
}

CircuitState CircuitBreaker::state(qint64 nowMs) const
{
    if (m_state == CircuitState::Open && nowMs - m_openedAtMs >= m_settings.openDurationMs)
        return CircuitState::HalfOpen;
    return m_state;
}

void CircuitBreaker::setSettings(CircuitBreakerSettings settings)
{
    m_settings = settings;
}

void CircuitBreaker::open(qint64 nowMs)
{
    m_state = CircuitState::Open;
    m_openedAtMs = nowMs;
    m_trialSuccesses = 0;
    m_trialInFlight = false;
}

void CircuitBreaker::advance(qint64 nowMs)
{
    if (m_state == CircuitState::Open && state(nowMs) == CircuitState::HalfOpen) {
        m_state = CircuitState::HalfOpen;
        m_trialSuccesses = 0;
        m_trialInFlight = false;
    }
}
