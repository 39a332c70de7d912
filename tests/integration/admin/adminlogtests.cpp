// The request log and route health through the admin API.

#include "adminapitest.h"

#include "engine.h"
#include "routing/healthregistry.h"
#include "store/logwriter.h"
#include "store/storethread.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

// 30 rows, one a minute from 2030-01-01T00:00Z (later than any row the engine itself could
// log while the test runs, so they are the newest). Row i: model "log-a" when i % 3 == 0
// else "log-b"; provider "p1" when i is odd else "p2"; status "502" when i % 5 == 0 else
// "200"; trace "trace-<i/2>"; access key "k1"; error "upstream exploded" on 502s.
void TestAdminApi::enqueueLogRows()
{
    if (m_logsEnqueued)
        return;
    LogWriter *writer = m_store->writer();
    for (int i = 0; i < 30; ++i) {
        RequestLogRecord row;
        row.time = m_logBase.addSecs(60 * i);
        row.traceId = QStringLiteral("trace-%1").arg(i / 2);
        row.accessKey = QStringLiteral("k1");
        row.protocol = QStringLiteral("openai");
        row.model = i % 3 == 0 ? QStringLiteral("log-a") : QStringLiteral("log-b");
        row.provider = i % 2 ? QStringLiteral("p1") : QStringLiteral("p2");
        row.upstreamModel = QStringLiteral("up-%1").arg(i);
        row.attempt = i % 2 + 1;
        row.status = i % 5 == 0 ? QStringLiteral("502") : QStringLiteral("200");
        row.error = i % 5 == 0 ? QStringLiteral("upstream exploded") : QString();
        row.stream = i % 4 == 0;
        row.headerMs = 1.5;
        row.ttftMs = i % 4 == 0 ? 2.5 : -1;
        row.totalMs = 10 + i;
        row.inputTokens = i;
        row.outputTokens = 2 * i;
        row.bytesIn = 100;
        row.bytesOut = 200;
        row.userAgent = QStringLiteral("agent/1");
        writer->enqueue(row);
    }
    writer->flush();
    QCOMPARE(writer->droppedCount(), 0);
    m_logsEnqueued = true;
}

static QString utc(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

// Items are newest first: time descending, then id descending.
static bool newestFirst(const QJsonArray &items)
{
    for (qsizetype i = 1; i < items.size(); ++i) {
        const QJsonObject before = items.at(i - 1).toObject();
        const QJsonObject after = items.at(i).toObject();
        const QString t0 = before.value(QStringLiteral("time")).toString();
        const QString t1 = after.value(QStringLiteral("time")).toString();
        if (t0 < t1)
            return false;
        if (t0 == t1
            && before.value(QStringLiteral("id")).toInteger()
                < after.value(QStringLiteral("id")).toInteger())
            return false;
    }
    return true;
}

void TestAdminApi::logsFilters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("expected");

    const qint64 base = m_logBase.toSecsSinceEpoch();
    QTest::newRow("all of k1") << QStringLiteral("access_key=k1") << 30;
    QTest::newRow("unknown key") << QStringLiteral("access_key=nobody") << 0;
    QTest::newRow("model") << QStringLiteral("model=log-a") << 10;
    QTest::newRow("model and provider") << QStringLiteral("model=log-b&provider=p1") << 10;
    QTest::newRow("status") << QStringLiteral("status=502") << 6;
    QTest::newRow("status and model") << QStringLiteral("status=200&model=log-a") << 8;
    QTest::newRow("trace id") << QStringLiteral("trace_id=trace-7") << 2;
    QTest::newRow("from/to ISO") << QStringLiteral(
        "from=2030-01-01T00:10:00Z&to=2030-01-01T00:20:00Z")
                                 << 10;
    QTest::newRow("from/to without offset (UTC)")
        << QStringLiteral("from=2030-01-01T00:10:00&to=2030-01-01T00:20:00") << 10;
    QTest::newRow("from/to with offset")
        << QStringLiteral("from=2030-01-01T02:10:00%2B02:00&to=2030-01-01T02:20:00%2B02:00") << 10;
    QTest::newRow("from/to epoch seconds")
        << QStringLiteral("from=%1&to=%2").arg(base + 600).arg(base + 1200) << 10;
    QTest::newRow("from only") << QStringLiteral("from=2030-01-01T00:25:00.000Z&access_key=k1")
                               << 5;
    QTest::newRow("to only") << QStringLiteral("to=%1&access_key=k1").arg(base + 90) << 2;
    QTest::newRow("text") << QStringLiteral("q=exploded") << 6;
    QTest::newRow("text, other case") << QStringLiteral("q=EXPLODED") << 6;
    QTest::newRow("text in user agent") << QStringLiteral("q=agent%2F1") << 30;
}

