// Setup of the admin API test and the access checks every route shares.

#include "adminapitest.h"

#include "config/configservice.h"
#include "engine.h"
#include "store/storethread.h"

#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

const QByteArray TestAdminApi::baseConfig = QByteArrayLiteral(R"({
  "providers": [
    {"name": "alpha", "type": "openai", "base_url": "http://127.0.0.1:9/v1",
     "api_keys": ["sk-a1", "sk-a2"]},
    {"name": "beta", "type": "openai", "base_url": "http://127.0.0.1:9/v1"}
  ],
  "models": [
    {"name": "m1", "routes": [
      {"provider": "alpha", "model": "up-1", "weight": 3},
      {"provider": "beta", "model": "up-2", "weight": 1, "priority": 1}
    ]}
  ],
  "access_keys": [{"name": "client", "key": "sk-test-client"}]
})");

TestAdminApi::TestAdminApi() = default;
TestAdminApi::~TestAdminApi() = default;

void TestAdminApi::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString databaseUrl = m_dir.filePath(QStringLiteral("gateway.sqlite"));
    m_store = std::make_unique<StoreThread>(databaseUrl, LogWriterSettings { 100, 10 });
    EngineSettings settings;
    settings.port = 0;
    settings.dataDir = m_dir.path();
    settings.databaseUrl = databaseUrl;
    settings.adminToken = QStringLiteral("test-admin");
    m_engine = std::make_unique<Engine>(settings, m_store->writer());
    const EngineStartResult started = m_engine->start();
    QVERIFY2(started.ok, qPrintable(started.message));
    QVERIFY(started.port != 0);
    m_client = std::make_unique<AdminClient>(started.port, QStringLiteral("test-admin"));
    m_logBase = QDateTime(QDate(2030, 1, 1), QTime(0, 0), QTimeZone::utc());
}

// Every test starts from the same configuration, written through the service.
void TestAdminApi::init()
{
    ConfigError error;
    QVERIFY2(m_engine->configService()->importJson(baseConfig, ConfigService::ImportMode::Replace,
                                                   &error),
             qPrintable(error.toString()));
    client().setToken(QStringLiteral("test-admin"));
}

void TestAdminApi::cleanupTestCase()
{
    m_client.reset();
    if (m_engine)
        m_engine->stop();
    m_engine.reset();
    m_store.reset();
}

// --- access -----------------------------------------------------------------------------

void TestAdminApi::access_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QByteArray>("origin");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("type");

    const QByteArray ok = QByteArrayLiteral("Bearer test-admin");
    const QString providers = QStringLiteral("/admin/providers");
    QTest::newRow("no token") << providers << QByteArray() << QByteArray() << 401
                              << QStringLiteral("authentication_error");
    QTest::newRow("wrong token") << providers << QByteArrayLiteral("Bearer nope") << QByteArray()
                                 << 401 << QStringLiteral("authentication_error");
    QTest::newRow("token prefix") << providers << QByteArrayLiteral("Bearer test-admi")
                                  << QByteArray() << 401 << QStringLiteral("authentication_error");
    QTest::newRow("token longer") << providers << QByteArrayLiteral("Bearer test-admin2")
                                  << QByteArray() << 401 << QStringLiteral("authentication_error");
    QTest::newRow("empty bearer") << providers << QByteArrayLiteral("Bearer ") << QByteArray()
                                  << 401 << QStringLiteral("authentication_error");
    QTest::newRow("basic scheme") << providers << QByteArrayLiteral("Basic dGVzdC1hZG1pbg==")
                                  << QByteArray() << 401 << QStringLiteral("authentication_error");
    QTest::newRow("client access key")
        << providers << QByteArrayLiteral("Bearer sk-test-client") << QByteArray() << 401
        << QStringLiteral("authentication_error");
    QTest::newRow("logs without token")
        << QStringLiteral("/admin/logs") << QByteArray() << QByteArray() << 401
        << QStringLiteral("authentication_error");
    QTest::newRow("export without token")
        << QStringLiteral("/admin/export?secrets=1") << QByteArray() << QByteArray() << 401
        << QStringLiteral("authentication_error");
    QTest::newRow("item without token")
        << QStringLiteral("/admin/providers/alpha") << QByteArray() << QByteArray() << 401
        << QStringLiteral("authentication_error");
    QTest::newRow("right token") << providers << ok << QByteArray() << 200 << QString();
    QTest::newRow("lower-case scheme")
        << providers << QByteArrayLiteral("bearer test-admin") << QByteArray() << 200 << QString();
    QTest::newRow("cross-site origin")
        << providers << ok << QByteArrayLiteral("https://evil.example") << 403
        << QStringLiteral("permission_error");
    QTest::newRow("null origin") << providers << ok << QByteArrayLiteral("null") << 403
                                 << QStringLiteral("permission_error");
    QTest::newRow("localhost look-alike")
        << providers << ok << QByteArrayLiteral("http://localhost.evil.example") << 403
        << QStringLiteral("permission_error");
    QTest::newRow("cross-site origin, no token")
        << providers << QByteArray() << QByteArrayLiteral("http://evil.example") << 403
        << QStringLiteral("permission_error");
    QTest::newRow("localhost origin")
        << providers << ok << QByteArrayLiteral("http://localhost:5173") << 200 << QString();
    QTest::newRow("loopback origin")
        << providers << ok << QByteArrayLiteral("http://127.0.0.1:8640") << 200 << QString();
    QTest::newRow("ipv6 loopback origin")
        << providers << ok << QByteArrayLiteral("http://[::1]") << 200 << QString();
}

