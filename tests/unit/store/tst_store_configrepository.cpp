#include "store/configrepository.h"
#include "store/database.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class TestStoreConfigRepository final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void emptyDatabaseLoadsEmptyConfig();
    void roundTrip();
    void saveReplacesEverything();
    void failedSaveChangesNothing();
    void survivesReopen();

private:
    static GatewayConfig sampleConfig();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    const QString m_connection = QStringLiteral("tst-configrepository");
};

void TestStoreConfigRepository::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("store.sqlite"));
    QString error;
    QVERIFY2(Database::open(m_connection, m_path, &error), qPrintable(error));
}

void TestStoreConfigRepository::cleanup()
{
    Database::close(m_connection);
    m_dir.reset();
}

GatewayConfig TestStoreConfigRepository::sampleConfig()
{
    GatewayConfig c;
    // Deliberately not in alphabetical order: the stored order must be kept.
    ProviderConfig zeta;
    zeta.name = QStringLiteral("zeta");
    zeta.type = WireProtocol::Anthropic;
    zeta.baseUrl = QStringLiteral("https://api.anthropic.com");
    zeta.apiKeys = { QStringLiteral("sk-ant-1"), QStringLiteral("sk-ant-2") };
    zeta.headers = { { QStringLiteral("anthropic-version"), QStringLiteral("2023-06-01") },
                     { QStringLiteral("X-Extra"), QStringLiteral("ü") } };
    zeta.timeoutMs = 12345;
    zeta.enabled = false;
    zeta.probe = { 0, QStringLiteral("completion"), QStringLiteral("claude-haiku") };

    ProviderConfig alpha;
    alpha.name = QStringLiteral("alpha");
    alpha.type = WireProtocol::Gemini;
    alpha.baseUrl = QStringLiteral("https://generativelanguage.googleapis.com");

    ProviderConfig mid;
    mid.name = QStringLiteral("mid");
    mid.type = WireProtocol::OpenAiResponses;
    mid.baseUrl = QStringLiteral("http://127.0.0.1:9000/v1");
    mid.apiKeys = { QString() }; // an odd but storable value
    c.providers = { zeta, alpha, mid };

    ModelConfig m1;
    m1.name = QStringLiteral("sonnet");
    m1.maxAttempts = 5;
    m1.routes = {
        { QStringLiteral("zeta"), QStringLiteral("claude-sonnet"), 3, 0, true },
        { QStringLiteral("mid"), QStringLiteral("x"), 0, -2, false },
        { QStringLiteral("alpha"), QStringLiteral("gemini-pro"), 10000, 1000, true },
    };
    ModelConfig m2;
    m2.name = QStringLiteral("empty-model");
    ModelConfig m3;
    m3.name = QStringLiteral("a-model");
    m3.routes = { { QStringLiteral("alpha"), QStringLiteral("g"), 1, 0, true } };
    c.models = { m1, m2, m3 };

    AccessKeyConfig k1;
    k1.name = QStringLiteral("cli");
    k1.keyHash = QString(64, QLatin1Char('a'));
    k1.prefix = QStringLiteral("sk-llmo-ab12");
    k1.createdAt = QDateTime::fromMSecsSinceEpoch(1'790'000'000'123, Qt::UTC);
    AccessKeyConfig k2;
    k2.name = QStringLiteral("bot");
    k2.keyHash = QString(64, QLatin1Char('b'));
    c.accessKeys = { k1, k2 };
    return c;
}

static void compareConfigs(const GatewayConfig &actual, const GatewayConfig &expected)
{
    QCOMPARE(actual.providers, expected.providers);
    QCOMPARE(actual.models, expected.models);
    QCOMPARE(actual.accessKeys, expected.accessKeys);
    for (qsizetype i = 0; i < expected.accessKeys.size(); ++i) {
        QCOMPARE(actual.accessKeys.at(i).createdAt, expected.accessKeys.at(i).createdAt);
        QVERIFY(actual.accessKeys.at(i).key.isEmpty());
    }
}

void TestStoreConfigRepository::emptyDatabaseLoadsEmptyConfig()
{
    ConfigRepository repository(m_connection);
    QString error;
    const auto loaded = repository.load(&error);
    QVERIFY2(loaded, qPrintable(error));
    QVERIFY(loaded->providers.isEmpty());
    QVERIFY(loaded->models.isEmpty());
    QVERIFY(loaded->accessKeys.isEmpty());
}

void TestStoreConfigRepository::roundTrip()
{
    ConfigRepository repository(m_connection);
    const GatewayConfig config = sampleConfig();
    QString error;
    QVERIFY2(repository.save(config, &error), qPrintable(error));
    const auto loaded = repository.load(&error);
    QVERIFY2(loaded, qPrintable(error));
    compareConfigs(*loaded, config);
    QCOMPARE(loaded->providers.at(0).name, QStringLiteral("zeta"));
    QCOMPARE(loaded->models.at(0).routes.at(2).provider, QStringLiteral("alpha"));
}

void TestStoreConfigRepository::saveReplacesEverything()
{
    ConfigRepository repository(m_connection);
    QString error;
    QVERIFY2(repository.save(sampleConfig(), &error), qPrintable(error));

    GatewayConfig smaller = sampleConfig();
    smaller.providers.removeFirst(); // zeta, with its route
    smaller.models.first().routes.removeFirst();
    smaller.models.move(2, 0); // reorder
    smaller.accessKeys.removeLast();
    QVERIFY2(repository.save(smaller, &error), qPrintable(error));

    const auto loaded = repository.load(&error);
    QVERIFY2(loaded, qPrintable(error));
    compareConfigs(*loaded, smaller);

    QSqlQuery query(QSqlDatabase::database(m_connection));
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM routes")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 3);
}

void TestStoreConfigRepository::failedSaveChangesNothing()
{
    ConfigRepository repository(m_connection);
    QString error;
    const GatewayConfig config = sampleConfig();
    QVERIFY2(repository.save(config, &error), qPrintable(error));

    GatewayConfig broken = config;
    broken.models[0].routes[0].provider = QStringLiteral("nope");
    error.clear();
    QVERIFY(!repository.save(broken, &error));
    QVERIFY2(error.contains(QStringLiteral("nope")), qPrintable(error));

    GatewayConfig duplicate = config;
    duplicate.providers.append(duplicate.providers.first());
    QVERIFY(!repository.save(duplicate, &error));

    const auto loaded = repository.load(&error);
    QVERIFY2(loaded, qPrintable(error));
    compareConfigs(*loaded, config);
}

void TestStoreConfigRepository::survivesReopen()
{
    QString error;
    QVERIFY2(ConfigRepository(m_connection).save(sampleConfig(), &error), qPrintable(error));
    Database::close(m_connection);
    QVERIFY2(Database::open(m_connection, m_path, &error), qPrintable(error));
    const auto loaded = ConfigRepository(m_connection).load(&error);
    QVERIFY2(loaded, qPrintable(error));
    compareConfigs(*loaded, sampleConfig());
}

QTEST_GUILESS_MAIN(TestStoreConfigRepository)
#include "tst_store_configrepository.moc"
