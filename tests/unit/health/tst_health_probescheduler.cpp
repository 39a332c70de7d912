#include "health/probescheduler.h"
#include "mockprovider.h"
#include "routing/clock.h"
#include "routing/healthregistry.h"
#include "routing/randomsource.h"
#include "routing/routingtable.h"
#include "upstream/upstreamclient.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>

namespace {

ProviderConfig probedProvider(const QString &name, const QString &baseUrl, int intervalS = 60,
                              WireProtocol type = WireProtocol::OpenAiChat)
{
    ProviderConfig provider;
    provider.name = name;
    provider.type = type;
    provider.baseUrl = baseUrl;
    provider.apiKeys = { QStringLiteral("sk-") + name };
    provider.timeoutMs = 60000;
    provider.probe.intervalS = intervalS;
    return provider;
}

// One model per provider ("m-<provider>"), one route each.
std::shared_ptr<const RoutingTable> tableOf(const QList<ProviderConfig> &providers)
{
    GatewayConfig config;
    config.providers = providers;
    for (const ProviderConfig &provider : providers) {
        RouteConfig route;
        route.provider = provider.name;
        route.upstreamModel = QStringLiteral("up");
        ModelConfig model;
        model.name = QStringLiteral("m-") + provider.name;
        model.routes = { route };
        config.models.append(model);
    }
    return RoutingTable::build(config);
}

QString routeKeyOf(const QString &provider)
{
    return RoutingTable::routeKey(QStringLiteral("m-") + provider, provider, QStringLiteral("up"));
}

MockProvider::Behavior behavior(MockProvider::Behavior::Kind kind, int status = 500)
{
    MockProvider::Behavior b;
    b.kind = kind;
    b.status = status;
    return b;
}

// Everything a scheduler needs, on a manual clock unless told otherwise.
struct Fixture
{
    explicit Fixture(CircuitBreakerSettings breaker = { 5, 30000, 1 },
                     ProbeSchedulerSettings settings = {}, const Clock *clockOverride = nullptr)
        : registry(clockOverride ? *clockOverride : clock, breaker)
        , scheduler(registry, upstream, clockOverride ? *clockOverride : clock, random, settings)
    {
    }

    void setTable(const std::shared_ptr<const RoutingTable> &table)
    {
        registry.setRoutingTable(table);
        scheduler.setRoutingTable(table);
    }

    // Moves the manual clock to the provider's due time and starts its probe.
    void runProbeOf(const QString &provider)
    {
        clock.setNowMs(std::max(clock.nowMs(), scheduler.nextDueMs(provider)));
        scheduler.runDue();
    }

    ManualClock clock { 1000 };
    SeededRandomSource random { 99 };
    UpstreamClient upstream;
    HealthRegistry registry;
    ProbeScheduler scheduler;
};

} // namespace

class TestProbeScheduler final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void whoIsProbed();
    void firstProbesSpreadOut();
    void noStormAndOneInFlightPerProvider();
    void nextProbeAfterJitteredInterval();
    void openCircuitProbedSooner();
    void configChangeReschedules();
    void keyFallback();
    void timeoutFailsTheProbe();
    void everyProtocolAndKind_data();
    void everyProtocolAndKind();
    void openRouteRecoversByProbesAlone();

private:
    MockProvider *m_mock = nullptr;
};

void TestProbeScheduler::initTestCase()
{
    m_mock = new MockProvider(QStringLiteral("mock"), this);
    QVERIFY(m_mock->listen());
}

