#include "routing/healthregistry.h"
#include "routingtestconfig.h"

#include <QSignalSpy>
#include <QTest>

using namespace routingtest;

namespace {

// Model "m" with routes to providers "a" (weight 3), "b" and, when asked, "c" (priority 1).
std::shared_ptr<const RoutingTable> makeTable(bool withB, bool withC)
{
    GatewayConfig config;
    config.providers = { provider(QStringLiteral("a")), provider(QStringLiteral("b")),
                         provider(QStringLiteral("c")) };
    QList<RouteConfig> routes { route(QStringLiteral("a"), QStringLiteral("up-a"), 3) };
    if (withB)
        routes.append(route(QStringLiteral("b"), QStringLiteral("up-b")));
    if (withC)
        routes.append(route(QStringLiteral("c"), QStringLiteral("up-c"), 2, 1));
    config.models = { model(QStringLiteral("m"), routes) };
    return RoutingTable::build(config);
}

const QString keyA = QStringLiteral("m|a|up-a");
const QString keyB = QStringLiteral("m|b|up-b");
const QString keyC = QStringLiteral("m|c|up-c");

AttemptResult failure(int status = 503, const QString &error = {})
{
    AttemptResult result;
    result.httpStatus = status;
    result.error = error;
    return result;
}

AttemptResult success(qint64 latencyMs)
{
    AttemptResult result;
    result.success = true;
    result.httpStatus = 200;
    result.latencyMs = latencyMs;
    return result;
}

} // namespace

class TestHealthRegistry final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signalsOnStateChanges();
    void refreshStatesReportsTimeDrivenChange();
    void attemptRecordedPerRecord();
    void window_data();
    void window();
    void windowKeepsLastHundred();
    void lastError();
    void retryAfterCoolsDown();
    void snapshotAfterTableSwap();
    void unknownKeysBeforeAndAfterTable();
    void probes();
    void settingsReachEveryBreaker();
};

void TestHealthRegistry::signalsOnStateChanges()
{
    ManualClock clock;
    HealthRegistry registry(clock, { 2, 1000, 1 });
    registry.setRoutingTable(makeTable(true, false));
    QSignalSpy spy(&registry, &HealthRegistry::routeStateChanged);

    QVERIFY(registry.tryAcquire(keyA));
    registry.record(keyA, failure());
    QCOMPARE(spy.count(), 0);
    registry.record(keyA, failure());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), keyA);
    QCOMPARE(spy.at(0).at(1).value<CircuitState>(), CircuitState::Open);
    QCOMPARE(registry.state(keyA), CircuitState::Open);
    QVERIFY(!registry.isAvailable(keyA));
    QVERIFY(registry.isAvailable(keyB));

    registry.record(keyA, failure()); // late verdict while open: no change, no signal
    QCOMPARE(spy.count(), 1);

    clock.advanceMs(1000);
    QVERIFY(registry.tryAcquire(keyA));
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(1).value<CircuitState>(), CircuitState::HalfOpen);
    QVERIFY(!registry.tryAcquire(keyA));

    registry.record(keyA, success(10));
    QCOMPARE(spy.count(), 3);
    QCOMPARE(spy.at(2).at(1).value<CircuitState>(), CircuitState::Closed);

    registry.forceOpen(keyB, QStringLiteral("probe failed"));
    QCOMPARE(spy.count(), 4);
    QCOMPARE(spy.at(3).at(0).toString(), keyB);
    QCOMPARE(spy.at(3).at(1).value<CircuitState>(), CircuitState::Open);
    registry.forceClose(keyB);
    QCOMPARE(spy.count(), 5);
    QCOMPARE(spy.at(4).at(1).value<CircuitState>(), CircuitState::Closed);
    registry.forceClose(keyB); // already closed
    QCOMPARE(spy.count(), 5);
}

void TestHealthRegistry::refreshStatesReportsTimeDrivenChange()
{
    ManualClock clock;
    HealthRegistry registry(clock, { 1, 500, 1 });
    registry.setRoutingTable(makeTable(true, false));
    registry.record(keyB, failure());
    QSignalSpy spy(&registry, &HealthRegistry::routeStateChanged);
    registry.refreshStates();
    QCOMPARE(spy.count(), 0);
    clock.advanceMs(500);
    registry.refreshStates();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), keyB);
    QCOMPARE(spy.at(0).at(1).value<CircuitState>(), CircuitState::HalfOpen);
    registry.refreshStates();
    QCOMPARE(spy.count(), 1);
}

void TestHealthRegistry::attemptRecordedPerRecord()
{
    ManualClock clock;
    HealthRegistry registry(clock, {});
    registry.setRoutingTable(makeTable(true, false));
    QSignalSpy spy(&registry, &HealthRegistry::attemptRecorded);
    registry.record(keyA, success(5));
    registry.record(keyB, failure());
    registry.abandon(keyA); // not an attempt with a verdict
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(0).at(0).toString(), keyA);
    QCOMPARE(spy.at(1).at(0).toString(), keyB);
}

