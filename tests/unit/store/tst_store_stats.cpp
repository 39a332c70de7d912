// StatsQuery against a known dataset: buckets, groups, percentiles, trace attribution, and the
// request_traces rows the trigger (and the migration's backfill) maintain.

#include "store/database.h"
#include "store/logwriter.h"
#include "store/statsquery.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <vector>

class TestStoreStats final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void percentile_data();
    void percentile();
    void buckets_data();
    void buckets();
    void refusedRequests_data();
    void refusedRequests();
    void names();
    void json();
    void backfillMatchesTrigger();

private:
    void writeDataset(const QString &path);
    QStringList describe(const QString &connection, const StatsRequest &request);

    QTemporaryDir m_dir;
    const QString m_connection = QStringLiteral("tst-stats");
    QDateTime m_t0;
};

namespace {

struct Row
{
    qint64 offsetMs; // from t0
    const char *trace;
    const char *model;
    const char *provider;
    const char *key;
    int attempt;
    const char *status;
    double totalMs;
    double ttftMs;
    qint64 in;
    qint64 out;
    qint64 cached;
};

constexpr qint64 minute = 60 * 1000;
constexpr qint64 hour = 60 * minute;

// The dataset, in writing order (the order the gateway logs: an attempt when it ends).
// Expected per trace (outcome row, latency, ttft, error):
//   t0: starts before t0 (excluded when from = t0)
//   t1: A/k1, 502 on p1 then 200 on p2: ok, latency 200, ttft 50, tokens 13/20/5, hour 0
//   t2: A/k1, 200 on p1: ok, latency 300, ttft 30, tokens 1/2/0, hour 0
//   t3: B/k2, 429 on p2 then refused (attempt 0, 503): error, latency 50 (last real attempt), p2
//   t4: B/k2, refused before any attempt: error, latency 0, provider ""
//   t5: A/k1, timeout on p1 at 00:59:59, 200 on p2 at 01:00:30: ok, latency 400, in hour 0
//   t6..t9: A/k1, 200 on p1 in hour 1, latencies 10..40, ttft 1, 2, 3, unknown
//   t10: C/k3 on p3, no trace id (a trace of its own), 200, latency 7, hour 3
const Row dataset[] = {
    { -minute, "t0", "A", "p1", "k1", 1, "502", 5, -1, 0, 0, 0 },
    { 30 * 1000, "t0", "A", "p2", "k1", 2, "200", 6, -1, 100, 100, 100 },
    { minute, "t1", "A", "p1", "k1", 1, "502", 100, -1, 3, -1, -1 },
    { minute + 5000, "t1", "A", "p2", "k1", 2, "200", 200, 50, 10, 20, 5 },
    { 10 * minute, "t2", "A", "p1", "k1", 1, "200", 300, 30, 1, 2, 0 },
    { 20 * minute, "t3", "B", "p2", "k2", 1, "429", 50, -1, -1, -1, -1 },
    { 20 * minute + 1000, "t3", "B", "", "k2", 0, "503", 0, -1, -1, -1, -1 },
    { 30 * minute, "t4", "B", "", "k2", 0, "503", 0, -1, -1, -1, -1 },
    { hour - 1000, "t5", "A", "p1", "k1", 1, "timeout", 60000, -1, -1, -1, -1 },
    { hour + 30 * 1000, "t5", "A", "p2", "k1", 2, "200", 400, -1, -1, -1, -1 },
    { hour + 1 * minute, "t6", "A", "p1", "k1", 1, "200", 10, 1, 1, 1, 1 },
    { hour + 2 * minute, "t7", "A", "p1", "k1", 1, "200", 20, 2, 1, 1, 1 },
    { hour + 3 * minute, "t8", "A", "p1", "k1", 1, "200", 30, 3, 1, 1, 1 },
    { hour + 4 * minute, "t9", "A", "p1", "k1", 1, "200", 40, -1, 1, 1, 1 },
    { 3 * hour + 7 * minute, "", "C", "p3", "k3", 1, "200", 7, -1, -1, -1, -1 },
};

QString number(double value)
{
    return value < 0 ? QStringLiteral("-") : QString::number(value, 'g', 10);
}

} // namespace

void TestStoreStats::writeDataset(const QString &path)
{
    LogWriter writer(path, LogWriterSettings { 4, 0 });
    for (const Row &row : dataset) {
        RequestLogRecord r;
        r.time = m_t0.addMSecs(row.offsetMs);
        r.traceId = QString::fromLatin1(row.trace);
        r.accessKey = QString::fromLatin1(row.key);
        r.protocol = QStringLiteral("openai");
        r.model = QString::fromLatin1(row.model);
        r.provider = QString::fromLatin1(row.provider);
        r.attempt = row.attempt;
        r.status = QString::fromLatin1(row.status);
        r.totalMs = row.totalMs;
        r.ttftMs = row.ttftMs;
        r.inputTokens = row.in;
        r.outputTokens = row.out;
        r.cachedTokens = row.cached;
        writer.enqueue(r);
    }
    writer.flush();
    QCOMPARE(writer.droppedCount(), 0);
}