void TestProbeScheduler::whoIsProbed()
{
    Fixture f;
    ProviderConfig off = probedProvider(QStringLiteral("off"), m_mock->baseUrl(), 0);
    ProviderConfig disabled = probedProvider(QStringLiteral("disabled"), m_mock->baseUrl());
    disabled.enabled = false;
    ProviderConfig unused = probedProvider(QStringLiteral("unused"), m_mock->baseUrl());
    GatewayConfig config;
    config.providers
        = { probedProvider(QStringLiteral("on"), m_mock->baseUrl()), off, disabled, unused };
    for (const QString &name :
         { QStringLiteral("on"), QStringLiteral("off"), QStringLiteral("disabled") }) {
        RouteConfig route;
        route.provider = name;
        route.upstreamModel = QStringLiteral("up");
        ModelConfig model;
        model.name = QStringLiteral("m-") + name;
        model.routes = { route };
        config.models.append(model);
    }
    f.setTable(RoutingTable::build(config));
    QCOMPARE(f.scheduler.providers(), QStringList { QStringLiteral("on") });
    QCOMPARE(f.scheduler.nextDueMs(QStringLiteral("off")), -1);
    QCOMPARE(f.scheduler.nextDueMs(QStringLiteral("unused")), -1);

    f.setTable(nullptr);
    QVERIFY(f.scheduler.providers().isEmpty());
}

void TestProbeScheduler::firstProbesSpreadOut()
{
    Fixture f;
    QList<ProviderConfig> providers;
    for (int i = 0; i < 50; ++i)
        providers.append(probedProvider(QStringLiteral("p%1").arg(i), m_mock->baseUrl()));
    f.setTable(tableOf(providers));
    QCOMPARE(f.scheduler.providers().size(), 50);

    QList<qint64> dues;
    for (const ProviderConfig &provider : std::as_const(providers))
        dues.append(f.scheduler.nextDueMs(provider.name));
    const qint64 start = f.clock.nowMs();
    const qint64 spread = ProbeSchedulerSettings().initialSpreadMs;
    QList<int> buckets(10, 0); // 500 ms each
    for (qint64 due : std::as_const(dues)) {
        QVERIFY(due >= start && due <= start + spread);
        ++buckets[int(std::min<qint64>(9, (due - start) * 10 / (spread + 1)))];
    }
    // Uniform over 5 s: about 5 per bucket; no pile-up.
    QVERIFY2(*std::max_element(buckets.cbegin(), buckets.cend()) <= 14,
             qPrintable(QStringLiteral("buckets busy: %1")
                            .arg(*std::max_element(buckets.cbegin(), buckets.cend()))));
    std::sort(dues.begin(), dues.end());
    QVERIFY(std::unique(dues.begin(), dues.end()) - dues.begin() >= 40);

    // A short interval bounds the spread: the first probe comes within one interval.
    Fixture g;
    g.setTable(tableOf({ probedProvider(QStringLiteral("fast"), m_mock->baseUrl(), 1) }));
    QVERIFY(g.scheduler.nextDueMs(QStringLiteral("fast")) <= g.clock.nowMs() + 1000);
}

void TestProbeScheduler::noStormAndOneInFlightPerProvider()
{
    m_mock->reset();
    m_mock->setDefaultBehavior(behavior(MockProvider::Behavior::Kind::Hang));
    Fixture f;
    QList<ProviderConfig> providers;
    for (int i = 0; i < 50; ++i)
        providers.append(probedProvider(QStringLiteral("p%1").arg(i), m_mock->baseUrl()));
    f.setTable(tableOf(providers));

    // Halfway through the spread, only the providers due so far are probed.
    f.clock.advanceMs(ProbeSchedulerSettings().initialSpreadMs / 2);
    f.scheduler.runDue();
    const int firstWave = f.scheduler.probesInFlight();
    QVERIFY2(firstWave > 5 && firstWave < 45, qPrintable(QString::number(firstWave)));

    f.clock.advanceMs(ProbeSchedulerSettings().initialSpreadMs);
    f.scheduler.runDue();
    QCOMPARE(f.scheduler.probesInFlight(), 50);
    QTRY_COMPARE(m_mock->requestCount(), 50);

    // Hours pass while every probe hangs: still one request per provider.
    for (int i = 0; i < 5; ++i) {
        f.clock.advanceMs(3600 * 1000);
        f.scheduler.runDue();
    }
    QTest::qWait(50);
    QCOMPARE(m_mock->requestCount(), 50);
    QCOMPARE(f.scheduler.probesInFlight(), 50);
    for (const ProviderConfig &provider : std::as_const(providers))
        QVERIFY(f.scheduler.isProbing(provider.name));

    f.scheduler.stop();
    QCOMPARE(f.scheduler.probesInFlight(), 0);
    QTRY_COMPARE(m_mock->abortedCount(), 50);
    m_mock->setDefaultBehavior({});
}

