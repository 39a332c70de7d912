#include "routing/randomsource.h"
#include "routing/weightedbalancer.h"

#include <QSet>
#include <QTest>

#include <vector>

namespace {

// Routes named "r0", "r1", ... with the given weights and priorities.
std::vector<RouteEntry> makeRoutes(const QList<int> &weights, const QList<int> &priorities = {})
{
    std::vector<RouteEntry> routes;
    for (qsizetype i = 0; i < weights.size(); ++i) {
        RouteEntry route;
        route.key = QStringLiteral("r%1").arg(i);
        route.weight = weights.at(i);
        route.priority = priorities.isEmpty() ? 0 : priorities.at(i);
        routes.push_back(route);
    }
    return routes;
}

QList<const RouteEntry *> pointers(const std::vector<RouteEntry> &routes)
{
    QList<const RouteEntry *> result;
    for (const RouteEntry &route : routes)
        result.append(&route);
    return result;
}

// Counts how often it was asked, to prove that a lone route draws nothing.
class CountingRandomSource final : public RandomSource
{
public:
    quint32 bounded(quint32 highExclusive) override
    {
        ++calls;
        return highExclusive == 0 ? 0 : highExclusive - 1;
    }
    int calls = 0;
};

} // namespace

class TestBalancer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstPickFollowsWeights_data();
    void firstPickFollowsWeights();
    void secondPickFollowsRemainingWeights();
    void tiersStrictlyOrdered();
    void weightZeroNeverPicked();
    void failoverContainsEachRouteOnce();
    void loneRouteDrawsNothing();
    void emptyCandidates();
    void seededIsDeterministic();
};

void TestBalancer::firstPickFollowsWeights_data()
{
    QTest::addColumn<QList<int>>("weights");
    QTest::addColumn<quint32>("seed");
    QTest::newRow("3:1") << QList<int> { 3, 1 } << 1u;
    QTest::newRow("3:1 other seed") << QList<int> { 3, 1 } << 4242u;
    QTest::newRow("1:1") << QList<int> { 1, 1 } << 7u;
    QTest::newRow("5:3:2") << QList<int> { 5, 3, 2 } << 99u;
    QTest::newRow("1:3") << QList<int> { 1, 3 } << 12345u;
}

void TestBalancer::firstPickFollowsWeights()
{
    QFETCH(QList<int>, weights);
    QFETCH(quint32, seed);

    const auto routes = makeRoutes(weights);
    const auto candidates = pointers(routes);
    SeededRandomSource random(seed);
    WeightedBalancer balancer(random);

    constexpr int Picks = 20000;
    QList<int> firsts(weights.size(), 0);
    for (int i = 0; i < Picks; ++i) {
        const auto ordered = balancer.order(candidates);
        QCOMPARE(ordered.size(), candidates.size());
        ++firsts[ordered.first() - &routes[0]];
    }

    int total = 0;
    for (int weight : weights)
        total += weight;
    for (qsizetype i = 0; i < weights.size(); ++i) {
        const double expected = double(weights.at(i)) / total;
        const double observed = double(firsts.at(i)) / Picks;
        QVERIFY2(qAbs(observed - expected) <= 0.02,
                 qPrintable(QStringLiteral("route %1: observed %2, expected %3")
                                .arg(i)
                                .arg(observed)
                                .arg(expected)));
    }
}

void TestBalancer::secondPickFollowsRemainingWeights()
{
    // Weights 2:1:1. When r0 comes first, r1 and r2 follow it equally often; when r1 comes
    // first, r0 (weight 2) is second in 2 of 3 cases.
    const auto routes = makeRoutes({ 2, 1, 1 });
    const auto candidates = pointers(routes);
    SeededRandomSource random(31337);
    WeightedBalancer balancer(random);

    int r0First = 0, r0FirstR1Second = 0, r1First = 0, r1FirstR0Second = 0;
    for (int i = 0; i < 20000; ++i) {
        const auto ordered = balancer.order(candidates);
        if (ordered.at(0) == &routes[0]) {
            ++r0First;
            r0FirstR1Second += ordered.at(1) == &routes[1];
        } else if (ordered.at(0) == &routes[1]) {
            ++r1First;
            r1FirstR0Second += ordered.at(1) == &routes[0];
        }
    }
    QVERIFY(r0First > 0 && r1First > 0);
    QVERIFY(qAbs(double(r0FirstR1Second) / r0First - 0.5) <= 0.03);
    QVERIFY(qAbs(double(r1FirstR0Second) / r1First - 2.0 / 3.0) <= 0.03);
}