void TestHealthRegistry::window_data()
{
    // Each attempt: latency >= 0 is a success with that latency, -1 a failure.
    QTest::addColumn<QList<int>>("attempts");
    QTest::addColumn<double>("successRate");
    QTest::addColumn<double>("p50");

    QTest::newRow("no data") << QList<int> {} << 1.0 << -1.0;
    QTest::newRow("one success") << QList<int> { 42 } << 1.0 << 42.0;
    QTest::newRow("odd count") << QList<int> { 30, 10, 20 } << 1.0 << 20.0;
    QTest::newRow("even count") << QList<int> { 40, 10, 30, 20 } << 1.0 << 25.0;
    QTest::newRow("failures excluded from p50")
        << QList<int> { -1, 100, -1, 300, 200 } << 0.6 << 200.0;
    QTest::newRow("only failures") << QList<int> { -1, -1 } << 0.0 << -1.0;
}

void TestHealthRegistry::window()
{
    QFETCH(QList<int>, attempts);
    QFETCH(double, successRate);
    QFETCH(double, p50);

    ManualClock clock;
    HealthRegistry registry(clock, { 1000, 1000, 1 });
    registry.setRoutingTable(makeTable(false, false));
    for (int latency : attempts)
        registry.record(keyA, latency >= 0 ? success(latency) : failure());

    const auto snapshot = registry.snapshot();
    QCOMPARE(snapshot.size(), 1);
    QCOMPARE(snapshot.at(0).successRate, successRate);
    QCOMPARE(snapshot.at(0).p50Ms, p50);
    QCOMPARE(snapshot.at(0).windowAttempts, int(attempts.size()));
}

void TestHealthRegistry::windowKeepsLastHundred()
{
    ManualClock clock;
    HealthRegistry registry(clock, { 1000, 1000, 1 });
    registry.setRoutingTable(makeTable(false, false));
    // 50 failures, then 100 successes with latencies 1..100 push the failures out.
    for (int i = 0; i < 50; ++i)
        registry.record(keyA, failure());
    for (int i = 1; i <= 100; ++i)
        registry.record(keyA, success(i));
    auto snap = registry.snapshot().at(0);
    QCOMPARE(snap.windowAttempts, 100);
    QCOMPARE(snap.successRate, 1.0);
    QCOMPARE(snap.p50Ms, 50.5);

    // 25 more failures replace the 25 oldest successes (latencies 1..25).
    for (int i = 0; i < 25; ++i)
        registry.record(keyA, failure());
    snap = registry.snapshot().at(0);
    QCOMPARE(snap.windowAttempts, 100);
    QCOMPARE(snap.successRate, 0.75);
    QCOMPARE(snap.p50Ms, 63.0); // median of 26..100
}

void TestHealthRegistry::lastError()
{
    ManualClock clock;
    HealthRegistry registry(clock, {});
    registry.setRoutingTable(makeTable(true, false));
    QVERIFY(registry.snapshot().at(0).lastError.isEmpty());
    QVERIFY(!registry.snapshot().at(0).lastErrorAt.isValid());

    const QDateTime before = QDateTime::currentDateTimeUtc();
    registry.record(keyA, failure(502));
    auto snap = registry.snapshot().at(0);
    QCOMPARE(snap.lastError, QStringLiteral("HTTP 502"));
    QVERIFY(snap.lastErrorAt.isValid());
    QCOMPARE(snap.lastErrorAt.timeSpec(), Qt::UTC);
    QVERIFY(snap.lastErrorAt >= before);

    registry.record(keyA, failure(0));
    QCOMPARE(registry.snapshot().at(0).lastError, QStringLiteral("no response"));
    registry.record(keyA, failure(0, QStringLiteral("timeout after 60000 ms")));
    QCOMPARE(registry.snapshot().at(0).lastError, QStringLiteral("timeout after 60000 ms"));
    // A later success keeps the last error for display.
    registry.record(keyA, success(3));
    QCOMPARE(registry.snapshot().at(0).lastError, QStringLiteral("timeout after 60000 ms"));
}

void TestHealthRegistry::retryAfterCoolsDown()
{
    ManualClock clock;
    HealthRegistry registry(clock, {});
    registry.setRoutingTable(makeTable(true, false));
    AttemptResult limited = failure(429, QStringLiteral("rate limited"));
    limited.retryAfterMs = 3000;
    registry.record(keyA, limited);
    QCOMPARE(registry.state(keyA), CircuitState::Closed);
    QVERIFY(!registry.isAvailable(keyA));
    QVERIFY(!registry.tryAcquire(keyA));
    clock.advanceMs(3000);
    QVERIFY(registry.isAvailable(keyA));
    QVERIFY(registry.tryAcquire(keyA));
}

