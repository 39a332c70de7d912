#include "routing/healthregistry.h"
#include "routing/healthweight.h"
#include "routing/router.h"
#include "routingtestconfig.h"

#include <QSignalSpy>
#include <QTest>

using namespace routingtest;

namespace {

// Model "m": routes to "a" (weight 3) and "b" (weight 1), one tier.
std::shared_ptr<const RoutingTable> makeTable(int weightA = 3, int weightB = 1)
{
    GatewayConfig config;
    config.providers = { provider(QStringLiteral("a")), provider(QStringLiteral("b")) };
    config.models = { model(QStringLiteral("m"),
                            { route(QStringLiteral("a"), QStringLiteral("up-a"), weightA),
                              route(QStringLiteral("b"), QStringLiteral("up-b"), weightB) }) };
    return RoutingTable::build(config);
}

const QString keyA = QStringLiteral("m|a|up-a");
const QString keyB = QStringLiteral("m|b|up-b");

AttemptResult outcome(bool ok, int status = 0, qint64 retryAfterMs = -1)
{
    AttemptResult result;
    result.success = ok;
    result.httpStatus = status ? status : (ok ? 200 : 503);
    result.latencyMs = 10;
    result.retryAfterMs = retryAfterMs;
    return result;
}

// Breakers that never open by traffic, so the factor alone is observed.
CircuitBreakerSettings neverOpens()
{
    return { 1000, 30000, 1 };
}

RouteHealthSnapshot snapshotOf(const HealthRegistry &registry, const QString &key)
{
    for (const RouteHealthSnapshot &snap : registry.snapshot()) {
        if (snap.key == key)
            return snap;
    }
    return {};
}

} // namespace

class TestHealthWeight final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void successFactor_data();
    void successFactor();
    void penalty();
    void factorFloor();
    void failuresLowerTheWeight_data();
    void failuresLowerTheWeight();
    void oldAttemptsAgeOut();
    void throttlePenaltyDecays();
    void throttleLeftOutOfSuccessFactor();
    void cooldownVisibleAndZeroWeight();
    void openRouteHasZeroEffectiveWeight();
    void distributionFollowsHealth();
    void history();
    void historyKeepsTheNewest();
};

void TestHealthWeight::successFactor_data()
{
    QTest::addColumn<int>("successes");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<double>("expected");
    QTest::newRow("no data") << 0 << 0 << 1.0;
    QTest::newRow("one failure") << 0 << 1 << 0.5;
    QTest::newRow("3 of 4") << 3 << 4 << 0.8;
    QTest::newRow("all good") << 9 << 9 << 1.0;
    QTest::newRow("0 of 9") << 0 << 9 << 0.1;
    QTest::newRow("1 of 3") << 1 << 3 << 0.5;
}

void TestHealthWeight::successFactor()
{
    QFETCH(int, successes);
    QFETCH(int, attempts);
    QFETCH(double, expected);
    QCOMPARE(HealthWeight::successFactor(successes, attempts), expected);
}

void TestHealthWeight::penalty()
{
    using namespace HealthWeight;
    QCOMPARE(penaltyAfter429(0.0), 0.5);
    QCOMPARE(penaltyAfter429(0.5), 0.75);
    QCOMPARE(penaltyAfter429(0.75), 0.875);
    QCOMPARE(decayedPenalty(0.5, 0), 0.5);
    QCOMPARE(decayedPenalty(0.5, PenaltyHalfLifeMs), 0.25);
    QCOMPARE(decayedPenalty(0.5, 2 * PenaltyHalfLifeMs), 0.125);
    QCOMPARE(decayedPenalty(0.5, -1000), 0.5);
    QCOMPARE(decayedPenalty(0.0, 1000), 0.0);
    QCOMPARE(factor(1.0, 0.5), 0.5);
    QCOMPARE(factor(0.8, 0.25), 0.6);
}

