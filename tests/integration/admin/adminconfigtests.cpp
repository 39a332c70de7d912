// Providers, models and access keys through the admin API.

#include "adminapitest.h"

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

// The provider's API keys as the full export shows them.
static QJsonArray exportedApiKeys(AdminClient &client, const QString &provider)
{
    const QJsonArray providers = client.get(QStringLiteral("/admin/export?secrets=1"))
                                     .json()
                                     .value(QStringLiteral("providers"))
                                     .toArray();
    return findByName(providers, provider).value(QStringLiteral("api_keys")).toArray();
}

// --- providers ------------------------------------------------------------------------

void TestAdminApi::providersCrud()
{
    // List: no secrets, a key count instead.
    AdminClient::Response response = client().get(QStringLiteral("/admin/providers"));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("Cache-Control"), QByteArrayLiteral("no-store"));
    QVERIFY(response.header("Content-Type").startsWith("application/json"));
    const QJsonArray items = response.json().value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(0).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("alpha"));
    QCOMPARE(items.at(0).toObject().value(QStringLiteral("api_key_count")).toInt(), 2);
    QCOMPARE(items.at(1).toObject().value(QStringLiteral("api_key_count")).toInt(), 0);
    QVERIFY(!items.at(0).toObject().contains(QStringLiteral("api_keys")));
    QVERIFY(!response.body.contains("sk-a1"));

    // Create.
    response = client().post(QStringLiteral("/admin/providers"),
                             parse(R"({"name": "gamma", "type": "anthropic",
                                       "base_url": "https://api.anthropic.com",
                                       "api_keys": ["sk-g"], "headers": {"x-extra": "1"}})"));
    QCOMPARE(response.status, 201);
    QCOMPARE(response.header("Location"), QByteArrayLiteral("/admin/providers/gamma"));
    QJsonObject provider = response.json();
    QCOMPARE(provider.value(QStringLiteral("name")).toString(), QStringLiteral("gamma"));
    QCOMPARE(provider.value(QStringLiteral("type")).toString(), QStringLiteral("anthropic"));
    QCOMPARE(provider.value(QStringLiteral("api_key_count")).toInt(), 1);
    QCOMPARE(provider.value(QStringLiteral("timeout_ms")).toInt(), 60000);
    QVERIFY(!provider.contains(QStringLiteral("api_keys")));

    response = client().get(QStringLiteral("/admin/providers/gamma"));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.json(), provider);
    QCOMPARE(client()
                 .get(QStringLiteral("/admin/providers"))
                 .json()
                 .value(QStringLiteral("items"))
                 .toArray()
                 .size(),
             3);

    // PUT without api_keys keeps the stored keys; the rest is replaced (headers gone).
    response = client().put(QStringLiteral("/admin/providers/gamma"),
                            parse(R"({"type": "anthropic", "base_url": "https://example.test",
                                      "timeout_ms": 5000})"));
    QCOMPARE(response.status, 200);
    provider = response.json();
    QCOMPARE(provider.value(QStringLiteral("api_key_count")).toInt(), 1);
    QCOMPARE(provider.value(QStringLiteral("timeout_ms")).toInt(), 5000);
    QCOMPARE(provider.value(QStringLiteral("base_url")).toString(),
             QStringLiteral("https://example.test"));
    QVERIFY(provider.value(QStringLiteral("headers")).toObject().isEmpty());
    QCOMPARE(exportedApiKeys(client(), QStringLiteral("gamma")),
             QJsonArray { QStringLiteral("sk-g") });

    // PUT with api_keys replaces them; [] removes them.
    response = client().put(QStringLiteral("/admin/providers/gamma"),
                            parse(R"({"type": "anthropic", "base_url": "https://example.test",
                                      "api_keys": ["sk-g2", "sk-g3"]})"));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.json().value(QStringLiteral("api_key_count")).toInt(), 2);
    QCOMPARE(exportedApiKeys(client(), QStringLiteral("gamma")),
             (QJsonArray { QStringLiteral("sk-g2"), QStringLiteral("sk-g3") }));

    // PATCH changes only what it names; null resets to the default.
    response = client().patch(QStringLiteral("/admin/providers/gamma"),
                              parse(R"({"enabled": false, "timeout_ms": 7000,
                                        "probe": {"interval_s": 0}})"));
    QCOMPARE(response.status, 200);
    provider = response.json();
    QCOMPARE(provider.value(QStringLiteral("enabled")).toBool(), false);
    QCOMPARE(provider.value(QStringLiteral("timeout_ms")).toInt(), 7000);
    QCOMPARE(provider.value(QStringLiteral("api_key_count")).toInt(), 2);
    QCOMPARE(provider.value(QStringLiteral("probe"))
                 .toObject()
                 .value(QStringLiteral("interval_s"))
                 .toInt(),
             0);
    QCOMPARE(
        provider.value(QStringLiteral("probe")).toObject().value(QStringLiteral("kind")).toString(),
        QStringLiteral("models"));
    response = client().patch(QStringLiteral("/admin/providers/gamma"),
                              parse(R"({"timeout_ms": null, "api_keys": null})"));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.json().value(QStringLiteral("timeout_ms")).toInt(), 60000);
    QCOMPARE(response.json().value(QStringLiteral("api_key_count")).toInt(), 0);
    QCOMPARE(response.json().value(QStringLiteral("enabled")).toBool(), false);

    // Rename: routes follow, keys stay.
    response = client().put(QStringLiteral("/admin/providers/alpha"),
                            parse(R"({"name": "alpha2", "type": "openai",
                                      "base_url": "http://127.0.0.1:9/v1"})"));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.json().value(QStringLiteral("name")).toString(), QStringLiteral("alpha2"));
    QCOMPARE(response.json().value(QStringLiteral("api_key_count")).toInt(), 2);
    QCOMPARE(client().get(QStringLiteral("/admin/providers/alpha")).status, 404);
    const QJsonArray routes = client()
                                  .get(QStringLiteral("/admin/models/m1"))
                                  .json()
                                  .value(QStringLiteral("routes"))
                                  .toArray();
    QCOMPARE(routes.at(0).toObject().value(QStringLiteral("provider")).toString(),
             QStringLiteral("alpha2"));

    // Delete: refused while routed to, 404 when unknown, 204 otherwise.
    response = client().remove(QStringLiteral("/admin/providers/alpha2"));
    QCOMPARE(response.status, 409);
    QCOMPARE(response.errorType(), QStringLiteral("conflict_error"));
    QVERIFY2(response.body.contains("m1"), response.body.constData());
    response = client().remove(QStringLiteral("/admin/providers/gamma"));
    QCOMPARE(response.status, 204);
    QVERIFY(response.body.isEmpty());
    QCOMPARE(client().get(QStringLiteral("/admin/providers/gamma")).status, 404);
    response = client().remove(QStringLiteral("/admin/providers/gamma"));
    QCOMPARE(response.status, 404);
    QCOMPARE(response.errorType(), QStringLiteral("not_found_error"));
    QCOMPARE(client()
                 .put(QStringLiteral("/admin/providers/nobody"),
                      parse(R"({"type": "openai", "base_url": "http://x.test"})"))
                 .status,
             404);

    // Names with characters that need encoding in a path.
    response = client().post(QStringLiteral("/admin/providers"),
                             parse(R"({"name": "my provider", "type": "gemini",
                                       "base_url": "https://generativelanguage.googleapis.com"})"));
    QCOMPARE(response.status, 201);
    QCOMPARE(response.header("Location"), QByteArrayLiteral("/admin/providers/my%20provider"));
    response = client().get(QStringLiteral("/admin/providers/my%20provider"));
    QVERIFY2(response.status == 200, response.body.constData());
    QCOMPARE(client().remove(QStringLiteral("/admin/providers/my%20provider")).status, 204);

    // What the service holds is what the API said.
    QCOMPARE(m_engine->configService()->snapshot()->providers.size(), 2);
}

void TestAdminApi::providerValidation_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");

    const QString list = QStringLiteral("/admin/providers");
    const QString alpha = QStringLiteral("/admin/providers/alpha");
    QTest::newRow("not JSON") << QByteArrayLiteral("POST") << list << QByteArrayLiteral("{nope")
                              << 400 << QStringLiteral("<null>");
    QTest::newRow("not an object") << QByteArrayLiteral("POST") << list << QByteArrayLiteral("[]")
                                   << 400 << QStringLiteral("<null>");
    QTest::newRow("empty body") << QByteArrayLiteral("POST") << list << QByteArray() << 400
                                << QStringLiteral("<null>");
    QTest::newRow("missing base_url") << QByteArrayLiteral("POST") << list
                                      << QByteArrayLiteral(R"({"name": "x", "type": "openai"})")
                                      << 400 << QStringLiteral("base_url");
    QTest::newRow("bad base_url")
        << QByteArrayLiteral("POST") << list
        << QByteArrayLiteral(R"({"name": "x", "type": "openai", "base_url": "ftp://x"})") << 400
        << QStringLiteral("base_url");
    QTest::newRow("unknown field")
        << QByteArrayLiteral("POST") << list
        << QByteArrayLiteral(R"({"name": "x", "type": "openai", "base_url": "http://x.test",
                                 "wieght": 1})")
        << 400 << QStringLiteral("wieght");
    QTest::newRow("wrong type")
        << QByteArrayLiteral("POST") << list
        << QByteArrayLiteral(R"({"name": "x", "type": "openai", "base_url": "http://x.test",
                                 "timeout_ms": "soon"})")
        << 400 << QStringLiteral("timeout_ms");
    QTest::newRow("timeout out of range")
        << QByteArrayLiteral("POST") << list
        << QByteArrayLiteral(R"({"name": "x", "type": "openai", "base_url": "http://x.test",
                                 "timeout_ms": 0})")
        << 400 << QStringLiteral("timeout_ms");
    QTest::newRow("unknown type")
        << QByteArrayLiteral("POST") << list
        << QByteArrayLiteral(R"({"name": "x", "type": "bogus", "base_url": "http://x.test"})")
        << 400 << QStringLiteral("type");
    QTest::newRow("unknown probe field")
        << QByteArrayLiteral("POST") << list
        << QByteArrayLiteral(R"({"name": "x", "type": "openai", "base_url": "http://x.test",
                                 "probe": {"every": 5}})")
        << 400 << QStringLiteral("probe.every");
    QTest::newRow("duplicate name")
        << QByteArrayLiteral("POST") << list
        << QByteArrayLiteral(R"({"name": "beta", "type": "openai", "base_url": "http://x.test"})")
        << 409 << QStringLiteral("name");
    QTest::newRow("rename onto another")
        << QByteArrayLiteral("PUT") << alpha
        << QByteArrayLiteral(R"({"name": "beta", "type": "openai", "base_url": "http://x.test"})")
        << 409 << QStringLiteral("name");
    QTest::newRow("PUT bad URL") << QByteArrayLiteral(
        "PUT") << alpha << QByteArrayLiteral(R"({"type": "openai", "base_url": "not a url"})")
                                 << 400 << QStringLiteral("base_url");
    QTest::newRow("PATCH wrong type")
        << QByteArrayLiteral("PATCH") << alpha << QByteArrayLiteral(R"({"enabled": "yes"})") << 400
        << QStringLiteral("enabled");
    QTest::newRow("PATCH empty key")
        << QByteArrayLiteral("PATCH") << alpha << QByteArrayLiteral(R"({"api_keys": [""]})") << 400
        << QStringLiteral("api_keys[0]");
}

void TestAdminApi::providerValidation()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, field);

    const QByteArray before = m_engine->configService()->exportJson(true);
    const AdminClient::Response response = client().send(method, path, body);
    QCOMPARE(response.status, status);
    QCOMPARE(response.errorField(), field);
    QCOMPARE(response.errorType(),
             status == 409 ? QStringLiteral("conflict_error")
                           : QStringLiteral("invalid_request_error"));
    QCOMPARE(m_engine->configService()->exportJson(true), before); // nothing changed
}