void TestStoreStats::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_t0 = QDateTime(QDate(2030, 1, 1), QTime(0, 0), QTimeZone::utc());
    const QString path = m_dir.filePath(QStringLiteral("stats.sqlite"));
    writeDataset(path);
    QString error;
    QVERIFY2(Database::open(m_connection, path, &error), qPrintable(error));
}

void TestStoreStats::cleanupTestCase()
{
    Database::close(m_connection);
}

// One line per bucket: "<minutes from t0>m [<group>] req=.. err=.. tok=in/out/cached lat=p50/p95
// ttft=p50/p95", "-" for unknown percentiles.
QStringList TestStoreStats::describe(const QString &connection, const StatsRequest &request)
{
    QString error;
    const std::optional<QList<StatsBucket>> buckets = StatsQuery(connection).query(request, &error);
    [&] { QVERIFY2(buckets, qPrintable(error)); }();
    QStringList lines;
    if (!buckets)
        return lines;
    for (const StatsBucket &b : *buckets) {
        QString line = QStringLiteral("%1m").arg(m_t0.msecsTo(b.start) / minute);
        if (request.groupBy != StatsGroupBy::None)
            line += QStringLiteral(" [%1]").arg(b.group);
        line += QStringLiteral(" req=%1 err=%2 tok=%3/%4/%5 lat=%6/%7 ttft=%8/%9")
                    .arg(b.requests)
                    .arg(b.errors)
                    .arg(b.inputTokens)
                    .arg(b.outputTokens)
                    .arg(b.cachedTokens)
                    .arg(number(b.latencyP50Ms), number(b.latencyP95Ms), number(b.ttftP50Ms),
                         number(b.ttftP95Ms));
        lines.append(line);
    }
    return lines;
}

void TestStoreStats::percentile_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<double>("p");
    QTest::addColumn<double>("expected");

    QTest::newRow("empty") << QList<double>() << 0.5 << -1.0;
    QTest::newRow("one value") << QList<double> { 7 } << 0.95 << 7.0;
    QTest::newRow("median of odd count") << QList<double> { 5, 1, 3 } << 0.5 << 3.0;
    QTest::newRow("median of even count") << QList<double> { 40, 10, 30, 20 } << 0.5 << 25.0;
    QTest::newRow("p95 interpolates") << QList<double> { 400, 0, 300, 50, 200 } << 0.95 << 380.0;
    QTest::newRow("p0 is the minimum") << QList<double> { 3, 1, 2 } << 0.0 << 1.0;
    QTest::newRow("p100 is the maximum") << QList<double> { 3, 1, 2 } << 1.0 << 3.0;
    QTest::newRow("duplicates") << QList<double> { 2, 2, 2, 9 } << 0.5 << 2.0;
    QTest::newRow("fractions") << QList<double> { 1.5, 2.5 } << 0.5 << 2.0;
    QList<double> hundred;
    for (int i = 100; i >= 1; --i)
        hundred.append(i);
    QTest::newRow("1..100 p95") << hundred << 0.95 << 95.05;
}

void TestStoreStats::percentile()
{
    QFETCH(QList<double>, values);
    QFETCH(double, p);
    QFETCH(double, expected);
    std::vector<double> v(values.begin(), values.end());
    QCOMPARE(StatsQuery::percentile(v, p), expected);
}

