// Health page against a real engine: rows per route from the HealthRegistry, updated in place
// (dataChanged, no reset) when the engine reports attempts and state changes, coalesced into
// few snapshot fetches; sparklines from the log writer's rows; routes added by a config change.

#include "config/configservice.h"
#include "engine.h"
#include "engineclient.h"
#include "enginehost.h"
#include "guifixture.h"
#include "healthpage.h"
#include "healthpagemodel.h"
#include "routing/routingtable.h"
#include "statslatencyhistory.h"
#include "store/logwriter.h"

#include <QSignalSpy>
#include <QTableView>
#include <QTest>

class TestGuiHealth final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void rowsPerRoute();
    void failuresUpdateInPlace();
    void circuitOpensToDown();
    void burstIsCoalesced();
    void sparklineFollowsLoggedRows();
    void newRouteInsertsRow();
    void verdicts_data();
    void verdicts();
    void latencyHistoryMedians();

private:
    // Records attempts in the engine thread, as forwarding jobs do.
    void record(const QString &key, bool success, int count, const QString &error = {});
    QString key(const QString &provider) const
    {
        return RoutingTable::routeKey(QStringLiteral("gpt-test"), provider,
                                      QStringLiteral("up-") + provider);
    }
    static QByteArray config(const QStringList &providers);

    std::unique_ptr<GuiFixture> m_fixture;
    std::unique_ptr<HealthPage> m_page;
};

QByteArray TestGuiHealth::config(const QStringList &providers)
{
    // Unreachable upstreams with probes off: only the test changes the routes' health.
    QByteArray providerJson;
    QByteArray routeJson;
    for (const QString &name : providers) {
        if (!providerJson.isEmpty()) {
            providerJson += ',';
            routeJson += ',';
        }
        providerJson += QStringLiteral(
                            R"({"name": "%1", "type": "openai", "base_url": "http://127.0.0.1:9/v1",
                "api_keys": ["k"], "probe": {"interval_s": 0}})")
                            .arg(name)
                            .toUtf8();
        routeJson += QStringLiteral(R"({"provider": "%1", "model": "up-%1"})").arg(name).toUtf8();
    }
    return "{\"providers\": [" + providerJson
        + "], \"models\": [{\"name\": \"gpt-test\", "
          "\"routes\": ["
        + routeJson + "]}]}";
}

void TestGuiHealth::init()
{
    m_fixture = std::make_unique<GuiFixture>();
    QString error;
    QVERIFY2(m_fixture->start(config({ QStringLiteral("alpha"), QStringLiteral("beta") }), &error),
             qPrintable(error));
    m_page = std::make_unique<HealthPage>(m_fixture->client(), m_fixture->databasePath());
    m_page->resize(1100, 500);
    m_page->show();
    QTRY_COMPARE(m_page->model()->rowCount(), 2);
    // The sparklines' first read changes every row once; let it be done before tests count.
    QTRY_VERIFY(m_page->isHistoryLoaded());
}

void TestGuiHealth::cleanup()
{
    m_page.reset();
    m_fixture.reset();
}

void TestGuiHealth::record(const QString &key, bool success, int count, const QString &error)
{
    Engine *engine = m_fixture->host()->engine();
    QMetaObject::invokeMethod(
        engine,
        [engine, key, success, count, error] {
            HealthRegistry *health = engine->healthRegistry();
            for (int i = 0; i < count; ++i) {
                AttemptResult result;
                result.success = success;
                result.httpStatus = success ? 200 : 503;
                result.error = error;
                result.latencyMs = 100 + i;
                if (health->tryAcquire(key))
                    health->record(key, result);
            }
        },
        Qt::BlockingQueuedConnection);
}

void TestGuiHealth::rowsPerRoute()
{
    HealthPageModel *model = m_page->model();
    const int alpha = model->rowOf(key(QStringLiteral("alpha")));
    QVERIFY(alpha >= 0);
    const auto text = [&](int column) { return model->index(alpha, column).data().toString(); };
    QCOMPARE(text(HealthPageModel::ModelColumn), QStringLiteral("gpt-test"));
    QCOMPARE(text(HealthPageModel::ProviderColumn), QStringLiteral("alpha"));
    QCOMPARE(text(HealthPageModel::UpstreamColumn), QStringLiteral("up-alpha"));
    QCOMPARE(text(HealthPageModel::StateColumn), QStringLiteral("Healthy"));
    QCOMPARE(text(HealthPageModel::SuccessColumn), QStringLiteral("no traffic"));
    QCOMPARE(text(HealthPageModel::LastErrorColumn), QStringLiteral("none"));
    QCOMPARE(text(HealthPageModel::LastProbeColumn), QStringLiteral("not yet"));
    // The table shows them (through the sorting proxy).
    QCOMPARE(m_page->table()->model()->rowCount(), 2);
}

