#include "config/configservice.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The test class comes before the fixtures: moc (Qt 6.4) cannot read raw string literals.
class TestConfigService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void refusedBeforeLoad();
    void loadEmitsOnce();
    void importReplace();
    void importReplaceKeepsAbsentApiKeys();
    void importMerge();
    void invalidImportChangesNothing();
    void exportImportRoundTrip();
    void upsertProviderCreateAndRename();
    void upsertProviderKeepsKeysWhenAsked();
    void upsertProviderErrors();
    void unchangedUpsertEmitsNothing();
    void removeProviderRefusedWhileUsed();
    void models();
    void accessKeys();
    void ensureAccessKey();
    void hashKey();
    void persistsAcrossInstances();

private:
    std::unique_ptr<ConfigService> loadedService(QSignalSpy **spy = nullptr);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_url;
    std::unique_ptr<QSignalSpy> m_spy;
};

namespace {

const QByteArray baseDocument = R"({
  "providers": [
    {"name": "openai-main", "type": "openai", "base_url": "https://api.openai.com/v1",
     "api_keys": ["sk-main"]},
    {"name": "backup", "type": "openai", "base_url": "https://backup.example.com/v1",
     "api_keys": ["sk-backup-1", "sk-backup-2"]}
  ],
  "models": [
    {"name": "gpt-4o-mini", "routes": [
      {"provider": "openai-main", "model": "gpt-4o-mini", "weight": 3},
      {"provider": "backup", "model": "gpt-4o-mini", "priority": 1}]},
    {"name": "only-backup", "routes": [{"provider": "backup", "model": "m"}]}
  ],
  "access_keys": [{"name": "cli", "key": "sk-local-cli-key"}]
})";

const ProviderConfig *findProvider(const GatewayConfig &c, const QString &name)
{
    for (const ProviderConfig &p : c.providers) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

QStringList providerNames(const GatewayConfig &c)
{
    QStringList names;
    for (const ProviderConfig &p : c.providers)
        names.append(p.name);
    return names;
}

} // namespace

void TestConfigService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_url = QStringLiteral("sqlite://") + m_dir->filePath(QStringLiteral("config.sqlite"));
}

void TestConfigService::cleanup()
{
    m_spy.reset();
    m_dir.reset();
}

// A loaded service with baseDocument imported; *spy counts configChanged from then on.
std::unique_ptr<ConfigService> TestConfigService::loadedService(QSignalSpy **spy)
{
    auto service = std::make_unique<ConfigService>(m_url);
    ConfigError error;
    const bool loaded = service->load(&error)
        && service->importJson(baseDocument, ConfigService::ImportMode::Replace, &error);
    [&] { QVERIFY2(loaded, qPrintable(error.toString())); }();
    m_spy = std::make_unique<QSignalSpy>(service.get(), &ConfigService::configChanged);
    if (spy)
        *spy = m_spy.get();
    return service;
}

void TestConfigService::refusedBeforeLoad()
{
    ConfigService service(m_url);
    QVERIFY(service.snapshot());
    QVERIFY(service.snapshot()->providers.isEmpty());
    ConfigError error;
    QVERIFY(!service.importJson(baseDocument, ConfigService::ImportMode::Replace, &error));
    QVERIFY(error.message.contains(QStringLiteral("not been loaded")));
    QVERIFY(!service.createAccessKey(QStringLiteral("k"), QString(), &error));
}

void TestConfigService::loadEmitsOnce()
{
    ConfigService service(m_url);
    QSignalSpy spy(&service, &ConfigService::configChanged);
    ConfigError error;
    QVERIFY2(service.load(&error), qPrintable(error.toString()));
    QCOMPARE(spy.size(), 1);
    QVERIFY(service.snapshot()->providers.isEmpty());

    ConfigService bad(QStringLiteral("postgres://db/x"));
    QVERIFY(!bad.load(&error));
    QVERIFY(error.toString().contains(QStringLiteral("unsupported database URL")));
}