void TestStoreStats::buckets_data()
{
    QTest::addColumn<qint64>("fromMs");
    QTest::addColumn<qint64>("toMs");
    QTest::addColumn<int>("bucket");
    QTest::addColumn<int>("groupBy");
    QTest::addColumn<QStringList>("expected");

    const int minuteB = int(StatsBucketSize::Minute);
    const int hourB = int(StatsBucketSize::Hour);
    const int dayB = int(StatsBucketSize::Day);
    const int none = int(StatsGroupBy::None);

    QTest::newRow("hours, no group")
        << qint64(0) << 4 * hour << hourB << none
        << QStringList {
               QStringLiteral("0m req=5 err=2 tok=14/22/5 lat=200/380 ttft=40/49"),
               QStringLiteral("60m req=4 err=0 tok=4/4/4 lat=25/38.5 ttft=2/2.9"),
               QStringLiteral("180m req=1 err=0 tok=0/0/0 lat=7/7 ttft=-/-"),
           };
    QTest::newRow("to is exclusive, trace counted where it starts")
        << qint64(0) << hour << hourB << none
        << QStringList { QStringLiteral("0m req=5 err=2 tok=14/22/5 lat=200/380 ttft=40/49") };
    QTest::newRow("a trace counts in the bucket of its first row")
        << -2 * minute << hour << hourB << none
        << QStringList {
               QStringLiteral("-60m req=1 err=0 tok=100/100/100 lat=6/6 ttft=-/-"),
               QStringLiteral("0m req=5 err=2 tok=14/22/5 lat=200/380 ttft=40/49"),
           };
    QTest::newRow("from inside a bucket: the bucket starts aligned")
        << 10 * minute << 2 * hour << hourB << none
        << QStringList {
               QStringLiteral("0m req=4 err=2 tok=1/2/0 lat=175/385 ttft=30/30"),
               QStringLiteral("60m req=4 err=0 tok=4/4/4 lat=25/38.5 ttft=2/2.9"),
           };
    QTest::newRow("minutes") << hour << hour + 3 * minute << minuteB << none
                             << QStringList {
                                    QStringLiteral("61m req=1 err=0 tok=1/1/1 lat=10/10 ttft=1/1"),
                                    QStringLiteral("62m req=1 err=0 tok=1/1/1 lat=20/20 ttft=2/2"),
                                };
    QTest::newRow("day by provider")
        << qint64(0) << 24 * hour << dayB << int(StatsGroupBy::Provider)
        << QStringList {
               QStringLiteral("0m [] req=1 err=1 tok=0/0/0 lat=0/0 ttft=-/-"),
               QStringLiteral("0m [p1] req=5 err=0 tok=5/6/4 lat=30/248 ttft=2.5/25.95"),
               QStringLiteral("0m [p2] req=3 err=1 tok=13/20/5 lat=200/380 ttft=50/50"),
               QStringLiteral("0m [p3] req=1 err=0 tok=0/0/0 lat=7/7 ttft=-/-"),
           };
    QTest::newRow("hours by model")
        << qint64(0) << 4 * hour << hourB << int(StatsGroupBy::Model)
        << QStringList {
               QStringLiteral("0m [A] req=3 err=0 tok=14/22/5 lat=300/390 ttft=40/49"),
               QStringLiteral("0m [B] req=2 err=2 tok=0/0/0 lat=25/47.5 ttft=-/-"),
               QStringLiteral("60m [A] req=4 err=0 tok=4/4/4 lat=25/38.5 ttft=2/2.9"),
               QStringLiteral("180m [C] req=1 err=0 tok=0/0/0 lat=7/7 ttft=-/-"),
           };
    QTest::newRow("day by key")
        << qint64(0) << 24 * hour << dayB << int(StatsGroupBy::AccessKey)
        << QStringList {
               QStringLiteral("0m [k1] req=7 err=0 tok=18/26/9 lat=40/370 ttft=3/46"),
               QStringLiteral("0m [k2] req=2 err=2 tok=0/0/0 lat=25/47.5 ttft=-/-"),
               QStringLiteral("0m [k3] req=1 err=0 tok=0/0/0 lat=7/7 ttft=-/-"),
           };
    QTest::newRow("nothing in range") << 5 * hour << 6 * hour << hourB << none << QStringList();
}

void TestStoreStats::buckets()
{
    QFETCH(qint64, fromMs);
    QFETCH(qint64, toMs);
    QFETCH(int, bucket);
    QFETCH(int, groupBy);
    QFETCH(QStringList, expected);

    StatsRequest request;
    request.from = m_t0.addMSecs(fromMs);
    request.to = m_t0.addMSecs(toMs);
    request.bucket = StatsBucketSize(bucket);
    request.groupBy = StatsGroupBy(groupBy);
    QCOMPARE(describe(m_connection, request), expected);
}

void TestStoreStats::refusedRequests_data()
{
    QTest::addColumn<qint64>("fromMs");
    QTest::addColumn<qint64>("toMs");
    QTest::addColumn<QString>("error");

    QTest::newRow("to before from") << hour << qint64(0) << QStringLiteral("later than from");
    QTest::newRow("empty range") << hour << hour << QStringLiteral("later than from");
    QTest::newRow("too many buckets")
        << qint64(0) << (StatsQuery::maxBuckets + 1) * minute << QStringLiteral("buckets");
}

void TestStoreStats::refusedRequests()
{
    QFETCH(qint64, fromMs);
    QFETCH(qint64, toMs);
    QFETCH(QString, error);

    StatsRequest request;
    request.from = m_t0.addMSecs(fromMs);
    request.to = m_t0.addMSecs(toMs);
    request.bucket = StatsBucketSize::Minute;
    QString message;
    QVERIFY(!StatsQuery(m_connection).query(request, &message));
    QVERIFY2(message.contains(error), qPrintable(message));

    request.to = QDateTime();
    QVERIFY(!StatsQuery(m_connection).query(request, &message));
    QVERIFY(!StatsQuery(QStringLiteral("no-such-connection")).query(StatsRequest {}, &message));
}

