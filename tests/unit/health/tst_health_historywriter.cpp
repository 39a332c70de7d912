#include "health/healthhistorywriter.h"
#include "routing/clock.h"
#include "routing/healthregistry.h"
#include "routing/routingtable.h"
#include "store/database.h"

#include <QPointer>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

namespace {

HealthEvent makeEvent(const QString &key, HealthEvent::Kind kind, bool ok, qint64 latencyMs,
                      const QString &error, const QDateTime &time = QDateTime::currentDateTimeUtc())
{
    HealthEvent event;
    event.routeKey = key;
    event.time = time;
    event.kind = kind;
    event.ok = ok;
    event.state = ok ? CircuitState::Closed : CircuitState::Open;
    event.latencyMs = latencyMs;
    event.error = error;
    return event;
}

struct Row
{
    qint64 timeMs;
    QString routeKey, kind, state;
    bool ok;
    QVariant latencyMs, error;
};

} // namespace

class TestHealthHistoryWriter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void writesRows();
    void timerWritesWithoutFlush();
    void retentionPurgesOldRows();
    void attachedToRegistryInStoreThread();
    void badDatabaseDropsWithoutHanging();

private:
    QList<Row> rows();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestHealthHistoryWriter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("llmo.sqlite"));
}

void TestHealthHistoryWriter::cleanup()
{
    m_dir.reset();
}

QList<Row> TestHealthHistoryWriter::rows()
{
    QList<Row> result;
    const QString name = QStringLiteral("reader");
    {
        QString error;
        if (!Database::open(name, m_path, &error)) {
            qWarning("%s", qPrintable(error));
            return result;
        }
        QSqlQuery query(QSqlDatabase::database(name));
        query.exec(QStringLiteral("SELECT time_ms, route_key, kind, ok, state, latency_ms, error "
                                  "FROM health_history ORDER BY id"));
        while (query.next()) {
            result.append({ query.value(0).toLongLong(), query.value(1).toString(),
                            query.value(2).toString(), query.value(4).toString(),
                            query.value(3).toInt() == 1, query.value(5), query.value(6) });
        }
    }
    Database::close(name);
    return result;
}

void TestHealthHistoryWriter::writesRows()
{
    const QDateTime at
        = QDateTime::fromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch(), Qt::UTC);
    {
        HealthHistoryWriter writer(m_path);
        writer.enqueue(makeEvent(QStringLiteral("m|p|u"), HealthEvent::Kind::Probe, false, 120,
                                 QStringLiteral("HTTP 503: down"), at));
        writer.enqueue(makeEvent(QStringLiteral("m|p|u"), HealthEvent::Kind::State, true, -1, {},
                                 at.addMSecs(5)));
        writer.flush();
        QCOMPARE(writer.writtenCount(), qint64(2));
        QVERIFY(writer.lastError().isEmpty());
    }
    const QList<Row> written = rows();
    QCOMPARE(written.size(), 2);
    QCOMPARE(written.at(0).timeMs, at.toMSecsSinceEpoch());
    QCOMPARE(written.at(0).routeKey, QStringLiteral("m|p|u"));
    QCOMPARE(written.at(0).kind, QStringLiteral("probe"));
    QCOMPARE(written.at(0).ok, false);
    QCOMPARE(written.at(0).state, QStringLiteral("open"));
    QCOMPARE(written.at(0).latencyMs.toLongLong(), qint64(120));
    QCOMPARE(written.at(0).error.toString(), QStringLiteral("HTTP 503: down"));
    QCOMPARE(written.at(1).kind, QStringLiteral("state"));
    QCOMPARE(written.at(1).state, QStringLiteral("closed"));
    QVERIFY(written.at(1).ok);
    QVERIFY(written.at(1).latencyMs.isNull());
    QVERIFY(written.at(1).error.isNull());
}