void TestConfigService::importReplace()
{
    ConfigService service(m_url);
    ConfigError error;
    QVERIFY(service.load(&error));
    QSignalSpy spy(&service, &ConfigService::configChanged);
    QVERIFY2(service.importJson(baseDocument, ConfigService::ImportMode::Replace, &error),
             qPrintable(error.toString()));
    QCOMPARE(spy.size(), 1);
    const auto snapshot = service.snapshot();
    QCOMPARE(spy.at(0).at(0).value<std::shared_ptr<const GatewayConfig>>(), snapshot);
    QCOMPARE(providerNames(*snapshot),
             QStringList({ QStringLiteral("openai-main"), QStringLiteral("backup") }));
    QCOMPARE(snapshot->models.size(), qsizetype(2));
    QCOMPARE(snapshot->models.at(0).routes.at(0).weight, 3);
    QCOMPARE(snapshot->accessKeys.size(), qsizetype(1));
    const AccessKeyConfig &key = snapshot->accessKeys.at(0);
    QVERIFY(key.key.isEmpty()); // the plaintext is not kept
    QCOMPARE(key.keyHash, ConfigService::hashKey(QStringLiteral("sk-local-cli-key")));
    QVERIFY(key.createdAt.isValid());

    // Replace drops what the new document does not have.
    const QByteArray soloDocument = R"({"providers": [{"name": "solo", "type": "gemini",
                                    "base_url": "https://g.example"}]})";
    QVERIFY2(service.importJson(soloDocument, ConfigService::ImportMode::Replace, &error),
             qPrintable(error.toString()));
    QCOMPARE(spy.size(), 2);
    QCOMPARE(providerNames(*service.snapshot()), QStringList({ QStringLiteral("solo") }));
    QVERIFY(service.snapshot()->models.isEmpty());
    QVERIFY(service.snapshot()->accessKeys.isEmpty());
}

void TestConfigService::importReplaceKeepsAbsentApiKeys()
{
    QSignalSpy *spy = nullptr;
    auto service = loadedService(&spy);
    ConfigError error;
    const QByteArray document = R"({"providers": [
        {"name": "openai-main", "type": "openai", "base_url": "https://api.openai.com/v1"},
        {"name": "backup", "type": "openai", "base_url": "https://b.example/v1", "api_keys": []},
        {"name": "new", "type": "openai", "base_url": "https://n.example/v1"}]})";
    QVERIFY2(service->importJson(document, ConfigService::ImportMode::Replace, &error),
             qPrintable(error.toString()));
    const auto snapshot = service->snapshot();
    QCOMPARE(findProvider(*snapshot, QStringLiteral("openai-main"))->apiKeys,
             QStringList({ QStringLiteral("sk-main") }));
    QVERIFY(findProvider(*snapshot, QStringLiteral("backup"))->apiKeys.isEmpty()); // [] clears
    QVERIFY(findProvider(*snapshot, QStringLiteral("new"))->apiKeys.isEmpty());
}

