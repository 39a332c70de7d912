#include "store/database.h"
#include "store/logquery.h"
#include "store/logwriter.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

class TestStoreLogQuery final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void filters_data();
    void filters();
    void orderingNewestFirst();
    void pagination();
    void limitIsCapped();
    void roundTripOfAllFields();
    void json();
    void jsonUnknownNumbersAreNull();

private:
    QList<qint64> ids(const LogFilter &filter, qint64 *total = nullptr);

    QTemporaryDir m_dir;
    const QString m_connection = QStringLiteral("tst-logquery");
    QDateTime m_base;
    RequestLogRecord m_full;
};

// Row n (0-based, 30 rows, id n + 1) is at m_base + n minutes, except row 11, which has the
// time of row 3: a later id at an earlier time, and a tie to break by id.
void TestStoreLogQuery::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("log.sqlite"));
    m_base = QDateTime(QDate(2026, 11, 26), QTime(20, 0), Qt::UTC);

    LogWriter writer(path, LogWriterSettings { 7, 0 });
    for (int n = 0; n < 30; ++n) {
        RequestLogRecord r;
        r.time = m_base.addSecs(60 * (n == 11 ? 3 : n));
        r.traceId = QStringLiteral("trace-%1").arg(n / 3); // three attempts per trace
        r.accessKey = n % 2 ? QStringLiteral("cli") : QStringLiteral("bot");
        r.protocol = QStringLiteral("openai");
        r.model = n < 20 ? QStringLiteral("gpt-4o") : QStringLiteral("claude_x");
        r.provider = n % 3 == 0 ? QStringLiteral("openai-main") : QStringLiteral("backup");
        r.upstreamModel = r.model;
        r.attempt = n % 3 + 1;
        r.status = n % 5 == 0 ? QStringLiteral("502") : QStringLiteral("200");
        r.error = n % 5 == 0 ? QStringLiteral("Bad Gateway from upstream") : QString();
        r.userAgent = n == 7 ? QStringLiteral("codex-cli/1.0") : QStringLiteral("curl/8");
        writer.enqueue(r);
    }
    m_full.time = QDateTime(QDate(2027, 1, 1), QTime(0, 0, 0, 5), Qt::UTC);
    m_full.traceId = QStringLiteral("full");
    m_full.accessKey = QStringLiteral("k");
    m_full.protocol = QStringLiteral("anthropic");
    m_full.model = QStringLiteral("sonnet");
    m_full.provider = QStringLiteral("anthropic-main");
    m_full.upstreamModel = QStringLiteral("claude-sonnet");
    m_full.attempt = 2;
    m_full.status = QStringLiteral("timeout");
    m_full.error = QStringLiteral("no headers within 60000 ms");
    m_full.stream = true;
    m_full.headerMs = 12.5;
    m_full.ttftMs = 40.25;
    m_full.totalMs = 1000.75;
    m_full.inputTokens = 100;
    m_full.outputTokens = 20;
    m_full.cachedTokens = 0;
    m_full.bytesIn = 1234;
    m_full.bytesOut = 5678;
    m_full.userAgent = QStringLiteral("claude-cli");
    writer.enqueue(m_full);
    QList<RequestLogRecord> written;
    connect(&writer, &LogWriter::rowsWritten, this,
            [&written](const QList<RequestLogRecord> &rows) { written += rows; });
    writer.flush();
    QCOMPARE(writer.writtenCount(), qint64(31));
    m_full.id = written.constLast().id;

    QString error;
    QVERIFY2(Database::open(m_connection, path, &error), qPrintable(error));
}

void TestStoreLogQuery::cleanupTestCase()
{
    Database::close(m_connection);
}

QList<qint64> TestStoreLogQuery::ids(const LogFilter &filter, qint64 *total)
{
    QString error;
    const auto page = LogQuery(m_connection).page(filter, &error);
    [&] { QVERIFY2(page, qPrintable(error)); }();
    if (!page)
        return {};
    if (total)
        *total = page->total;
    QList<qint64> result;
    for (const RequestLogRecord &r : page->items)
        result.append(r.id);
    return result;
}