// --- models ---------------------------------------------------------------------------

void TestAdminApi::modelsCrud()
{
    AdminClient::Response response = client().get(QStringLiteral("/admin/models"));
    QCOMPARE(response.status, 200);
    QJsonArray items = response.json().value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), 1);
    QJsonObject m1 = items.at(0).toObject();
    QCOMPARE(m1.value(QStringLiteral("name")).toString(), QStringLiteral("m1"));
    QCOMPARE(m1.value(QStringLiteral("max_attempts")).toInt(), 3);
    QJsonArray routes = m1.value(QStringLiteral("routes")).toArray();
    QCOMPARE(routes.size(), 2);
    QCOMPARE(routes.at(0).toObject().value(QStringLiteral("provider")).toString(),
             QStringLiteral("alpha"));
    QCOMPARE(routes.at(0).toObject().value(QStringLiteral("model")).toString(),
             QStringLiteral("up-1"));
    QCOMPARE(routes.at(0).toObject().value(QStringLiteral("weight")).toInt(), 3);
    QCOMPARE(routes.at(1).toObject().value(QStringLiteral("priority")).toInt(), 1);
    QCOMPARE(client().get(QStringLiteral("/admin/models/m1")).json(), m1);

    response = client().post(QStringLiteral("/admin/models"),
                             parse(R"({"name": "m2", "max_attempts": 2, "routes": [
                                        {"provider": "beta", "model": "b-1"}]})"));
    QCOMPARE(response.status, 201);
    QCOMPARE(response.header("Location"), QByteArrayLiteral("/admin/models/m2"));
    QJsonObject m2 = response.json();
    QCOMPARE(m2.value(QStringLiteral("max_attempts")).toInt(), 2);
    QCOMPARE(m2.value(QStringLiteral("routes"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("weight"))
                 .toInt(),
             1);
    QCOMPARE(client().get(QStringLiteral("/admin/models/m2")).json(), m2);

    // The new model is routable at once: the client model list shows it.
    const AdminClient::Response models = client().send(
        "GET", QStringLiteral("/v1/models"), {},
        { { QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer sk-test-client") } });
    QCOMPARE(models.status, 200);
    QVERIFY2(models.body.contains("\"m2\""), models.body.constData());

    // PUT replaces (defaults come back), without "name" the path's name is kept.
    response = client().put(QStringLiteral("/admin/models/m2"),
                            parse(R"({"routes": [{"provider": "alpha", "model": "a-1", "weight": 5},
                                                 {"provider": "beta", "model": "b-1", "enabled": false}]})"));
    QCOMPARE(response.status, 200);
    m2 = response.json();
    QCOMPARE(m2.value(QStringLiteral("name")).toString(), QStringLiteral("m2"));
    QCOMPARE(m2.value(QStringLiteral("max_attempts")).toInt(), 3);
    routes = m2.value(QStringLiteral("routes")).toArray();
    QCOMPARE(routes.size(), 2);
    QCOMPARE(routes.at(0).toObject().value(QStringLiteral("weight")).toInt(), 5);
    QCOMPARE(routes.at(1).toObject().value(QStringLiteral("enabled")).toBool(), false);

    // PATCH: max_attempts only; routes untouched.
    response = client().patch(QStringLiteral("/admin/models/m2"), parse(R"({"max_attempts": 4})"));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.json().value(QStringLiteral("max_attempts")).toInt(), 4);
    QCOMPARE(response.json().value(QStringLiteral("routes")).toArray(), routes);

    // Rename.
    response = client().put(QStringLiteral("/admin/models/m2"),
                            parse(R"({"name": "m3", "routes": []})"));
    QCOMPARE(response.status, 200);
    QCOMPARE(client().get(QStringLiteral("/admin/models/m2")).status, 404);
    QCOMPARE(client().get(QStringLiteral("/admin/models/m3")).status, 200);

    // Delete.
    QCOMPARE(client().remove(QStringLiteral("/admin/models/m3")).status, 204);
    QCOMPARE(client().get(QStringLiteral("/admin/models/m3")).status, 404);
    QCOMPARE(client().remove(QStringLiteral("/admin/models/m3")).status, 404);
    items = client()
                .get(QStringLiteral("/admin/models"))
                .json()
                .value(QStringLiteral("items"))
                .toArray();
    QCOMPARE(items.size(), 1);

    // Now that no model routes to beta, it may go.
    QCOMPARE(client().remove(QStringLiteral("/admin/models/m1")).status, 204);
    QCOMPARE(client().remove(QStringLiteral("/admin/providers/beta")).status, 204);
}

void TestAdminApi::modelValidation_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");

    const QString list = QStringLiteral("/admin/models");
    const QString m1 = QStringLiteral("/admin/models/m1");
    QTest::newRow("missing name") << QByteArrayLiteral("POST") << list
                                  << QByteArrayLiteral(R"({"routes": []})") << 400
                                  << QStringLiteral("name");
    QTest::newRow("route to unknown provider")
        << QByteArrayLiteral("POST") << list
        << QByteArrayLiteral(R"({"name": "x", "routes": [{"provider": "nobody", "model": "u"}]})")
        << 400 << QStringLiteral("routes[0].provider");
    QTest::newRow("unknown route field")
        << QByteArrayLiteral("POST") << list
        << QByteArrayLiteral(R"({"name": "x", "routes": [{"provider": "beta", "model": "u"},
                                 {"provider": "beta", "model": "v", "wieght": 2}]})")
        << 400 << QStringLiteral("routes[1].wieght");
    QTest::newRow("weight out of range")
        << QByteArrayLiteral("POST") << list
        << QByteArrayLiteral(R"({"name": "x", "routes": [{"provider": "beta", "model": "u",
                                 "weight": -1}]})")
        << 400 << QStringLiteral("routes[0].weight");
    QTest::newRow("max_attempts out of range")
        << QByteArrayLiteral("POST") << list
        << QByteArrayLiteral(R"({"name": "x", "max_attempts": 0, "routes": []})") << 400
        << QStringLiteral("max_attempts");
    QTest::newRow("routes not an array")
        << QByteArrayLiteral("POST") << list << QByteArrayLiteral(R"({"name": "x", "routes": {}})")
        << 400 << QStringLiteral("routes");
    QTest::newRow("duplicate name")
        << QByteArrayLiteral("POST") << list << QByteArrayLiteral(R"({"name": "m1", "routes": []})")
        << 409 << QStringLiteral("name");
    QTest::newRow("PUT unknown provider")
        << QByteArrayLiteral("PUT") << m1
        << QByteArrayLiteral(R"({"routes": [{"provider": "nobody", "model": "u"}]})") << 400
        << QStringLiteral("routes[0].provider");
    QTest::newRow("PATCH duplicate route")
        << QByteArrayLiteral("PATCH") << m1
        << QByteArrayLiteral(R"({"routes": [{"provider": "beta", "model": "u"},
                                            {"provider": "beta", "model": "u"}]})")
        << 400 << QStringLiteral("routes[1]");
}