void TestConfigService::importMerge()
{
    QSignalSpy *spy = nullptr;
    auto service = loadedService(&spy);
    const QDateTime cliCreated = service->snapshot()->accessKeys.at(0).createdAt;
    ConfigError error;
    const QByteArray mergeDocument = R"({
        "providers": [
          {"name": "backup", "type": "anthropic", "base_url": "https://anthropic.example",
           "timeout_ms": 5000},
          {"name": "extra", "type": "gemini", "base_url": "https://g.example", "api_keys": ["g"]}],
        "models": [{"name": "gpt-4o-mini", "max_attempts": 2,
                    "routes": [{"provider": "extra", "model": "gemini-flash"}]}],
        "access_keys": [{"name": "cli", "key": "sk-local-cli-key"},
                        {"name": "ci", "key": "sk-ci-key-123"}]})";
    QVERIFY2(service->importJson(mergeDocument, ConfigService::ImportMode::Merge, &error),
             qPrintable(error.toString()));
    QCOMPARE(spy->size(), 1);

    const auto snapshot = service->snapshot();
    // Same name: replaced in place, incoming wins; new names appended; others kept.
    QCOMPARE(providerNames(*snapshot),
             QStringList({ QStringLiteral("openai-main"), QStringLiteral("backup"),
                           QStringLiteral("extra") }));
    const ProviderConfig *backup = findProvider(*snapshot, QStringLiteral("backup"));
    QCOMPARE(backup->type, WireProtocol::Anthropic);
    QCOMPARE(backup->timeoutMs, 5000);
    // No api_keys in the merge: the stored keys stay.
    QCOMPARE(backup->apiKeys,
             QStringList({ QStringLiteral("sk-backup-1"), QStringLiteral("sk-backup-2") }));
    QCOMPARE(findProvider(*snapshot, QStringLiteral("extra"))->apiKeys,
             QStringList({ QStringLiteral("g") }));

    QCOMPARE(snapshot->models.size(), qsizetype(2));
    QCOMPARE(snapshot->models.at(0).maxAttempts, 2);
    QCOMPARE(snapshot->models.at(0).routes.size(), qsizetype(1));
    QCOMPARE(snapshot->models.at(1).name, QStringLiteral("only-backup"));

    QCOMPARE(snapshot->accessKeys.size(), qsizetype(2));
    QCOMPARE(snapshot->accessKeys.at(0).createdAt, cliCreated); // same key: time kept
    QCOMPARE(snapshot->accessKeys.at(1).keyHash,
             ConfigService::hashKey(QStringLiteral("sk-ci-key-123")));
}

void TestConfigService::invalidImportChangesNothing()
{
    QSignalSpy *spy = nullptr;
    auto service = loadedService(&spy);
    const QByteArray before = service->exportJson(true);
    ConfigError error;
    const QByteArray unknownProvider = R"({"models": [{"name": "x", "routes": [{"provider": "nope",
                                     "model": "m"}]}]})";
    QVERIFY(!service->importJson(unknownProvider, ConfigService::ImportMode::Merge, &error));
    QCOMPARE(error.field, QStringLiteral("models[2].routes[0].provider"));
    const QByteArray unknownField = R"({"models": [{"name": "x", "wieght": 1}]})";
    QVERIFY(!service->importJson(unknownField, ConfigService::ImportMode::Replace, &error));
    QCOMPARE(error.field, QStringLiteral("models[0].wieght"));
    QVERIFY(!service->importJson("not json", ConfigService::ImportMode::Replace, &error));
    QCOMPARE(spy->size(), 0);
    QCOMPARE(service->exportJson(true), before);

    // Nothing reached the database either.
    ConfigService reread(m_url);
    QVERIFY(reread.load(&error));
    QCOMPARE(reread.exportJson(true), before);
}

void TestConfigService::exportImportRoundTrip()
{
    auto source = loadedService();
    const QByteArray exported = source->exportJson(true);
    QVERIFY(exported.contains("sk-backup-2"));
    QVERIFY(!source->exportJson(false).contains("sk-backup-2"));
    QVERIFY(!exported.contains("sk-local-cli-key")); // plaintext access keys never

    QTemporaryDir otherDir;
    ConfigService target(otherDir.filePath(QStringLiteral("other.sqlite")));
    ConfigError error;
    QVERIFY(target.load(&error));
    QVERIFY2(target.importJson(exported, ConfigService::ImportMode::Replace, &error),
             qPrintable(error.toString()));
    QCOMPARE(target.exportJson(true), exported);
    QCOMPARE(target.snapshot()->accessKeys.at(0).createdAt,
             source->snapshot()->accessKeys.at(0).createdAt);

    // An export without secrets imported back keeps the keys and changes nothing.
    QSignalSpy spy(source.get(), &ConfigService::configChanged);
    QVERIFY(
        source->importJson(source->exportJson(false), ConfigService::ImportMode::Replace, &error));
    QCOMPARE(spy.size(), 0);
    QCOMPARE(source->exportJson(true), exported);
}

