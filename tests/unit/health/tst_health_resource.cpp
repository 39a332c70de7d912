#include "admin/healthresource.h"
#include "routing/clock.h"
#include "routing/healthregistry.h"
#include "routing/routingtable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

std::shared_ptr<const RoutingTable> makeTable()
{
    GatewayConfig config;
    ProviderConfig provider;
    provider.name = QStringLiteral("p");
    provider.baseUrl = QStringLiteral("http://127.0.0.1:1/v1");
    config.providers = { provider };
    RouteConfig route;
    route.provider = QStringLiteral("p");
    route.upstreamModel = QStringLiteral("u");
    route.weight = 4;
    ModelConfig model;
    model.name = QStringLiteral("m");
    model.routes = { route };
    config.models = { model };
    return RoutingTable::build(config);
}

AdminRequest getRequest(const QString &query = {})
{
    AdminRequest request;
    request.method = QHttpServerRequest::Method::Get;
    request.query = QUrlQuery(query);
    return request;
}

QJsonObject firstRoute(const AdminReply &reply)
{
    return QJsonDocument::fromJson(reply.body)
        .object()
        .value(QStringLiteral("routes"))
        .toArray()
        .at(0)
        .toObject();
}

} // namespace

// GET /admin/health as the resource builds it (the HTTP side is tst_integration_admin's).
class TestHealthResource final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freshRoute();
    void weightPenaltyCooldownAndHistory();
    void historyParameter_data();
    void historyParameter();
};

void TestHealthResource::freshRoute()
{
    ManualClock clock;
    HealthRegistry registry(clock, {});
    registry.setRoutingTable(makeTable());
    const AdminReply reply = HealthResource(&registry).collection(getRequest());
    QCOMPARE(reply.status, 200);
    const QJsonObject route = firstRoute(reply);
    QCOMPARE(route.value(QStringLiteral("effective_weight")).toDouble(), 4.0);
    QCOMPARE(route.value(QStringLiteral("health_factor")).toDouble(), 1.0);
    QCOMPARE(route.value(QStringLiteral("throttle_penalty")).toDouble(), 0.0);
    for (const char *nullField : { "cooldown_until", "last_probe_ms", "last_probe_at" })
        QVERIFY2(route.value(QString::fromLatin1(nullField)).isNull(), nullField);
    QVERIFY(route.value(QStringLiteral("history")).isArray());
    QVERIFY(route.value(QStringLiteral("history")).toArray().isEmpty());
}

void TestHealthResource::weightPenaltyCooldownAndHistory()
{
    ManualClock clock;
    HealthRegistry registry(clock, { 5, 30000, 1 });
    registry.setRoutingTable(makeTable());
    registry.recordProbe(QStringLiteral("p"), false, QStringLiteral("HTTP 503: down"), 80);
    registry.recordProbe(QStringLiteral("p"), true, {}, 25);
    AttemptResult limited;
    limited.httpStatus = 429;
    limited.retryAfterMs = 20000;
    registry.record(registry.snapshot().constFirst().key, limited);

    QJsonObject route = firstRoute(HealthResource(&registry).collection(getRequest()));
    QCOMPARE(route.value(QStringLiteral("state")).toString(), QStringLiteral("closed"));
    QCOMPARE(route.value(QStringLiteral("health_factor")).toDouble(), 0.5);
    QCOMPARE(route.value(QStringLiteral("throttle_penalty")).toDouble(), 0.5);
    QCOMPARE(route.value(QStringLiteral("effective_weight")).toDouble(), 0.0); // cooling down
    const QDateTime until = QDateTime::fromString(
        route.value(QStringLiteral("cooldown_until")).toString(), Qt::ISODateWithMs);
    QVERIFY(until.isValid());
    QVERIFY(until > QDateTime::currentDateTimeUtc().addSecs(15));
    QCOMPARE(route.value(QStringLiteral("last_probe_ms")).toDouble(), 25.0);

    const QJsonArray history = route.value(QStringLiteral("history")).toArray();
    QCOMPARE(history.size(), 4); // probe failed, opened, probe passed, closed
    const QJsonObject newest = history.at(0).toObject();
    QCOMPARE(newest.value(QStringLiteral("kind")).toString(), QStringLiteral("state"));
    QCOMPARE(newest.value(QStringLiteral("state")).toString(), QStringLiteral("closed"));
    QCOMPARE(newest.value(QStringLiteral("ok")).toBool(), true);
    QVERIFY(newest.value(QStringLiteral("latency_ms")).isNull());
    QVERIFY(newest.value(QStringLiteral("error")).isNull());
    QVERIFY(
        QDateTime::fromString(newest.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs)
            .isValid());
    const QJsonObject failedProbe = history.at(3).toObject();
    QCOMPARE(failedProbe.value(QStringLiteral("kind")).toString(), QStringLiteral("probe"));
    QCOMPARE(failedProbe.value(QStringLiteral("ok")).toBool(), false);
    QCOMPARE(failedProbe.value(QStringLiteral("state")).toString(), QStringLiteral("open"));
    QCOMPARE(failedProbe.value(QStringLiteral("latency_ms")).toDouble(), 80.0);
    QCOMPARE(failedProbe.value(QStringLiteral("error")).toString(),
             QStringLiteral("HTTP 503: down"));

    // Once the cooldown is over, the route carries its health-weighted share again; one
    // penalty half-life later the 429 costs it a quarter of its weight.
    clock.advanceMs(30000);
    route = firstRoute(HealthResource(&registry).collection(getRequest()));
    QVERIFY(route.value(QStringLiteral("cooldown_until")).isNull());
    QCOMPARE(route.value(QStringLiteral("effective_weight")).toDouble(), 4.0 * (1.0 - 0.25));
}

void TestHealthResource::historyParameter_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("entries");
    // The registry holds 12 events (HistorySize is 20): the default shows them all.
    QTest::newRow("default") << QString() << 200 << 12;
    QTest::newRow("two") << QStringLiteral("history=2") << 200 << 2;
    QTest::newRow("none") << QStringLiteral("history=0") << 200 << 0;
    QTest::newRow("above max") << QStringLiteral("history=1000") << 200 << 12;
    QTest::newRow("negative") << QStringLiteral("history=-1") << 400 << 0;
    QTest::newRow("not a number") << QStringLiteral("history=all") << 400 << 0;
}

void TestHealthResource::historyParameter()
{
    QFETCH(QString, query);
    QFETCH(int, status);
    QFETCH(int, entries);
    ManualClock clock;
    HealthRegistry registry(clock, {});
    registry.setRoutingTable(makeTable());
    for (int i = 0; i < 3; ++i) {
        registry.recordProbe(QStringLiteral("p"), false); // probe + opened
        registry.recordProbe(QStringLiteral("p"), true); // probe + closed
    }
    const AdminReply reply = HealthResource(&registry).collection(getRequest(query));
    QCOMPARE(reply.status, status);
    if (status != 200) {
        QCOMPARE(QJsonDocument::fromJson(reply.body)
                     .object()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("field"))
                     .toString(),
                 QStringLiteral("history"));
        return;
    }
    QCOMPARE(firstRoute(reply).value(QStringLiteral("history")).toArray().size(), entries);
}

QTEST_GUILESS_MAIN(TestHealthResource)
#include "tst_health_resource.moc"
