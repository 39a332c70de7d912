#include "routing/healthregistry.h"

#include "routing/healthweight.h"

#include <QSet>

#include <algorithm>
#include <vector>

HealthRegistry::HealthRegistry(const Clock &clock, CircuitBreakerSettings settings, QObject *parent)
    : QObject(parent)
    , m_clock(&clock)
    , m_settings(settings)
{
}

bool HealthRegistry::tryAcquire(const QString &routeKey)
{
    RouteHealth *health = entry(routeKey);
    if (!health)
        return true;
    const bool admitted = health->breaker.tryAcquire(m_clock->nowMs());
    reportState(routeKey); // an open circuit may have just turned half-open
    return admitted;
}

bool HealthRegistry::isAvailable(const QString &routeKey) const
{
    const RouteHealth *health = entry(routeKey);
    return !health || health->breaker.isAvailable(m_clock->nowMs());
}

void HealthRegistry::record(const QString &routeKey, const AttemptResult &result)
{
    RouteHealth *health = entry(routeKey);
    if (!health)
        return;
    const qint64 now = m_clock->nowMs();
    const bool throttled = !result.success && result.httpStatus == 429;
    if (throttled) {
        const double current
            = HealthWeight::decayedPenalty(health->penalty, now - health->penaltyAtMs);
        health->penalty = HealthWeight::penaltyAfter429(current);
        health->penaltyAtMs = now;
    }
    if (result.success) {
        health->breaker.recordSuccess(now);
    } else {
        health->breaker.recordFailure(now);
        if (result.retryAfterMs >= 0)
            health->breaker.coolDown(now + result.retryAfterMs);
        QString error = result.error;
        if (error.isEmpty()) {
            error = result.httpStatus > 0 ? QStringLiteral("HTTP %1").arg(result.httpStatus)
                                          : QStringLiteral("no response");
        }
        setLastError(*health, error);
    }

    const Sample sample { result.success, throttled, result.latencyMs, now };
    if (health->window.size() < WindowSize) {
        health->window.append(sample);
    } else {
        health->window[health->windowNext] = sample;
        health->windowNext = (health->windowNext + 1) % WindowSize;
    }

    reportState(routeKey);
    Q_EMIT attemptRecorded(routeKey);
}

void HealthRegistry::abandon(const QString &routeKey)
{
    if (RouteHealth *health = entry(routeKey))
        health->breaker.abandon();
}

void HealthRegistry::forceOpen(const QString &routeKey, const QString &reason)
{
    RouteHealth *health = entry(routeKey);
    if (!health)
        return;
    health->breaker.forceOpen(m_clock->nowMs());
    if (!reason.isEmpty())
        setLastError(*health, reason);
    reportState(routeKey);
}

void HealthRegistry::forceClose(const QString &routeKey)
{
    RouteHealth *health = entry(routeKey);
    if (!health)
        return;
    health->breaker.forceClose();
    reportState(routeKey);
}

CircuitState HealthRegistry::state(const QString &routeKey) const
{
    const RouteHealth *health = entry(routeKey);
    return health ? health->breaker.state(m_clock->nowMs()) : CircuitState::Closed;
}

void HealthRegistry::setSettings(CircuitBreakerSettings settings)
{
    m_settings = settings;
    for (RouteHealth &health : m_routes)
        health.breaker.setSettings(settings);
    // A shorter open duration may have made open circuits half-open.
    refreshStates();
}

void HealthRegistry::setRoutingTable(std::shared_ptr<const RoutingTable> table)
{
    m_table = std::move(table);
    QSet<QString> keys;
    if (m_table) {
        for (const RouteEntry *route : m_table->routes()) {
            keys.insert(route->key);
            if (!m_routes.contains(route->key)) {
                RouteHealth health;
                health.breaker.setSettings(m_settings);
                m_routes.insert(route->key, health);
            }
        }
    }
    for (auto it = m_routes.begin(); it != m_routes.end();) {
        if (m_table && !keys.contains(it.key()))
            it = m_routes.erase(it);
        else
            ++it;
    }
}

void HealthRegistry::recordProbe(const QString &provider, bool ok, const QString &error,
                                 qint64 latencyMs)
{
    if (!m_table)
        return;
    const qint64 now = m_clock->nowMs();
    const QDateTime at = QDateTime::currentDateTimeUtc();
    const QString reason
        = ok ? QString() : (error.isEmpty() ? QStringLiteral("probe failed") : error);
    QList<HealthEvent> events;
    for (const RouteEntry *route : m_table->routes()) {
        if (!route->provider || route->provider->name != provider)
            continue;
        RouteHealth *health = entry(route->key);
        if (!health)
            continue;
        health->lastProbeAt = at;
        health->lastProbeOk = ok;
        health->lastProbeLatencyMs = latencyMs;
        if (ok) {
            if (health->breaker.state(now) != CircuitState::Closed)
                health->breaker.forceClose();
        } else {
            health->breaker.forceOpen(now);
            health->lastError = reason;
            health->lastErrorAt = at;
        }
        HealthEvent event;
        event.routeKey = route->key;
        event.time = at;
        event.kind = HealthEvent::Kind::Probe;
        event.ok = ok;
        event.state = health->breaker.state(now);
        event.latencyMs = latencyMs;
        event.error = reason;
        addHistory(*health, event);
        events.append(event);
    }
    // Signals last: a receiver may call back into the registry.
    for (const HealthEvent &event : std::as_const(events))
        Q_EMIT healthEvent(event);
    for (const HealthEvent &event : std::as_const(events))
        reportState(event.routeKey);
}