void TestAdminApi::logsFilters()
{
    QFETCH(QString, query);
    QFETCH(int, expected);

    enqueueLogRows();
    const AdminClient::Response response = client().get(QStringLiteral("/admin/logs?") + query);
    QCOMPARE(response.status, 200);
    const QJsonObject page = response.json();
    QCOMPARE(page.value(QStringLiteral("total")).toInteger(), expected);
    const QJsonArray items = page.value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), expected);
    QVERIFY(newestFirst(items));

    // Every item matches the filter it was asked for.
    const QUrlQuery filters(query);
    for (const QJsonValue &value : items) {
        const QJsonObject row = value.toObject();
        for (const char *key : { "model", "provider", "status", "trace_id", "access_key" }) {
            const QString name = QString::fromLatin1(key);
            if (filters.hasQueryItem(name))
                QCOMPARE(row.value(name).toString(), filters.queryItemValue(name));
        }
    }
}

void TestAdminApi::logsPagination()
{
    enqueueLogRows();
    QList<qint64> ids;
    const int sizes[] = { 7, 7, 6, 0 };
    for (int pageIndex = 0; pageIndex < 4; ++pageIndex) {
        const AdminClient::Response response = client().get(
            QStringLiteral("/admin/logs?model=log-b&limit=7&offset=%1").arg(7 * pageIndex));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json().value(QStringLiteral("total")).toInteger(), 20);
        const QJsonArray items = response.json().value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), sizes[pageIndex]);
        QVERIFY(newestFirst(items));
        for (const QJsonValue &item : items)
            ids.append(item.toObject().value(QStringLiteral("id")).toInteger());
    }
    QCOMPARE(ids.size(), 20);
    QCOMPARE(QSet<qint64>(ids.cbegin(), ids.cend()).size(), 20); // no row twice
    // Pages continue each other: the whole list in one page is the same sequence.
    const QJsonArray all = client()
                               .get(QStringLiteral("/admin/logs?model=log-b&limit=20"))
                               .json()
                               .value(QStringLiteral("items"))
                               .toArray();
    QCOMPARE(all.size(), 20);
    for (int i = 0; i < 20; ++i)
        QCOMPARE(all.at(i).toObject().value(QStringLiteral("id")).toInteger(), ids.at(i));

    // The default limit is 100, a larger one is capped, limit=0 counts only.
    AdminClient::Response response
        = client().get(QStringLiteral("/admin/logs?limit=0&access_key=k1"));
    QCOMPARE(response.json().value(QStringLiteral("total")).toInteger(), 30);
    QCOMPARE(response.json().value(QStringLiteral("items")).toArray().size(), 0);
    response = client().get(QStringLiteral("/admin/logs?limit=100000&access_key=k1"));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.json().value(QStringLiteral("items")).toArray().size(), 30);

    // Without filters the newest rows come first: ours, 2030.
    response = client().get(QStringLiteral("/admin/logs?limit=3"));
    const QJsonArray newest = response.json().value(QStringLiteral("items")).toArray();
    QCOMPARE(newest.size(), 3);
    QCOMPARE(newest.at(0).toObject().value(QStringLiteral("time")).toString(),
             utc(m_logBase.addSecs(60 * 29)));
    QCOMPARE(newest.at(2).toObject().value(QStringLiteral("time")).toString(),
             utc(m_logBase.addSecs(60 * 27)));
}

