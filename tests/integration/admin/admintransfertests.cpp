// Export and import of the whole configuration through the admin API.

#include "adminapitest.h"

#include "config/configjson.h"
#include "config/configservice.h"
#include "engine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

static QJsonObject parse(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

static QJsonObject findByName(const QJsonArray &items, const QString &name)
{
    for (const QJsonValue &item : items) {
        if (item.toObject().value(QStringLiteral("name")).toString() == name)
            return item.toObject();
    }
    return {};
}

// --- export / import ------------------------------------------------------------------

void TestAdminApi::exportWithoutSecrets()
{
    AdminClient::Response response = client().get(QStringLiteral("/admin/export"));
    QCOMPARE(response.status, 200);
    QVERIFY(!response.body.contains("sk-a1"));
    QVERIFY(!response.body.contains("api_keys"));
    QVERIFY(
        response.body.contains(ConfigService::hashKey(QStringLiteral("sk-test-client")).toUtf8()));
    QVERIFY(!response.body.contains("sk-test-client\"")); // the plaintext is never exported
    QCOMPARE(client().get(QStringLiteral("/admin/export?secrets=0")).body, response.body);

    response = client().get(QStringLiteral("/admin/export?secrets=1"));
    QCOMPARE(response.status, 200);
    QVERIFY(response.body.contains("\"sk-a1\""));
    QCOMPARE(client().get(QStringLiteral("/admin/export?secrets=true")).body, response.body);
    QCOMPARE(response.body, m_engine->configService()->exportJson(true));

    // An export without secrets imports back without losing the stored keys.
    const QByteArray withoutSecrets = client().get(QStringLiteral("/admin/export")).body;
    QCOMPARE(client().send("POST", QStringLiteral("/admin/import"), withoutSecrets).status, 200);
    QCOMPARE(client().get(QStringLiteral("/admin/export?secrets=1")).body, response.body);
}

void TestAdminApi::importExportLossless()
{
    const QByteArray document = QByteArrayLiteral(R"({
      "providers": [
        {"name": "p1", "type": "openai-responses", "base_url": "https://api.example.test/v1",
         "api_keys": ["k1", "k2"], "headers": {"OpenAI-Organization": "org-1"},
         "timeout_ms": 1234, "enabled": false,
         "probe": {"interval_s": 15, "kind": "completion", "model": "tiny"}},
        {"name": "p2", "type": "gemini", "base_url": "https://generativelanguage.googleapis.com"}
      ],
      "models": [
        {"name": "a", "max_attempts": 5, "routes": [
          {"provider": "p1", "model": "ua", "weight": 7, "priority": -2, "enabled": false},
          {"provider": "p2", "model": "ub"}]},
        {"name": "b", "routes": []}
      ],
      "access_keys": [
        {"name": "plain", "key": "sk-plain-0123456789"},
        {"name": "hashed", "key_hash": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
         "prefix": "test", "created_at": "2025-05-01T10:00:00.000Z"}
      ]
    })");
    AdminClient::Response response
        = client().send("POST", QStringLiteral("/admin/import"), document);
    QCOMPARE(response.status, 200);
    QCOMPARE(response.json(),
             parse(R"({"ok": true, "providers": 2, "models": 2, "access_keys": 2})"));

    // The export means the same as the document.
    const QByteArray exported = client().get(QStringLiteral("/admin/export?secrets=1")).body;
    ConfigError error;
    const std::optional<GatewayConfig> original = ConfigJson::fromJson(document, &error);
    QVERIFY2(original, qPrintable(error.toString()));
    const std::optional<GatewayConfig> roundTrip = ConfigJson::fromJson(exported, &error);
    QVERIFY2(roundTrip, qPrintable(error.toString()));
    QCOMPARE(roundTrip->providers.size(), 2);
    QVERIFY(roundTrip->providers == original->providers);
    QVERIFY(roundTrip->models == original->models);
    QVERIFY(roundTrip->accessKeys == original->accessKeys);
    QCOMPARE(roundTrip->accessKeys.at(1).createdAt,
             QDateTime::fromString(QStringLiteral("2025-05-01T10:00:00.000Z"), Qt::ISODateWithMs));

    // Importing the export changes nothing, byte for byte.
    QCOMPARE(client().send("POST", QStringLiteral("/admin/import?mode=replace"), exported).status,
             200);
    QCOMPARE(client().get(QStringLiteral("/admin/export?secrets=1")).body, exported);
    // The imported plaintext key works.
    QCOMPARE(client()
                 .send("GET", QStringLiteral("/v1/models"), {},
                       { { QByteArrayLiteral("Authorization"),
                           QByteArrayLiteral("Bearer sk-plain-0123456789") } })
                 .status,
             200);
}

