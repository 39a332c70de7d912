#include "routing/router.h"
#include "routingtestconfig.h"

#include <QTest>

using namespace routingtest;

namespace {

QStringList keysOf(const QList<const RouteEntry *> &routes)
{
    QStringList keys;
    for (const RouteEntry *route : routes)
        keys.append(route->key);
    return keys;
}

// Model "chat": a (openai, prio 0), b (anthropic, prio 0), c (openai, prio 1).
GatewayConfig chatConfig()
{
    GatewayConfig config;
    config.providers = { provider(QStringLiteral("a")),
                         provider(QStringLiteral("b"), true, WireProtocol::Anthropic),
                         provider(QStringLiteral("c")) };
    config.models = { model(QStringLiteral("chat"),
                            { route(QStringLiteral("a"), QStringLiteral("gpt"), 3, 0),
                              route(QStringLiteral("b"), QStringLiteral("claude"), 1, 0),
                              route(QStringLiteral("c"), QStringLiteral("gpt"), 1, 1) }) };
    return config;
}

const QString keyA = QStringLiteral("chat|a|gpt");
const QString keyB = QStringLiteral("chat|b|claude");
const QString keyC = QStringLiteral("chat|c|gpt");

} // namespace

class TestRouter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tableBuildSkipsDisabled();
    void tableFirstDuplicateWins();
    void unknownModel();
    void noRouteConfigured();
    void allHealthy();
    void openCircuitsSkippedAndCounted();
    void cooldownCountsAsUnavailable();
    void halfOpenIsCandidateWhileSlotFree();
    void filterCounted_data();
    void filterCounted();
    void weightZeroCountedNowhere();
};

void TestRouter::tableBuildSkipsDisabled()
{
    GatewayConfig config;
    config.providers = { provider(QStringLiteral("on")), provider(QStringLiteral("off"), false) };
    config.models = {
        model(QStringLiteral("zeta"),
              { route(QStringLiteral("on"), QStringLiteral("z1")),
                route(QStringLiteral("on"), QStringLiteral("z2"), 1, 0, false), // route disabled
                route(QStringLiteral("off"), QStringLiteral("z3")), // provider disabled
                route(QStringLiteral("missing"), QStringLiteral("z4")), // provider unknown
                route(QStringLiteral("on"), QStringLiteral("z5"), -2, 4) }, // negative weight
              5),
        model(QStringLiteral("alpha"), { route(QStringLiteral("off"), QStringLiteral("a1")) }),
    };
    const auto table = RoutingTable::build(config);

    QCOMPARE(table->modelNames(),
             (QStringList { QStringLiteral("alpha"), QStringLiteral("zeta") }));
    const ModelEntry *zeta = table->model(QStringLiteral("zeta"));
    QVERIFY(zeta);
    QCOMPARE(zeta->name, QStringLiteral("zeta"));
    QCOMPARE(zeta->maxAttempts, 5);
    QCOMPARE(zeta->configuredRoutes, 5);
    QCOMPARE(zeta->routes.size(), 2);
    QCOMPARE(zeta->routes.at(0).key, QStringLiteral("zeta|on|z1"));
    QCOMPARE(zeta->routes.at(0).model, QStringLiteral("zeta"));
    QCOMPARE(zeta->routes.at(0).provider->name, QStringLiteral("on"));
    QCOMPARE(zeta->routes.at(0).upstreamModel, QStringLiteral("z1"));
    QCOMPARE(zeta->routes.at(1).upstreamModel, QStringLiteral("z5"));
    QCOMPARE(zeta->routes.at(1).weight, 0);
    QCOMPARE(zeta->routes.at(1).priority, 4);

    const ModelEntry *alpha = table->model(QStringLiteral("alpha"));
    QVERIFY(alpha);
    QCOMPARE(alpha->configuredRoutes, 1);
    QVERIFY(alpha->routes.isEmpty());

    QCOMPARE(table->providers().size(), 2);
    QVERIFY(table->provider(QStringLiteral("off")));
    QVERIFY(!table->provider(QStringLiteral("off"))->enabled);
    QVERIFY(!table->provider(QStringLiteral("missing")));
    QCOMPARE(table->routeKeys(),
             (QStringList { QStringLiteral("zeta|on|z1"), QStringLiteral("zeta|on|z5") }));

    // The table shares one provider object between its routes and providers().
    QCOMPARE(zeta->routes.at(0).provider.get(), table->provider(QStringLiteral("on")).get());
}