void TestHealthWeight::factorFloor()
{
    QCOMPARE(HealthWeight::factor(0.01, 0.0), HealthWeight::MinFactor);
    QCOMPARE(HealthWeight::factor(1.0, 0.99), HealthWeight::MinFactor);
    QCOMPARE(HealthWeight::factor(2.0, -1.0), 1.0); // clamped

    ManualClock clock;
    HealthRegistry registry(clock, neverOpens());
    registry.setRoutingTable(makeTable());
    for (int i = 0; i < 50; ++i)
        registry.record(keyA, outcome(false));
    QCOMPARE(registry.healthFactor(keyA), HealthWeight::MinFactor);
    QCOMPARE(snapshotOf(registry, keyA).effectiveWeight, 3 * HealthWeight::MinFactor);
}

void TestHealthWeight::failuresLowerTheWeight_data()
{
    QTest::addColumn<int>("successes");
    QTest::addColumn<int>("failures");
    QTest::addColumn<double>("factor");
    QTest::newRow("none") << 0 << 0 << 1.0;
    QTest::newRow("one failure") << 0 << 1 << 0.5;
    QTest::newRow("3 ok 1 failed") << 3 << 1 << 0.8;
    QTest::newRow("1 ok 3 failed") << 1 << 3 << 0.4;
    QTest::newRow("all ok") << 20 << 0 << 1.0;
}

void TestHealthWeight::failuresLowerTheWeight()
{
    QFETCH(int, successes);
    QFETCH(int, failures);
    QFETCH(double, factor);
    ManualClock clock(1000);
    HealthRegistry registry(clock, neverOpens());
    registry.setRoutingTable(makeTable());
    for (int i = 0; i < successes; ++i)
        registry.record(keyA, outcome(true));
    for (int i = 0; i < failures; ++i)
        registry.record(keyA, outcome(false));
    QCOMPARE(registry.healthFactor(keyA), factor);
    const RouteHealthSnapshot snap = snapshotOf(registry, keyA);
    QCOMPARE(snap.healthFactor, factor);
    QCOMPARE(snap.effectiveWeight, 3 * factor);
    QCOMPARE(snap.throttlePenalty, 0.0);
    // The other route is untouched.
    QCOMPARE(snapshotOf(registry, keyB).effectiveWeight, 1.0);
}

void TestHealthWeight::oldAttemptsAgeOut()
{
    ManualClock clock;
    HealthRegistry registry(clock, neverOpens());
    registry.setRoutingTable(makeTable());
    registry.record(keyA, outcome(false));
    clock.advanceMs(HealthWeight::RecentMs / 2);
    registry.record(keyA, outcome(true));
    QCOMPARE(registry.healthFactor(keyA), 2.0 / 3.0);

    // The failure leaves the recent window; the success is still in it.
    clock.advanceMs(HealthWeight::RecentMs / 2 + 1);
    QCOMPARE(registry.healthFactor(keyA), 1.0);
    // The displayed success rate is over the whole window, unaffected by age.
    QCOMPARE(snapshotOf(registry, keyA).successRate, 0.5);
}

void TestHealthWeight::throttlePenaltyDecays()
{
    ManualClock clock;
    HealthRegistry registry(clock, neverOpens());
    registry.setRoutingTable(makeTable());

    registry.record(keyA, outcome(false, 429));
    QCOMPARE(registry.healthFactor(keyA), 0.5);
    QCOMPARE(snapshotOf(registry, keyA).throttlePenalty, 0.5);
    QCOMPARE(snapshotOf(registry, keyA).effectiveWeight, 1.5);

    clock.advanceMs(30000); // one half-life
    QCOMPARE(registry.healthFactor(keyA), 0.75);
    QCOMPARE(snapshotOf(registry, keyA).throttlePenalty, 0.25);

    // A second 429 takes half of what is left: 0.25 -> 0.625.
    registry.record(keyA, outcome(false, 429));
    QCOMPARE(registry.healthFactor(keyA), 0.375);

    clock.advanceMs(60000); // two half-lives: 0.625 / 4
    QCOMPARE(registry.healthFactor(keyA), 1.0 - 0.625 / 4);

    // Back-to-back 429s quarter the weight, down to the floor at most.
    registry.record(keyB, outcome(false, 429));
    registry.record(keyB, outcome(false, 429));
    QCOMPARE(registry.healthFactor(keyB), 0.25);
    for (int i = 0; i < 10; ++i)
        registry.record(keyB, outcome(false, 429));
    QCOMPARE(registry.healthFactor(keyB), HealthWeight::MinFactor);

    clock.advanceMs(10 * 60 * 1000);
    QVERIFY(registry.healthFactor(keyB) > 0.99);
}

