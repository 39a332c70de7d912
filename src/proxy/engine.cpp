#include "engine.h"

#include "admin/adminapi.h"
#include "config/configservice.h"
#include "gateway/gatewayerror.h"
#include "gateway/inboundprotocol.h"
#include "gateway/inferenceendpoints.h"
#include "health/healthhistorywriter.h"
#include "health/probescheduler.h"
#include "http/clientresponse.h"
#include "http/gatewayserver.h"
#include "routing/apikeyrotator.h"
#include "routing/healthregistry.h"
#include "routing/router.h"
#include "routing/routingtable.h"
#include "store/logwriter.h"
#include "upstream/upstreamclient.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

Engine::Engine(EngineSettings settings, LogWriter *logWriter, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_logWriter(logWriter)
{
}

Engine::~Engine() = default;

quint16 Engine::port() const
{
    return m_server ? m_server->port() : 0;
}

static void writeServerError(QTcpSocket *socket, const QByteArray &path, int status,
                             const QString &message, bool close)
{
    GatewayError::Kind kind = GatewayError::Kind::InvalidRequest;
    switch (status) {
    case 403:
        kind = GatewayError::Kind::PermissionDenied;
        break;
    case 404:
        kind = GatewayError::Kind::NotFound;
        break;
    case 405:
        kind = GatewayError::Kind::MethodNotAllowed;
        break;
    case 413:
        kind = GatewayError::Kind::PayloadTooLarge;
        break;
    default:
        break;
    }
    GatewayError error = GatewayError::make(kind, message);
    error.status = status;
    ClientResponse(socket, close)
        .sendComplete(status, QByteArrayLiteral("application/json"),
                      GatewayErrors::body(GatewayErrors::protocolForPath(path), error));
}

EngineStartResult Engine::start()
{
    EngineStartResult result;
    m_config = new ConfigService(m_settings.databaseUrl, this);
    ConfigError configError;
    if (!m_config->load(&configError)) {
        result.exitCode = 2;
        result.message = QStringLiteral("Cannot open the database: %1").arg(configError.toString());
        return result;
    }
    if (!m_settings.importFile.isEmpty()) {
        QFile file(m_settings.importFile);
        if (!file.open(QIODevice::ReadOnly)) {
            result.exitCode = 2;
            result.message = QStringLiteral("Cannot read --import file %1: %2")
                                 .arg(m_settings.importFile, file.errorString());
            return result;
        }
        if (!m_config->importJson(file.readAll(), ConfigService::ImportMode::Replace,
                                  &configError)) {
            result.exitCode = 2;
            result.message = QStringLiteral("Invalid config in %1: %2")
                                 .arg(m_settings.importFile, configError.toString());
            return result;
        }
    }
    if (!m_settings.ensureAccessKey.isEmpty()
        && !m_config->ensureAccessKey(m_settings.ensureAccessKey, &configError)) {
        result.exitCode = 2;
        result.message = QStringLiteral("Cannot add LLMO_API_KEY: %1").arg(configError.toString());
        return result;
    }
    if (m_config->snapshot()->accessKeys.isEmpty()) {
        const auto created
            = m_config->createAccessKey(QStringLiteral("default"), QString(), &configError);
        if (created)
            result.createdAccessKey = created->key;
    }

    m_health = new HealthRegistry(m_clock, m_settings.breaker, this);
    m_apiKeys = std::make_unique<ApiKeyRotator>(m_clock);
    m_router = std::make_unique<Router>(*m_health, m_random);
    m_upstream = new UpstreamClient(this);
    // Active health: probes share the upstream pool; state changes and probe results are
    // written to health history in the store thread, off the request path.
    m_prober = new ProbeScheduler(*m_health, *m_upstream, m_clock, m_random, {}, this);
    if (m_logWriter)
        HealthHistoryWriter::attach(*m_health, m_settings.databaseUrl, m_logWriter->thread());

    GatewayServices services;
    services.router = m_router.get();
    services.health = m_health;
    services.apiKeys = m_apiKeys.get();
    services.upstream = m_upstream;
    if (LogWriter *writer = m_logWriter)
        services.log = [writer](const RequestLogRecord &row) { writer->enqueue(row); };
    m_endpoints = new InferenceEndpoints(services, this);
    m_admin = new AdminApi(m_config, m_health, m_settings.databaseUrl, m_settings.adminToken, this);

    applyConfig(m_config->snapshot());
    connect(m_config, &ConfigService::configChanged, this, &Engine::applyConfig);

    m_server = new GatewayServer(m_settings.maxBodyBytes, &writeServerError, this);
    registerRoutes();
    QString listenError;
    switch (m_server->listen(m_settings.bindAddress, m_settings.port, &listenError)) {
    case GatewayServer::ListenResult::Ok:
        break;
    case GatewayServer::ListenResult::AddressInUse:
        result.exitCode = 3;
        result.message = QStringLiteral("Port %1 on %2 is already in use: stop the other program "
                                        "or pick another port with --port.")
                             .arg(m_settings.port)
                             .arg(m_settings.bindAddress.toString());
        return result;
    case GatewayServer::ListenResult::OtherError:
        result.exitCode = 2;
        result.message = QStringLiteral("Cannot listen on %1:%2: %3")
                             .arg(m_settings.bindAddress.toString())
                             .arg(m_settings.port)
                             .arg(listenError);
        return result;
    }
    result.ok = true;
    result.port = m_server->port();
    return result;
}

void Engine::registerRoutes()
{
    using Method = QHttpServerRequest::Method;
    InferenceEndpoints *endpoints = m_endpoints;
    const auto route = [this, endpoints](const QString &path, const InboundProtocol &inbound) {
        m_server->addRoute(
            path, Method::Post,
            [endpoints, &inbound](const QHttpServerRequest &request, QTcpSocket *socket) {
                endpoints->forward(inbound, request, socket);
            });
    };
    route(QStringLiteral("/v1/chat/completions"), InboundProtocol::openAiChat());
    route(QStringLiteral("/v1/messages"), InboundProtocol::anthropic());
    m_server->addRoute(QStringLiteral("/v1/responses"), Method::Post | Method::Get,
                       [endpoints](const QHttpServerRequest &request, QTcpSocket *socket) {
                           if (request.method() == Method::Get)
                               endpoints->refuseResponsesWebSocket(request, socket);
                           else
                               endpoints->forward(InboundProtocol::openAiResponses(), request,
                                                  socket);
                       });
    m_server->addRoute(QStringLiteral("/v1/messages/count_tokens"), Method::Post,
                       [endpoints](const QHttpServerRequest &request, QTcpSocket *socket) {
                           endpoints->countTokens(request, socket);
                       });
    m_server->addRoute(QStringLiteral("/v1/models"), Method::Get,
                       [endpoints](const QHttpServerRequest &request, QTcpSocket *socket) {
                           endpoints->listModels(request, socket);
                       });
    m_server->addRoute(QStringLiteral("/v1beta/models"), Method::Get,
                       [endpoints](const QHttpServerRequest &request, QTcpSocket *socket) {
                           endpoints->listGeminiModels(request, socket);
                       });
    // Gemini "{model}:{method}" under /v1beta and /v1 (newer Google SDKs default to v1; the
    // colon tells a generation call from OpenAI's GET /v1/models/{id}).
    const auto gemini
        = [endpoints](const QString &arg, const QHttpServerRequest &request, QTcpSocket *socket) {
              if (request.method() == Method::Get)
                  endpoints->listGeminiModels(request, socket, arg);
              else
                  endpoints->forward(InboundProtocol::gemini(), request, socket, arg);
          };
    m_server->addRoute(QStringLiteral("/v1beta/models/<arg>"), Method::Post | Method::Get, gemini);
    m_server->addRoute(QStringLiteral("/v1/models/<arg>"), Method::Post | Method::Get,
                       [endpoints, gemini](const QString &arg, const QHttpServerRequest &request,
                                           QTcpSocket *socket) {
                           if (request.method() == Method::Get)
                               endpoints->retrieveModel(request, socket, arg);
                           else
                               gemini(arg, request, socket);
                       });
    m_server->addRoute(
        QStringLiteral("/health"), Method::Get,
        [](const QHttpServerRequest &request, QTcpSocket *socket) {
            ClientResponse(
                socket, ClientResponse::wantsClose(request.value(QByteArrayLiteral("connection"))))
                .sendComplete(
                    200, QByteArrayLiteral("application/json"),
                    QByteArrayLiteral("{\"status\":\"ok\",\"version\":\"" LLMO_VERSION "\"}"));
        });
    m_admin->registerRoutes(*m_server);
}

void Engine::applyConfig(const std::shared_ptr<const GatewayConfig> &config)
{
    std::shared_ptr<const RoutingTable> table = RoutingTable::build(*config);
    m_health->setRoutingTable(table);
    m_prober->setRoutingTable(table);
    m_endpoints->setRoutingTable(table);
    m_endpoints->setAccessKeys(config->accessKeys);
    for (const ProviderConfig &provider : config->providers)
        m_apiKeys->reset(provider.name);
}

void Engine::stop()
{
    if (m_prober)
        m_prober->stop();
    if (m_server)
        m_server->close();
    if (m_endpoints)
        m_endpoints->cancelAll();
}

void Engine::setPaused(bool paused)
{
    if (!m_endpoints || m_endpoints->isPaused() == paused)
        return;
    m_endpoints->setPaused(paused);
    Q_EMIT pausedChanged(paused);
}

bool Engine::isPaused() const
{
    return m_endpoints && m_endpoints->isPaused();
}