void TestRouter::tableFirstDuplicateWins()
{
    GatewayConfig config;
    ProviderConfig second = provider(QStringLiteral("p"));
    second.baseUrl = QStringLiteral("http://second");
    config.providers = { provider(QStringLiteral("p")), second };
    config.models
        = { model(QStringLiteral("m"), { route(QStringLiteral("p"), QStringLiteral("x")) }),
            model(QStringLiteral("m"), {}) };
    const auto table = RoutingTable::build(config);
    QCOMPARE(table->providers().size(), 1);
    QCOMPARE(table->provider(QStringLiteral("p"))->baseUrl,
             QStringLiteral("http://127.0.0.1:1/v1"));
    QCOMPARE(table->modelNames(), QStringList { QStringLiteral("m") });
    QCOMPARE(table->model(QStringLiteral("m"))->routes.size(), 1);
}

void TestRouter::unknownModel()
{
    const auto table = RoutingTable::build(chatConfig());
    ManualClock clock;
    HealthRegistry health(clock, {});
    health.setRoutingTable(table);
    SeededRandomSource random(1);
    Router router(health, random);

    const RoutePlan plan = router.plan(*table, QStringLiteral("nope"));
    QVERIFY(!plan.model);
    QVERIFY(plan.candidates.isEmpty());
    QCOMPARE(plan.unavailable, 0);
    QCOMPARE(plan.filteredOut, 0);
    // Model names are case sensitive, as clients send them.
    QVERIFY(!router.plan(*table, QStringLiteral("CHAT")).model);
}

void TestRouter::noRouteConfigured()
{
    GatewayConfig config;
    config.models = { model(QStringLiteral("empty"), {}) };
    const auto table = RoutingTable::build(config);
    ManualClock clock;
    HealthRegistry health(clock, {});
    SeededRandomSource random(1);
    Router router(health, random);
    const RoutePlan plan = router.plan(*table, QStringLiteral("empty"));
    QVERIFY(plan.model);
    QCOMPARE(plan.model->configuredRoutes, 0);
    QVERIFY(plan.candidates.isEmpty());
}

void TestRouter::allHealthy()
{
    const auto table = RoutingTable::build(chatConfig());
    ManualClock clock;
    HealthRegistry health(clock, {});
    health.setRoutingTable(table);
    SeededRandomSource random(3);
    Router router(health, random);

    for (int i = 0; i < 200; ++i) {
        const RoutePlan plan = router.plan(*table, QStringLiteral("chat"));
        QCOMPARE(plan.model, table->model(QStringLiteral("chat")));
        QCOMPARE(plan.candidates.size(), 3);
        QCOMPARE(plan.candidates.last()->key, keyC); // the priority 1 tier comes last
        QCOMPARE(plan.unavailable, 0);
        QCOMPARE(plan.filteredOut, 0);
        // Candidates point into the table.
        for (const RouteEntry *route : plan.candidates)
            QVERIFY(route >= &plan.model->routes.first() && route <= &plan.model->routes.last());
    }
}

void TestRouter::openCircuitsSkippedAndCounted()
{
    const auto table = RoutingTable::build(chatConfig());
    ManualClock clock;
    HealthRegistry health(clock, { 1, 1000, 1 });
    health.setRoutingTable(table);
    SeededRandomSource random(3);
    Router router(health, random);

    health.forceOpen(keyA, QStringLiteral("down"));
    RoutePlan plan = router.plan(*table, QStringLiteral("chat"));
    QCOMPARE(keysOf(plan.candidates), (QStringList { keyB, keyC }));
    QCOMPARE(plan.unavailable, 1);

    AttemptResult failed;
    failed.httpStatus = 500;
    health.record(keyB, failed);
    health.record(keyC, failed);
    plan = router.plan(*table, QStringLiteral("chat"));
    QVERIFY(plan.model);
    QVERIFY(plan.candidates.isEmpty());
    QCOMPARE(plan.unavailable, 3);
}