void TestConfigService::upsertProviderCreateAndRename()
{
    QSignalSpy *spy = nullptr;
    auto service = loadedService(&spy);
    ProviderConfig p;
    p.name = QStringLiteral("local");
    p.baseUrl = QStringLiteral("http://127.0.0.1:11434/v1");
    ConfigError error;
    QVERIFY2(service->upsertProvider(QString(), p, &error), qPrintable(error.toString()));
    QCOMPARE(spy->size(), 1);
    QCOMPARE(service->snapshot()->providers.constLast(), p);

    ProviderConfig renamed = *findProvider(*service->snapshot(), QStringLiteral("backup"));
    renamed.name = QStringLiteral("fallback");
    QVERIFY2(service->upsertProvider(QStringLiteral("backup"), renamed, &error),
             qPrintable(error.toString()));
    QCOMPARE(spy->size(), 2);
    const auto snapshot = service->snapshot();
    QCOMPARE(providerNames(*snapshot),
             QStringList({ QStringLiteral("openai-main"), QStringLiteral("fallback"),
                           QStringLiteral("local") }));
    QCOMPARE(snapshot->models.at(0).routes.at(1).provider, QStringLiteral("fallback"));
    QCOMPARE(snapshot->models.at(1).routes.at(0).provider, QStringLiteral("fallback"));
    QCOMPARE(snapshot->models.at(0).routes.at(0).provider, QStringLiteral("openai-main"));
}

void TestConfigService::upsertProviderKeepsKeysWhenAsked()
{
    auto service = loadedService();
    ProviderConfig p = *findProvider(*service->snapshot(), QStringLiteral("backup"));
    p.apiKeys.clear();
    p.timeoutMs = 1000;
    ConfigError error;
    QVERIFY(service->upsertProvider(QStringLiteral("backup"), p, &error,
                                    ConfigService::ApiKeys::KeepIfEmpty));
    const ProviderConfig *stored = findProvider(*service->snapshot(), QStringLiteral("backup"));
    QCOMPARE(stored->timeoutMs, 1000);
    QCOMPARE(stored->apiKeys.size(), qsizetype(2));

    QVERIFY(service->upsertProvider(QStringLiteral("backup"), p, &error)); // Replace: clears
    QVERIFY(findProvider(*service->snapshot(), QStringLiteral("backup"))->apiKeys.isEmpty());
}

void TestConfigService::upsertProviderErrors()
{
    QSignalSpy *spy = nullptr;
    auto service = loadedService(&spy);
    ProviderConfig p = *findProvider(*service->snapshot(), QStringLiteral("backup"));
    ConfigError error;
    QVERIFY(!service->upsertProvider(QString(), p, &error)); // exists
    QCOMPARE(error.field, QStringLiteral("name"));
    QVERIFY(!service->upsertProvider(QStringLiteral("missing"), p, &error));
    QVERIFY(error.message.contains(QStringLiteral("no provider named \"missing\"")));
    p.name = QStringLiteral("openai-main");
    QVERIFY(!service->upsertProvider(QStringLiteral("backup"), p, &error)); // rename onto another
    QVERIFY(error.message.contains(QStringLiteral("already exists")));
    p.name = QStringLiteral("backup");
    p.timeoutMs = 0;
    QVERIFY(!service->upsertProvider(QStringLiteral("backup"), p, &error));
    QCOMPARE(error.field, QStringLiteral("providers[1].timeout_ms"));
    QCOMPARE(spy->size(), 0);
}

