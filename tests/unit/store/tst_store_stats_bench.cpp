// Stats at scale: a synthetic request log (default 10 000 rows over 30 days; set
// LLMO_STATS_BENCH_ROWS=1000000 for the numbers in docs/benchmarks.md "Stats") read two ways:
//
//   traces:  StatsQuery, one request_traces row per client request kept by a trigger (the
//            shipped design);
//   rawlog:  the alternative without an aggregate table, an indexed range scan of a narrow
//            projection of request_log (with a margin either side for traces that straddle the
//            range), the attempts grouped by trace in C++.
//
// Both must give identical buckets (that is the test); the timings, the write cost of the
// trigger and the table's size are printed.

#include "store/database.h"
#include "store/requestlogsql.h"
#include "store/sqltransaction.h"
#include "store/statsquery.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <ctime>
#include <map>
#include <random>
#include <vector>

class TestStoreStatsBench final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void sameResults_data();
    void sameResults();
    void writeCost();
    void tableSize();

private:
    QTemporaryDir m_dir;
    const QString m_connection = QStringLiteral("tst-stats-bench");
    QString m_path;
    qint64 m_rows = 10000;
    QDateTime m_t0;
    QDateTime m_end;
    QStringList m_report;
};

namespace {

constexpr qint64 dayMs = 24 * 60 * 60 * 1000;

// Synthetic traffic: traces evenly spread over the range with jitter; 2 % refused before any
// attempt, otherwise up to 3 attempts (first attempt 90 % 200, else 502/429/timeout) on
// different providers, sometimes ending in a "no route" refusal; 60 % streamed with a time to
// first token; log-normal latencies around 400 ms.
QList<RequestLogRecord> generate(qint64 rows, const QDateTime &t0, qint64 spanMs, quint64 seed)
{
    static const QStringList models
        = { QStringLiteral("gpt-4o"),        QStringLiteral("gpt-4o-mini"),
            QStringLiteral("claude-sonnet"), QStringLiteral("o3"),
            QStringLiteral("gemini-flash"),  QStringLiteral("llama") };
    static const QStringList providers = { QStringLiteral("openai-main"), QStringLiteral("azure"),
                                           QStringLiteral("backup"), QStringLiteral("anthropic") };
    static const QStringList keys
        = { QStringLiteral("cli"), QStringLiteral("ci"), QStringLiteral("alice"),
            QStringLiteral("bob"), QStringLiteral("bot") };
    std::mt19937_64 random(seed);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    std::lognormal_distribution<double> latency(6.0, 0.8);
    auto pick
        = [&](const QStringList &list) { return list.at(int(random() % quint64(list.size()))); };

    QList<RequestLogRecord> result;
    result.reserve(rows);
    const qint64 traces = std::max<qint64>(1, rows * 100 / 113);
    const double spacing = double(spanMs) / double(traces);
    for (qint64 t = 0; result.size() < rows; ++t) {
        RequestLogRecord base;
        base.traceId = QStringLiteral("%1%2")
                           .arg(random(), 16, 16, QLatin1Char('0'))
                           .arg(random(), 16, 16, QLatin1Char('0'));
        base.accessKey = pick(keys);
        base.protocol = QStringLiteral("openai");
        base.model = pick(models);
        base.stream = uniform(random) < 0.6;
        base.userAgent = QStringLiteral("bench/1.0");
        qint64 timeMs = t0.toMSecsSinceEpoch()
            + qint64((double(t % traces) + uniform(random) * 0.5) * spacing);
        if (uniform(random) < 0.02) {
            RequestLogRecord r = base;
            r.time = QDateTime::fromMSecsSinceEpoch(timeMs, QTimeZone::utc());
            r.attempt = 0;
            r.status = QStringLiteral("503");
            r.totalMs = 0;
            result.append(r);
            continue;
        }
        bool ok = false;
        for (int attempt = 1; attempt <= 3 && !ok && result.size() < rows; ++attempt) {
            RequestLogRecord r = base;
            r.time = QDateTime::fromMSecsSinceEpoch(timeMs, QTimeZone::utc());
            r.attempt = attempt;
            r.provider = providers.at(int((t + attempt) % providers.size()));
            r.upstreamModel = r.model;
            const double roll = uniform(random);
            ok = roll < (attempt == 1 ? 0.90 : 0.95);
            r.totalMs = std::round(latency(random) * 100) / 100;
            if (ok) {
                r.status = QStringLiteral("200");
                r.headerMs = r.totalMs * 0.2;
                if (r.stream)
                    r.ttftMs = std::round(r.totalMs * 30 * uniform(random)) / 100;
                r.inputTokens = 100 + qint64(random() % 5000);
                r.outputTokens = 10 + qint64(random() % 1000);
                r.cachedTokens = qint64(random() % 2) * (r.inputTokens / 2);
            } else {
                r.status = roll < 0.96 ? QStringLiteral("502")
                    : roll < 0.99      ? QStringLiteral("429")
                                       : QStringLiteral("timeout");
                r.error = QStringLiteral("upstream said no");
            }
            r.bytesIn = 2000;
            r.bytesOut = ok ? 4000 : 0;
            result.append(r);
            timeMs += qint64(r.totalMs) + 1;
        }
        if (!ok && result.size() < rows && uniform(random) < 0.3) {
            RequestLogRecord r = base;
            r.time = QDateTime::fromMSecsSinceEpoch(timeMs, QTimeZone::utc());
            r.attempt = 0;
            r.status = QStringLiteral("503");
            r.totalMs = 0;
            result.append(r);
        }
    }
    return result;
}

// Inserts like the LogWriter does: one prepared INSERT, batches in transactions.
bool insertRows(const QString &connection, const QList<RequestLogRecord> &rows, int batch,
                QString *error)
{
    const QSqlDatabase db = QSqlDatabase::database(connection);
    for (qsizetype start = 0; start < rows.size(); start += batch) {
        SqlTransaction transaction(db);
        if (!transaction.begin(error))
            return false;
        QSqlQuery query(db);
        query.prepare(RequestLogSql::insertStatement());
        const qsizetype end = std::min(rows.size(), start + batch);
        for (qsizetype i = start; i < end; ++i) {
            RequestLogSql::bindInsert(query, rows.at(i));
            if (!query.exec()) {
                *error = query.lastError().text();
                return false;
            }
        }
        query.finish();
        if (!transaction.commit(error))
            return false;
    }
    return true;
}

// The alternative without request_traces: the same definitions as StatsQuery, computed from
// request_log rows. Traces may straddle the range, so rows are read with a margin either
// side, and a trace counts when its first row is in [from, to).
std::optional<QList<StatsBucket>> rawLogStats(const QString &connection,
                                              const StatsRequest &request, QString *error)
{
    constexpr qint64 marginMs = 60 * 60 * 1000;
    const char *group = request.groupBy == StatsGroupBy::Model ? "model"
        : request.groupBy == StatsGroupBy::Provider            ? "provider"
        : request.groupBy == StatsGroupBy::AccessKey           ? "access_key"
                                                               : "''";
    QSqlQuery query(QSqlDatabase::database(connection));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, time_ms, trace_id, attempt, status, total_ms,"
                                 " ttft_ms, input_tokens, output_tokens, cached_tokens, ")
                  + QLatin1String(group)
                  + QStringLiteral(" FROM request_log WHERE time_ms >= ? AND time_ms < ?"));
    const qint64 fromMs = request.from.toMSecsSinceEpoch();
    const qint64 toMs = request.to.toMSecsSinceEpoch();
    query.addBindValue(fromMs - marginMs);
    query.addBindValue(toMs + marginMs);
    if (!query.exec()) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    struct Trace
    {
        qint64 startMs = std::numeric_limits<qint64>::max();
        int rank = -1;
        qint64 outcomeId = -1;
        QVariant latency;
        QVariant ttft;
        QString group;
        qint64 in = 0, out = 0, cached = 0;
    };
    QHash<QString, Trace> traces;
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        QString key = query.value(2).toString();
        if (key.isEmpty())
            key = QLatin1Char('#') + QString::number(id);
        Trace &trace = traces[key];
        trace.startMs = std::min(trace.startMs, query.value(1).toLongLong());
        const QString status = query.value(4).toString();
        const bool ok = status.size() == 3 && status.startsWith(QLatin1Char('2'))
            && status.at(1).isDigit() && status.at(2).isDigit();
        const int rank = (ok ? 2 : 0) + (query.value(3).toInt() > 0 ? 1 : 0);
        if (std::make_pair(rank, id) > std::make_pair(trace.rank, trace.outcomeId)) {
            trace.rank = rank;
            trace.outcomeId = id;
            trace.latency = query.value(5);
            trace.ttft = query.value(6);
            if (trace.group.isNull() || request.groupBy == StatsGroupBy::Provider)
                trace.group = query.value(10).toString();
        }
        trace.in += query.value(7).toLongLong();
        trace.out += query.value(8).toLongLong();
        trace.cached += query.value(9).toLongLong();
    }
    struct Acc
    {
        StatsBucket bucket;
        std::vector<double> latencies, ttfts;
    };
    const qint64 step = StatsQuery::bucketMs(request.bucket);
    std::map<std::pair<qint64, QString>, Acc> buckets;
    for (const Trace &trace : std::as_const(traces)) {
        if (trace.startMs < fromMs || trace.startMs >= toMs)
            continue;
        const qint64 start = trace.startMs / step * step;
        Acc &acc = buckets[{ start, trace.group }];
        ++acc.bucket.requests;
        acc.bucket.errors += trace.rank < 2 ? 1 : 0;
        acc.bucket.inputTokens += trace.in;
        acc.bucket.outputTokens += trace.out;
        acc.bucket.cachedTokens += trace.cached;
        if (!trace.latency.isNull())
            acc.latencies.push_back(trace.latency.toDouble());
        if (!trace.ttft.isNull())
            acc.ttfts.push_back(trace.ttft.toDouble());
    }
    QList<StatsBucket> result;
    for (auto &[key, acc] : buckets) {
        StatsBucket b = acc.bucket;
        b.start = QDateTime::fromMSecsSinceEpoch(key.first, QTimeZone::utc());
        b.group = request.groupBy == StatsGroupBy::None ? QString() : key.second;
        b.latencyP50Ms = StatsQuery::percentile(acc.latencies, 0.5);
        b.latencyP95Ms = StatsQuery::percentile(acc.latencies, 0.95);
        b.ttftP50Ms = StatsQuery::percentile(acc.ttfts, 0.5);
        b.ttftP95Ms = StatsQuery::percentile(acc.ttfts, 0.95);
        result.append(b);
    }
    return result;
}