void TestHealthRegistry::snapshotAfterTableSwap()
{
    ManualClock clock;
    HealthRegistry registry(clock, { 1, 1000, 1 });
    registry.setRoutingTable(makeTable(true, false));

    auto snap = registry.snapshot();
    QCOMPARE(snap.size(), 2);
    QCOMPARE(snap.at(0).key, keyA);
    QCOMPARE(snap.at(0).model, QStringLiteral("m"));
    QCOMPARE(snap.at(0).provider, QStringLiteral("a"));
    QCOMPARE(snap.at(0).upstreamModel, QStringLiteral("up-a"));
    QCOMPARE(snap.at(0).weight, 3);
    QCOMPARE(snap.at(0).effectiveWeight, 3.0);
    QCOMPARE(snap.at(0).state, CircuitState::Closed);
    QCOMPARE(snap.at(1).key, keyB);

    registry.record(keyA, failure(500, QStringLiteral("boom")));
    registry.record(keyB, failure());
    QCOMPARE(registry.state(keyA), CircuitState::Open);

    // B removed, C added: A keeps its health, B is forgotten, C starts closed.
    registry.setRoutingTable(makeTable(false, true));
    snap = registry.snapshot();
    QCOMPARE(snap.size(), 2);
    QCOMPARE(snap.at(0).key, keyA);
    QCOMPARE(snap.at(0).state, CircuitState::Open);
    QCOMPARE(snap.at(0).lastError, QStringLiteral("boom"));
    QCOMPARE(snap.at(0).successRate, 0.0);
    QCOMPARE(snap.at(1).key, keyC);
    QCOMPARE(snap.at(1).provider, QStringLiteral("c"));
    QCOMPARE(snap.at(1).state, CircuitState::Closed);
    QCOMPARE(snap.at(1).successRate, 1.0);

    // B comes back: fresh health.
    registry.setRoutingTable(makeTable(true, true));
    snap = registry.snapshot();
    QCOMPARE(snap.size(), 3);
    QCOMPARE(snap.at(1).key, keyB);
    QCOMPARE(snap.at(1).state, CircuitState::Closed);
    QCOMPARE(snap.at(1).windowAttempts, 0);
}

void TestHealthRegistry::unknownKeysBeforeAndAfterTable()
{
    ManualClock clock;
    HealthRegistry registry(clock, { 1, 1000, 1 });
    const QString stray = QStringLiteral("gone|x|y");

    // No table yet: entries are made on first use.
    registry.record(stray, failure());
    QCOMPARE(registry.state(stray), CircuitState::Open);
    QCOMPARE(registry.snapshot().size(), 1);

    // With a table: keys outside it are forgotten and then ignored.
    registry.setRoutingTable(makeTable(false, false));
    QCOMPARE(registry.state(stray), CircuitState::Closed);
    QSignalSpy recorded(&registry, &HealthRegistry::attemptRecorded);
    registry.record(stray, failure());
    QCOMPARE(recorded.count(), 0);
    QVERIFY(registry.tryAcquire(stray));
    QVERIFY(registry.isAvailable(stray));
    QCOMPARE(registry.snapshot().size(), 1);
    QCOMPARE(registry.snapshot().at(0).key, keyA);
}

void TestHealthRegistry::probes()
{
    ManualClock clock;
    HealthRegistry registry(clock, { 1, 1000, 1 });
    registry.setRoutingTable(makeTable(true, true));
    QSignalSpy spy(&registry, &HealthRegistry::routeStateChanged);

    registry.recordProbe(QStringLiteral("b"), false, QStringLiteral("GET /models: 503"));
    QCOMPARE(registry.state(keyB), CircuitState::Open);
    QCOMPARE(registry.state(keyA), CircuitState::Closed);
    QCOMPARE(spy.count(), 1);
    auto snap = registry.snapshot().at(1);
    QVERIFY(snap.lastProbeAt.isValid());
    QVERIFY(!snap.lastProbeOk);
    QCOMPARE(snap.lastError, QStringLiteral("GET /models: 503"));
    QVERIFY(!registry.snapshot().at(0).lastProbeAt.isValid());

    registry.recordProbe(QStringLiteral("b"), true);
    QCOMPARE(registry.state(keyB), CircuitState::Closed);
    QCOMPARE(spy.count(), 2);
    snap = registry.snapshot().at(1);
    QVERIFY(snap.lastProbeOk);

    // A passing probe leaves closed routes alone; an unknown provider touches nothing.
    registry.recordProbe(QStringLiteral("a"), true);
    QCOMPARE(spy.count(), 2);
    registry.recordProbe(QStringLiteral("unknown"), false);
    QCOMPARE(spy.count(), 2);
}

void TestHealthRegistry::settingsReachEveryBreaker()
{
    ManualClock clock;
    HealthRegistry registry(clock, { 5, 30000, 1 });
    registry.setRoutingTable(makeTable(true, false));
    registry.record(keyA, failure());
    registry.setSettings({ 2, 100, 1 });
    QCOMPARE(registry.settings().failureThreshold, 2);
    registry.record(keyA, failure());
    QCOMPARE(registry.state(keyA), CircuitState::Open);
    // New routes get the current settings too.
    registry.setRoutingTable(makeTable(true, true));
    registry.record(keyC, failure());
    registry.record(keyC, failure());
    QCOMPARE(registry.state(keyC), CircuitState::Open);
    clock.advanceMs(100);
    QCOMPARE(registry.state(keyC), CircuitState::HalfOpen);
}

QTEST_GUILESS_MAIN(TestHealthRegistry)
#include "tst_routing_healthregistry.moc"