void TestStoreStats::names()
{
    QCOMPARE(StatsQuery::bucketSizeFromName(QStringLiteral("minute")), StatsBucketSize::Minute);
    QCOMPARE(StatsQuery::bucketSizeFromName(QStringLiteral("hour")), StatsBucketSize::Hour);
    QCOMPARE(StatsQuery::bucketSizeFromName(QStringLiteral("day")), StatsBucketSize::Day);
    QVERIFY(!StatsQuery::bucketSizeFromName(QStringLiteral("week")));
    QVERIFY(!StatsQuery::bucketSizeFromName(QStringLiteral("Hour")));
    QCOMPARE(StatsQuery::groupByFromName(QStringLiteral("model")), StatsGroupBy::Model);
    QCOMPARE(StatsQuery::groupByFromName(QStringLiteral("provider")), StatsGroupBy::Provider);
    QCOMPARE(StatsQuery::groupByFromName(QStringLiteral("key")), StatsGroupBy::AccessKey);
    QVERIFY(!StatsQuery::groupByFromName(QStringLiteral("access_key")));
    QCOMPARE(StatsQuery::bucketMs(StatsBucketSize::Day), 24 * hour);
}

void TestStoreStats::json()
{
    StatsBucket b;
    b.start = m_t0.addSecs(3600);
    b.group = QStringLiteral("p1");
    b.requests = 4;
    b.errors = 1;
    b.inputTokens = 10;
    b.outputTokens = 20;
    b.cachedTokens = 3;
    b.latencyP50Ms = 25;
    b.latencyP95Ms = 38.5;
    QCOMPARE(QJsonDocument(statsBucketToJson(b, true)).toJson(QJsonDocument::Compact),
             QByteArrayLiteral(
                 R"({"cached_tokens":3,"errors":1,"group":"p1","input_tokens":10,)"
                 R"("latency_p50_ms":25,"latency_p95_ms":38.5,"output_tokens":20,"requests":4,)"
                 R"("start":"2030-01-01T01:00:00Z","ttft_p50_ms":null,"ttft_p95_ms":null})"));
    QVERIFY(statsBucketToJson(b, false).value(QStringLiteral("group")).isNull());
}

// A database from before schema step 2 gets request_traces filled from its existing log rows,
// with the same numbers the trigger produces.
void TestStoreStats::backfillMatchesTrigger()
{
    const QString path = m_dir.filePath(QStringLiteral("backfill.sqlite"));
    writeDataset(path);
    const QString connection = QStringLiteral("tst-stats-backfill");
    QString error;
    QVERIFY2(Database::open(connection, path, &error), qPrintable(error));
    {
        QSqlQuery query(QSqlDatabase::database(connection));
        // Back to schema 1: drop what later steps added (their tables take their indexes and
        // triggers with them).
        QVERIFY(query.exec(QStringLiteral(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('providers',"
            " 'models', 'routes', 'access_keys', 'request_log', 'schema_version')"
            " AND name NOT LIKE 'sqlite_%'")));
        QStringList later;
        while (query.next())
            later.append(query.value(0).toString());
        QVERIFY(later.contains(QStringLiteral("request_traces")));
        for (const QString &table : later)
            QVERIFY(query.exec(QStringLiteral("DROP TABLE ") + table));
        QVERIFY(query.exec(QStringLiteral("DROP TRIGGER request_log_traces")));
        QVERIFY(query.exec(QStringLiteral("PRAGMA auto_vacuum = NONE")));
        QVERIFY(query.exec(QStringLiteral("VACUUM")));
        QVERIFY(query.exec(QStringLiteral("UPDATE schema_version SET version = 1")));
    }
    Database::close(connection);
    QVERIFY2(Database::open(connection, path, &error), qPrintable(error));
    {
        QSqlQuery query(QSqlDatabase::database(connection));
        QVERIFY(query.exec(QStringLiteral("PRAGMA auto_vacuum")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 2); // INCREMENTAL, after the migration's VACUUM
    }
    for (const int groupBy : { int(StatsGroupBy::None), int(StatsGroupBy::Provider) }) {
        StatsRequest request;
        request.from = m_t0.addMSecs(-hour);
        request.to = m_t0.addMSecs(4 * hour);
        request.groupBy = StatsGroupBy(groupBy);
        QCOMPARE(describe(connection, request), describe(m_connection, request));
    }
    Database::close(connection);
}

QTEST_GUILESS_MAIN(TestStoreStats)
#include "tst_store_stats.moc"