QStringList describe(const QList<StatsBucket> &buckets)
{
    QStringList lines;
    for (const StatsBucket &b : buckets) {
        lines.append(QStringLiteral("%1 [%2] %3 %4 %5/%6/%7 %8/%9 %10/%11")
                         .arg(b.start.toString(Qt::ISODate), b.group)
                         .arg(b.requests)
                         .arg(b.errors)
                         .arg(b.inputTokens)
                         .arg(b.outputTokens)
                         .arg(b.cachedTokens)
                         .arg(b.latencyP50Ms, 0, 'g', 17)
                         .arg(b.latencyP95Ms, 0, 'g', 17)
                         .arg(b.ttftP50Ms, 0, 'g', 17)
                         .arg(b.ttftP95Ms, 0, 'g', 17));
    }
    return lines;
}

struct Timing
{
    double wallMs;
    double cpuMs; // of the whole process: the test runs nothing else meanwhile
};

// The run with the median wall time of three.
template<typename F> Timing median(F &&run)
{
    std::vector<Timing> times;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer timer;
        timer.start();
        const std::clock_t cpu = std::clock();
        run();
        times.push_back({ double(timer.nsecsElapsed()) / 1e6,
                          double(std::clock() - cpu) * 1000.0 / CLOCKS_PER_SEC });
    }
    std::sort(times.begin(), times.end(),
              [](const Timing &a, const Timing &b) { return a.wallMs < b.wallMs; });
    return times[1];
}

} // namespace

