// GET /admin/stats and GET /admin/logs/export over real loopback HTTP, against an in-process
// Engine with a real SQLite file and the request-log writer in its store thread.

#include "adminclient.h"
#include "exportreader.h"

#include "engine.h"
#include "store/database.h"
#include "store/logwriter.h"
#include "store/storethread.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

#include <memory>

class TestAdminOps final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void statsBuckets();
    void statsGroupBy();
    void statsDefaults();
    void statsValidation_data();
    void statsValidation();

    void exportCsv();
    void exportJsonl();
    void exportValidation_data();
    void exportValidation();
    void exportLargeLogWithFlatMemory();

private:
    static QString utc(const QDateTime &time) { return time.toString(Qt::ISODateWithMs); }

    QTemporaryDir m_dir;
    QString m_databaseUrl;
    std::unique_ptr<StoreThread> m_store;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<AdminClient> m_client;
    quint16 m_port = 0;
    QDateTime m_base;
};

// Stats rows from m_base (2031-05-01T10:00Z), model "ops-a" or "ops-b":
//   trace s1 (ops-a): 502 on p1 at +1 min (40 ms), 200 on p2 at +1 min 1 s (100 ms, ttft 20)
//   trace s2 (ops-a): 200 on p1 at +20 min (300 ms, streamed, ttft 60), tokens 5/7/1
//   trace s3 (ops-b): refused before any attempt (503) at +30 min
//   trace s4 (ops-a): 200 on p1 at +70 min (50 ms)
void TestAdminOps::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_databaseUrl = m_dir.filePath(QStringLiteral("gateway.sqlite"));
    m_store = std::make_unique<StoreThread>(m_databaseUrl, LogWriterSettings { 100, 10 });
    EngineSettings settings;
    settings.port = 0;
    settings.dataDir = m_dir.path();
    settings.databaseUrl = m_databaseUrl;
    settings.adminToken = QStringLiteral("test-admin");
    m_engine = std::make_unique<Engine>(settings, m_store->writer());
    const EngineStartResult started = m_engine->start();
    QVERIFY2(started.ok, qPrintable(started.message));
    m_port = started.port;
    m_client = std::make_unique<AdminClient>(m_port, QStringLiteral("test-admin"));

    m_base = QDateTime(QDate(2031, 5, 1), QTime(10, 0), QTimeZone::utc());
    struct Row
    {
        int offsetSecs;
        const char *trace;
        const char *model;
        const char *provider;
        int attempt;
        const char *status;
        double totalMs;
        double ttftMs;
    };
    const Row rows[] = {
        { 60, "s1", "ops-a", "p1", 1, "502", 40, -1 },
        { 61, "s1", "ops-a", "p2", 2, "200", 100, 20 },
        { 1200, "s2", "ops-a", "p1", 1, "200", 300, 60 },
        { 1800, "s3", "ops-b", "", 0, "503", 0, -1 },
        { 4200, "s4", "ops-a", "p1", 1, "200", 50, -1 },
    };
    for (const Row &row : rows) {
        RequestLogRecord r;
        r.time = m_base.addSecs(row.offsetSecs);
        r.traceId = QString::fromLatin1(row.trace);
        r.accessKey = QStringLiteral("k1");
        r.protocol = QStringLiteral("openai");
        r.model = QString::fromLatin1(row.model);
        r.provider = QString::fromLatin1(row.provider);
        r.attempt = row.attempt;
        r.status = QString::fromLatin1(row.status);
        r.error = r.status == QLatin1String("200") ? QString() : QStringLiteral("it, \"broke\"");
        r.totalMs = row.totalMs;
        r.ttftMs = row.ttftMs;
        r.stream = row.ttftMs >= 0;
        if (r.traceId == QLatin1String("s2")) {
            r.inputTokens = 5;
            r.outputTokens = 7;
            r.cachedTokens = 1;
        }
        m_store->writer()->enqueue(r);
    }
    m_store->writer()->flush();
    QCOMPARE(m_store->writer()->droppedCount(), 0);
}