void TestRouter::cooldownCountsAsUnavailable()
{
    const auto table = RoutingTable::build(chatConfig());
    ManualClock clock;
    HealthRegistry health(clock, {});
    health.setRoutingTable(table);
    SeededRandomSource random(3);
    Router router(health, random);

    AttemptResult limited;
    limited.httpStatus = 429;
    limited.retryAfterMs = 2000;
    health.record(keyC, limited);
    RoutePlan plan = router.plan(*table, QStringLiteral("chat"));
    QCOMPARE(plan.candidates.size(), 2);
    QVERIFY(!keysOf(plan.candidates).contains(keyC));
    QCOMPARE(plan.unavailable, 1);
    clock.advanceMs(2000);
    plan = router.plan(*table, QStringLiteral("chat"));
    QCOMPARE(plan.candidates.size(), 3);
    QCOMPARE(plan.unavailable, 0);
}

void TestRouter::halfOpenIsCandidateWhileSlotFree()
{
    const auto table = RoutingTable::build(chatConfig());
    ManualClock clock;
    HealthRegistry health(clock, { 1, 1000, 1 });
    health.setRoutingTable(table);
    SeededRandomSource random(3);
    Router router(health, random);

    health.forceOpen(keyC, {});
    clock.advanceMs(1000);
    RoutePlan plan = router.plan(*table, QStringLiteral("chat"));
    QVERIFY(keysOf(plan.candidates).contains(keyC));
    QVERIFY(health.tryAcquire(keyC)); // the trial is under way
    plan = router.plan(*table, QStringLiteral("chat"));
    QVERIFY(!keysOf(plan.candidates).contains(keyC));
    QCOMPARE(plan.unavailable, 1);
}

void TestRouter::filterCounted_data()
{
    QTest::addColumn<int>("protocol"); // WireProtocol, as int for the data table
    QTest::addColumn<bool>("openA");
    QTest::addColumn<QStringList>("expectedKeys");
    QTest::addColumn<int>("filteredOut");
    QTest::addColumn<int>("unavailable");

    QTest::newRow("openai only") << int(WireProtocol::OpenAiChat) << false
                                 << QStringList { keyA, keyC } << 1 << 0;
    QTest::newRow("anthropic only")
        << int(WireProtocol::Anthropic) << false << QStringList { keyB } << 2 << 0;
    QTest::newRow("gemini: none") << int(WireProtocol::Gemini) << false << QStringList {} << 3 << 0;
    // The filter runs first: an open route that is filtered out counts only as filtered.
    QTest::newRow("anthropic, a open")
        << int(WireProtocol::Anthropic) << true << QStringList { keyB } << 2 << 0;
    QTest::newRow("openai, a open")
        << int(WireProtocol::OpenAiChat) << true << QStringList { keyC } << 1 << 1;
}

void TestRouter::filterCounted()
{
    QFETCH(int, protocol);
    QFETCH(bool, openA);
    QFETCH(QStringList, expectedKeys);
    QFETCH(int, filteredOut);
    QFETCH(int, unavailable);

    const auto table = RoutingTable::build(chatConfig());
    ManualClock clock;
    HealthRegistry health(clock, {});
    health.setRoutingTable(table);
    SeededRandomSource random(8);
    Router router(health, random);
    if (openA)
        health.forceOpen(keyA, {});

    int filterCalls = 0;
    const RoutePlan plan
        = router.plan(*table, QStringLiteral("chat"), [&](const RouteEntry &route) {
              ++filterCalls;
              return route.provider->type == WireProtocol(protocol);
          });
    QCOMPARE(filterCalls, 3);
    QCOMPARE(keysOf(plan.candidates), expectedKeys);
    QCOMPARE(plan.filteredOut, filteredOut);
    QCOMPARE(plan.unavailable, unavailable);
}

void TestRouter::weightZeroCountedNowhere()
{
    GatewayConfig config;
    config.providers = { provider(QStringLiteral("a")), provider(QStringLiteral("b")) };
    config.models = { model(QStringLiteral("m"),
                            { route(QStringLiteral("a"), QStringLiteral("x"), 0),
                              route(QStringLiteral("b"), QStringLiteral("x"), 2) }) };
    const auto table = RoutingTable::build(config);
    ManualClock clock;
    HealthRegistry health(clock, {});
    health.setRoutingTable(table);
    SeededRandomSource random(8);
    Router router(health, random);
    const RoutePlan plan = router.plan(*table, QStringLiteral("m"));
    QCOMPARE(keysOf(plan.candidates), QStringList { QStringLiteral("m|b|x") });
    QCOMPARE(plan.unavailable, 0);
    QCOMPARE(plan.filteredOut, 0);
}

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_routing_router.moc"