void TestStoreStatsBench::initTestCase()
{
    QVERIFY(m_dir.isValid());
    bool ok = false;
    const qint64 rows = qEnvironmentVariable("LLMO_STATS_BENCH_ROWS").toLongLong(&ok);
    if (ok && rows > 0)
        m_rows = rows;
    m_t0 = QDateTime(QDate(2030, 1, 1), QTime(0, 0), QTimeZone::utc());
    m_end = m_t0.addDays(30);
    // LLMO_STATS_BENCH_DB keeps the generated database for the next run (generating a million
    // rows takes minutes); it is reused when it holds the asked number of rows.
    m_path = qEnvironmentVariable("LLMO_STATS_BENCH_DB");
    if (m_path.isEmpty())
        m_path = m_dir.filePath(QStringLiteral("bench.sqlite"));
    QString error;
    QVERIFY2(Database::open(m_connection, m_path, &error), qPrintable(error));
    QSqlQuery query(QSqlDatabase::database(m_connection));
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM request_log")));
    QVERIFY(query.next());
    const qint64 existing = query.value(0).toLongLong();
    query.finish(); // an unfinished read would hold back the WAL checkpoints of the writes
    if (existing != m_rows) {
        QVERIFY2(existing == 0, "LLMO_STATS_BENCH_DB holds another number of rows");
        const QList<RequestLogRecord> rows30 = generate(m_rows, m_t0, 30 * dayMs, 42);
        QElapsedTimer timer;
        timer.start();
        QVERIFY2(insertRows(m_connection, rows30, 500, &error), qPrintable(error));
        m_report.append(QStringLiteral("generated and wrote %1 rows in %2 s")
                            .arg(m_rows)
                            .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1));
    }
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM request_traces")));
    QVERIFY(query.next());
    m_report.append(QStringLiteral("%1 log rows, %2 traces over 30 days")
                        .arg(m_rows)
                        .arg(query.value(0).toLongLong()));
}

