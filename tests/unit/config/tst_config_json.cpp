#include "config/accesskeys.h"
#include "config/configjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

// The test class comes before the fixtures: moc (Qt 6.4) cannot read raw string literals.
class TestConfigJson final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyField();
    void defaults();
    void emptyDocument();
    void errors_data();
    void errors();
    void apiKeysAbsentIsNotEmpty();
    void roundTrip_data();
    void roundTrip();
    void accessKeyExportImport();
    void exportNeverWritesPlaintextOrSecretsUnasked();
    void emptyPathGivesBareFields();
};

namespace {

// Every field of DESIGN.md's config JSON, with non-default values.
const QByteArray fullDocument = R"({
  "providers": [
    {"name": "openai-main", "type": "openai-responses", "base_url": "https://api.openai.com/v1",
     "api_keys": ["sk-1", "sk-2"], "headers": {"OpenAI-Organization": "org-1"},
     "timeout_ms": 30000, "enabled": false,
     "probe": {"interval_s": 0, "kind": "completion", "model": "gpt-4o-mini"}},
    {"name": "backup", "type": "anthropic", "base_url": "https://api.anthropic.com"}
  ],
  "models": [
    {"name": "gpt-4o-mini", "max_attempts": 5,
     "routes": [
       {"provider": "openai-main", "model": "gpt-4o-mini", "weight": 3, "priority": 0},
       {"provider": "backup", "model": "claude-haiku", "weight": 0, "priority": -2, "enabled": false}
     ]},
    {"name": "bare"}
  ],
  "access_keys": [
    {"name": "cli", "key": "sk-local-0123456789"},
    {"name": "ci", "key_hash": "ABCDEF0123456789abcdef0123456789ABCDEF0123456789abcdef0123456789",
     "prefix": "sk-ci", "created_at": "2026-11-26T20:11:19.123Z"}
  ]
})";

QByteArray providerDocument(const QByteArray &members)
{
    return R"({"providers": [{"name": "p", "type": "openai", "base_url": "http://x")" + members
        + "}]}";
}

QByteArray modelDocument(const QByteArray &members)
{
    return R"({"models": [{"name": "m")" + members + "}]}";
}

} // namespace

void TestConfigJson::everyField()
{
    ConfigError error;
    const auto config = ConfigJson::fromJson(fullDocument, &error);
    QVERIFY2(config, qPrintable(error.toString()));

    QCOMPARE(config->providers.size(), qsizetype(2));
    const ProviderConfig &p = config->providers.at(0);
    QCOMPARE(p.name, QStringLiteral("openai-main"));
    QCOMPARE(p.type, WireProtocol::OpenAiResponses);
    QCOMPARE(p.baseUrl, QStringLiteral("https://api.openai.com/v1"));
    QCOMPARE(p.apiKeys, QStringList({ QStringLiteral("sk-1"), QStringLiteral("sk-2") }));
    QCOMPARE(p.headers.size(), qsizetype(1));
    QCOMPARE(p.headers.value(QStringLiteral("OpenAI-Organization")), QStringLiteral("org-1"));
    QCOMPARE(p.timeoutMs, 30000);
    QCOMPARE(p.enabled, false);
    QCOMPARE(p.probe.intervalS, 0);
    QCOMPARE(p.probe.kind, QStringLiteral("completion"));
    QCOMPARE(p.probe.model, QStringLiteral("gpt-4o-mini"));
    QCOMPARE(config->providers.at(1).type, WireProtocol::Anthropic);

    QCOMPARE(config->models.size(), qsizetype(2));
    const ModelConfig &m = config->models.at(0);
    QCOMPARE(m.name, QStringLiteral("gpt-4o-mini"));
    QCOMPARE(m.maxAttempts, 5);
    QCOMPARE(m.routes.size(), qsizetype(2));
    QCOMPARE(m.routes.at(0).provider, QStringLiteral("openai-main"));
    QCOMPARE(m.routes.at(0).upstreamModel, QStringLiteral("gpt-4o-mini"));
    QCOMPARE(m.routes.at(0).weight, 3);
    QCOMPARE(m.routes.at(0).priority, 0);
    QCOMPARE(m.routes.at(0).enabled, true);
    QCOMPARE(m.routes.at(1).upstreamModel, QStringLiteral("claude-haiku"));
    QCOMPARE(m.routes.at(1).weight, 0);
    QCOMPARE(m.routes.at(1).priority, -2);
    QCOMPARE(m.routes.at(1).enabled, false);

    QCOMPARE(config->accessKeys.size(), qsizetype(2));
    const AccessKeyConfig &cli = config->accessKeys.at(0);
    QCOMPARE(cli.name, QStringLiteral("cli"));
    QCOMPARE(cli.key, QStringLiteral("sk-local-0123456789"));
    QCOMPARE(cli.keyHash, AccessKeys::hash(QStringLiteral("sk-local-0123456789")));
    QCOMPARE(cli.keyHash.size(), qsizetype(64));
    QCOMPARE(cli.prefix, QStringLiteral("sk-local-"));
    QVERIFY(!cli.createdAt.isValid());
    const AccessKeyConfig &ci = config->accessKeys.at(1);
    QCOMPARE(ci.keyHash,
             QStringLiteral("abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789"));
    QCOMPARE(ci.prefix, QStringLiteral("sk-ci"));
    QCOMPARE(ci.createdAt, QDateTime(QDate(2026, 11, 26), QTime(20, 11, 19, 123), Qt::UTC));
    QVERIFY(ci.key.isEmpty());
}