void TestHealthWeight::throttleLeftOutOfSuccessFactor()
{
    ManualClock clock;
    HealthRegistry registry(clock, neverOpens());
    registry.setRoutingTable(makeTable());
    registry.record(keyA, outcome(true));
    registry.record(keyA, outcome(false, 429));
    // Success factor (1 + 1) / (1 + 1) = 1 (the 429 is not counted), penalty 0.5.
    QCOMPARE(registry.healthFactor(keyA), 0.5);
    // The displayed success rate counts it as the failure it is.
    QCOMPARE(snapshotOf(registry, keyA).successRate, 0.5);
}

void TestHealthWeight::cooldownVisibleAndZeroWeight()
{
    ManualClock clock;
    HealthRegistry registry(clock, neverOpens());
    registry.setRoutingTable(makeTable());
    const QDateTime before = QDateTime::currentDateTimeUtc();
    registry.record(keyA, outcome(false, 429, 10000));

    RouteHealthSnapshot snap = snapshotOf(registry, keyA);
    QCOMPARE(snap.state, CircuitState::Closed);
    QVERIFY(snap.cooldownUntil.isValid());
    QCOMPARE(snap.cooldownUntil.timeSpec(), Qt::UTC);
    QVERIFY(snap.cooldownUntil >= before.addMSecs(10000 - 1000));
    QVERIFY(snap.cooldownUntil <= QDateTime::currentDateTimeUtc().addMSecs(10000 + 1000));
    QCOMPARE(snap.effectiveWeight, 0.0);
    QCOMPARE(snap.healthFactor, 0.5);

    clock.advanceMs(10000);
    snap = snapshotOf(registry, keyA);
    QVERIFY(!snap.cooldownUntil.isValid());
    QVERIFY(snap.effectiveWeight > 0.0);
}

void TestHealthWeight::openRouteHasZeroEffectiveWeight()
{
    ManualClock clock;
    HealthRegistry registry(clock, { 1, 1000, 1 });
    registry.setRoutingTable(makeTable());
    registry.record(keyA, outcome(false));
    QCOMPARE(registry.state(keyA), CircuitState::Open);
    QCOMPARE(snapshotOf(registry, keyA).effectiveWeight, 0.0);
    clock.advanceMs(1000); // half-open: may take a trial again
    QCOMPARE(registry.state(keyA), CircuitState::HalfOpen);
    QCOMPARE(snapshotOf(registry, keyA).effectiveWeight, 3 * 0.5);
}

void TestHealthWeight::distributionFollowsHealth()
{
    ManualClock clock;
    HealthRegistry registry(clock, neverOpens());
    const auto table = makeTable(1, 1);
    registry.setRoutingTable(table);
    SeededRandomSource random(4711);
    Router router(registry, random);

    const auto shareOfA = [&] {
        constexpr int Plans = 20000;
        int firstA = 0;
        for (int i = 0; i < Plans; ++i) {
            const RoutePlan plan = router.plan(*table, QStringLiteral("m"));
            firstA += plan.candidates.constFirst()->key == keyA ? 1 : 0;
        }
        return double(firstA) / Plans;
    };

    QVERIFY(qAbs(shareOfA() - 0.5) <= 0.02);

    // A: 1 of 4 succeeded -> factor 0.4 against B's 1.0: A's share 0.4 / 1.4.
    registry.record(keyA, outcome(true));
    for (int i = 0; i < 3; ++i)
        registry.record(keyA, outcome(false));
    QVERIFY2(qAbs(shareOfA() - 0.4 / 1.4) <= 0.02, qPrintable(QString::number(shareOfA())));

    // B throttled once: B's factor 0.5 -> A's share 0.4 / 0.9.
    registry.record(keyB, outcome(false, 429));
    QVERIFY2(qAbs(shareOfA() - 0.4 / 0.9) <= 0.02, qPrintable(QString::number(shareOfA())));

    // Later both recover: the penalty decays, A's failures age out.
    clock.advanceMs(HealthWeight::RecentMs + 1);
    QVERIFY(qAbs(shareOfA() - 0.5) <= 0.02);
}