void TestStoreStatsBench::cleanupTestCase()
{
    Database::close(m_connection);
    for (const QString &line : std::as_const(m_report))
        qInfo("%s", qPrintable(line));
}

void TestStoreStatsBench::sameResults_data()
{
    QTest::addColumn<int>("bucket");
    QTest::addColumn<int>("groupBy");
    QTest::addColumn<int>("days");

    QTest::newRow("30 days by hour") << int(StatsBucketSize::Hour) << int(StatsGroupBy::None) << 30;
    QTest::newRow("30 days by hour, model")
        << int(StatsBucketSize::Hour) << int(StatsGroupBy::Model) << 30;
    QTest::newRow("30 days by day") << int(StatsBucketSize::Day) << int(StatsGroupBy::None) << 30;
    QTest::newRow("30 days by day, model")
        << int(StatsBucketSize::Day) << int(StatsGroupBy::Model) << 30;
    QTest::newRow("30 days by day, provider")
        << int(StatsBucketSize::Day) << int(StatsGroupBy::Provider) << 30;
    QTest::newRow("30 days by day, key")
        << int(StatsBucketSize::Day) << int(StatsGroupBy::AccessKey) << 30;
    QTest::newRow("last day by minute")
        << int(StatsBucketSize::Minute) << int(StatsGroupBy::None) << 1;
    QTest::newRow("last day by hour, model")
        << int(StatsBucketSize::Hour) << int(StatsGroupBy::Model) << 1;
}