void TestConfigJson::defaults()
{
    ConfigError error;
    const auto config = ConfigJson::fromJson(
        R"({"providers": [{"name": "p", "type": "gemini", "base_url": "https://g"}],
            "models": [{"name": "m", "routes": [{"provider": "p", "model": "up"}]}]})",
        &error);
    QVERIFY2(config, qPrintable(error.toString()));
    const ProviderConfig &p = config->providers.at(0);
    QCOMPARE(p.type, WireProtocol::Gemini);
    QVERIFY(p.apiKeys.isEmpty());
    QVERIFY(p.headers.isEmpty());
    QCOMPARE(p.timeoutMs, 60000);
    QCOMPARE(p.enabled, true);
    QCOMPARE(p.probe.intervalS, 60);
    QCOMPARE(p.probe.kind, QStringLiteral("models"));
    QCOMPARE(p.probe.model, QString());
    const ModelConfig &m = config->models.at(0);
    QCOMPARE(m.maxAttempts, 3);
    QCOMPARE(m.routes.at(0).weight, 1);
    QCOMPARE(m.routes.at(0).priority, 0);
    QCOMPARE(m.routes.at(0).enabled, true);
    QVERIFY(config->accessKeys.isEmpty());

    // A probe object with some members keeps the defaults of the others.
    const auto partial
        = ConfigJson::fromJson(providerDocument(R"(, "probe": {"interval_s": 5})"), &error);
    QVERIFY2(partial, qPrintable(error.toString()));
    QCOMPARE(partial->providers.at(0).probe, (ProbeSettings { 5, QStringLiteral("models"), {} }));
}

void TestConfigJson::emptyDocument()
{
    ConfigError error;
    const auto config = ConfigJson::fromJson("{}", &error);
    QVERIFY2(config, qPrintable(error.toString()));
    QVERIFY(config->providers.isEmpty() && config->models.isEmpty()
            && config->accessKeys.isEmpty());
}