void TestProbeScheduler::nextProbeAfterJitteredInterval()
{
    m_mock->reset();
    Fixture f;
    f.setTable(tableOf({ probedProvider(QStringLiteral("p"), m_mock->baseUrl(), 60) }));
    QSignalSpy finished(&f.scheduler, &ProbeScheduler::probeFinished);

    QSet<qint64> delays;
    for (int i = 0; i < 6; ++i) {
        f.runProbeOf(QStringLiteral("p"));
        QVERIFY(f.scheduler.isProbing(QStringLiteral("p")));
        QTRY_COMPARE(finished.count(), i + 1);
        const auto result = finished.at(i).at(1).value<ProbeResult>();
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.httpStatus, 200);
        QVERIFY(result.latencyMs >= 0);
        const qint64 delay = f.scheduler.nextDueMs(QStringLiteral("p")) - f.clock.nowMs();
        QVERIFY2(delay >= 54000 && delay <= 66000, qPrintable(QString::number(delay)));
        delays.insert(delay);
    }
    QVERIFY(delays.size() >= 4); // jittered, not a fixed beat
    QCOMPARE(m_mock->requestCount(), 6);
    const auto request = m_mock->requests().constFirst();
    QCOMPARE(request.method, QByteArrayLiteral("GET"));
    QCOMPARE(request.path, QByteArrayLiteral("/v1/models"));
    QCOMPARE(request.header(QByteArrayLiteral("authorization")), QByteArrayLiteral("Bearer sk-p"));

    const RouteHealthSnapshot snap = f.registry.snapshot().constFirst();
    QVERIFY(snap.lastProbeAt.isValid());
    QVERIFY(snap.lastProbeOk);
    QCOMPARE(snap.history.size(), 6);
}

void TestProbeScheduler::openCircuitProbedSooner()
{
    m_mock->reset();
    Fixture f({ 5, 30000, 1 });
    f.setTable(tableOf({ probedProvider(QStringLiteral("p"), m_mock->baseUrl(), 600) }));
    QSignalSpy finished(&f.scheduler, &ProbeScheduler::probeFinished);
    const QString key = routeKeyOf(QStringLiteral("p"));

    f.runProbeOf(QStringLiteral("p"));
    QTRY_COMPARE(finished.count(), 1);
    qint64 delay = f.scheduler.nextDueMs(QStringLiteral("p")) - f.clock.nowMs();
    QVERIFY(delay >= 540000);

    // Live traffic opens the circuit: the next probe comes at the open duration.
    f.clock.advanceMs(1000);
    for (int i = 0; i < 5; ++i) {
        AttemptResult failed;
        failed.httpStatus = 502;
        f.registry.record(key, failed);
    }
    QCOMPARE(f.registry.state(key), CircuitState::Open);
    delay = f.scheduler.nextDueMs(QStringLiteral("p")) - f.clock.nowMs();
    QVERIFY2(delay >= 27000 && delay <= 33000, qPrintable(QString::number(delay)));

    // A failing probe keeps the short beat; a passing one closes and goes back to the interval.
    m_mock->enqueueBehavior(behavior(MockProvider::Behavior::Kind::HttpError, 503));
    f.runProbeOf(QStringLiteral("p"));
    QTRY_COMPARE(finished.count(), 2);
    QVERIFY(!finished.at(1).at(1).value<ProbeResult>().ok);
    QCOMPARE(finished.at(1).at(1).value<ProbeResult>().httpStatus, 503);
    QCOMPARE(f.registry.state(key), CircuitState::Open);
    delay = f.scheduler.nextDueMs(QStringLiteral("p")) - f.clock.nowMs();
    QVERIFY2(delay >= 27000 && delay <= 33000, qPrintable(QString::number(delay)));

    f.runProbeOf(QStringLiteral("p"));
    QTRY_COMPARE(finished.count(), 3);
    QCOMPARE(f.registry.state(key), CircuitState::Closed);
    delay = f.scheduler.nextDueMs(QStringLiteral("p")) - f.clock.nowMs();
    QVERIFY(delay >= 540000);
}

