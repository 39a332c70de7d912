#include "admin/adminapi.h"

#include "admin/accesskeyresource.h"
#include "admin/adminreply.h"
#include "admin/adminrequest.h"
#include "admin/configtransferresource.h"
#include "admin/healthresource.h"
#include "admin/logexportresource.h"
#include "admin/logresource.h"
#include "admin/modelresource.h"
#include "admin/providerresource.h"
#include "admin/statsresource.h"
#include "http/clientresponse.h"
#include "http/gatewayserver.h"

#include <QPointer>
#include <QUrl>

AdminApi::AdminApi(ConfigService *config, HealthRegistry *health, QString databaseUrl,
                   QString adminToken, QObject *parent)
    : QObject(parent)
    , m_access(std::move(adminToken))
    , m_providers(std::make_unique<ProviderResource>(config))
    , m_models(std::make_unique<ModelResource>(config))
    , m_accessKeys(std::make_unique<AccessKeyResource>(config))
    , m_logs(std::make_unique<LogResource>(databaseUrl))
    , m_health(std::make_unique<HealthResource>(health))
    , m_transfer(std::make_unique<ConfigTransferResource>(config))
    , m_stats(new StatsResource(databaseUrl, this))
    , m_logExport(new LogExportResource(std::move(databaseUrl), this))
{
}

AdminApi::~AdminApi() = default;

static bool wantsClose(const QHttpServerRequest &request)
{
    return ClientResponse::wantsClose(request.value(QByteArrayLiteral("connection")));
}

static void send(QTcpSocket *socket, bool close, AdminReply reply)
{
    // Admin answers may carry secrets (a new access key, an export with secrets): never cache.
    reply.headers.append({ QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store") });
    ClientResponse(socket, close)
        .sendComplete(reply.status,
                      reply.body.isEmpty() ? QByteArray() : QByteArrayLiteral("application/json"),
                      reply.body, reply.headers);
}

static void send(const QHttpServerRequest &request, QTcpSocket *socket, AdminReply reply)
{
    send(socket, wantsClose(request), std::move(reply));
}

void AdminApi::addCollection(GatewayServer &server, const QString &path, Resource resource)
{
    server.addRoute(path, QHttpServerRequest::Method::AnyKnown,
                    [this, resource](const QHttpServerRequest &request, QTcpSocket *socket) {
                        if (std::optional<AdminReply> refusal = m_access.check(request)) {
                            send(request, socket, std::move(*refusal));
                            return;
                        }
                        send(request, socket, resource(AdminRequest::from(request)));
                    });
}

void AdminApi::addItem(GatewayServer &server, const QString &path, Resource resource)
{
    server.addRoute(path, QHttpServerRequest::Method::AnyKnown,
                    [this, resource](const QString &name, const QHttpServerRequest &request,
                                     QTcpSocket *socket) {
                        if (std::optional<AdminReply> refusal = m_access.check(request)) {
                            send(request, socket, std::move(*refusal));
                            return;
                        }
                        // QHttpServer 6.4 hands the path argument over still
                        // percent-encoded ("my%20provider").
                        const QString decoded = QUrl::fromPercentEncoding(name.toUtf8());
                        send(request, socket, resource(AdminRequest::from(request, decoded)));
                    });
}

void AdminApi::registerRoutes(GatewayServer &server)
{
    addCollection(server, QStringLiteral("/admin/providers"),
                  [this](const AdminRequest &r) { return m_providers->collection(r); });
    addItem(server, QStringLiteral("/admin/providers/<arg>"),
            [this](const AdminRequest &r) { return m_providers->item(r); });
    addCollection(server, QStringLiteral("/admin/models"),
                  [this](const AdminRequest &r) { return m_models->collection(r); });
    addItem(server, QStringLiteral("/admin/models/<arg>"),
            [this](const AdminRequest &r) { return m_models->item(r); });
    addCollection(server, QStringLiteral("/admin/access-keys"),
                  [this](const AdminRequest &r) { return m_accessKeys->collection(r); });
    addItem(server, QStringLiteral("/admin/access-keys/<arg>"),
            [this](const AdminRequest &r) { return m_accessKeys->item(r); });
    addCollection(server, QStringLiteral("/admin/logs"),
                  [this](const AdminRequest &r) { return m_logs->collection(r); });
    server.addRoute(QStringLiteral("/admin/logs/export"), QHttpServerRequest::Method::AnyKnown,
                    [this](const QHttpServerRequest &request, QTcpSocket *socket) {
                        if (std::optional<AdminReply> refusal = m_access.check(request)) {
                            send(request, socket, std::move(*refusal));
                            return;
                        }
                        const bool close = wantsClose(request);
                        if (std::optional<AdminReply> error
                            = m_logExport->start(AdminRequest::from(request), socket, close))
                            send(socket, close, std::move(*error));
                    });
    server.addRoute(QStringLiteral("/admin/stats"), QHttpServerRequest::Method::AnyKnown,
                    [this](const QHttpServerRequest &request, QTcpSocket *socket) {
                        if (std::optional<AdminReply> refusal = m_access.check(request)) {
                            send(request, socket, std::move(*refusal));
                            return;
                        }
                        // Answered later, from the stats worker: the socket may be gone.
                        const QPointer<QTcpSocket> target(socket);
                        const bool close = wantsClose(request);
                        m_stats->collection(AdminRequest::from(request),
                                            [target, close](AdminReply reply) {
                                                if (target)
                                                    send(target, close, std::move(reply));
                                            });
                    });
    addCollection(server, QStringLiteral("/admin/health"),
                  [this](const AdminRequest &r) { return m_health->collection(r); });
    addCollection(server, QStringLiteral("/admin/export"),
                  [this](const AdminRequest &r) { return m_transfer->exportConfig(r); });
    addCollection(server, QStringLiteral("/admin/import"),
                  [this](const AdminRequest &r) { return m_transfer->importConfig(r); });
}