void TestStoreLogQuery::filters_data()
{
    QTest::addColumn<LogFilter>("filter");
    QTest::addColumn<qint64>("total");

    // Rows 0..29 have ids 1..30; the full row is id 31.
    const QDateTime base(QDate(2026, 11, 26), QTime(20, 0), Qt::UTC);
    LogFilter f;
    QTest::newRow("none") << f << qint64(31);
    f = {};
    f.model = QStringLiteral("claude_x");
    QTest::newRow("model") << f << qint64(10);
    f = {};
    f.model = QStringLiteral("claude"); // exact, not a prefix
    QTest::newRow("model exact") << f << qint64(0);
    f = {};
    f.provider = QStringLiteral("openai-main");
    QTest::newRow("provider") << f << qint64(10);
    f = {};
    f.status = QStringLiteral("502");
    QTest::newRow("status") << f << qint64(6);
    f = {};
    f.traceId = QStringLiteral("trace-4");
    QTest::newRow("trace") << f << qint64(3);
    f = {};
    f.accessKey = QStringLiteral("cli");
    QTest::newRow("access key") << f << qint64(15);
    f = {};
    f.from = base.addSecs(60 * 25);
    QTest::newRow("from inclusive") << f << qint64(5 + 1);
    f = {};
    f.to = base.addSecs(60 * 5);
    QTest::newRow("to exclusive") << f << qint64(6); // rows 0..4 and 11
    f = {};
    f.from = base.addSecs(60 * 3);
    f.to = base.addSecs(60 * 5);
    QTest::newRow("range") << f << qint64(3); // rows 3, 4 and 11
    f = {};
    f.text = QStringLiteral("bad gateway");
    QTest::newRow("text in error, case-insensitive") << f << qint64(6);
    f = {};
    f.text = QStringLiteral("codex");
    QTest::newRow("text in user agent") << f << qint64(1);
    f = {};
    f.text = QStringLiteral("anthropic-m");
    QTest::newRow("text in provider") << f << qint64(1);
    f = {};
    f.text = QStringLiteral("_");
    QTest::newRow("text wildcard escaped") << f << qint64(10);
    f = {};
    f.text = QStringLiteral("%");
    QTest::newRow("text percent escaped") << f << qint64(0);
    f = {};
    f.model = QStringLiteral("gpt-4o");
    f.status = QStringLiteral("502");
    f.provider = QStringLiteral("openai-main");
    QTest::newRow("combined") << f << qint64(2); // rows 0 and 15
}

void TestStoreLogQuery::filters()
{
    QFETCH(LogFilter, filter);
    QFETCH(qint64, total);
    filter.limit = 1000;
    qint64 actualTotal = -1;
    const QList<qint64> result = ids(filter, &actualTotal);
    QCOMPARE(actualTotal, total);
    QCOMPARE(result.size(), qsizetype(total));
}

void TestStoreLogQuery::orderingNewestFirst()
{
    LogFilter filter;
    filter.limit = 1000;
    const QList<qint64> result = ids(filter);
    // The full row (2027) first, then rows 29..12, rows 10..4, then the tie at row 3's time:
    // row 11 (id 12) before row 3 (id 4), then rows 2..0.
    QList<qint64> expected = { 31 };
    for (qint64 id = 30; id >= 13; --id)
        expected.append(id);
    for (qint64 id = 11; id >= 5; --id)
        expected.append(id);
    expected += { 12, 4, 3, 2, 1 };
    QCOMPARE(result, expected);
}

void TestStoreLogQuery::pagination()
{
    LogFilter all;
    all.limit = 1000;
    const QList<qint64> everything = ids(all);
    QCOMPARE(everything.size(), qsizetype(31));

    QList<qint64> paged;
    for (int offset = 0; offset < 40; offset += 7) {
        LogFilter f;
        f.limit = 7;
        f.offset = offset;
        qint64 total = -1;
        const QList<qint64> page = ids(f, &total);
        QCOMPARE(total, qint64(31));
        QVERIFY(page.size() <= 7);
        paged += page;
    }
    QCOMPARE(paged, everything);

    LogFilter zero;
    zero.limit = 0;
    qint64 total = -1;
    QVERIFY(ids(zero, &total).isEmpty());
    QCOMPARE(total, qint64(31));

    LogFilter negative;
    negative.offset = -5;
    negative.limit = 2;
    QCOMPARE(ids(negative), everything.mid(0, 2));
}

void TestStoreLogQuery::limitIsCapped()
{
    // 31 rows are too few to see the cap in the result; check the clamp is applied to the
    // SQL by asking for more than the cap (no error, all rows).
    LogFilter f;
    f.limit = 1'000'000;
    QCOMPARE(ids(f).size(), qsizetype(31));
    QCOMPARE(LogQuery::maxLimit, 1000);
}