void TestConfigJson::errors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message"); // a part of the message

    const QString unknown = QStringLiteral("unknown field");
    QTest::newRow("top-level unknown")
        << QByteArray(R"({"provider": []})") << QStringLiteral("provider") << unknown;
    QTest::newRow("provider unknown") << providerDocument(R"(, "timeout": 5)")
                                      << QStringLiteral("providers[0].timeout") << unknown;
    QTest::newRow("probe unknown") << providerDocument(R"(, "probe": {"every": 5})")
                                   << QStringLiteral("providers[0].probe.every") << unknown;
    QTest::newRow("route unknown")
        << QByteArray(R"({"models": [{"name": "m", "routes": [{"provider": "p", "model": "x"},
                          {"provider": "p", "model": "y", "wieght": 2}]}]})")
        << QStringLiteral("models[0].routes[1].wieght") << unknown;
    QTest::newRow("model unknown")
        << modelDocument(R"(, "attempts": 2)") << QStringLiteral("models[0].attempts") << unknown;
    QTest::newRow("access key unknown")
        << QByteArray(R"({"access_keys": [{"name": "k", "key": "secret", "scope": "all"}]})")
        << QStringLiteral("access_keys[0].scope") << unknown;

    const QString integer = QStringLiteral("must be an integer");
    QTest::newRow("timeout string") << providerDocument(R"(, "timeout_ms": "100")")
                                    << QStringLiteral("providers[0].timeout_ms") << integer;
    QTest::newRow("timeout fraction") << providerDocument(R"(, "timeout_ms": 1.5)")
                                      << QStringLiteral("providers[0].timeout_ms") << integer;
    QTest::newRow("timeout huge") << providerDocument(R"(, "timeout_ms": 1e12)")
                                  << QStringLiteral("providers[0].timeout_ms") << integer;
    QTest::newRow("timeout null") << providerDocument(R"(, "timeout_ms": null)")
                                  << QStringLiteral("providers[0].timeout_ms") << integer;
    QTest::newRow("enabled string")
        << providerDocument(R"(, "enabled": "yes")") << QStringLiteral("providers[0].enabled")
        << QStringLiteral("true or false");
    QTest::newRow("api_keys string")
        << providerDocument(R"(, "api_keys": "sk")") << QStringLiteral("providers[0].api_keys")
        << QStringLiteral("array of strings");
    QTest::newRow("api_keys number")
        << providerDocument(R"(, "api_keys": ["a", 1])")
        << QStringLiteral("providers[0].api_keys[1]") << QStringLiteral("must be a string");
    QTest::newRow("header number")
        << providerDocument(R"(, "headers": {"X-A": 1})")
        << QStringLiteral("providers[0].headers.X-A") << QStringLiteral("must be a string");
    QTest::newRow("probe string") << providerDocument(R"(, "probe": "models")")
                                  << QStringLiteral("providers[0].probe")
                                  << QStringLiteral("must be an object");
    QTest::newRow("probe kind number")
        << providerDocument(R"(, "probe": {"kind": 1})")
        << QStringLiteral("providers[0].probe.kind") << QStringLiteral("must be a string");
    QTest::newRow("unknown type") << QByteArray(
        R"({"providers": [{"name": "p", "type": "openapi", "base_url": "http://x"}]})")
                                  << QStringLiteral("providers[0].type")
                                  << QStringLiteral("openai-responses");
    QTest::newRow("missing type") << QByteArray(
        R"({"providers": [{"name": "p", "base_url": "x"}]})")
                                  << QStringLiteral("providers[0].type")
                                  << QStringLiteral("required");
    QTest::newRow("missing name") << QByteArray(R"({"models": [{"max_attempts": 2}]})")
                                  << QStringLiteral("models[0].name") << QStringLiteral("required");
    QTest::newRow("providers object")
        << QByteArray(R"({"providers": {}})") << QStringLiteral("providers")
        << QStringLiteral("must be an array");
    QTest::newRow("model not object")
        << QByteArray(R"({"models": [{"name": "a"}, 3]})") << QStringLiteral("models[1]")
        << QStringLiteral("must be an object");
    QTest::newRow("routes object")
        << modelDocument(R"(, "routes": {})") << QStringLiteral("models[0].routes")
        << QStringLiteral("must be an array");
    QTest::newRow("route weight string")
        << modelDocument(R"(, "routes": [{"provider": "p", "model": "x", "weight": "3"}])")
        << QStringLiteral("models[0].routes[0].weight") << integer;
    QTest::newRow("route without model")
        << modelDocument(R"(, "routes": [{"provider": "p"}])")
        << QStringLiteral("models[0].routes[0].model") << QStringLiteral("required");
    QTest::newRow("key and hash") << QByteArray(
        R"({"access_keys": [{"name": "k", "key": "s", "key_hash": "ab"}]})")
                                  << QStringLiteral("access_keys[0].key_hash")
                                  << QStringLiteral("not both");
    QTest::newRow("no key") << QByteArray(R"({"access_keys": [{"name": "k"}]})")
                            << QStringLiteral("access_keys[0].key") << QStringLiteral("required");
    QTest::newRow("empty key") << QByteArray(R"({"access_keys": [{"name": "k", "key": ""}]})")
                               << QStringLiteral("access_keys[0].key")
                               << QStringLiteral("must not be empty");
    QTest::newRow("bad hash") << QByteArray(
        R"({"access_keys": [{"name": "k", "key_hash": "xyz"}]})")
                              << QStringLiteral("access_keys[0].key_hash")
                              << QStringLiteral("SHA-256");
    QTest::newRow("bad created_at")
        << QByteArray(R"({"access_keys": [{"name": "k", "key": "s", "created_at": "yesterday"}]})")
        << QStringLiteral("access_keys[0].created_at") << QStringLiteral("ISO 8601");
    QTest::newRow("invalid json") << QByteArray(R"({"providers": [)") << QString()
                                  << QStringLiteral("invalid JSON");
    QTest::newRow("array document")
        << QByteArray("[]") << QString() << QStringLiteral("must be an object");
}