void TestHealthWeight::history()
{
    ManualClock clock;
    HealthRegistry registry(clock, { 2, 1000, 1 });
    registry.setRoutingTable(makeTable());
    QSignalSpy events(&registry, &HealthRegistry::healthEvent);

    registry.recordProbe(QStringLiteral("a"), false, QStringLiteral("HTTP 503: down"), 42);
    // One probe event, then the state change it caused.
    QCOMPARE(events.count(), 2);
    const auto probe = events.at(0).at(0).value<HealthEvent>();
    QCOMPARE(probe.routeKey, keyA);
    QCOMPARE(probe.kind, HealthEvent::Kind::Probe);
    QCOMPARE(probe.ok, false);
    QCOMPARE(probe.state, CircuitState::Open);
    QCOMPARE(probe.latencyMs, qint64(42));
    QCOMPARE(probe.error, QStringLiteral("HTTP 503: down"));
    QVERIFY(probe.time.isValid());
    const auto opened = events.at(1).at(0).value<HealthEvent>();
    QCOMPARE(opened.kind, HealthEvent::Kind::State);
    QCOMPARE(opened.state, CircuitState::Open);
    QCOMPARE(opened.ok, false);
    QCOMPARE(opened.error, QStringLiteral("HTTP 503: down"));

    registry.recordProbe(QStringLiteral("a"), true, {}, 7);
    QCOMPARE(events.count(), 4);

    // Traffic opens B: a state event, attempts themselves are not history.
    registry.record(keyB, outcome(false));
    QCOMPARE(events.count(), 4);
    registry.record(keyB, outcome(false));
    QCOMPARE(events.count(), 5);

    const RouteHealthSnapshot a = snapshotOf(registry, keyA);
    QCOMPARE(a.history.size(), 4);
    // Newest first: closed (state), probe ok, open (state), probe failed.
    QCOMPARE(a.history.at(0).kind, HealthEvent::Kind::State);
    QCOMPARE(a.history.at(0).state, CircuitState::Closed);
    QCOMPARE(a.history.at(1).kind, HealthEvent::Kind::Probe);
    QCOMPARE(a.history.at(1).ok, true);
    QCOMPARE(a.history.at(1).latencyMs, qint64(7));
    QCOMPARE(a.history.at(3).ok, false);
    QCOMPARE(a.lastProbeLatencyMs, qint64(7));
    QVERIFY(a.lastProbeOk);

    const RouteHealthSnapshot b = snapshotOf(registry, keyB);
    QCOMPARE(b.history.size(), 1);
    QCOMPARE(b.history.at(0).state, CircuitState::Open);
    QCOMPARE(b.history.at(0).error, QStringLiteral("HTTP 503"));
}

void TestHealthWeight::historyKeepsTheNewest()
{
    ManualClock clock;
    HealthRegistry registry(clock, neverOpens());
    registry.setRoutingTable(makeTable());
    for (int i = 0; i < HealthRegistry::HistorySize + 5; ++i)
        registry.recordProbe(QStringLiteral("b"), true, {}, i);
    const RouteHealthSnapshot b = snapshotOf(registry, keyB);
    QCOMPARE(b.history.size(), HealthRegistry::HistorySize);
    QCOMPARE(b.history.constFirst().latencyMs, qint64(HealthRegistry::HistorySize + 4));
    QCOMPARE(b.history.constLast().latencyMs, qint64(5));
}

QTEST_GUILESS_MAIN(TestHealthWeight)
#include "tst_routing_healthweight.moc"