void TestGuiHealth::failuresUpdateInPlace()
{
    HealthPageModel *model = m_page->model();
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    QSignalSpy resets(model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
    const int beta = model->rowOf(key(QStringLiteral("beta")));

    record(key(QStringLiteral("beta")), true, 3);
    record(key(QStringLiteral("beta")), false, 1, QStringLiteral("upstream 503: overloaded"));
    QTRY_COMPARE(model->index(beta, HealthPageModel::SuccessColumn).data().toString(),
                 QStringLiteral("75.0 %"));
    QVERIFY(model->index(beta, HealthPageModel::LastErrorColumn)
                .data()
                .toString()
                .endsWith(QStringLiteral("just now · upstream 503: overloaded")));
    QCOMPARE(model->index(beta, HealthPageModel::LatencyColumn).data().toString(),
             QStringLiteral("101 ms"));
    QVERIFY(changed.count() >= 1);
    // Only the beta row changed; nothing was reset, inserted or removed.
    for (const QList<QVariant> &signal : changed) {
        QCOMPARE(signal.at(0).toModelIndex().row(), beta);
        QCOMPARE(signal.at(1).toModelIndex().row(), beta);
    }
    QCOMPARE(resets.count(), 0);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(removed.count(), 0);
    // The other route is untouched.
    const int alpha = model->rowOf(key(QStringLiteral("alpha")));
    QCOMPARE(model->index(alpha, HealthPageModel::SuccessColumn).data().toString(),
             QStringLiteral("no traffic"));
}

void TestGuiHealth::circuitOpensToDown()
{
    HealthPageModel *model = m_page->model();
    const int alpha = model->rowOf(key(QStringLiteral("alpha")));
    // Five consecutive failures open a closed circuit (the default threshold).
    record(key(QStringLiteral("alpha")), false, 5, QStringLiteral("timeout"));
    QTRY_COMPARE(model->index(alpha, HealthPageModel::StateColumn).data().toString(),
                 QStringLiteral("Down"));
    QCOMPARE(
        model->index(alpha, HealthPageModel::StateColumn).data(HealthPageModel::LevelRole).toInt(),
        int(HealthLevel::Down));
    QVERIFY(model->index(alpha, HealthPageModel::StateColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .startsWith(QStringLiteral("Circuit open")));
}

void TestGuiHealth::burstIsCoalesced()
{
    HealthPageModel *model = m_page->model();
    const int alpha = model->rowOf(key(QStringLiteral("alpha")));
    QTRY_VERIFY(m_page->snapshotFetches() >= 1);
    QTest::qWait(HealthPage::CoalesceMs * 2);
    const int before = m_page->snapshotFetches();
    // 200 attempts, each announced by the engine, in quick succession.
    for (int i = 0; i < 20; ++i)
        record(key(QStringLiteral("alpha")), true, 10);
    QTRY_COMPARE(model->index(alpha, HealthPageModel::SuccessColumn).data().toString(),
                 QStringLiteral("100 %"));
    QTest::qWait(HealthPage::CoalesceMs * 3);
    // A handful of fetches, not one per signal.
    const int fetches = m_page->snapshotFetches() - before;
    QVERIFY2(fetches >= 1 && fetches <= 4, qPrintable(QString::number(fetches)));
}

void TestGuiHealth::sparklineFollowsLoggedRows()
{
    HealthPageModel *model = m_page->model();
    const int alpha = model->rowOf(key(QStringLiteral("alpha")));
    RequestLogRecord row;
    row.time = QDateTime::currentDateTimeUtc();
    row.traceId = QStringLiteral("t1");
    row.model = QStringLiteral("gpt-test");
    row.provider = QStringLiteral("alpha");
    row.upstreamModel = QStringLiteral("up-alpha");
    row.attempt = 1;
    row.status = QStringLiteral("200");
    row.totalMs = 420;
    m_fixture->host()->logWriter()->enqueue(row);
    // The writer reports the committed row; the sparkline's newest bucket takes it.
    QTRY_COMPARE(model->index(alpha, HealthPageModel::LatencyColumn)
                     .data(HealthPageModel::SparklineRole)
                     .value<QList<double>>()
                     .value(StatsLatencyHistory::BucketCount - 1),
                 420.0);
}

void TestGuiHealth::newRouteInsertsRow()
{
    HealthPageModel *model = m_page->model();
    QSignalSpy resets(model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
    const QByteArray json
        = config({ QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("gamma") });
    bool done = false;
    m_fixture->client()->withConfig<bool>(
        [json](ConfigService &service) {
            ConfigError error;
            return service.importJson(json, ConfigService::ImportMode::Replace, &error);
        },
        [&done](bool ok) { done = ok; });
    QTRY_VERIFY(done);
    QTRY_COMPARE(model->rowCount(), 3);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(model->route(2).provider, QStringLiteral("gamma"));
}

void TestGuiHealth::verdicts_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<double>("successRate");
    QTest::addColumn<int>("cooldownS");
    QTest::addColumn<QString>("word");
    QTest::newRow("closed, no traffic")
        << int(CircuitState::Closed) << 0 << 1.0 << 0 << QStringLiteral("Healthy");
    QTest::newRow("closed, all good")
        << int(CircuitState::Closed) << 50 << 0.98 << 0 << QStringLiteral("Healthy");
    QTest::newRow("closed, poor rate")
        << int(CircuitState::Closed) << 50 << 0.8 << 0 << QStringLiteral("Degraded");
    QTest::newRow("closed, poor rate, few attempts")
        << int(CircuitState::Closed) << 3 << 0.34 << 0 << QStringLiteral("Healthy");
    QTest::newRow("closed, 429 cooldown")
        << int(CircuitState::Closed) << 50 << 1.0 << 30 << QStringLiteral("Cooling down");
    QTest::newRow("cooldown over")
        << int(CircuitState::Closed) << 50 << 1.0 << -30 << QStringLiteral("Healthy");
    QTest::newRow("half open") << int(CircuitState::HalfOpen) << 50 << 0.5 << 0
                               << QStringLiteral("Recovering");
    QTest::newRow("open") << int(CircuitState::Open) << 50 << 0.0 << 0 << QStringLiteral("Down");
}

void TestGuiHealth::verdicts()
{
    QFETCH(int, state);
    QFETCH(int, attempts);
    QFETCH(double, successRate);
    QFETCH(int, cooldownS);
    QFETCH(QString, word);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    RouteHealthSnapshot route;
    route.state = CircuitState(state);
    route.windowAttempts = attempts;
    route.successRate = successRate;
    if (cooldownS != 0)
        route.cooldownUntil = now.addSecs(cooldownS);
    QCOMPARE(HealthPageModel::verdictText(HealthPageModel::verdict(route, now)), word);
}

void TestGuiHealth::latencyHistoryMedians()
{
    StatsLatencyHistory history;
    const qint64 bucket = StatsLatencyHistory::BucketMs;
    const qint64 now = 1000 * bucket + bucket / 2; // in the middle of bucket 1000
    const auto add = [&](qint64 id, qint64 timeMs, double totalMs, const QString &status) {
        RequestLogRecord r;
        r.id = id;
        r.time = QDateTime::fromMSecsSinceEpoch(timeMs, Qt::UTC);
        r.model = QStringLiteral("m");
        r.provider = QStringLiteral("p");
        r.upstreamModel = QStringLiteral("u");
        r.attempt = 1;
        r.status = status;
        r.totalMs = totalMs;
        history.add(r);
    };
    add(1, now, 100, QStringLiteral("200"));
    add(2, now, 300, QStringLiteral("200"));
    add(3, now, 5000, QStringLiteral("503")); // failures are not latencies
    add(4, now - 2 * bucket, 70, QStringLiteral("200"));
    add(5, now - 13 * bucket, 999, QStringLiteral("200")); // older than the hour
    add(2, now, 100000, QStringLiteral("200")); // a row seen before
    const QList<double> line = history.series(
        RoutingTable::routeKey(QStringLiteral("m"), QStringLiteral("p"), QStringLiteral("u")), now);
    QList<double> expected(StatsLatencyHistory::BucketCount, -1.0);
    expected[11] = 200; // median of 100 and 300
    expected[9] = 70;
    QCOMPARE(line, expected);
}

QTEST_MAIN(TestGuiHealth)
#include "tst_gui_health.moc"