void TestStoreStatsBench::sameResults()
{
    QFETCH(int, bucket);
    QFETCH(int, groupBy);
    QFETCH(int, days);

    StatsRequest request;
    // An odd start inside the range: traces straddling `from` must be handled alike.
    request.to = m_end;
    request.from = days == 30 ? m_t0.addSecs(90) : m_end.addDays(-days);
    request.bucket = StatsBucketSize(bucket);
    request.groupBy = StatsGroupBy(groupBy);

    QString error;
    std::optional<QList<StatsBucket>> traces;
    const Timing tracesTime
        = median([&] { traces = StatsQuery(m_connection).query(request, &error); });
    QVERIFY2(traces, qPrintable(error));
    std::optional<QList<StatsBucket>> raw;
    const Timing rawTime = median([&] { raw = rawLogStats(m_connection, request, &error); });
    QVERIFY2(raw, qPrintable(error));

    QVERIFY(!traces->isEmpty());
    QCOMPARE(describe(*traces), describe(*raw));
    m_report.append(QStringLiteral("%1: %2 buckets; traces %3 ms (CPU %4 ms), rawlog %5 ms "
                                   "(CPU %6 ms)")
                        .arg(QString::fromLatin1(QTest::currentDataTag()))
                        .arg(traces->size())
                        .arg(tracesTime.wallMs, 0, 'f', 1)
                        .arg(tracesTime.cpuMs, 0, 'f', 1)
                        .arg(rawTime.wallMs, 0, 'f', 1)
                        .arg(rawTime.cpuMs, 0, 'f', 1));
}

// What the trigger costs the log writer: the same rows into a database with and without it.
void TestStoreStatsBench::writeCost()
{
    const qint64 rows = std::min<qint64>(m_rows, 100000);
    const QList<RequestLogRecord> records = generate(rows, m_t0, dayMs, 7);
    double seconds[2] = { 0, 0 };
    double cpuSeconds[2] = { 0, 0 };
    for (int withTrigger = 0; withTrigger < 2; ++withTrigger) {
        const QString connection = QStringLiteral("tst-stats-bench-write");
        QString error;
        QVERIFY2(Database::open(connection,
                                m_dir.filePath(QStringLiteral("write-%1.sqlite").arg(withTrigger)),
                                &error),
                 qPrintable(error));
        if (!withTrigger) {
            QSqlQuery query(QSqlDatabase::database(connection));
            QVERIFY(query.exec(QStringLiteral("DROP TRIGGER request_log_traces")));
        }
        QElapsedTimer timer;
        timer.start();
        const std::clock_t cpu = std::clock();
        QVERIFY2(insertRows(connection, records, 500, &error), qPrintable(error));
        cpuSeconds[withTrigger] = double(std::clock() - cpu) / CLOCKS_PER_SEC;
        seconds[withTrigger] = double(timer.nsecsElapsed()) / 1e9;
        Database::close(connection);
    }
    m_report.append(QStringLiteral("write %1 rows in batches of 500: without the trigger %2 rows/s"
                                   " (%3 us CPU a row), with it %4 rows/s (%5 us CPU a row)")
                        .arg(rows)
                        .arg(qint64(double(rows) / seconds[0]))
                        .arg(cpuSeconds[0] * 1e6 / double(rows), 0, 'f', 1)
                        .arg(qint64(double(rows) / seconds[1]))
                        .arg(cpuSeconds[1] * 1e6 / double(rows), 0, 'f', 1));
}

// What request_traces costs on disk: the file before and after dropping it (and vacuuming).
void TestStoreStatsBench::tableSize()
{
    const QString copy = m_dir.filePath(QStringLiteral("copy.sqlite"));
    {
        QSqlQuery query(QSqlDatabase::database(m_connection));
        QVERIFY(query.exec(QStringLiteral("VACUUM INTO '%1'").arg(copy)));
    }
    const qint64 before = QFileInfo(copy).size();
    const QString connection = QStringLiteral("tst-stats-bench-size");
    QString error;
    QVERIFY2(Database::open(connection, copy, &error), qPrintable(error));
    {
        QSqlQuery query(QSqlDatabase::database(connection));
        QVERIFY(query.exec(QStringLiteral("DROP TABLE request_traces")));
        QVERIFY(query.exec(QStringLiteral("VACUUM")));
    }
    Database::close(connection);
    const qint64 after = QFileInfo(copy).size();
    QVERIFY(after < before);
    m_report.append(QStringLiteral("database %1 MB, of which request_traces %2 MB")
                        .arg(double(before) / 1e6, 0, 'f', 1)
                        .arg(double(before - after) / 1e6, 0, 'f', 1));
}

QTEST_GUILESS_MAIN(TestStoreStatsBench)
#include "tst_store_stats_bench.moc"