void TestStoreLogQuery::roundTripOfAllFields()
{
    LogFilter f;
    f.traceId = QStringLiteral("full");
    QString error;
    const auto page = LogQuery(m_connection).page(f, &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->items.size(), qsizetype(1));
    const RequestLogRecord &r = page->items.first();
    QCOMPARE(r.id, m_full.id);
    QCOMPARE(r.time, m_full.time);
    QCOMPARE(r.time.timeSpec(), Qt::UTC);
    QCOMPARE(r.traceId, m_full.traceId);
    QCOMPARE(r.accessKey, m_full.accessKey);
    QCOMPARE(r.protocol, m_full.protocol);
    QCOMPARE(r.model, m_full.model);
    QCOMPARE(r.provider, m_full.provider);
    QCOMPARE(r.upstreamModel, m_full.upstreamModel);
    QCOMPARE(r.attempt, m_full.attempt);
    QCOMPARE(r.status, m_full.status);
    QCOMPARE(r.error, m_full.error);
    QCOMPARE(r.stream, m_full.stream);
    QCOMPARE(r.headerMs, m_full.headerMs);
    QCOMPARE(r.ttftMs, m_full.ttftMs);
    QCOMPARE(r.totalMs, m_full.totalMs);
    QCOMPARE(r.inputTokens, m_full.inputTokens);
    QCOMPARE(r.outputTokens, m_full.outputTokens);
    QCOMPARE(r.cachedTokens, m_full.cachedTokens);
    QCOMPARE(r.bytesIn, m_full.bytesIn);
    QCOMPARE(r.bytesOut, m_full.bytesOut);
    QCOMPARE(r.userAgent, m_full.userAgent);
}

void TestStoreLogQuery::json()
{
    RequestLogRecord r = m_full;
    r.time = QDateTime(QDate(2026, 11, 26), QTime(20, 11, 19, 123), Qt::UTC);
    const QJsonObject o = logRecordToJson(r);
    const QStringList expectedKeys = {
        QStringLiteral("access_key"),    QStringLiteral("attempt"),
        QStringLiteral("bytes_in"),      QStringLiteral("bytes_out"),
        QStringLiteral("cached_tokens"), QStringLiteral("error"),
        QStringLiteral("header_ms"),     QStringLiteral("id"),
        QStringLiteral("input_tokens"),  QStringLiteral("model"),
        QStringLiteral("output_tokens"), QStringLiteral("protocol"),
        QStringLiteral("provider"),      QStringLiteral("status"),
        QStringLiteral("stream"),        QStringLiteral("time"),
        QStringLiteral("total_ms"),      QStringLiteral("trace_id"),
        QStringLiteral("ttft_ms"),       QStringLiteral("upstream_model"),
        QStringLiteral("user_agent"),
    };
    QCOMPARE(o.keys(), expectedKeys);
    QCOMPARE(o.value(QStringLiteral("time")).toString(),
             QStringLiteral("2026-11-26T20:11:19.123Z"));
    QCOMPARE(o.value(QStringLiteral("id")).toInteger(), m_full.id);
    QCOMPARE(o.value(QStringLiteral("trace_id")).toString(), QStringLiteral("full"));
    QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("timeout"));
    QCOMPARE(o.value(QStringLiteral("stream")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("header_ms")).toDouble(), 12.5);
    QCOMPARE(o.value(QStringLiteral("cached_tokens")).toInteger(), qint64(0));
    QVERIFY(!o.value(QStringLiteral("cached_tokens")).isNull());
    QCOMPARE(o.value(QStringLiteral("bytes_out")).toInteger(), qint64(5678));

    // A local time is written in UTC.
    r.time = QDateTime(QDate(2026, 11, 26), QTime(21, 0), QTimeZone(3600));
    QCOMPARE(logRecordToJson(r).value(QStringLiteral("time")).toString(),
             QStringLiteral("2026-11-26T20:00:00.000Z"));
}

void TestStoreLogQuery::jsonUnknownNumbersAreNull()
{
    RequestLogRecord r;
    r.attempt = -1;
    r.bytesIn = -1;
    const QJsonObject o = logRecordToJson(r);
    for (const char *key : { "header_ms", "ttft_ms", "total_ms", "input_tokens", "output_tokens",
                             "cached_tokens", "attempt", "bytes_in", "time" }) {
        QVERIFY2(o.value(QLatin1String(key)).isNull(), key);
    }
    QCOMPARE(o.value(QStringLiteral("bytes_out")).toInteger(), qint64(0));
}

QTEST_GUILESS_MAIN(TestStoreLogQuery)
#include "tst_store_logquery.moc"