void TestAdminOps::cleanupTestCase()
{
    m_client.reset();
    if (m_engine)
        m_engine->stop();
    m_engine.reset();
    m_store.reset();
}

void TestAdminOps::statsBuckets()
{
    const AdminClient::Response response = m_client->get(
        QStringLiteral("/admin/stats?from=%1&to=%2&bucket=hour")
            .arg(utc(m_base), QString::number(m_base.addSecs(3 * 3600).toSecsSinceEpoch())));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("Content-Type"), QByteArrayLiteral("application/json"));
    QCOMPARE(response.header("Cache-Control"), QByteArrayLiteral("no-store"));
    const QJsonObject body = response.json();
    QCOMPARE(body.value(QStringLiteral("bucket")).toString(), QStringLiteral("hour"));
    QVERIFY(body.value(QStringLiteral("group_by")).isNull());
    QCOMPARE(body.value(QStringLiteral("from")).toString(),
             QStringLiteral("2031-05-01T10:00:00.000Z"));
    QCOMPARE(body.value(QStringLiteral("to")).toString(),
             QStringLiteral("2031-05-01T13:00:00.000Z"));
    const QJsonArray buckets = body.value(QStringLiteral("buckets")).toArray();
    QCOMPARE(buckets.size(), 2); // the empty third hour is left out

    const QJsonObject first = buckets.at(0).toObject();
    QCOMPARE(first.keys(),
             QStringList({ QStringLiteral("cached_tokens"), QStringLiteral("errors"),
                           QStringLiteral("group"), QStringLiteral("input_tokens"),
                           QStringLiteral("latency_p50_ms"), QStringLiteral("latency_p95_ms"),
                           QStringLiteral("output_tokens"), QStringLiteral("requests"),
                           QStringLiteral("start"), QStringLiteral("ttft_p50_ms"),
                           QStringLiteral("ttft_p95_ms") }));
    QCOMPARE(first.value(QStringLiteral("start")).toString(),
             QStringLiteral("2031-05-01T10:00:00Z"));
    QVERIFY(first.value(QStringLiteral("group")).isNull());
    QCOMPARE(first.value(QStringLiteral("requests")).toInteger(), 3);
    QCOMPARE(first.value(QStringLiteral("errors")).toInteger(), 1);
    QCOMPARE(first.value(QStringLiteral("input_tokens")).toInteger(), 5);
    QCOMPARE(first.value(QStringLiteral("output_tokens")).toInteger(), 7);
    QCOMPARE(first.value(QStringLiteral("cached_tokens")).toInteger(), 1);
    // Latencies 100 (s1's successful attempt), 300, 0 (refused): p50 100, p95 280.
    QCOMPARE(first.value(QStringLiteral("latency_p50_ms")).toDouble(), 100.0);
    QCOMPARE(first.value(QStringLiteral("latency_p95_ms")).toDouble(), 280.0);
    QCOMPARE(first.value(QStringLiteral("ttft_p50_ms")).toDouble(), 40.0);
    QCOMPARE(first.value(QStringLiteral("ttft_p95_ms")).toDouble(), 58.0);

    const QJsonObject second = buckets.at(1).toObject();
    QCOMPARE(second.value(QStringLiteral("start")).toString(),
             QStringLiteral("2031-05-01T11:00:00Z"));
    QCOMPARE(second.value(QStringLiteral("requests")).toInteger(), 1);
    QCOMPARE(second.value(QStringLiteral("errors")).toInteger(), 0);
    QCOMPARE(second.value(QStringLiteral("latency_p95_ms")).toDouble(), 50.0);
    QVERIFY(second.value(QStringLiteral("ttft_p50_ms")).isNull());
}