void TestAdminApi::modelValidation()
{
    providerValidation(); // same checks, other rows
}

// --- access keys ----------------------------------------------------------------------

void TestAdminApi::accessKeys()
{
    AdminClient::Response response = client().get(QStringLiteral("/admin/access-keys"));
    QCOMPARE(response.status, 200);
    QJsonArray items = response.json().value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), 1);
    QJsonObject key = items.at(0).toObject();
    QCOMPARE(key.value(QStringLiteral("name")).toString(), QStringLiteral("client"));
    QCOMPARE(key.value(QStringLiteral("prefix")).toString(), QStringLiteral("sk-test"));
    QVERIFY(key.contains(QStringLiteral("created_at")));
    QVERIFY(!key.contains(QStringLiteral("key_hash")));
    QVERIFY(!key.contains(QStringLiteral("key")));
    QVERIFY(
        !response.body.contains(ConfigService::hashKey(QStringLiteral("sk-test-client")).toUtf8()));

    // Generated key: shown once, and it works for the client endpoints.
    response = client().post(QStringLiteral("/admin/access-keys"), parse(R"({"name": "ci"})"));
    QCOMPARE(response.status, 201);
    QCOMPARE(response.header("Location"), QByteArrayLiteral("/admin/access-keys/ci"));
    const QString generated = response.json().value(QStringLiteral("key")).toString();
    QVERIFY2(generated.startsWith(QLatin1String("sk-llmo-")), qPrintable(generated));
    QCOMPARE(generated.size(), 48);
    QCOMPARE(response.json().value(QStringLiteral("prefix")).toString(), generated.left(12));
    QVERIFY(QDateTime::fromString(response.json().value(QStringLiteral("created_at")).toString(),
                                  Qt::ISODateWithMs)
                .isValid());
    const AdminClient::Headers useKey { { QByteArrayLiteral("Authorization"),
                                          "Bearer " + generated.toUtf8() } };
    QCOMPARE(client().send("GET", QStringLiteral("/v1/models"), {}, useKey).status, 200);

    response = client().get(QStringLiteral("/admin/access-keys/ci"));
    QCOMPARE(response.status, 200);
    QVERIFY(!response.json().contains(QStringLiteral("key")));
    QVERIFY(!response.body.contains(generated.toUtf8()));
    QVERIFY(!client().get(QStringLiteral("/admin/access-keys")).body.contains(generated.toUtf8()));

    // A given key.
    response = client().post(QStringLiteral("/admin/access-keys"),
                             parse(R"({"name": "own", "key": "sk-own-1234567890"})"));
    QCOMPARE(response.status, 201);
    QCOMPARE(response.json().value(QStringLiteral("key")).toString(),
             QStringLiteral("sk-own-1234567890"));
    items = client()
                .get(QStringLiteral("/admin/access-keys"))
                .json()
                .value(QStringLiteral("items"))
                .toArray();
    QCOMPARE(items.size(), 3);

    // Delete: the key stops working at once.
    QCOMPARE(client().remove(QStringLiteral("/admin/access-keys/ci")).status, 204);
    QCOMPARE(client().send("GET", QStringLiteral("/v1/models"), {}, useKey).status, 401);
    QCOMPARE(client().remove(QStringLiteral("/admin/access-keys/ci")).status, 404);
    QCOMPARE(client().get(QStringLiteral("/admin/access-keys/ci")).status, 404);
    QCOMPARE(m_engine->configService()->snapshot()->accessKeys.size(), 2);
}