void TestAdminApi::logsRowShape()
{
    enqueueLogRows();
    const AdminClient::Response response
        = client().get(QStringLiteral("/admin/logs?trace_id=trace-0"));
    QCOMPARE(response.status, 200);
    const QJsonArray items = response.json().value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), 2);
    const QJsonObject row = items.at(1).toObject(); // i == 0, the older of the two
    const QStringList fields { QStringLiteral("id"),
                               QStringLiteral("time"),
                               QStringLiteral("trace_id"),
                               QStringLiteral("access_key"),
                               QStringLiteral("protocol"),
                               QStringLiteral("model"),
                               QStringLiteral("provider"),
                               QStringLiteral("upstream_model"),
                               QStringLiteral("attempt"),
                               QStringLiteral("status"),
                               QStringLiteral("error"),
                               QStringLiteral("stream"),
                               QStringLiteral("header_ms"),
                               QStringLiteral("ttft_ms"),
                               QStringLiteral("total_ms"),
                               QStringLiteral("input_tokens"),
                               QStringLiteral("output_tokens"),
                               QStringLiteral("cached_tokens"),
                               QStringLiteral("bytes_in"),
                               QStringLiteral("bytes_out"),
                               QStringLiteral("user_agent") };
    QStringList keys = row.keys();
    keys.sort();
    QStringList expectedKeys = fields;
    expectedKeys.sort();
    QCOMPARE(keys, expectedKeys);
    QCOMPARE(row.value(QStringLiteral("time")).toString(),
             QStringLiteral("2030-01-01T00:00:00.000Z"));
    QCOMPARE(row.value(QStringLiteral("model")).toString(), QStringLiteral("log-a"));
    QCOMPARE(row.value(QStringLiteral("provider")).toString(), QStringLiteral("p2"));
    QCOMPARE(row.value(QStringLiteral("upstream_model")).toString(), QStringLiteral("up-0"));
    QCOMPARE(row.value(QStringLiteral("attempt")).toInt(), 1);
    QCOMPARE(row.value(QStringLiteral("status")).toString(), QStringLiteral("502"));
    QCOMPARE(row.value(QStringLiteral("error")).toString(), QStringLiteral("upstream exploded"));
    QCOMPARE(row.value(QStringLiteral("stream")).toBool(), true);
    QCOMPARE(row.value(QStringLiteral("header_ms")).toDouble(), 1.5);
    QCOMPARE(row.value(QStringLiteral("ttft_ms")).toDouble(), 2.5);
    QCOMPARE(row.value(QStringLiteral("total_ms")).toDouble(), 10.0);
    QCOMPARE(row.value(QStringLiteral("input_tokens")).toInteger(), 0);
    QVERIFY(row.value(QStringLiteral("cached_tokens")).isNull()); // -1: unknown
    QCOMPARE(row.value(QStringLiteral("bytes_out")).toInteger(), 200);
    QCOMPARE(row.value(QStringLiteral("user_agent")).toString(), QStringLiteral("agent/1"));
    QVERIFY(items.at(0).toObject().value(QStringLiteral("ttft_ms")).isNull()); // i == 1
}

void TestAdminApi::logsValidation_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");

    QTest::newRow("limit not a number") << QStringLiteral("limit=ten") << QStringLiteral("limit");
    QTest::newRow("negative limit") << QStringLiteral("limit=-1") << QStringLiteral("limit");
    QTest::newRow("offset not a number")
        << QStringLiteral("offset=1.5") << QStringLiteral("offset");
    QTest::newRow("negative offset") << QStringLiteral("offset=-3") << QStringLiteral("offset");
    QTest::newRow("from not a time") << QStringLiteral("from=yesterday") << QStringLiteral("from");
    QTest::newRow("to: month 13") << QStringLiteral("model=x&to=2030-13-01T00:00:00Z")
                                  << QStringLiteral("to");
    QTest::newRow("empty from") << QStringLiteral("from=") << QStringLiteral("from");
    QTest::newRow("unknown parameter") << QStringLiteral("modle=x") << QStringLiteral("modle");
}

void TestAdminApi::logsValidation()
{
    QFETCH(QString, query);
    QFETCH(QString, field);

    const AdminClient::Response response = client().get(QStringLiteral("/admin/logs?") + query);
    QCOMPARE(response.status, 400);
    QCOMPARE(response.errorType(), QStringLiteral("invalid_request_error"));
    QCOMPARE(response.errorField(), field);
}