void TestAdminOps::statsGroupBy()
{
    const AdminClient::Response response
        = m_client->get(QStringLiteral("/admin/stats?from=%1&to=%2&bucket=day&group_by=model")
                            .arg(utc(m_base), utc(m_base.addSecs(3 * 3600))));
    QCOMPARE(response.status, 200);
    const QJsonArray buckets = response.json().value(QStringLiteral("buckets")).toArray();
    QCOMPARE(buckets.size(), 2);
    QCOMPARE(buckets.at(0).toObject().value(QStringLiteral("start")).toString(),
             QStringLiteral("2031-05-01T00:00:00Z"));
    QCOMPARE(buckets.at(0).toObject().value(QStringLiteral("group")).toString(),
             QStringLiteral("ops-a"));
    QCOMPARE(buckets.at(0).toObject().value(QStringLiteral("requests")).toInteger(), 3);
    QCOMPARE(buckets.at(1).toObject().value(QStringLiteral("group")).toString(),
             QStringLiteral("ops-b"));
    QCOMPARE(buckets.at(1).toObject().value(QStringLiteral("errors")).toInteger(), 1);
    QCOMPARE(response.json().value(QStringLiteral("group_by")).toString(), QStringLiteral("model"));
}

void TestAdminOps::statsDefaults()
{
    const AdminClient::Response response = m_client->get(QStringLiteral("/admin/stats"));
    QCOMPARE(response.status, 200);
    const QJsonObject body = response.json();
    const QDateTime from
        = QDateTime::fromString(body.value(QStringLiteral("from")).toString(), Qt::ISODateWithMs);
    const QDateTime to
        = QDateTime::fromString(body.value(QStringLiteral("to")).toString(), Qt::ISODateWithMs);
    QCOMPARE(from.secsTo(to), 24 * 3600);
    QVERIFY(qAbs(to.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    QCOMPARE(body.value(QStringLiteral("bucket")).toString(), QStringLiteral("hour"));
    QVERIFY(body.value(QStringLiteral("buckets")).isArray());
}

void TestAdminOps::statsValidation_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");

    QTest::newRow("bucket") << QByteArrayLiteral("GET") << QStringLiteral("bucket=week") << 400
                            << QStringLiteral("bucket");
    QTest::newRow("group_by") << QByteArrayLiteral("GET") << QStringLiteral("group_by=access_key")
                              << 400 << QStringLiteral("group_by");
    QTest::newRow("from") << QByteArrayLiteral("GET") << QStringLiteral("from=yesterday") << 400
                          << QStringLiteral("from");
    QTest::newRow("to") << QByteArrayLiteral("GET") << QStringLiteral("to=2031-13-01") << 400
                        << QStringLiteral("to");
    QTest::newRow("to before from")
        << QByteArrayLiteral("GET") << QStringLiteral("from=2031-05-02T00:00:00Z&to=2031-05-01")
        << 400 << QStringLiteral("to");
    QTest::newRow("too many buckets")
        << QByteArrayLiteral("GET") << QStringLiteral("bucket=minute&from=2020-01-01&to=2031-01-01")
        << 400 << QStringLiteral("bucket");
    QTest::newRow("unknown parameter")
        << QByteArrayLiteral("GET") << QStringLiteral("limit=5") << 400 << QStringLiteral("limit");
    QTest::newRow("POST") << QByteArrayLiteral("POST") << QString() << 405
                          << QStringLiteral("<null>");
}

void TestAdminOps::statsValidation()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, query);
    QFETCH(int, status);
    QFETCH(QString, field);

    const AdminClient::Response response
        = m_client->send(method, QStringLiteral("/admin/stats?") + query);
    QCOMPARE(response.status, status);
    QCOMPARE(response.errorField(), field);

    AdminClient anonymous(m_port, QString());
    QCOMPARE(anonymous.get(QStringLiteral("/admin/stats")).status, 401);
}