void TestAdminApi::accessKeyValidation_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");

    const QString list = QStringLiteral("/admin/access-keys");
    const QByteArray post = QByteArrayLiteral("POST");
    QTest::newRow("empty name") << post << list << QByteArrayLiteral(R"({"name": ""})") << 400
                                << QStringLiteral("name");
    QTest::newRow("no name") << post << list << QByteArrayLiteral(R"({"key": "sk-x-123456"})")
                             << 400 << QStringLiteral("name");
    QTest::newRow("name not a string")
        << post << list << QByteArrayLiteral(R"({"name": 5})") << 400 << QStringLiteral("name");
    QTest::newRow("unknown field")
        << post << list << QByteArrayLiteral(R"({"nam": "x"})") << 400 << QStringLiteral("nam");
    QTest::newRow("key not a string")
        << post << list << QByteArrayLiteral(R"({"name": "x", "key": 5})") << 400
        << QStringLiteral("key");
    QTest::newRow("empty key") << post << list << QByteArrayLiteral(R"({"name": "x", "key": ""})")
                               << 400 << QStringLiteral("key");
    QTest::newRow("duplicate name") << post << list << QByteArrayLiteral(R"({"name": "client"})")
                                    << 409 << QStringLiteral("name");
    QTest::newRow("duplicate key")
        << post << list << QByteArrayLiteral(R"({"name": "again", "key": "sk-test-client"})") << 409
        << QStringLiteral("key");
    QTest::newRow("not JSON") << post << list << QByteArrayLiteral("name=x") << 400
                              << QStringLiteral("<null>");
}

void TestAdminApi::accessKeyValidation()
{
    providerValidation();
}
