#include "gatewaymonitor.h"

#include "engineclient.h"

#include <QPointer>
#include <QSet>

#include <utility>

namespace {
constexpr int MinuteMs = 60 * 1000;
}

GatewayMonitor::GatewayMonitor(EngineClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_config(client->config())
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(50);
    connect(&m_coalesce, &QTimer::timeout, this, [this] {
        if (m_fetching) {
            m_fetchAgain = true;
            return;
        }
        m_fetching = true;
        // refreshStates() turns open circuits whose time is up into half-open and reports it.
        m_client->withHealth<QList<RouteHealthSnapshot>>(
            [](HealthRegistry &health) {
                health.refreshStates();
                return health.snapshot();
            },
            [self = QPointer<GatewayMonitor>(this)](QList<RouteHealthSnapshot> routes) {
                if (!self)
                    return;
                self->m_fetching = false;
                self->applyHealth(routes);
                if (self->m_fetchAgain) {
                    self->m_fetchAgain = false;
                    self->m_coalesce.start();
                }
            });
    });
    // Open circuits turn half-open with time alone; the expiry of the per-minute count is
    // time too. Both are cheap.
    m_tick.setInterval(5000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        expireRequests();
        refresh();
    });
    m_tick.start();

    connect(client, &EngineClient::configChanged, this,
            [this](std::shared_ptr<const GatewayConfig> config) {
                m_config = std::move(config);
                recomputeProviders();
                refresh();
            });
    connect(client, &EngineClient::routeStateChanged, this, &GatewayMonitor::refresh);
    connect(client, &EngineClient::pausedChanged, this, &GatewayMonitor::changed);
    connect(client, &EngineClient::rowsLogged, this, [this](const QList<RequestLogRecord> &rows) {
        const QDateTime horizon = QDateTime::currentDateTimeUtc().addMSecs(-MinuteMs);
        for (const RequestLogRecord &row : rows) {
            if (row.time >= horizon)
                m_recent.append({ row.time, row.traceId });
        }
        expireRequests();
        Q_EMIT changed();
    });
    refresh();
}

void GatewayMonitor::refresh()
{
    if (!m_coalesce.isActive())
        m_coalesce.start();
}

void GatewayMonitor::applyHealth(const QList<RouteHealthSnapshot> &routes)
{
    m_routes = routes;
    recomputeProviders();
}

void GatewayMonitor::recomputeProviders()
{
    struct Count
    {
        int routes = 0;
        int open = 0;
        int halfOpen = 0;
    };
    QHash<QString, Count> counts;
    for (const RouteHealthSnapshot &route : std::as_const(m_routes)) {
        Count &count = counts[route.provider];
        ++count.routes;
        if (route.state == CircuitState::Open)
            ++count.open;
        else if (route.state == CircuitState::HalfOpen)
            ++count.halfOpen;
    }
    QHash<QString, HealthLevel> health;
    for (const ProviderConfig &provider : m_config->providers) {
        HealthLevel level = HealthLevel::Unknown;
        const Count count = counts.value(provider.name);
        if (!provider.enabled)
            level = HealthLevel::Disabled;
        else if (count.routes == 0)
            level = HealthLevel::Unknown;
        else if (count.open == count.routes)
            level = HealthLevel::Down;
        else if (count.open > 0 || count.halfOpen > 0)
            level = HealthLevel::Degraded;
        else
            level = HealthLevel::Healthy;
        health.insert(provider.name, level);
    }
    const QHash<QString, HealthLevel> previous = std::exchange(m_providerHealth, health);
    for (auto it = m_providerHealth.cbegin(); it != m_providerHealth.cend(); ++it) {
        const auto before = previous.constFind(it.key());
        if (before == previous.cend())
            continue;
        if (it.value() == HealthLevel::Down && *before != HealthLevel::Down)
            Q_EMIT providerDown(it.key());
        else if (*before == HealthLevel::Down && it.value() != HealthLevel::Down
                 && it.value() != HealthLevel::Disabled)
            Q_EMIT providerRecovered(it.key());
    }
    Q_EMIT changed();
}

void GatewayMonitor::expireRequests()
{
    const QDateTime horizon = QDateTime::currentDateTimeUtc().addMSecs(-MinuteMs);
    qsizetype stale = 0;
    while (stale < m_recent.size() && m_recent.at(stale).time < horizon)
        ++stale;
    if (stale > 0) {
        m_recent.remove(0, stale);
        Q_EMIT changed();
    }
}

GatewayMonitor::State GatewayMonitor::state() const
{
    if (m_client->isPaused())
        return State::Paused;
    int open = 0;
    for (const RouteHealthSnapshot &route : m_routes) {
        if (route.state == CircuitState::Open)
            ++open;
    }
    if (open == 0)
        return State::Serving;
    return open == m_routes.size() ? State::Down : State::Degraded;
}

int GatewayMonitor::providersUp() const
{
    int up = 0;
    for (auto it = m_providerHealth.cbegin(); it != m_providerHealth.cend(); ++it) {
        if (it.value() != HealthLevel::Down && it.value() != HealthLevel::Disabled)
            ++up;
    }
    return up;
}

int GatewayMonitor::providersTotal() const
{
    return int(m_config->providers.size());
}

int GatewayMonitor::requestsLastMinute() const
{
    const QDateTime horizon = QDateTime::currentDateTimeUtc().addMSecs(-MinuteMs);
    QSet<QString> traces;
    for (const Started &started : m_recent) {
        if (started.time >= horizon)
            traces.insert(started.traceId);
    }
    return int(traces.size());
}

HealthLevel GatewayMonitor::providerHealth(const QString &provider) const
{
    return m_providerHealth.value(provider, HealthLevel::Unknown);
}
