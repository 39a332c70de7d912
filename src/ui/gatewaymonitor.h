#pragma once

#include "routing/healthregistry.h"
#include "statuscolors.h"
#include "store/requestlogrecord.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>

class EngineClient;
struct GatewayConfig;

// The gateway's state as the status bar, the providers table and the tray show it, kept
// current from engine signals (config and route state changes, logged rows): no polling of
// the database. Health snapshots are fetched from the engine thread, at most one at a time
// and coalesced, so a burst of route changes costs one round trip.
class GatewayMonitor final : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Serving, // every configured route usable (or none configured)
        Degraded, // some routes down
        Down, // routes configured, none usable
        Paused, // the user paused the gateway
    };

    explicit GatewayMonitor(EngineClient *client, QObject *parent = nullptr);

    State state() const;
    // Providers that are enabled and not down / all providers.
    int providersUp() const;
    int providersTotal() const;
    // Client requests (distinct traces) that started within the last minute, from the rows
    // logged since this monitor started.
    int requestsLastMinute() const;
    // Per provider name: Healthy, Degraded (some of its routes down), Down (all its routes
    // down), Disabled, or Unknown (no routes use it).
    HealthLevel providerHealth(const QString &provider) const;
    // The last health snapshot of every usable route.
    const QList<RouteHealthSnapshot> &routes() const { return m_routes; }

    // Asks the engine for a fresh health snapshot (coalesced).
    void refresh();

Q_SIGNALS:
    // Something above changed.
    void changed();
    // A provider's health crossed into Down, or came back from Down.
    void providerDown(const QString &provider);
    void providerRecovered(const QString &provider);

private:
    void applyHealth(const QList<RouteHealthSnapshot> &routes);
    void recomputeProviders();
    void expireRequests();

    EngineClient *m_client;
    std::shared_ptr<const GatewayConfig> m_config;
    QList<RouteHealthSnapshot> m_routes;
    QHash<QString, HealthLevel> m_providerHealth;
    bool m_fetching = false;
    bool m_fetchAgain = false;
    QTimer m_coalesce;
    QTimer m_tick;
    struct Started
    {
        QDateTime time;
        QString traceId;
    };
    QList<Started> m_recent; // oldest first
};