void TestBalancer::tiersStrictlyOrdered()
{
    // Config order mixes the tiers on purpose.
    const auto routes = makeRoutes({ 1, 5, 2, 9, 1, 3 }, { 2, 1, 0, 2, 0, 1 });
    const auto candidates = pointers(routes);
    SeededRandomSource random(5);
    WeightedBalancer balancer(random);

    for (int i = 0; i < 2000; ++i) {
        const auto ordered = balancer.order(candidates);
        QCOMPARE(ordered.size(), 6);
        for (qsizetype j = 1; j < ordered.size(); ++j)
            QVERIFY(ordered.at(j - 1)->priority <= ordered.at(j)->priority);
        QCOMPARE(ordered.at(0)->priority, 0);
        QCOMPARE(ordered.at(5)->priority, 2);
    }
}

void TestBalancer::weightZeroNeverPicked()
{
    const auto routes = makeRoutes({ 0, 1, 0, 2 }, { 0, 0, 1, 1 });
    const auto candidates = pointers(routes);
    SeededRandomSource random(11);
    WeightedBalancer balancer(random);

    for (int i = 0; i < 2000; ++i) {
        const auto ordered = balancer.order(candidates);
        QCOMPARE(ordered.size(), 2);
        QCOMPARE(ordered.at(0), &routes[1]);
        QCOMPARE(ordered.at(1), &routes[3]);
    }

    const auto allZero = makeRoutes({ 0, 0 });
    QVERIFY(balancer.order(pointers(allZero)).isEmpty());
}

void TestBalancer::failoverContainsEachRouteOnce()
{
    const auto routes = makeRoutes({ 1, 2, 3, 4, 5, 6, 7 }, { 0, 0, 0, 1, 1, 2, 2 });
    const auto candidates = pointers(routes);
    SeededRandomSource random(77);
    WeightedBalancer balancer(random);

    for (int i = 0; i < 2000; ++i) {
        const auto ordered = balancer.order(candidates);
        QCOMPARE(ordered.size(), candidates.size());
        const QSet<const RouteEntry *> unique(ordered.cbegin(), ordered.cend());
        QCOMPARE(unique.size(), candidates.size());
        for (const RouteEntry *route : ordered)
            QVERIFY(candidates.contains(route));
    }
}

void TestBalancer::loneRouteDrawsNothing()
{
    // One route per tier: the order is fixed, no random number is needed.
    const auto routes = makeRoutes({ 4, 2 }, { 1, 0 });
    CountingRandomSource random;
    WeightedBalancer balancer(random);
    const auto ordered = balancer.order(pointers(routes));
    QCOMPARE(ordered.size(), 2);
    QCOMPARE(ordered.at(0), &routes[1]);
    QCOMPARE(ordered.at(1), &routes[0]);
    QCOMPARE(random.calls, 0);

    // Two routes in a tier: one draw (the last one left needs none).
    const auto pair = makeRoutes({ 1, 1 });
    balancer.order(pointers(pair));
    QCOMPARE(random.calls, 1);
}

void TestBalancer::emptyCandidates()
{
    SeededRandomSource random(1);
    WeightedBalancer balancer(random);
    QVERIFY(balancer.order({}).isEmpty());
    QVERIFY(balancer.order({ nullptr }).isEmpty());
}

void TestBalancer::seededIsDeterministic()
{
    const auto routes = makeRoutes({ 3, 1, 2, 5 });
    const auto candidates = pointers(routes);
    SeededRandomSource randomA(2024);
    SeededRandomSource randomB(2024);
    WeightedBalancer a(randomA);
    WeightedBalancer b(randomB);
    for (int i = 0; i < 100; ++i)
        QCOMPARE(a.order(candidates), b.order(candidates));
}

QTEST_GUILESS_MAIN(TestBalancer)
#include "tst_routing_balancer.moc"
