#pragma once

#include "config/configtypes.h"
#include "gatewayfixture.h"
#include "gatewayinfo.h"
#include "routing/healthregistry.h"

#include <QTemporaryDir>

#include <memory>

class AppSettings;
class EngineClient;
class GatewayMonitor;

// What a widget test needs: a real engine in its own thread on a fresh SQLite file (the
// integration tests' GatewayFixture), the GUI's EngineClient and GatewayMonitor on it, and
// AppSettings in a temporary INI file.
class GuiFixture final
{
public:
    GuiFixture();
    ~GuiFixture();

    // Starts the engine with this config JSON (DESIGN.md format); false and *error on failure.
    bool start(const QByteArray &configJson, QString *error);
    static QByteArray emptyConfig();

    EngineClient *client() const { return m_client.get(); }
    GatewayMonitor *monitor() const { return m_monitor.get(); }
    AppSettings *settings() const { return m_settings.get(); }
    EngineHost *host() const { return m_gateway.host(); }
    GatewayInfo info() const;
    QString databasePath() const;

    // The configuration as stored in the database, read by a ConfigService of its own (its own
    // connection), not from the engine's memory.
    GatewayConfig storedConfig() const;
    // The engine's current routes with their health, fetched from the engine thread.
    QList<RouteHealthSnapshot> engineRoutes() const;
    // The circuit-breaker settings the engine's HealthRegistry uses now.
    CircuitBreakerSettings engineBreaker() const;

private:
    GatewayFixture m_gateway;
    QTemporaryDir m_settingsDir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<EngineClient> m_client;
    std::unique_ptr<GatewayMonitor> m_monitor;
};