void TestConfigJson::errors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    QFETCH(QString, message);
    ConfigError error;
    QVERIFY(!ConfigJson::fromJson(json, &error));
    QCOMPARE(error.field, field);
    QVERIFY2(error.message.contains(message), qPrintable(error.toString()));
    QVERIFY(error.toString().startsWith(field.isEmpty() ? error.message
                                                        : field + QStringLiteral(": ")));
    QVERIFY(!ConfigJson::fromJson(json, nullptr)); // a null error pointer is allowed
}

void TestConfigJson::apiKeysAbsentIsNotEmpty()
{
    QSet<QString> withoutKeys = { QStringLiteral("stale") };
    ConfigError error;
    const auto config = ConfigJson::fromJson(
        R"({"providers": [{"name": "a", "type": "openai", "base_url": "http://a"},
                          {"name": "b", "type": "openai", "base_url": "http://b", "api_keys": []},
                          {"name": "c", "type": "openai", "base_url": "http://c", "api_keys": ["k"]}]})",
        &error, &withoutKeys);
    QVERIFY2(config, qPrintable(error.toString()));
    QCOMPARE(withoutKeys, QSet<QString>({ QStringLiteral("a") }));

    bool given = true;
    QVERIFY(ConfigJson::providerFromJson(
        QJsonObject { { QStringLiteral("name"), QStringLiteral("a") },
                      { QStringLiteral("type"), QStringLiteral("openai") },
                      { QStringLiteral("base_url"), QStringLiteral("http://a") } },
        QString(), &error, &given));
    QCOMPARE(given, false);
    QVERIFY(ConfigJson::providerFromJson(
        QJsonObject { { QStringLiteral("name"), QStringLiteral("a") },
                      { QStringLiteral("type"), QStringLiteral("openai") },
                      { QStringLiteral("base_url"), QStringLiteral("http://a") },
                      { QStringLiteral("api_keys"), QJsonArray() } },
        QString(), &error, &given));
    QCOMPARE(given, true);
}

void TestConfigJson::roundTrip_data()
{
    QTest::addColumn<bool>("withSecrets");
    QTest::newRow("with secrets") << true;
    QTest::newRow("without secrets") << false;
}

