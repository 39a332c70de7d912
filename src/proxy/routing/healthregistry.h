#pragma once

#include "routing/circuitbreaker.h"
#include "routing/clock.h"
#include "routing/healthevent.h"
#include "routing/routingtable.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

// The outcome of one attempt at a route, as the forwarding job saw it.
struct AttemptResult
{
    bool success = false;
    int httpStatus = 0; // 0 when no response (connect error, timeout)
    QString error; // short reason for failures
    qint64 latencyMs = -1; // total attempt time, for p50
    qint64 retryAfterMs = -1; // from a 429's Retry-After: becomes the route's cooldown
};

// What GET /admin/health and the health view show of one route.
struct RouteHealthSnapshot
{
    QString key;
    QString model;
    QString provider;
    QString upstreamModel;
    CircuitState state = CircuitState::Closed;
    int weight = 1;
    // The weight the balancer uses now: weight × healthFactor while the route may be picked;
    // 0 while its circuit is open or a cooldown runs (it is not picked at all then).
    double effectiveWeight = 1.0;
    double healthFactor = 1.0; // HealthWeight::factor(), in [HealthWeight::MinFactor, 1]
    double throttlePenalty = 0.0; // the decayed 429 penalty now, in [0, 1)
    QDateTime cooldownUntil; // UTC end of a 429's Retry-After cooldown; invalid when none runs
    double successRate = 1.0; // over the last WindowSize attempts (1.0 with no data)
    double p50Ms = -1.0; // median latency of the successful attempts in that window (-1: none)
    int windowAttempts = 0; // attempts the two figures above are computed from
    QString lastError;
    QDateTime lastErrorAt; // UTC; invalid when there was no error
    QDateTime lastProbeAt; // UTC; invalid when no probe ran since start
    bool lastProbeOk = false; // meaningful only when lastProbeAt is valid
    qint64 lastProbeLatencyMs = -1; // -1 when unknown
    QList<HealthEvent> history; // newest first, at most HealthRegistry::HistorySize
};

// Health of every route: a circuit breaker per route plus a window of recent attempts.
// Lives in the engine thread; not thread-safe. The GUI gets snapshot() values via queued calls.
//
// Route entries are created for the keys of the table given to setRoutingTable(). Once a table
// is set, calls naming a key that is not in it (a request planned with the previous table
// finishing after a swap) are ignored: tryAcquire()/isAvailable() answer true and state()
// Closed. Before any table is set, entries are created on first use.
//
// Health weighting (HealthWeight, routing/healthweight.h): every attempt is stamped with the
// clock, a 429 raises the route's decaying throttle penalty; healthFactor() is what the router
// scales configured weights with.
//
// History: probe results and state changes are kept per route (the last HistorySize, for
// snapshot()) and announced with healthEvent(), which a store-thread writer persists
// (HealthHistoryWriter).
//
// Breaker timing uses the injected Clock; wall-clock times (lastErrorAt, lastProbeAt,
// cooldownUntil, history) use QDateTime::currentDateTimeUtc().
class HealthRegistry final : public QObject
{
    Q_OBJECT

public:
    static constexpr int WindowSize = 100;
    static constexpr int HistorySize = 20;

    // The clock must outlive the registry.
    HealthRegistry(const Clock &clock, CircuitBreakerSettings settings, QObject *parent = nullptr);

    // See CircuitBreaker::tryAcquire(). A request admitted here must end in record() or abandon().
    bool tryAcquire(const QString &routeKey);
    bool isAvailable(const QString &routeKey) const;
    // Feeds the breaker and the window. A failure with retryAfterMs >= 0 also cools the route
    // down for that long; a 429 (with or without Retry-After) raises its throttle penalty.
    // Emits attemptRecorded, and routeStateChanged when the state changed.
    void record(const QString &routeKey, const AttemptResult &result);
    void abandon(const QString &routeKey);
    void forceOpen(const QString &routeKey, const QString &reason);
    void forceClose(const QString &routeKey);
    CircuitState state(const QString &routeKey) const;
    void setSettings(CircuitBreakerSettings settings);
    CircuitBreakerSettings settings() const { return m_settings; }
    // Forgets routes no longer present, keeps the health of routes still present, adds new ones
    // (closed). snapshot() lists the table's routes in order.
    void setRoutingTable(std::shared_ptr<const RoutingTable> table);

    // The result of an active probe of a provider, applied to all its routes in the current
    // table: a passing probe closes the open (and half-open) circuits, a failing one opens them
    // all (DESIGN.md "Configuration JSON", probe). Also stamps lastProbeAt / lastProbeOk.
    // Adds a Probe event to the history of each route (healthEvent), then State events for the
    // routes whose state changed.
    void recordProbe(const QString &provider, bool ok, const QString &error = {},
                     qint64 latencyMs = -1);

    // HealthWeight::factor() of the route now; 1 for a key the registry ignores or does not know.
    double healthFactor(const QString &routeKey) const;

    // Open turns half-open by the passing of time alone, which no call reports. Call this from a
    // timer (e.g. the GUI refresh) to have routeStateChanged emitted for such changes.
    void refreshStates();

    QList<RouteHealthSnapshot> snapshot() const;

Q_SIGNALS:
    void routeStateChanged(const QString &routeKey, CircuitState state);
    void attemptRecorded(const QString &routeKey); // for live GUI updates
    // Every probe result and state change, for the history writer and the GUI. Emitted after
    // routeStateChanged for the same change.
    void healthEvent(const HealthEvent &event);

private:
    struct Sample
    {
        bool success = false;
        bool throttled = false; // a 429: left out of the success factor
        qint64 latencyMs = -1;
        qint64 atMs = 0; // Clock time of the verdict
    };

    struct RouteHealth
    {
        CircuitBreaker breaker;
        CircuitState reportedState = CircuitState::Closed; // last state told by routeStateChanged
        QList<Sample> window; // ring buffer of at most WindowSize samples
        int windowNext = 0; // where the next sample goes once the window is full
        QString lastError;
        QDateTime lastErrorAt;
        QDateTime lastProbeAt;
        bool lastProbeOk = false;
        qint64 lastProbeLatencyMs = -1;
        double penalty = 0.0; // throttle penalty right after the last 429
        qint64 penaltyAtMs = 0; // Clock time of the last 429
        QList<HealthEvent> history; // oldest first, at most HistorySize
    };

    // The entry of a key; created on demand only while no table is set; nullptr when ignored.
    RouteHealth *entry(const QString &routeKey);
    const RouteHealth *entry(const QString &routeKey) const;
    // Emits routeStateChanged if the key's state differs from the one last reported.
    void reportState(const QString &routeKey);
    void setLastError(RouteHealth &health, const QString &error);
    RouteHealthSnapshot makeSnapshot(const RouteEntry &route, const RouteHealth *health) const;
    double factorOf(const RouteHealth &health, qint64 nowMs) const;
    static void addHistory(RouteHealth &health, const HealthEvent &event);

    const Clock *m_clock;
    CircuitBreakerSettings m_settings;
    std::shared_ptr<const RoutingTable> m_table;
    QHash<QString, RouteHealth> m_routes;
};