void TestProbeScheduler::configChangeReschedules()
{
    m_mock->reset();
    Fixture f;
    ProviderConfig p = probedProvider(QStringLiteral("p"), m_mock->baseUrl(), 60);
    ProviderConfig q = probedProvider(QStringLiteral("q"), m_mock->baseUrl(), 60);
    QSignalSpy finished(&f.scheduler, &ProbeScheduler::probeFinished);
    const auto finishedOf = [&finished](const QString &name) {
        return std::count_if(
            finished.cbegin(), finished.cend(),
            [&name](const QList<QVariant> &args) { return args.at(0).toString() == name; });
    };
    f.setTable(tableOf({ p }));
    f.runProbeOf(QStringLiteral("p"));
    QTRY_COMPARE(finishedOf(QStringLiteral("p")), 1);
    const qint64 due = f.scheduler.nextDueMs(QStringLiteral("p"));

    // Another provider added, p's config unchanged: p's schedule stays.
    f.setTable(tableOf({ p, q }));
    QCOMPARE(f.scheduler.nextDueMs(QStringLiteral("p")), due);
    QVERIFY(f.scheduler.nextDueMs(QStringLiteral("q"))
            <= f.clock.nowMs() + ProbeSchedulerSettings().initialSpreadMs);

    // A new interval: probed again soon, then on the new beat.
    p.probe.intervalS = 120;
    f.setTable(tableOf({ p, q }));
    QVERIFY(f.scheduler.nextDueMs(QStringLiteral("p"))
            <= f.clock.nowMs() + ProbeSchedulerSettings().initialSpreadMs);
    f.runProbeOf(QStringLiteral("p"));
    QTRY_COMPARE(finishedOf(QStringLiteral("p")), 2);
    QVERIFY(f.scheduler.nextDueMs(QStringLiteral("p")) - f.clock.nowMs() >= 108000);
    QTRY_VERIFY(!f.scheduler.isProbing(QStringLiteral("q")));

    // A probe in flight for a config that changes is aborted and its result dropped.
    m_mock->reset();
    m_mock->setDefaultBehavior(behavior(MockProvider::Behavior::Kind::Hang));
    f.runProbeOf(QStringLiteral("q"));
    QVERIFY(f.scheduler.isProbing(QStringLiteral("q")));
    QTRY_COMPARE(m_mock->inFlight(), 1);
    const qsizetype finishedBefore = finished.count();
    q.baseUrl = m_mock->rootUrl() + QStringLiteral("/v1/");
    f.setTable(tableOf({ p, q }));
    QVERIFY(!f.scheduler.isProbing(QStringLiteral("q")));
    QTRY_COMPARE(m_mock->abortedCount(), 1);

    // Turned off, then removed.
    q.probe.intervalS = 0;
    f.setTable(tableOf({ p, q }));
    QCOMPARE(f.scheduler.providers(), QStringList { QStringLiteral("p") });
    f.setTable(tableOf({}));
    QVERIFY(f.scheduler.providers().isEmpty());
    QCOMPARE(f.scheduler.nextDueMs(QStringLiteral("p")), -1);
    QCOMPARE(finished.count(), finishedBefore);
    m_mock->setDefaultBehavior({});
}

