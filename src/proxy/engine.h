#pragma once

#include "enginesettings.h"
#include "routing/clock.h"
#include "routing/randomsource.h"

#include <QObject>

#include <memory>

class AdminApi;
class ApiKeyRotator;
class ConfigService;
class GatewayServer;
class HealthRegistry;
class InferenceEndpoints;
class ProbeScheduler;
class LogWriter;
class Router;
class UpstreamClient;
struct GatewayConfig;

// The gateway engine: composes config, routing, health, upstream I/O, the HTTP front and the
// admin API. It lives in the engine thread (created there or moved there before start());
// the request log writer lives in the store thread and is only handed rows.
class Engine final : public QObject
{
    Q_OBJECT

public:
    Engine(EngineSettings settings, LogWriter *logWriter, QObject *parent = nullptr);
    ~Engine() override;

    // Loads the configuration, applies --import and LLMO_API_KEY, makes sure an access key
    // exists, and starts listening. Call in the engine thread.
    EngineStartResult start();
    // Stops accepting requests and ends those in flight (logged as client_closed).
    void stop();

    // Pause: LLM requests are answered 503 until resumed (requests in flight go on).
    void setPaused(bool paused);
    bool isPaused() const;

    ConfigService *configService() const { return m_config; }
    HealthRegistry *healthRegistry() const { return m_health; }
    quint16 port() const;

Q_SIGNALS:
    void pausedChanged(bool paused);

private:
    void applyConfig(const std::shared_ptr<const GatewayConfig> &config);
    void registerRoutes();

    EngineSettings m_settings;
    LogWriter *m_logWriter;
    SteadyClock m_clock;
    SystemRandomSource m_random;
    ConfigService *m_config = nullptr;
    HealthRegistry *m_health = nullptr;
    std::unique_ptr<ApiKeyRotator> m_apiKeys;
    std::unique_ptr<Router> m_router;
    UpstreamClient *m_upstream = nullptr;
    ProbeScheduler *m_prober = nullptr;
    InferenceEndpoints *m_endpoints = nullptr;
    AdminApi *m_admin = nullptr;
    GatewayServer *m_server = nullptr;
};