double HealthRegistry::healthFactor(const QString &routeKey) const
{
    const RouteHealth *health = entry(routeKey);
    return health ? factorOf(*health, m_clock->nowMs()) : 1.0;
}

void HealthRegistry::refreshStates()
{
    const QStringList keys = m_routes.keys();
    for (const QString &key : keys)
        reportState(key);
}

QList<RouteHealthSnapshot> HealthRegistry::snapshot() const
{
    QList<RouteHealthSnapshot> result;
    if (m_table) {
        for (const RouteEntry *route : m_table->routes())
            result.append(makeSnapshot(*route, entry(route->key)));
        return result;
    }
    // No table yet: the routes seen so far, by key (no model/provider details known).
    QStringList keys = m_routes.keys();
    keys.sort();
    for (const QString &key : std::as_const(keys)) {
        RouteEntry route;
        route.key = key;
        result.append(makeSnapshot(route, entry(key)));
    }
    return result;
}

HealthRegistry::RouteHealth *HealthRegistry::entry(const QString &routeKey)
{
    const auto it = m_routes.find(routeKey);
    if (it != m_routes.end())
        return &it.value();
    if (m_table)
        return nullptr;
    RouteHealth health;
    health.breaker.setSettings(m_settings);
    return &m_routes.insert(routeKey, health).value();
}

const HealthRegistry::RouteHealth *HealthRegistry::entry(const QString &routeKey) const
{
    const auto it = m_routes.constFind(routeKey);
    return it == m_routes.constEnd() ? nullptr : &it.value();
}

void HealthRegistry::reportState(const QString &routeKey)
{
    const auto it = m_routes.find(routeKey);
    if (it == m_routes.end())
        return;
    const CircuitState current = it->breaker.state(m_clock->nowMs());
    if (current == it->reportedState)
        return;
    it->reportedState = current;
    HealthEvent event;
    event.routeKey = routeKey;
    event.time = QDateTime::currentDateTimeUtc();
    event.kind = HealthEvent::Kind::State;
    event.ok = current == CircuitState::Closed;
    event.state = current;
    if (current == CircuitState::Open)
        event.error = it->lastError;
    addHistory(*it, event);
    Q_EMIT routeStateChanged(routeKey, current);
    Q_EMIT healthEvent(event);
}

void HealthRegistry::addHistory(RouteHealth &health, const HealthEvent &event)
{
    health.history.append(event);
    while (health.history.size() > HistorySize)
        health.history.removeFirst();
}

double HealthRegistry::factorOf(const RouteHealth &health, qint64 nowMs) const
{
    int attempts = 0;
    int successes = 0;
    for (const Sample &sample : health.window) {
        if (sample.throttled || nowMs - sample.atMs > HealthWeight::RecentMs)
            continue;
        ++attempts;
        successes += sample.success ? 1 : 0;
    }
    const double penalty = HealthWeight::decayedPenalty(health.penalty, nowMs - health.penaltyAtMs);
    return HealthWeight::factor(HealthWeight::successFactor(successes, attempts), penalty);
}

void HealthRegistry::setLastError(RouteHealth &health, const QString &error)
{
    health.lastError = error;
    health.lastErrorAt = QDateTime::currentDateTimeUtc();
}

RouteHealthSnapshot HealthRegistry::makeSnapshot(const RouteEntry &route,
                                                 const RouteHealth *health) const
{
    RouteHealthSnapshot snap;
    snap.key = route.key;
    snap.model = route.model;
    snap.provider = route.provider ? route.provider->name : QString();
    snap.upstreamModel = route.upstreamModel;
    snap.weight = route.weight;
    snap.effectiveWeight = route.weight;
    if (!health)
        return snap;

    const qint64 now = m_clock->nowMs();
    snap.state = health->breaker.state(now);
    snap.healthFactor = factorOf(*health, now);
    snap.throttlePenalty = HealthWeight::decayedPenalty(health->penalty, now - health->penaltyAtMs);
    const qint64 cooldownLeftMs = health->breaker.cooldownUntilMs() - now;
    if (cooldownLeftMs > 0)
        snap.cooldownUntil = QDateTime::currentDateTimeUtc().addMSecs(cooldownLeftMs);
    const bool usable = snap.state != CircuitState::Open && cooldownLeftMs <= 0;
    snap.effectiveWeight = usable ? double(route.weight) * snap.healthFactor : 0.0;
    snap.lastError = health->lastError;
    snap.lastErrorAt = health->lastErrorAt;
    snap.lastProbeAt = health->lastProbeAt;
    snap.lastProbeOk = health->lastProbeOk;
    snap.lastProbeLatencyMs = health->lastProbeLatencyMs;
    snap.history.reserve(health->history.size());
    for (auto it = health->history.crbegin(); it != health->history.crend(); ++it)
        snap.history.append(*it);
    snap.windowAttempts = int(health->window.size());

    int successes = 0;
    std::vector<qint64> latencies;
    latencies.reserve(size_t(health->window.size()));
    for (const Sample &sample : health->window) {
        if (!sample.success)
            continue;
        ++successes;
        if (sample.latencyMs >= 0)
            latencies.push_back(sample.latencyMs);
    }
    if (!health->window.isEmpty())
        snap.successRate = double(successes) / double(health->window.size());
    if (!latencies.empty()) {
        std::sort(latencies.begin(), latencies.end());
        const size_t mid = latencies.size() / 2;
        snap.p50Ms = latencies.size() % 2 == 1
            ? double(latencies[mid])
            : (double(latencies[mid - 1]) + double(latencies[mid])) / 2.0;
    }
    return snap;
}
