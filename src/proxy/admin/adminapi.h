#pragma once

#include "admin/adminaccesspolicy.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class AccessKeyResource;
class ConfigService;
class ConfigTransferResource;
class GatewayServer;
class HealthRegistry;
class HealthResource;
class LogExportResource;
class LogResource;
class ModelResource;
class ProviderResource;
class StatsResource;
struct AdminRequest;
struct AdminReply;

// The admin REST API (DESIGN.md "Admin REST API"): registers the /admin/... routes on the
// gateway's server and hands each request, once AdminAccessPolicy admitted it, to the
// resource class that serves it. Lives in the engine thread, like ConfigService and
// HealthRegistry, which must outlive it.
//
// Routes: /admin/providers[/<name>], /admin/models[/<name>], /admin/access-keys[/<name>],
// /admin/logs, /admin/logs/export, /admin/stats, /admin/health, /admin/export, /admin/import. Every
// method reaches the resource, which answers 405 (with Allow) for the ones it does not serve, so
// every admin answer, errors included, has the admin error shape.
class AdminApi final : public QObject
{
    Q_OBJECT

public:
    AdminApi(ConfigService *config, HealthRegistry *health, QString databaseUrl, QString adminToken,
             QObject *parent = nullptr);
    ~AdminApi() override;

    // Adds every /admin/... route via server.addRoute(...).
    void registerRoutes(GatewayServer &server);

private:
    using Resource = std::function<AdminReply(const AdminRequest &request)>;
    void addCollection(GatewayServer &server, const QString &path, Resource resource);
    void addItem(GatewayServer &server, const QString &path, Resource resource);

    AdminAccessPolicy m_access;
    std::unique_ptr<ProviderResource> m_providers;
    std::unique_ptr<ModelResource> m_models;
    std::unique_ptr<AccessKeyResource> m_accessKeys;
    std::unique_ptr<LogResource> m_logs;
    std::unique_ptr<HealthResource> m_health;
    std::unique_ptr<ConfigTransferResource> m_transfer;
    StatsResource *m_stats = nullptr; // child: answers arrive as queued calls to it
    LogExportResource *m_logExport = nullptr; // child: owns the running export streams
};
