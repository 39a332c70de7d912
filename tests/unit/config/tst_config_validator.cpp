#include "config/accesskeys.h"
#include "config/configvalidator.h"

#include <QTest>

#include <functional>

using Mutation = std::function<void(GatewayConfig &)>;

namespace {

// A valid configuration that every row breaks in one place.
GatewayConfig validConfig()
{
    GatewayConfig c;
    ProviderConfig a;
    a.name = QStringLiteral("a");
    a.baseUrl = QStringLiteral("https://api.example.com/v1");
    a.apiKeys = { QStringLiteral("sk-a") };
    a.headers = { { QStringLiteral("X-Org"), QStringLiteral("1") } };
    ProviderConfig b;
    b.name = QStringLiteral("b");
    b.type = WireProtocol::Anthropic;
    b.baseUrl = QStringLiteral("http://127.0.0.1:9000");
    b.probe = { 0, QStringLiteral("completion"), QStringLiteral("haiku") };
    ProviderConfig unused; // no route uses it: renaming it breaks nothing else
    unused.name = QStringLiteral("c");
    unused.type = WireProtocol::Gemini;
    unused.baseUrl = QStringLiteral("https://generativelanguage.googleapis.com");
    c.providers = { a, b, unused };

    ModelConfig m;
    m.name = QStringLiteral("m");
    m.routes = { { QStringLiteral("a"), QStringLiteral("x"), 3, 0, true },
                 { QStringLiteral("b"), QStringLiteral("x"), 0, 1, false },
                 { QStringLiteral("a"), QStringLiteral("y"), 1, -1, true } };
    ModelConfig n;
    n.name = QStringLiteral("n");
    c.models = { m, n };

    AccessKeyConfig k1;
    k1.name = QStringLiteral("cli");
    k1.keyHash = AccessKeys::hash(QStringLiteral("one"));
    AccessKeyConfig k2;
    k2.name = QStringLiteral("ci");
    k2.keyHash = AccessKeys::hash(QStringLiteral("two"));
    c.accessKeys = { k1, k2 };
    return c;
}

} // namespace

class TestConfigValidator final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validIsValid();
    void rules_data();
    void rules();
    void boundsAreInclusive_data();
    void boundsAreInclusive();
    void reportsEveryError();
};

void TestConfigValidator::validIsValid()
{
    const QList<ConfigError> errors = ConfigValidator::validate(validConfig());
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).toString()));
    QVERIFY(ConfigValidator::validate(GatewayConfig()).isEmpty());
}

void TestConfigValidator::rules_data()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message"); // a part of the message

    auto row = [](const char *name, Mutation mutation, const char *field, const char *message) {
        QTest::newRow(name) << mutation << QString::fromUtf8(field) << QString::fromUtf8(message);
    };
    // Providers
    row(
        "provider name empty", [](GatewayConfig &c) { c.providers[2].name.clear(); },
        "providers[2].name", "must not be empty");
    row(
        "provider name spaces",
        [](GatewayConfig &c) { c.providers[2].name = QStringLiteral(" c"); }, "providers[2].name",
        "spaces");
    row(
        "provider name duplicate",
        [](GatewayConfig &c) { c.providers[2].name = QStringLiteral("a"); }, "providers[2].name",
        "duplicate provider name \"a\" (also providers[0].name)");
    row(
        "base_url empty", [](GatewayConfig &c) { c.providers[0].baseUrl.clear(); },
        "providers[0].base_url", "http(s) URL");
    row(
        "base_url relative",
        [](GatewayConfig &c) { c.providers[0].baseUrl = QStringLiteral("/v1"); },
        "providers[0].base_url", "http(s) URL");
    row(
        "base_url ftp",
        [](GatewayConfig &c) { c.providers[0].baseUrl = QStringLiteral("ftp://host/x"); },
        "providers[0].base_url", "http(s) URL");
    row(
        "base_url no host",
        [](GatewayConfig &c) { c.providers[0].baseUrl = QStringLiteral("http:///v1"); },
        "providers[0].base_url", "http(s) URL");
    row(
        "timeout zero", [](GatewayConfig &c) { c.providers[0].timeoutMs = 0; },
        "providers[0].timeout_ms", "between 1 and 3600000");
    row(
        "timeout too long", [](GatewayConfig &c) { c.providers[0].timeoutMs = 3'600'001; },
        "providers[0].timeout_ms", "between 1 and 3600000");
    row(
        "empty api key",
        [](GatewayConfig &c) { c.providers[0].apiKeys.append(QStringLiteral(" ")); },
        "providers[0].api_keys[1]", "must not be empty");
    row(
        "bad header name",
        [](GatewayConfig &c) {
            c.providers[0].headers.insert(QStringLiteral("X Bad"), QStringLiteral("1"));
        },
        "providers[0].headers.X Bad", "header name");
    row(
        "header injection",
        [](GatewayConfig &c) {
            c.providers[0].headers.insert(QStringLiteral("X-A"), QStringLiteral("1\r\nHost: evil"));
        },
        "providers[0].headers.X-A", "line breaks");
    row(
        "probe kind", [](GatewayConfig &c) { c.providers[0].probe.kind = QStringLiteral("ping"); },
        "providers[0].probe.kind", "\"models\" or \"completion\"");
    row(
        "completion probe without model",
        [](GatewayConfig &c) { c.providers[1].probe.model.clear(); }, "providers[1].probe.model",
        "required");
    row(
        "probe interval negative", [](GatewayConfig &c) { c.providers[0].probe.intervalS = -1; },
        "providers[0].probe.interval_s", "0 or more");
    // Models and routes
    row(
        "model name empty", [](GatewayConfig &c) { c.models[0].name.clear(); }, "models[0].name",
        "must not be empty");
    row(
        "model name duplicate", [](GatewayConfig &c) { c.models[1].name = QStringLiteral("m"); },
        "models[1].name", "duplicate model name");
    row(
        "max_attempts zero", [](GatewayConfig &c) { c.models[0].maxAttempts = 0; },
        "models[0].max_attempts", "between 1 and 20");
    row(
        "max_attempts 21", [](GatewayConfig &c) { c.models[0].maxAttempts = 21; },
        "models[0].max_attempts", "between 1 and 20");
    row(
        "route to unknown provider",
        [](GatewayConfig &c) { c.models[0].routes[2].provider = QStringLiteral("zzz"); },
        "models[0].routes[2].provider", "no provider named \"zzz\"");
    row(
        "route upstream model empty",
        [](GatewayConfig &c) { c.models[0].routes[1].upstreamModel.clear(); },
        "models[0].routes[1].model", "must not be empty");
    row(
        "weight negative", [](GatewayConfig &c) { c.models[0].routes[0].weight = -1; },
        "models[0].routes[0].weight", "between 0 and 10000");
    row(
        "weight too big", [](GatewayConfig &c) { c.models[0].routes[0].weight = 10'001; },
        "models[0].routes[0].weight", "between 0 and 10000");
    row(
        "priority too low", [](GatewayConfig &c) { c.models[0].routes[0].priority = -1001; },
        "models[0].routes[0].priority", "between -1000 and 1000");
    row(
        "priority too high", [](GatewayConfig &c) { c.models[0].routes[0].priority = 1001; },
        "models[0].routes[0].priority", "between -1000 and 1000");
    row(
        "duplicate route",
        [](GatewayConfig &c) { c.models[0].routes[2].upstreamModel = QStringLiteral("x"); },
        "models[0].routes[2]", "same provider and model as models[0].routes[0]");
    // Access keys
    row(
        "key name empty", [](GatewayConfig &c) { c.accessKeys[1].name.clear(); },
        "access_keys[1].name", "must not be empty");
    row(
        "key name duplicate",
        [](GatewayConfig &c) { c.accessKeys[1].name = QStringLiteral("cli"); },
        "access_keys[1].name", "duplicate access key name");
    row(
        "key hash duplicate",
        [](GatewayConfig &c) { c.accessKeys[1].keyHash = c.accessKeys[0].keyHash; },
        "access_keys[1].key_hash", "same key as access_keys[0]");
    row(
        "key hash upper case",
        [](GatewayConfig &c) { c.accessKeys[1].keyHash = c.accessKeys[1].keyHash.toUpper(); },
        "access_keys[1].key_hash", "lower-case hex");
    row(
        "key hash short", [](GatewayConfig &c) { c.accessKeys[0].keyHash.chop(1); },
        "access_keys[0].key_hash", "64");
}

