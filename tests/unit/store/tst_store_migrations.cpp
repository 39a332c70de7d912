#include "store/database.h"
#include "store/schemamigrations.h"

#include <QDir>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>
#include <vector>

class TestStoreMigrations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void freshDatabaseGetsLatestVersion();
    void pragmasAreSet();
    void reopenIsNoOp();
    void newerVersionIsRefused();
    void concurrentOpensOfFreshFile();
    void urlForms_data();
    void urlForms();
    void unsupportedUrls_data();
    void unsupportedUrls();

private:
    int version() const;
    QStringList tables() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    const QString m_connection = QStringLiteral("tst-migrations");
};

void TestStoreMigrations::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("sub/dir/store.sqlite")); // parent gets created
}

void TestStoreMigrations::cleanup()
{
    Database::close(m_connection);
    m_dir.reset();
}

int TestStoreMigrations::version() const
{
    QString error;
    const int v = SchemaMigrations::currentVersion(QSqlDatabase::database(m_connection), &error);
    [&] { QVERIFY2(v >= 0, qPrintable(error)); }();
    return v;
}

QStringList TestStoreMigrations::tables() const
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    [&] {
        QVERIFY(query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = "
                                          "'table' ORDER BY name")));
    }();
    QStringList names;
    while (query.next())
        names.append(query.value(0).toString());
    return names;
}

void TestStoreMigrations::freshDatabaseGetsLatestVersion()
{
    QString error;
    QVERIFY2(Database::open(m_connection, m_path, &error), qPrintable(error));
    QVERIFY(QFile::exists(m_path));
    QVERIFY(SchemaMigrations::latestVersion() >= 1);
    QCOMPARE(version(), SchemaMigrations::latestVersion());
    const QStringList expected
        = { QStringLiteral("access_keys"), QStringLiteral("health_history"),
            QStringLiteral("models"),      QStringLiteral("providers"),
            QStringLiteral("request_log"), QStringLiteral("request_traces"),
            QStringLiteral("routes"),      QStringLiteral("schema_version") };
    QCOMPARE(tables(), expected);

    QSqlQuery query(QSqlDatabase::database(m_connection));
    QVERIFY(query.exec(QStringLiteral(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'request_log' "
        "ORDER BY name")));
    QStringList indexes;
    while (query.next())
        indexes.append(query.value(0).toString());
    QCOMPARE(
        indexes,
        QStringList({ QStringLiteral("request_log_model_time"),
                      QStringLiteral("request_log_provider_time"),
                      QStringLiteral("request_log_time"), QStringLiteral("request_log_trace") }));
}

void TestStoreMigrations::pragmasAreSet()
{
    QString error;
    QVERIFY2(Database::open(m_connection, m_path, &error), qPrintable(error));
    QSqlQuery query(QSqlDatabase::database(m_connection));
    auto pragma = [&](const char *name) {
        [&] { QVERIFY(query.exec(QStringLiteral("PRAGMA ") + QLatin1String(name))); }();
        [&] { QVERIFY(query.next()); }();
        return query.value(0).toString();
    };
    QCOMPARE(pragma("journal_mode"), QStringLiteral("wal"));
    QCOMPARE(pragma("synchronous"), QStringLiteral("1")); // NORMAL
    QCOMPARE(pragma("foreign_keys"), QStringLiteral("1"));
    QCOMPARE(pragma("busy_timeout"), QStringLiteral("5000"));
}