void TestConfigService::unchangedUpsertEmitsNothing()
{
    QSignalSpy *spy = nullptr;
    auto service = loadedService(&spy);
    const auto before = service->snapshot();
    ConfigError error;
    QVERIFY(service->upsertProvider(QStringLiteral("backup"),
                                    *findProvider(*before, QStringLiteral("backup")), &error));
    QVERIFY(service->upsertModel(QStringLiteral("gpt-4o-mini"), before->models.at(0), &error));
    QCOMPARE(spy->size(), 0);
    QCOMPARE(service->snapshot(), before);
}

void TestConfigService::removeProviderRefusedWhileUsed()
{
    QSignalSpy *spy = nullptr;
    auto service = loadedService(&spy);
    ConfigError error;
    QVERIFY(!service->removeProvider(QStringLiteral("backup"), &error));
    QVERIFY2(error.message.contains(QStringLiteral("gpt-4o-mini"))
                 && error.message.contains(QStringLiteral("only-backup")),
             qPrintable(error.toString()));
    QVERIFY(!service->removeProvider(QStringLiteral("nope"), &error));
    QCOMPARE(spy->size(), 0);

    QVERIFY(service->removeModel(QStringLiteral("only-backup"), &error));
    ModelConfig m = service->snapshot()->models.at(0);
    m.routes.removeLast();
    QVERIFY(service->upsertModel(m.name, m, &error));
    QVERIFY2(service->removeProvider(QStringLiteral("backup"), &error),
             qPrintable(error.toString()));
    QCOMPARE(spy->size(), 3);
    QCOMPARE(providerNames(*service->snapshot()), QStringList({ QStringLiteral("openai-main") }));
}

void TestConfigService::models()
{
    QSignalSpy *spy = nullptr;
    auto service = loadedService(&spy);
    ModelConfig m;
    m.name = QStringLiteral("new-model");
    m.routes = { { QStringLiteral("backup"), QStringLiteral("x"), 1, 0, true } };
    ConfigError error;
    QVERIFY2(service->upsertModel(QString(), m, &error), qPrintable(error.toString()));
    QVERIFY(!service->upsertModel(QString(), m, &error)); // exists
    QCOMPARE(error.field, QStringLiteral("name"));

    m.name = QStringLiteral("renamed");
    m.maxAttempts = 7;
    QVERIFY(service->upsertModel(QStringLiteral("new-model"), m, &error));
    QCOMPARE(service->snapshot()->models.constLast(), m);
    QCOMPARE(service->snapshot()->models.size(), qsizetype(3));

    m.routes[0].provider = QStringLiteral("ghost");
    QVERIFY(!service->upsertModel(QStringLiteral("renamed"), m, &error));
    QCOMPARE(error.field, QStringLiteral("models[2].routes[0].provider"));
    QVERIFY(!service->removeModel(QStringLiteral("ghost-model"), &error));
    QVERIFY(service->removeModel(QStringLiteral("renamed"), &error));
    QCOMPARE(service->snapshot()->models.size(), qsizetype(2));
    QCOMPARE(spy->size(), 3);
}