void TestProbeScheduler::keyFallback()
{
    m_mock->reset();
    m_mock->setRequiredApiKey(QByteArrayLiteral("good"));
    Fixture f;
    ProviderConfig p = probedProvider(QStringLiteral("p"), m_mock->baseUrl());
    p.apiKeys = { QStringLiteral("revoked"), QStringLiteral("good") };
    f.setTable(tableOf({ p }));
    QSignalSpy finished(&f.scheduler, &ProbeScheduler::probeFinished);

    f.runProbeOf(QStringLiteral("p"));
    QTRY_COMPARE(finished.count(), 1);
    auto result = finished.at(0).at(1).value<ProbeResult>();
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.keyIndex, 1);
    QCOMPARE(m_mock->requestCount(), 2);

    // The next probe starts with the key that worked.
    f.runProbeOf(QStringLiteral("p"));
    QTRY_COMPARE(finished.count(), 2);
    QCOMPARE(m_mock->requestCount(), 3);

    // All keys refused: the probe fails with the upstream's message.
    p.apiKeys = { QStringLiteral("bad-1"), QStringLiteral("bad-2") };
    f.setTable(tableOf({ p }));
    f.runProbeOf(QStringLiteral("p"));
    QTRY_COMPARE(finished.count(), 3);
    result = finished.at(2).at(1).value<ProbeResult>();
    QVERIFY(!result.ok);
    QCOMPARE(result.httpStatus, 401);
    QVERIFY2(result.error.startsWith(QStringLiteral("HTTP 401")), qPrintable(result.error));
    QCOMPARE(m_mock->requestCount(), 5);
    QCOMPARE(f.registry.state(routeKeyOf(QStringLiteral("p"))), CircuitState::Open);
    m_mock->setRequiredApiKey({});
}

void TestProbeScheduler::timeoutFailsTheProbe()
{
    m_mock->reset();
    m_mock->enqueueBehavior(behavior(MockProvider::Behavior::Kind::Hang));
    Fixture f;
    ProviderConfig p = probedProvider(QStringLiteral("p"), m_mock->baseUrl());
    p.timeoutMs = 200;
    f.setTable(tableOf({ p }));
    QSignalSpy finished(&f.scheduler, &ProbeScheduler::probeFinished);
    f.runProbeOf(QStringLiteral("p"));
    QTRY_COMPARE(finished.count(), 1);
    const auto result = finished.at(0).at(1).value<ProbeResult>();
    QVERIFY(!result.ok);
    QCOMPARE(result.httpStatus, 0);
    QCOMPARE(result.error, QStringLiteral("timeout after 200 ms"));
    QVERIFY(result.latencyMs >= 190);
    QTRY_COMPARE(m_mock->abortedCount(), 1);
    const RouteHealthSnapshot snap = f.registry.snapshot().constFirst();
    QCOMPARE(snap.state, CircuitState::Open);
    QCOMPARE(snap.lastError, QStringLiteral("timeout after 200 ms"));
}

void TestProbeScheduler::everyProtocolAndKind_data()
{
    QTest::addColumn<WireProtocol>("type");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("authHeader");

    const auto add = [](const char *name, WireProtocol type, const char *kind, const char *method,
                        const char *path, const char *auth) {
        QTest::newRow(name) << type << QString::fromLatin1(kind) << QByteArray(method)
                            << QByteArray(path) << QByteArray(auth);
    };
    add("openai models", WireProtocol::OpenAiChat, "models", "GET", "/v1/models", "authorization");
    add("openai completion", WireProtocol::OpenAiChat, "completion", "POST", "/v1/chat/completions",
        "authorization");
    add("responses models", WireProtocol::OpenAiResponses, "models", "GET", "/v1/models",
        "authorization");
    add("responses completion", WireProtocol::OpenAiResponses, "completion", "POST",
        "/v1/responses", "authorization");
    add("anthropic models", WireProtocol::Anthropic, "models", "GET", "/v1/models", "x-api-key");
    add("anthropic completion", WireProtocol::Anthropic, "completion", "POST", "/v1/messages",
        "x-api-key");
    add("gemini models", WireProtocol::Gemini, "models", "GET", "/v1beta/models", "x-goog-api-key");
    add("gemini completion", WireProtocol::Gemini, "completion", "POST",
        "/v1beta/models/probe-model:generateContent", "x-goog-api-key");
}

