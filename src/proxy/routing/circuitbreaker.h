#pragma once

#include <QMetaType>
#include <QString>
#include <QtGlobal>

// Tunables of the passive health check; defaults in one place (the lead exposes them as settings).
struct CircuitBreakerSettings
{
    int failureThreshold = 5; // consecutive failures that open a closed circuit
    qint64 openDurationMs = 30000; // open -> half-open after this long
    int halfOpenSuccesses = 1; // successful trials that close a half-open circuit

    bool operator==(const CircuitBreakerSettings &other) const
    {
        return failureThreshold == other.failureThreshold && openDurationMs == other.openDurationMs
            && halfOpenSuccesses == other.halfOpenSuccesses;
    }
};

enum class CircuitState { Closed, Open, HalfOpen };
Q_DECLARE_METATYPE(CircuitState)

// "closed" | "open" | "half_open", as in GET /admin/health.
QString circuitStateName(CircuitState state);

// The circuit breaker of one route, fed by live traffic (DESIGN.md "Passive health").
//
// Closed: every request may go; failureThreshold consecutive failures open the circuit.
// Open: no request may go; after openDurationMs the circuit is half-open (computed lazily from
// the time, there is no timer).
// HalfOpen: one trial request at a time; halfOpenSuccesses successful trials close the circuit,
// a failed one opens it again for another openDurationMs.
// Independent of the state, a cooldown (a 429's Retry-After) keeps the route unavailable until
// it expires, without changing the state.
//
// Verdicts that arrive while the circuit is open (requests admitted before it opened) are
// ignored: they neither close it nor extend it. In half-open any verdict counts as the trial's.
// Every request admitted by tryAcquire() must end in recordSuccess(), recordFailure() or
// abandon(), or a half-open circuit keeps its trial slot taken (until forceOpen/forceClose).
// Times are Clock::nowMs() values. Not thread-safe (engine thread).
class CircuitBreaker final
{
public:
    explicit CircuitBreaker(CircuitBreakerSettings settings = {});

    // true when a request may go to the route now. Open turns half-open once openDurationMs has
    // passed; half-open admits one trial at a time (a second caller gets false until the trial
    // is recorded or abandoned). Also false while a cooldown has not expired.
    bool tryAcquire(qint64 nowMs);
    // Like tryAcquire() without taking the half-open trial slot.
    bool isAvailable(qint64 nowMs) const;
    void recordSuccess(qint64 nowMs);
    // Counts towards the threshold when closed; a failed half-open trial opens the circuit again.
    void recordFailure(qint64 nowMs);
    // The admitted request ended without a verdict (client went away): frees the trial slot.
    void abandon();
    // 429: not available until untilMs (a later cooldown wins over an earlier one). The 429
    // itself is recorded separately as one ordinary failure.
    void coolDown(qint64 untilMs);
    // Opens the circuit now, whatever its state (e.g. a failing active probe).
    void forceOpen(qint64 nowMs);
    // Closes the circuit and clears the failure streak (e.g. a passing active probe). A cooldown
    // stays: a provider that answers probes may still be rate limiting.
    void forceClose();
    CircuitState state(qint64 nowMs) const;
    // Applies to the next decisions; the current state and streak are kept.
    void setSettings(CircuitBreakerSettings settings);
    CircuitBreakerSettings settings() const { return m_settings; }

    int consecutiveFailures() const { return m_consecutiveFailures; }
    // The end of the cooldown, or 0 when none was set.
    qint64 cooldownUntilMs() const { return m_cooldownUntilMs; }

private:
    void open(qint64 nowMs);
    // Moves a stored Open to HalfOpen once its time has come.
    void advance(qint64 nowMs);

    CircuitBreakerSettings m_settings;
    CircuitState m_state = CircuitState::Closed; // as last stored; state() applies the time
    int m_consecutiveFailures = 0;
    int m_trialSuccesses = 0;
    bool m_trialInFlight = false;
    qint64 m_openedAtMs = 0;
    qint64 m_cooldownUntilMs = 0;
};