void TestConfigService::accessKeys()
{
    QSignalSpy *spy = nullptr;
    auto service = loadedService(&spy);
    ConfigError error;
    const auto generated = service->createAccessKey(QStringLiteral("gen"), QString(), &error);
    QVERIFY2(generated, qPrintable(error.toString()));
    static const QRegularExpression format(QStringLiteral("^sk-llmo-[A-Za-z0-9]{40}$"));
    QVERIFY2(format.match(generated->key).hasMatch(), qPrintable(generated->key));
    QCOMPARE(generated->keyHash, ConfigService::hashKey(generated->key));
    QCOMPARE(generated->prefix, generated->key.left(12));
    QVERIFY(generated->createdAt.isValid());
    const AccessKeyConfig stored = service->snapshot()->accessKeys.constLast();
    QCOMPARE(stored, *generated);
    QVERIFY(stored.key.isEmpty());

    const auto other = service->createAccessKey(QStringLiteral("gen2"), QString(), &error);
    QVERIFY(other);
    QVERIFY(other->key != generated->key);

    const auto given
        = service->createAccessKey(QStringLiteral("mine"), QStringLiteral("sk-mine-1"), &error);
    QVERIFY(given);
    QCOMPARE(given->key, QStringLiteral("sk-mine-1"));
    QCOMPARE(spy->size(), 3);

    QVERIFY(!service->createAccessKey(QStringLiteral("mine"), QString(), &error));
    QCOMPARE(error.field, QStringLiteral("name"));
    QVERIFY(
        !service->createAccessKey(QStringLiteral("again"), QStringLiteral("sk-mine-1"), &error));
    QVERIFY2(error.message.contains(QStringLiteral("\"mine\"")), qPrintable(error.toString()));
    QVERIFY(!service->createAccessKey(QString(), QString(), &error));
    QCOMPARE(error.field, QStringLiteral("access_keys[4].name"));
    QCOMPARE(spy->size(), 3);

    QVERIFY(service->removeAccessKey(QStringLiteral("gen"), &error));
    QVERIFY(!service->removeAccessKey(QStringLiteral("gen"), &error));
    QCOMPARE(spy->size(), 4);
    QCOMPARE(service->snapshot()->accessKeys.size(), qsizetype(3));
}

void TestConfigService::ensureAccessKey()
{
    QSignalSpy *spy = nullptr;
    auto service = loadedService(&spy);
    ConfigError error;
    QVERIFY(service->ensureAccessKey(QStringLiteral("sk-env-1"), &error));
    QCOMPARE(spy->size(), 1);
    const AccessKeyConfig env = service->snapshot()->accessKeys.constLast();
    QCOMPARE(env.name, QStringLiteral("env"));
    QCOMPARE(env.keyHash, ConfigService::hashKey(QStringLiteral("sk-env-1")));

    QVERIFY(service->ensureAccessKey(QStringLiteral("sk-env-1"), &error)); // exists: no-op
    QVERIFY(service->ensureAccessKey(QStringLiteral("sk-local-cli-key"), &error)); // as "cli"
    QCOMPARE(spy->size(), 1);
    QCOMPARE(service->snapshot()->accessKeys.size(), qsizetype(2));

    QVERIFY(service->ensureAccessKey(QStringLiteral("sk-env-2"), &error));
    QCOMPARE(service->snapshot()->accessKeys.constLast().name, QStringLiteral("env-2"));
    QCOMPARE(spy->size(), 2);

    QVERIFY(!service->ensureAccessKey(QString(), &error));
}

void TestConfigService::hashKey()
{
    QCOMPARE(ConfigService::hashKey(QStringLiteral("abc")),
             QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
}

void TestConfigService::persistsAcrossInstances()
{
    QByteArray exported;
    QDateTime created;
    {
        auto service = loadedService();
        ConfigError error;
        QVERIFY(service->createAccessKey(QStringLiteral("gen"), QString(), &error));
        ProviderConfig p = *findProvider(*service->snapshot(), QStringLiteral("backup"));
        p.headers.insert(QStringLiteral("X-A"), QStringLiteral("b"));
        p.probe = { 10, QStringLiteral("completion"), QStringLiteral("m") };
        QVERIFY(service->upsertProvider(p.name, p, &error));
        exported = service->exportJson(true);
        created = service->snapshot()->accessKeys.constLast().createdAt;
        m_spy.reset();
    }
    ConfigService reopened(m_url);
    ConfigError error;
    QVERIFY2(reopened.load(&error), qPrintable(error.toString()));
    QCOMPARE(reopened.exportJson(true), exported);
    QCOMPARE(reopened.snapshot()->accessKeys.constLast().createdAt, created);
}

QTEST_GUILESS_MAIN(TestConfigService)
#include "tst_config_service.moc"