void TestProbeScheduler::everyProtocolAndKind()
{
    QFETCH(WireProtocol, type);
    QFETCH(QString, kind);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, authHeader);

    m_mock->reset();
    m_mock->setRequiredApiKey(QByteArrayLiteral("sk-p"));
    Fixture f;
    ProviderConfig p = probedProvider(QStringLiteral("p"), m_mock->baseUrl(type), 60, type);
    p.probe.kind = kind;
    p.probe.model = QStringLiteral("probe-model");
    f.setTable(tableOf({ p }));
    QSignalSpy finished(&f.scheduler, &ProbeScheduler::probeFinished);
    f.runProbeOf(QStringLiteral("p"));
    QTRY_COMPARE(finished.count(), 1);
    const auto result = finished.at(0).at(1).value<ProbeResult>();
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(m_mock->requestCount(), 1);
    const auto request = m_mock->requests().constFirst();
    QCOMPARE(request.method, method);
    QCOMPARE(request.path, path);
    QVERIFY(!request.header(authHeader).isEmpty());
    m_mock->setRequiredApiKey({});
}

void TestProbeScheduler::openRouteRecoversByProbesAlone()
{
    // Real time: probes every 60 s, circuits open for 300 ms. The provider fails, then
    // recovers; nothing but probes reaches it.
    m_mock->reset();
    m_mock->setDefaultBehavior(behavior(MockProvider::Behavior::Kind::HttpError, 500));
    SteadyClock steady;
    ProbeSchedulerSettings settings;
    settings.initialSpreadMs = 50;
    Fixture f({ 5, 300, 1 }, settings, &steady);
    f.setTable(tableOf({ probedProvider(QStringLiteral("p"), m_mock->baseUrl(), 60) }));
    const QString key = routeKeyOf(QStringLiteral("p"));
    QSignalSpy states(&f.registry, &HealthRegistry::routeStateChanged);

    // Marked down by the first probe, before any user traffic.
    QTRY_COMPARE_WITH_TIMEOUT(f.registry.state(key), CircuitState::Open, 3000);
    QCOMPARE(f.registry.snapshot().constFirst().lastProbeOk, false);
    // Probed again at the open duration, not after a minute.
    QTRY_VERIFY_WITH_TIMEOUT(m_mock->requestCount() >= 2, 3000);
    QVERIFY(f.registry.state(key) != CircuitState::Closed);

    m_mock->setDefaultBehavior({});
    QTRY_COMPARE_WITH_TIMEOUT(f.registry.state(key), CircuitState::Closed, 3000);
    QVERIFY(f.registry.snapshot().constFirst().lastProbeOk);
    QCOMPARE(states.constLast().at(1).value<CircuitState>(), CircuitState::Closed);
    const int probesSoFar = m_mock->requestCount();

    // Traffic opens it again while the provider is fine: a probe closes it at once.
    for (int i = 0; i < 5; ++i) {
        AttemptResult failed;
        failed.httpStatus = 502;
        f.registry.record(key, failed);
    }
    QCOMPARE(f.registry.state(key), CircuitState::Open);
    QTRY_COMPARE_WITH_TIMEOUT(f.registry.state(key), CircuitState::Closed, 3000);
    QVERIFY(m_mock->requestCount() > probesSoFar);
    for (const auto &request : m_mock->requests())
        QCOMPARE(request.path, QByteArrayLiteral("/v1/models"));
}

QTEST_GUILESS_MAIN(TestProbeScheduler)
#include "tst_health_probescheduler.moc"