void TestAdminOps::exportCsv()
{
    const AdminClient::Response response
        = m_client->get(QStringLiteral("/admin/logs/export?format=csv&model=ops-a&to=%1")
                            .arg(utc(m_base.addSecs(3600))));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("Content-Type"), QByteArrayLiteral("text/csv; charset=utf-8"));
    QCOMPARE(response.header("Cache-Control"), QByteArrayLiteral("no-store"));
    QVERIFY2(
        response.header("Content-Disposition").startsWith("attachment; filename=\"llmo-requests-"),
        response.header("Content-Disposition").constData());
    QVERIFY(response.header("Content-Disposition").endsWith(".csv\""));
    const QList<QByteArray> lines = response.body.split('\n');
    QCOMPARE(lines.size(), 5); // header, three rows, and the empty piece after the last CRLF
    QVERIFY(lines.at(0).startsWith("id,time,trace_id,"));
    QVERIFY(lines.at(1).contains(",s1,k1,openai,ops-a,p1,,1,502,\"it, \"\"broke\"\"\",false,"));
    QVERIFY(lines.at(2).contains(",s1,k1,openai,ops-a,p2,,2,200,,true,"));
    QVERIFY(lines.at(3).contains(",s2,"));
    QVERIFY(lines.at(1).contains("2031-05-01T10:01:00.000Z"));
    QVERIFY(lines.at(3).endsWith("\r"));
}

void TestAdminOps::exportJsonl()
{
    const AdminClient::Response response
        = m_client->get(QStringLiteral("/admin/logs/export?format=jsonl&from=%1&to=%2&trace_id=s1")
                            .arg(utc(m_base), utc(m_base.addDays(1))));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("Content-Type"), QByteArrayLiteral("application/x-ndjson"));
    QList<QByteArray> lines = response.body.split('\n');
    QCOMPARE(lines.takeLast(), QByteArray());
    QCOMPARE(lines.size(), 2);
    const QJsonObject first = QJsonDocument::fromJson(lines.at(0)).object();
    QCOMPARE(first.value(QStringLiteral("trace_id")).toString(), QStringLiteral("s1"));
    QCOMPARE(first.value(QStringLiteral("attempt")).toInteger(), 1);
    QCOMPARE(first.value(QStringLiteral("time")).toString(),
             QStringLiteral("2031-05-01T10:01:00.000Z"));
    QCOMPARE(first.value(QStringLiteral("error")).toString(), QStringLiteral("it, \"broke\""));
    QCOMPARE(
        QJsonDocument::fromJson(lines.at(1)).object().value(QStringLiteral("attempt")).toInteger(),
        2);

    // An export that matches nothing is an empty file.
    const AdminClient::Response empty
        = m_client->get(QStringLiteral("/admin/logs/export?format=jsonl&model=nobody"));
    QCOMPARE(empty.status, 200);
    QCOMPARE(empty.body, QByteArray());
}

void TestAdminOps::exportValidation_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");

    QTest::newRow("no format") << QByteArrayLiteral("GET") << QStringLiteral("model=x") << 400
                               << QStringLiteral("format");
    QTest::newRow("bad format") << QByteArrayLiteral("GET") << QStringLiteral("format=xml") << 400
                                << QStringLiteral("format");
    QTest::newRow("limit") << QByteArrayLiteral("GET") << QStringLiteral("format=csv&limit=10")
                           << 400 << QStringLiteral("limit");
    QTest::newRow("offset") << QByteArrayLiteral("GET") << QStringLiteral("format=csv&offset=10")
                            << 400 << QStringLiteral("offset");
    QTest::newRow("bad from") << QByteArrayLiteral("GET") << QStringLiteral("format=csv&from=soon")
                              << 400 << QStringLiteral("from");
    QTest::newRow("unknown") << QByteArrayLiteral("GET") << QStringLiteral("format=csv&sort=asc")
                             << 400 << QStringLiteral("sort");
    QTest::newRow("DELETE") << QByteArrayLiteral("DELETE") << QStringLiteral("format=csv") << 405
                            << QStringLiteral("<null>");
}