void TestAdminApi::health()
{
    AdminClient::Response response = client().get(QStringLiteral("/admin/health"));
    QCOMPARE(response.status, 200);
    QJsonArray routes = response.json().value(QStringLiteral("routes")).toArray();
    QCOMPARE(routes.size(), 2);
    QJsonObject first = routes.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("model")).toString(), QStringLiteral("m1"));
    QCOMPARE(first.value(QStringLiteral("provider")).toString(), QStringLiteral("alpha"));
    QCOMPARE(first.value(QStringLiteral("upstream_model")).toString(), QStringLiteral("up-1"));
    QCOMPARE(first.value(QStringLiteral("state")).toString(), QStringLiteral("closed"));
    QCOMPARE(first.value(QStringLiteral("weight")).toInt(), 3);
    QCOMPARE(first.value(QStringLiteral("effective_weight")).toDouble(), 3.0);
    QCOMPARE(first.value(QStringLiteral("success_rate")).toDouble(), 1.0);
    for (const char *nullField :
         { "p50_ms", "last_error", "last_error_at", "last_probe_at", "last_probe_ok" }) {
        QVERIFY2(first.contains(QString::fromLatin1(nullField)), nullField);
        QVERIFY2(first.value(QString::fromLatin1(nullField)).isNull(), nullField);
    }
    QCOMPARE(routes.at(1).toObject().value(QStringLiteral("provider")).toString(),
             QStringLiteral("beta"));

    // Feed the registry as the forwarding job and the prober would.
    HealthRegistry *registry = m_engine->healthRegistry();
    const QList<RouteHealthSnapshot> snapshot = registry->snapshot();
    QCOMPARE(snapshot.size(), 2);
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    registry->forceOpen(snapshot.at(0).key, QStringLiteral("connection refused"));
    AttemptResult ok;
    ok.success = true;
    ok.httpStatus = 200;
    ok.latencyMs = 120;
    registry->record(snapshot.at(1).key, ok);
    AttemptResult failed;
    failed.httpStatus = 500;
    failed.error = QStringLiteral("HTTP 500");
    failed.latencyMs = 40;
    registry->record(snapshot.at(1).key, failed);
    registry->recordProbe(QStringLiteral("beta"), true);

    response = client().get(QStringLiteral("/admin/health"));
    QCOMPARE(response.status, 200);
    routes = response.json().value(QStringLiteral("routes")).toArray();
    first = routes.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("state")).toString(), QStringLiteral("open"));
    QCOMPARE(first.value(QStringLiteral("last_error")).toString(),
             QStringLiteral("connection refused"));
    const QDateTime errorAt = QDateTime::fromString(
        first.value(QStringLiteral("last_error_at")).toString(), Qt::ISODateWithMs);
    QVERIFY(errorAt.isValid());
    QCOMPARE(errorAt.timeSpec(), Qt::UTC);
    QVERIFY(errorAt >= before && errorAt <= QDateTime::currentDateTimeUtc().addSecs(1));
    const QJsonObject second = routes.at(1).toObject();
    QCOMPARE(second.value(QStringLiteral("state")).toString(), QStringLiteral("closed"));
    QCOMPARE(second.value(QStringLiteral("success_rate")).toDouble(), 0.5);
    QCOMPARE(second.value(QStringLiteral("p50_ms")).toDouble(), 120.0);
    QCOMPARE(second.value(QStringLiteral("last_error")).toString(), QStringLiteral("HTTP 500"));
    QCOMPARE(second.value(QStringLiteral("last_probe_ok")).toBool(), true);
    QVERIFY(QDateTime::fromString(second.value(QStringLiteral("last_probe_at")).toString(),
                                  Qt::ISODateWithMs)
                .isValid());

    // A model added through the API shows up in health at once.
    response = client().post(
        QStringLiteral("/admin/models"),
        QJsonObject {
            { QStringLiteral("name"), QStringLiteral("m2") },
            { QStringLiteral("routes"),
              QJsonArray { QJsonObject { { QStringLiteral("provider"), QStringLiteral("beta") },
                                         { QStringLiteral("model"), QStringLiteral("b-9") },
                                         { QStringLiteral("weight"), 0 } } } } });
    QCOMPARE(response.status, 201);
    routes = client()
                 .get(QStringLiteral("/admin/health"))
                 .json()
                 .value(QStringLiteral("routes"))
                 .toArray();
    QCOMPARE(routes.size(), 3);
    QCOMPARE(routes.at(2).toObject().value(QStringLiteral("upstream_model")).toString(),
             QStringLiteral("b-9"));
    QCOMPARE(routes.at(2).toObject().value(QStringLiteral("weight")).toInt(), 0);
    // The open route keeps its state across the config change.
    QCOMPARE(routes.at(0).toObject().value(QStringLiteral("state")).toString(),
             QStringLiteral("open"));
}