void TestAdminApi::importMerge()
{
    const QByteArray incoming = QByteArrayLiteral(R"({
      "providers": [{"name": "beta", "type": "anthropic", "base_url": "https://api.anthropic.com"},
                    {"name": "delta", "type": "openai", "base_url": "http://d.test/v1"}],
      "models": [{"name": "m9", "routes": [{"provider": "delta", "model": "d"}]}]
    })");
    AdminClient::Response response
        = client().send("POST", QStringLiteral("/admin/import?mode=merge"), incoming);
    QCOMPARE(response.status, 200);
    QCOMPARE(response.json(),
             parse(R"({"ok": true, "providers": 3, "models": 2, "access_keys": 1})"));
    const QJsonArray providers = client()
                                     .get(QStringLiteral("/admin/providers"))
                                     .json()
                                     .value(QStringLiteral("items"))
                                     .toArray();
    QCOMPARE(findByName(providers, QStringLiteral("beta")).value(QStringLiteral("type")).toString(),
             QStringLiteral("anthropic"));
    QCOMPARE(findByName(providers, QStringLiteral("alpha"))
                 .value(QStringLiteral("api_key_count"))
                 .toInt(),
             2);

    // Replace (the default) drops what the document does not hold.
    response = client().send("POST", QStringLiteral("/admin/import"), incoming);
    QCOMPARE(response.status, 200);
    QCOMPARE(response.json(),
             parse(R"({"ok": true, "providers": 2, "models": 1, "access_keys": 0})"));
}

void TestAdminApi::importValidation_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");

    const QString import = QStringLiteral("/admin/import");
    QTest::newRow("bad URL") << import
                             << QByteArrayLiteral(R"({"providers": [{"name": "x", "type": "openai",
                                                       "base_url": "nope"}]})")
                             << QStringLiteral("providers[0].base_url");
    QTest::newRow("unknown top-level field")
        << import << QByteArrayLiteral(R"({"provider": []})") << QStringLiteral("provider");
    QTest::newRow("route to unknown provider")
        << import
        << QByteArrayLiteral(
               R"({"models": [{"name": "m", "routes": [{"provider": "p", "model": "u"}]}]})")
        << QStringLiteral("models[0].routes[0].provider");
    QTest::newRow("not JSON") << import << QByteArrayLiteral("{") << QStringLiteral("<null>");
    QTest::newRow("bad mode") << QStringLiteral("/admin/import?mode=bogus")
                              << QByteArrayLiteral("{}") << QStringLiteral("mode");
    QTest::newRow("unknown parameter") << QStringLiteral("/admin/import?dry_run=1")
                                       << QByteArrayLiteral("{}") << QStringLiteral("dry_run");
}

void TestAdminApi::importValidation()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, field);

    const QByteArray before = m_engine->configService()->exportJson(true);
    const AdminClient::Response response = client().send("POST", path, body);
    QCOMPARE(response.status, 400);
    QCOMPARE(response.errorField(), field);
    QCOMPARE(m_engine->configService()->exportJson(true), before);

    const AdminClient::Response badSecrets
        = client().get(QStringLiteral("/admin/export?secrets=maybe"));
    QCOMPARE(badSecrets.status, 400);
    QCOMPARE(badSecrets.errorField(), QStringLiteral("secrets"));
}