void TestConfigJson::roundTrip()
{
    QFETCH(bool, withSecrets);
    ConfigError error;
    auto config = ConfigJson::fromJson(fullDocument, &error);
    QVERIFY2(config, qPrintable(error.toString()));

    // x is canonical JSON: toJson(fromJson(x)) must give x back byte for byte.
    const QByteArray x = ConfigJson::toJson(*config, withSecrets);
    const auto parsed = ConfigJson::fromJson(x, &error);
    QVERIFY2(parsed, qPrintable(error.toString()));
    QCOMPARE(ConfigJson::toJson(*parsed, withSecrets), x);
    QVERIFY(x.contains("\n    ")); // indented

    if (!withSecrets) {
        for (ProviderConfig &p : config->providers)
            p.apiKeys.clear();
    }
    QCOMPARE(parsed->providers, config->providers);
    QCOMPARE(parsed->models, config->models);
    QCOMPARE(parsed->accessKeys, config->accessKeys);
    QCOMPARE(QByteArray(x).contains("\"api_keys\""), withSecrets);
    QCOMPARE(QByteArray(x).contains("sk-1"), withSecrets);
}

void TestConfigJson::accessKeyExportImport()
{
    AccessKeyConfig k;
    k.name = QStringLiteral("cli");
    k.key = QStringLiteral("sk-llmo-secret-value-0123456789");
    k.keyHash = AccessKeys::hash(k.key);
    k.prefix = AccessKeys::prefix(k.key);
    k.createdAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 6), Qt::UTC);

    const QJsonObject o = ConfigJson::accessKeyToJson(k);
    QCOMPARE(o.keys(),
             QStringList({ QStringLiteral("created_at"), QStringLiteral("key_hash"),
                           QStringLiteral("name"), QStringLiteral("prefix") }));
    QCOMPARE(o.value(QStringLiteral("created_at")).toString(),
             QStringLiteral("2026-01-02T03:04:05.006Z"));

    ConfigError error;
    const auto back = ConfigJson::accessKeyFromJson(o, QStringLiteral("access_keys[0]"), &error);
    QVERIFY2(back, qPrintable(error.toString()));
    QCOMPARE(*back, k);
    QCOMPARE(back->createdAt, k.createdAt);
    QVERIFY(back->key.isEmpty());

    k.createdAt = QDateTime();
    const QJsonObject unknownTime = ConfigJson::accessKeyToJson(k);
    QVERIFY(unknownTime.value(QStringLiteral("created_at")).isNull());
    const auto back2 = ConfigJson::accessKeyFromJson(unknownTime, QString(), &error);
    QVERIFY2(back2, qPrintable(error.toString()));
    QVERIFY(!back2->createdAt.isValid());
}

void TestConfigJson::exportNeverWritesPlaintextOrSecretsUnasked()
{
    ConfigError error;
    const auto config = ConfigJson::fromJson(fullDocument, &error);
    QVERIFY2(config, qPrintable(error.toString()));
    for (bool withSecrets : { false, true })
        QVERIFY(!ConfigJson::toJson(*config, withSecrets).contains("sk-local-0123456789"));
    const QJsonObject provider = ConfigJson::providerToJson(config->providers.at(0), false);
    QVERIFY(!provider.contains(QStringLiteral("api_keys")));
    QCOMPARE(ConfigJson::providerToJson(config->providers.at(0), true)
                 .value(QStringLiteral("api_keys"))
                 .toArray()
                 .size(),
             qsizetype(2));
}

void TestConfigJson::emptyPathGivesBareFields()
{
    ConfigError error;
    QVERIFY(!ConfigJson::modelFromJson(
        QJsonObject { { QStringLiteral("name"), QStringLiteral("m") },
                      { QStringLiteral("routes"),
                        QJsonArray { QJsonObject { { QStringLiteral("provider"), 1 } } } } },
        QString(), &error));
    QCOMPARE(error.field, QStringLiteral("routes[0].provider"));
    QVERIFY(!ConfigJson::providerFromJson(QJsonObject { { QStringLiteral("x"), 1 } }, QString(),
                                          &error));
    QCOMPARE(error.field, QStringLiteral("x"));
}

QTEST_GUILESS_MAIN(TestConfigJson)
#include "tst_config_json.moc"
