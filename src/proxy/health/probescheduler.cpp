#include "health/probescheduler.h"

#include "routing/clock.h"
#include "routing/healthregistry.h"
#include "routing/randomsource.h"
#include "routing/routingtable.h"

#include <algorithm>
#include <cmath>
#include <limits>

ProbeScheduler::ProbeScheduler(HealthRegistry &health, UpstreamClient &upstream, const Clock &clock,
                               RandomSource &random, ProbeSchedulerSettings settings,
                               QObject *parent)
    : QObject(parent)
    , m_health(&health)
    , m_upstream(&upstream)
    , m_clock(&clock)
    , m_random(&random)
    , m_settings(settings)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ProbeScheduler::runDue);
    connect(m_health, &HealthRegistry::routeStateChanged, this,
            &ProbeScheduler::onRouteStateChanged);
}

ProbeScheduler::~ProbeScheduler()
{
    stop();
}

void ProbeScheduler::setRoutingTable(std::shared_ptr<const RoutingTable> table)
{
    // Which providers to probe, and the routes each serves.
    QHash<QString, QStringList> routesOf;
    if (table) {
        for (const RouteEntry *route : table->routes()) {
            if (route->provider && route->provider->enabled && route->provider->probe.intervalS > 0)
                routesOf[route->provider->name].append(route->key);
        }
    }

    for (auto it = m_targets.begin(); it != m_targets.end();) {
        if (routesOf.contains(it.key())) {
            ++it;
            continue;
        }
        abort(it.value());
        it = m_targets.erase(it);
    }

    const qint64 now = m_clock->nowMs();
    m_providerOfRoute.clear();
    for (auto it = routesOf.cbegin(); it != routesOf.cend(); ++it) {
        const std::shared_ptr<const ProviderConfig> config = table->provider(it.key());
        for (const QString &key : it.value())
            m_providerOfRoute.insert(key, it.key());
        auto existing = m_targets.find(it.key());
        if (existing != m_targets.end() && *existing->config == *config) {
            existing->config = config;
            existing->routeKeys = it.value();
            continue;
        }
        if (existing != m_targets.end())
            abort(*existing);
        Target &target = m_targets[it.key()];
        target.config = config;
        target.routeKeys = it.value();
        target.keyIndex = 0;
        const qint64 spread
            = std::min(qint64(config->probe.intervalS) * 1000, m_settings.initialSpreadMs);
        target.dueMs = now + qint64(m_random->bounded(quint32(std::max<qint64>(0, spread)) + 1));
    }
    rearm();
}

void ProbeScheduler::runDue()
{
    const qint64 now = m_clock->nowMs();
    // Collect first: starting a run must not disturb the iteration.
    QList<QString> due;
    for (auto it = m_targets.cbegin(); it != m_targets.cend(); ++it) {
        if (!it->run && it->dueMs <= now)
            due.append(it.key());
    }
    for (const QString &name : std::as_const(due)) {
        Target &target = m_targets[name];
        auto *run = new ProbeRun(target.config, target.keyIndex, *m_upstream, this);
        target.run = run;
        connect(run, &ProbeRun::finished, this, [this, run] { onRunFinished(run); });
        run->start();
    }
    rearm();
}

void ProbeScheduler::stop()
{
    m_timer.stop();
    for (Target &target : m_targets)
        abort(target);
    m_targets.clear();
    m_providerOfRoute.clear();
}

QStringList ProbeScheduler::providers() const
{
    QStringList names = m_targets.keys();
    names.sort();
    return names;
}

qint64 ProbeScheduler::nextDueMs(const QString &provider) const
{
    const auto it = m_targets.constFind(provider);
    return it == m_targets.constEnd() ? -1 : it->dueMs;
}

bool ProbeScheduler::isProbing(const QString &provider) const
{
    const auto it = m_targets.constFind(provider);
    return it != m_targets.constEnd() && it->run;
}

int ProbeScheduler::probesInFlight() const
{
    return int(std::count_if(m_targets.cbegin(), m_targets.cend(),
                             [](const Target &target) { return target.run != nullptr; }));
}

void ProbeScheduler::onRunFinished(ProbeRun *run)
{
    run->deleteLater();
    const QString name = run->providerName();
    auto it = m_targets.find(name);
    if (it == m_targets.end() || it->run != run)
        return; // aborted meanwhile (config change)
    it->run = nullptr;
    const ProbeResult result = run->result();
    if (result.ok && result.keyIndex >= 0)
        it->keyIndex = result.keyIndex;

    // The registry may emit routeStateChanged (handled by onRouteStateChanged); the due time
    // is set after it, from the states the probe left.
    m_health->recordProbe(name, result.ok, result.error, result.latencyMs);
    it = m_targets.find(name);
    if (it != m_targets.end())
        it->dueMs = m_clock->nowMs() + jittered(nextDelayMs(*it));
    rearm();
    Q_EMIT probeFinished(name, result);
}

void ProbeScheduler::onRouteStateChanged(const QString &routeKey, CircuitState state)
{
    if (state != CircuitState::Open)
        return;
    const auto provider = m_providerOfRoute.constFind(routeKey);
    if (provider == m_providerOfRoute.constEnd())
        return;
    auto it = m_targets.find(provider.value());
    if (it == m_targets.end() || it->run)
        return; // a probe in flight sets the next due time when it ends
    const qint64 due = m_clock->nowMs() + jittered(nextDelayMs(*it));
    if (due < it->dueMs) {
        it->dueMs = due;
        rearm();
    }
}

qint64 ProbeScheduler::nextDelayMs(const Target &target) const
{
    const qint64 interval = qint64(target.config->probe.intervalS) * 1000;
    for (const QString &key : target.routeKeys) {
        if (m_health->state(key) != CircuitState::Closed)
            return std::min(interval, std::max<qint64>(1, m_health->settings().openDurationMs));
    }
    return interval;
}

qint64 ProbeScheduler::jittered(qint64 delayMs)
{
    const double fraction = std::clamp(m_settings.jitter, 0.0, 1.0);
    const qint64 spread = std::llround(double(delayMs) * fraction);
    if (spread <= 0)
        return delayMs;
    const qint64 range = std::min<qint64>(2 * spread + 1, std::numeric_limits<quint32>::max());
    return std::max<qint64>(0, delayMs - spread + qint64(m_random->bounded(quint32(range))));
}

void ProbeScheduler::rearm()
{
    qint64 earliest = -1;
    for (const Target &target : std::as_const(m_targets)) {
        if (!target.run && (earliest < 0 || target.dueMs < earliest))
            earliest = target.dueMs;
    }
    if (earliest < 0) {
        m_timer.stop();
        return;
    }
    const qint64 wait = std::max<qint64>(0, earliest - m_clock->nowMs());
    m_timer.start(int(std::min<qint64>(wait, std::numeric_limits<int>::max())));
}

void ProbeScheduler::abort(Target &target)
{
    if (!target.run)
        return;
    ProbeRun *run = target.run;
    target.run = nullptr;
    disconnect(run, nullptr, this, nullptr);
    delete run; // aborts its request
}
