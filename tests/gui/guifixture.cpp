#include "guifixture.h"

#include "appsettings.h"
#include "config/configservice.h"
#include "engineclient.h"
#include "enginehost.h"
#include "gatewaymonitor.h"

#include <QTest>

#include <memory>
#include <optional>

GuiFixture::GuiFixture() = default;

GuiFixture::~GuiFixture()
{
    m_monitor.reset();
    m_client.reset();
    m_gateway.stop();
}

QByteArray GuiFixture::emptyConfig()
{
    return QByteArrayLiteral(R"({"providers": [], "models": [], "access_keys": []})");
}

bool GuiFixture::start(const QByteArray &configJson, QString *error)
{
    if (!m_gateway.start(configJson, error))
        return false;
    m_settings = std::make_unique<AppSettings>(m_settingsDir.filePath(QStringLiteral("app.ini")));
    m_client = std::make_unique<EngineClient>(host()->engine(), host()->logWriter());
    m_monitor = std::make_unique<GatewayMonitor>(m_client.get());
    return true;
}

GatewayInfo GuiFixture::info() const
{
    GatewayInfo info;
    info.port = m_gateway.port();
    info.bindAddress = QStringLiteral("127.0.0.1");
    info.endpointUrl = QStringLiteral("http://127.0.0.1:%1").arg(info.port);
    info.dataDir = m_gateway.dataDir();
    info.databaseUrl = databasePath();
    info.adminToken = QStringLiteral("test-admin");
    return info;
}

QString GuiFixture::databasePath() const
{
    return m_gateway.dataDir() + QStringLiteral("/gateway.sqlite");
}

GatewayConfig GuiFixture::storedConfig() const
{
    ConfigService reader(databasePath());
    ConfigError error;
    if (!reader.load(&error))
        return {};
    return *reader.snapshot();
}

QList<RouteHealthSnapshot> GuiFixture::engineRoutes() const
{
    // Shared: the answer may come after a timed-out wait has returned.
    auto routes = std::make_shared<std::optional<QList<RouteHealthSnapshot>>>();
    m_client->withHealth<QList<RouteHealthSnapshot>>(
        [](HealthRegistry &health) { return health.snapshot(); },
        [routes](QList<RouteHealthSnapshot> result) { *routes = std::move(result); });
    if (!QTest::qWaitFor([routes] { return routes->has_value(); }, 5000))
        return {};
    return routes->value_or(QList<RouteHealthSnapshot>());
}

CircuitBreakerSettings GuiFixture::engineBreaker() const
{
    auto settings = std::make_shared<std::optional<CircuitBreakerSettings>>();
    m_client->withHealth<CircuitBreakerSettings>(
        [](HealthRegistry &health) { return health.settings(); },
        [settings](CircuitBreakerSettings result) { *settings = result; });
    if (!QTest::qWaitFor([settings] { return settings->has_value(); }, 5000))
        return {};
    return settings->value_or(CircuitBreakerSettings());
}