void TestHealthHistoryWriter::timerWritesWithoutFlush()
{
    HealthHistoryWriterSettings settings;
    settings.flushIntervalMs = 20;
    HealthHistoryWriter writer(m_path, settings);
    for (int i = 0; i < 3; ++i)
        writer.enqueue(makeEvent(QStringLiteral("k"), HealthEvent::Kind::Probe, true, i, {}));
    QCOMPARE(writer.writtenCount(), qint64(0));
    QTRY_COMPARE(writer.writtenCount(), qint64(3));
    QCOMPARE(rows().size(), 3);
}

void TestHealthHistoryWriter::retentionPurgesOldRows()
{
    HealthHistoryWriterSettings settings;
    settings.retentionDays = 30;
    HealthHistoryWriter writer(m_path, settings);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    writer.enqueue(
        makeEvent(QStringLiteral("old"), HealthEvent::Kind::Probe, true, 1, {}, now.addDays(-31)));
    writer.enqueue(makeEvent(QStringLiteral("recent"), HealthEvent::Kind::Probe, true, 1, {},
                             now.addDays(-29)));
    writer.flush();
    const QList<Row> kept = rows();
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept.at(0).routeKey, QStringLiteral("recent"));
}

void TestHealthHistoryWriter::attachedToRegistryInStoreThread()
{
    GatewayConfig config;
    ProviderConfig provider;
    provider.name = QStringLiteral("p");
    provider.baseUrl = QStringLiteral("http://127.0.0.1:1/v1");
    config.providers = { provider };
    RouteConfig route;
    route.provider = QStringLiteral("p");
    route.upstreamModel = QStringLiteral("u");
    ModelConfig model;
    model.name = QStringLiteral("m");
    model.routes = { route };
    config.models = { model };

    ManualClock clock;
    HealthRegistry registry(clock, {});
    registry.setRoutingTable(RoutingTable::build(config));

    QThread store;
    store.start();
    HealthHistoryWriterSettings settings;
    settings.flushIntervalMs = 10;
    QPointer<HealthHistoryWriter> writer
        = HealthHistoryWriter::attach(registry, m_path, &store, settings);
    QCOMPARE(writer->thread(), &store);

    registry.recordProbe(QStringLiteral("p"), false, QStringLiteral("refused"), 3); // + opened
    registry.recordProbe(QStringLiteral("p"), true, {}, 4); // + closed
    QTRY_COMPARE(rows().size(), 4);
    const QList<Row> written = rows();
    QCOMPARE(written.at(0).kind, QStringLiteral("probe"));
    QCOMPARE(written.at(0).error.toString(), QStringLiteral("refused"));
    QCOMPARE(written.at(1).kind, QStringLiteral("state"));
    QCOMPARE(written.at(1).state, QStringLiteral("open"));
    QCOMPARE(written.at(3).state, QStringLiteral("closed"));

    // Events still queued when the store thread ends are written by the writer's destructor.
    settings.flushIntervalMs = 60000;
    store.quit();
    store.wait();
    QTRY_VERIFY(writer.isNull());

    QThread store2;
    store2.start();
    HealthHistoryWriter::attach(registry, m_path, &store2, settings);
    registry.recordProbe(QStringLiteral("p"), true, {}, 5);
    QTest::qWait(20); // the queued call reaches the writer
    store2.quit();
    store2.wait();
    QTRY_COMPARE(rows().size(), 5);
}

void TestHealthHistoryWriter::badDatabaseDropsWithoutHanging()
{
    HealthHistoryWriter writer(QStringLiteral("postgres://nowhere/db"));
    writer.enqueue(makeEvent(QStringLiteral("k"), HealthEvent::Kind::Probe, true, 1, {}));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("health history: 1 events dropped")));
    writer.flush();
    QCOMPARE(writer.writtenCount(), qint64(0));
    QVERIFY(!writer.lastError().isEmpty());
}

QTEST_GUILESS_MAIN(TestHealthHistoryWriter)
#include "tst_health_historywriter.moc"