void TestConfigValidator::rules()
{
    QFETCH(Mutation, mutate);
    QFETCH(QString, field);
    QFETCH(QString, message);
    GatewayConfig config = validConfig();
    mutate(config);
    const QList<ConfigError> errors = ConfigValidator::validate(config);
    QCOMPARE(errors.size(), qsizetype(1));
    QCOMPARE(errors.first().field, field);
    QVERIFY2(errors.first().message.contains(message), qPrintable(errors.first().toString()));
}

void TestConfigValidator::boundsAreInclusive_data()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::newRow("timeout 1") << Mutation([](GatewayConfig &c) { c.providers[0].timeoutMs = 1; });
    QTest::newRow("timeout 3600000")
        << Mutation([](GatewayConfig &c) { c.providers[0].timeoutMs = 3'600'000; });
    QTest::newRow("max_attempts 1")
        << Mutation([](GatewayConfig &c) { c.models[0].maxAttempts = 1; });
    QTest::newRow("max_attempts 20")
        << Mutation([](GatewayConfig &c) { c.models[0].maxAttempts = 20; });
    QTest::newRow("weight 10000") << Mutation(
        [](GatewayConfig &c) { c.models[0].routes[0].weight = 10'000; });
    QTest::newRow("priority -1000")
        << Mutation([](GatewayConfig &c) { c.models[0].routes[0].priority = -1000; });
    QTest::newRow("priority 1000")
        << Mutation([](GatewayConfig &c) { c.models[0].routes[0].priority = 1000; });
    QTest::newRow("same upstream model on other provider")
        << Mutation([](GatewayConfig &c) { c.models[1].routes = c.models[0].routes; });
    QTest::newRow("no api keys") << Mutation(
        [](GatewayConfig &c) { c.providers[0].apiKeys.clear(); });
    QTest::newRow("ipv6 base url") << Mutation(
        [](GatewayConfig &c) { c.providers[0].baseUrl = QStringLiteral("http://[::1]:8080/v1"); });
}

void TestConfigValidator::boundsAreInclusive()
{
    QFETCH(Mutation, mutate);
    GatewayConfig config = validConfig();
    mutate(config);
    const QList<ConfigError> errors = ConfigValidator::validate(config);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).toString()));
}

void TestConfigValidator::reportsEveryError()
{
    GatewayConfig config = validConfig();
    config.providers[0].timeoutMs = 0;
    config.models[0].maxAttempts = 0;
    config.accessKeys[0].name.clear();
    const QList<ConfigError> errors = ConfigValidator::validate(config);
    QCOMPARE(errors.size(), qsizetype(3));
    QCOMPARE(errors.at(0).field, QStringLiteral("providers[0].timeout_ms"));
    QCOMPARE(errors.at(1).field, QStringLiteral("models[0].max_attempts"));
    QCOMPARE(errors.at(2).field, QStringLiteral("access_keys[0].name"));
}

QTEST_GUILESS_MAIN(TestConfigValidator)
#include "tst_config_validator.moc"