void TestAdminApi::access()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, authorization);
    QFETCH(QByteArray, origin);
    QFETCH(int, status);
    QFETCH(QString, type);

    client().setToken(QString());
    AdminClient::Headers headers;
    if (!authorization.isEmpty())
        headers.append({ QByteArrayLiteral("Authorization"), authorization });
    if (!origin.isEmpty())
        headers.append({ QByteArrayLiteral("Origin"), origin });
    const AdminClient::Response response = client().send("GET", path, {}, headers);
    QCOMPARE(response.status, status);
    if (status >= 400) {
        QCOMPARE(response.errorType(), type);
        QVERIFY(!response.json()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toString()
                     .isEmpty());
        QVERIFY(!response.body.contains("sk-a1")); // nothing of the config leaks
    } else {
        QVERIFY(response.json().value(QStringLiteral("items")).isArray());
    }
    if (status == 401)
        QCOMPARE(response.header("WWW-Authenticate"), QByteArrayLiteral("Bearer"));
}

void TestAdminApi::methodNotAllowed_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("allow");

    QTest::newRow("DELETE providers")
        << QByteArrayLiteral("DELETE") << QStringLiteral("/admin/providers")
        << QByteArrayLiteral("GET, POST");
    QTest::newRow("POST provider")
        << QByteArrayLiteral("POST") << QStringLiteral("/admin/providers/alpha")
        << QByteArrayLiteral("GET, PUT, PATCH, DELETE");
    QTest::newRow("PUT models") << QByteArrayLiteral("PUT") << QStringLiteral("/admin/models")
                                << QByteArrayLiteral("GET, POST");
    QTest::newRow("PUT access key")
        << QByteArrayLiteral("PUT") << QStringLiteral("/admin/access-keys/client")
        << QByteArrayLiteral("GET, DELETE");
    QTest::newRow("POST health") << QByteArrayLiteral("POST") << QStringLiteral("/admin/health")
                                 << QByteArrayLiteral("GET");
    QTest::newRow("DELETE logs") << QByteArrayLiteral("DELETE") << QStringLiteral("/admin/logs")
                                 << QByteArrayLiteral("GET");
    QTest::newRow("GET import") << QByteArrayLiteral("GET") << QStringLiteral("/admin/import")
                                << QByteArrayLiteral("POST");
    QTest::newRow("POST export") << QByteArrayLiteral("POST") << QStringLiteral("/admin/export")
                                 << QByteArrayLiteral("GET");
}

void TestAdminApi::methodNotAllowed()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, allow);

    const AdminClient::Response response = client().send(method, path, QByteArrayLiteral("{}"));
    QCOMPARE(response.status, 405);
    QCOMPARE(response.header("Allow"), allow);
    QCOMPARE(response.errorType(), QStringLiteral("invalid_request_error"));
}

void TestAdminApi::unknownAdminPath()
{
    QCOMPARE(client().get(QStringLiteral("/admin/nothing-here")).status, 404);
    QCOMPARE(client().get(QStringLiteral("/admin/providers/alpha/extra")).status, 404);
}

QTEST_GUILESS_MAIN(TestAdminApi)