void TestAdminOps::exportValidation()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, query);
    QFETCH(int, status);
    QFETCH(QString, field);

    const AdminClient::Response response
        = m_client->send(method, QStringLiteral("/admin/logs/export?") + query);
    QCOMPARE(response.status, status);
    QCOMPARE(response.errorField(), field);
    QCOMPARE(response.header("Content-Type"), QByteArrayLiteral("application/json"));

    AdminClient anonymous(m_port, QString());
    QCOMPARE(anonymous.get(QStringLiteral("/admin/logs/export?format=csv")).status, 401);
}

// 200 000 rows (about 90 MB of JSON Lines) stream through while the process's resident memory
// grows by a small fraction of that: the export is never held in memory, neither by the
// gateway nor (by construction) by this reader.
void TestAdminOps::exportLargeLogWithFlatMemory()
{
    constexpr int rows = 200000;
    const QDateTime bulkBase(QDate(2035, 1, 1), QTime(0, 0), QTimeZone::utc());
    {
        const QString connection = QStringLiteral("tst-bulk");
        QString error;
        QVERIFY2(Database::open(connection, m_databaseUrl, &error), qPrintable(error));
        QSqlQuery query(QSqlDatabase::database(connection));
        QVERIFY2(
            query.exec(
                QStringLiteral(
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1)"
                    " INSERT INTO request_log (time_ms, trace_id, access_key, protocol, model,"
                    " provider, upstream_model, attempt, status, error, stream, header_ms,"
                    " ttft_ms, total_ms, input_tokens, output_tokens, cached_tokens, bytes_in,"
                    " bytes_out, user_agent)"
                    " SELECT %2 + i * 1000, printf('bulk-%08d', i), 'k1', 'openai', 'bulk',"
                    " 'p1', 'bulk-upstream', 1, '200', '', i % 2, 1.5, 20.25, 10 + i % 100, i,"
                    " 2 * i, 0, 100, 200, 'bulk-agent/1.0 (integration test)' FROM n")
                    .arg(rows)
                    .arg(bulkBase.toMSecsSinceEpoch())),
            qPrintable(query.lastError().text()));
        query.finish();
        Database::close(connection);
    }

    const qint64 before = ExportReader::currentRssKb();
    QVERIFY(before > 0);
    ExportReader reader(m_port);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(reader.run(QByteArrayLiteral("/admin/logs/export?format=jsonl&model=bulk"),
                       QByteArrayLiteral("test-admin"), 60000));
    QCOMPARE(reader.status(), 200);
    QVERIFY(reader.chunked());
    QVERIFY(reader.sawFinalChunk());
    QCOMPARE(reader.lines(), rows);
    QVERIFY(reader.idsAscendByOne());
    QCOMPARE(reader.lastId() - reader.firstId() + 1, rows);
    QVERIFY(reader.bodyBytes() > 60 * 1000 * 1000);
    const qint64 growthKb = reader.peakRssKb() - before;
    qInfo("exported %lld rows, %lld bytes in %lld ms; VmRSS %lld kB before, peak growth %lld kB",
          reader.lines(), reader.bodyBytes(), timer.elapsed(), before, growthKb);
    QVERIFY2(growthKb < 30 * 1024, qPrintable(QString::number(growthKb)));

    // A client that hangs up mid-export: the stream stops, the gateway carries on.
    ExportReader quitter(m_port);
    quitter.setHangUpAfter(1024 * 1024);
    QVERIFY(quitter.run(QByteArrayLiteral("/admin/logs/export?format=csv&model=bulk"),
                        QByteArrayLiteral("test-admin"), 30000));
    QVERIFY(quitter.hungUp());
    QTest::qWait(50);
    QCOMPARE(m_client->get(QStringLiteral("/admin/stats?bucket=day")).status, 200);
}

QTEST_GUILESS_MAIN(TestAdminOps)
#include "tst_integration_admin_ops.moc"