void TestStoreMigrations::reopenIsNoOp()
{
    QString error;
    QVERIFY2(Database::open(m_connection, m_path, &error), qPrintable(error));
    {
        QSqlQuery query(QSqlDatabase::database(m_connection));
        QVERIFY(query.exec(QStringLiteral(
            "INSERT INTO models (name, max_attempts, position) VALUES ('m', 3, 0)")));
    }
    Database::close(m_connection);
    QVERIFY(!QSqlDatabase::contains(m_connection));

    QVERIFY2(Database::open(m_connection, m_path, &error), qPrintable(error));
    QCOMPARE(version(), SchemaMigrations::latestVersion());
    QSqlQuery query(QSqlDatabase::database(m_connection));
    QVERIFY(query.exec(QStringLiteral("SELECT name FROM models")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("m"));
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM schema_version")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 1);

    // Migrating an up-to-date database again changes nothing.
    QVERIFY2(SchemaMigrations::migrate(QSqlDatabase::database(m_connection), &error),
             qPrintable(error));
    QCOMPARE(version(), SchemaMigrations::latestVersion());
}

void TestStoreMigrations::newerVersionIsRefused()
{
    QString error;
    QVERIFY2(Database::open(m_connection, m_path, &error), qPrintable(error));
    const int newer = SchemaMigrations::latestVersion() + 1;
    {
        QSqlQuery query(QSqlDatabase::database(m_connection));
        QVERIFY(query.exec(QStringLiteral("UPDATE schema_version SET version = %1").arg(newer)));
    }
    Database::close(m_connection);

    error.clear();
    QVERIFY(!Database::open(m_connection, m_path, &error));
    QVERIFY2(error.contains(QStringLiteral("newer")), qPrintable(error));
    QVERIFY2(error.contains(QString::number(newer)), qPrintable(error));
    QVERIFY(!QSqlDatabase::contains(m_connection));

    // The file was not touched by the refused open.
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        raw.setDatabaseName(m_path);
        QVERIFY(raw.open());
        QCOMPARE(version(), newer);
    }
}

void TestStoreMigrations::concurrentOpensOfFreshFile()
{
    // The config service, the log writer and the admin queries open the same fresh file at
    // start, each in its own thread: the migration must run exactly once without errors.
    constexpr int threads = 4;
    std::vector<std::unique_ptr<QThread>> workers;
    QStringList errors;
    QMutex mutex;
    for (int i = 0; i < threads; ++i) {
        workers.emplace_back(QThread::create([this, i, &errors, &mutex] {
            const QString name = QStringLiteral("tst-concurrent-%1").arg(i);
            QString error;
            const bool ok = Database::open(name, m_path, &error);
            Database::close(name);
            QMutexLocker locker(&mutex);
            if (!ok)
                errors.append(error);
        }));
    }
    for (auto &worker : workers)
        worker->start();
    for (auto &worker : workers)
        QVERIFY(worker->wait(20'000));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));

    QString error;
    QVERIFY2(Database::open(m_connection, m_path, &error), qPrintable(error));
    QCOMPARE(version(), SchemaMigrations::latestVersion());
}

void TestStoreMigrations::urlForms_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("relativeFile"); // expected file, relative to the temp dir

    QTest::newRow("plain path") << QStringLiteral("{dir}/a.sqlite") << QStringLiteral("a.sqlite");
    QTest::newRow("absolute url") << QStringLiteral("sqlite://{dir}/b.sqlite")
                                  << QStringLiteral("b.sqlite");
    QTest::newRow("relative url") << QStringLiteral("sqlite:rel/c.sqlite")
                                  << QStringLiteral("rel/c.sqlite");
    QTest::newRow("relative path") << QStringLiteral("d.sqlite") << QStringLiteral("d.sqlite");
}

void TestStoreMigrations::urlForms()
{
    QFETCH(QString, url);
    QFETCH(QString, relativeFile);
    const QString previous = QDir::currentPath();
    QVERIFY(QDir::setCurrent(m_dir->path()));
    url.replace(QStringLiteral("{dir}"), m_dir->path());
    QString error;
    const bool ok = Database::open(m_connection, url, &error);
    QDir::setCurrent(previous);
    QVERIFY2(ok, qPrintable(error));
    QVERIFY(QFile::exists(m_dir->filePath(relativeFile)));
    QCOMPARE(version(), SchemaMigrations::latestVersion());
}

void TestStoreMigrations::unsupportedUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("message");
    QTest::newRow("postgres") << QStringLiteral("postgres://localhost/llmo")
                              << QStringLiteral("unsupported database URL");
    QTest::newRow("mysql") << QStringLiteral("mysql:host=x") << QStringLiteral("unsupported");
    QTest::newRow("sqlite host") << QStringLiteral("sqlite://host/x.db")
                                 << QStringLiteral("unsupported");
    QTest::newRow("empty") << QString() << QStringLiteral("empty");
}

void TestStoreMigrations::unsupportedUrls()
{
    QFETCH(QString, url);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!Database::open(m_connection, url, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY(!QSqlDatabase::contains(m_connection));
}

QTEST_GUILESS_MAIN(TestStoreMigrations)
#include "tst_store_migrations.moc"
