#pragma once

#include "health/proberun.h"
#include "routing/circuitbreaker.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <memory>

class Clock;
class HealthRegistry;
class RandomSource;
class RoutingTable;
class UpstreamClient;

struct ProbeSchedulerSettings
{
    // The first probe of a provider (at start or after its config changed) comes at a random
    // time in [0, min(interval, initialSpreadMs)]: soon, so a dead provider is marked down before
    // users hit it, but spread, so 50 providers do not all fire at once.
    qint64 initialSpreadMs = 5000;
    // Every later delay is drawn uniformly from delay × [1 − jitter, 1 + jitter].
    double jitter = 0.1;
};

// Active health checks (DESIGN.md "Configuration JSON" `probe`, "Routing semantics"): probes
// every enabled provider that serves at least one route of the routing table, per its probe
// settings (interval_s 0: never), and hands each result to HealthRegistry::recordProbe(), which
// closes the provider's open circuits when it passes and opens them when it fails.
//
// Schedule: after a probe finishes, the next one is due `interval` (jittered) later; but while
// one of the provider's routes is not closed (a failed probe, or live traffic opened a circuit),
// after min(interval, the breaker's open duration), so an open route recovers by probes alone,
// without waiting for user traffic. A route opening (routeStateChanged) brings the provider's
// next probe forward the same way. Never more than one probe per provider is in flight; a due
// time that passes while one runs is served once it ends.
//
// Config changes: setRoutingTable() keeps the schedule of providers whose config is unchanged,
// restarts the others (a probe in flight for an old config is aborted, its result dropped), and
// forgets providers no longer probed.
//
// One single-shot timer is armed for the earliest due time. Times come from the injected Clock,
// jitter from the RandomSource, so tests can drive the schedule by hand (runDue()).
// Engine thread.
class ProbeScheduler final : public QObject
{
    Q_OBJECT

public:
    // All references must outlive the scheduler.
    ProbeScheduler(HealthRegistry &health, UpstreamClient &upstream, const Clock &clock,
                   RandomSource &random, ProbeSchedulerSettings settings = {},
                   QObject *parent = nullptr);
    ~ProbeScheduler() override;

    void setRoutingTable(std::shared_ptr<const RoutingTable> table);

    // Starts the probes whose time has come (the timer calls this) and re-arms the timer.
    void runDue();
    // Aborts the probes in flight and forgets every provider until the next setRoutingTable().
    void stop();

    // Providers being probed, sorted.
    QStringList providers() const;
    // Clock time the provider's next probe is due; -1 when the provider is not probed.
    qint64 nextDueMs(const QString &provider) const;
    bool isProbing(const QString &provider) const;
    int probesInFlight() const;

Q_SIGNALS:
    // After the result went to the HealthRegistry.
    void probeFinished(const QString &provider, const ProbeResult &result);

private:
    struct Target
    {
        std::shared_ptr<const ProviderConfig> config;
        qint64 dueMs = 0;
        ProbeRun *run = nullptr;
        int keyIndex = 0; // the key to start the next probe with (the last one that answered)
        QStringList routeKeys;
    };

    void onRunFinished(ProbeRun *run);
    void onRouteStateChanged(const QString &routeKey, CircuitState state);
    // The delay until the next probe of a target: its interval, or the breaker's open duration
    // when that is shorter and a route of the provider is not closed; not jittered.
    qint64 nextDelayMs(const Target &target) const;
    qint64 jittered(qint64 delayMs);
    void rearm();
    void abort(Target &target);

    HealthRegistry *m_health;
    UpstreamClient *m_upstream;
    const Clock *m_clock;
    RandomSource *m_random;
    ProbeSchedulerSettings m_settings;
    QHash<QString, Target> m_targets; // provider name -> schedule
    QHash<QString, QString> m_providerOfRoute; // route key -> provider name (probed ones)
    QTimer m_timer;
};
