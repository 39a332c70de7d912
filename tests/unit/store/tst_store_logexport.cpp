// LogExport: CSV quoting, JSON Lines, keyset pages over ties, filters, the snapshot bound.

#include "store/database.h"
#include "store/logexport.h"
#include "store/logquery.h"
#include "store/logwriter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

class TestStoreLogExport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void csvLine_data();
    void csvLine();
    void csvHeaderNamesTheJsonFields();
    void formats();
    void allRowsInKeysetOrder_data();
    void allRowsInKeysetOrder();
    void filtersMatchLogQuery_data();
    void filtersMatchLogQuery();
    void jsonLines();
    void rowsWrittenDuringTheExportAreLeftOut();
    void closedConnectionIsAnError();

private:
    // Runs an export to its end; the pages' bytes concatenated.
    QByteArray exportAll(const LogFilter &filter, LogExportFormat format, int pageRows,
                         int *pages = nullptr);
    static QList<qint64> csvIds(const QByteArray &csv);
    // The ids LogQuery finds for the filter, oldest first.
    QList<qint64> logQueryIds(LogFilter filter);

    QTemporaryDir m_dir;
    QString m_path;
    const QString m_connection = QStringLiteral("tst-logexport");
    QDateTime m_base;
    static constexpr int rowCount = 2345;
};

// Rows n = 0..2344, written in order: time m_base + (n / 7) seconds, so seven rows share each
// time and the pages' boundaries fall inside ties; except every 50th row, which is written
// late with an early time (a later id at an earlier time). Model "a" for even n, else "b";
// status "502" when n % 10 == 3.
void TestStoreLogExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("export.sqlite"));
    m_base = QDateTime(QDate(2030, 3, 1), QTime(8, 0), QTimeZone::utc());
    LogWriter writer(m_path, LogWriterSettings { 500, 0 });
    for (int n = 0; n < rowCount; ++n) {
        RequestLogRecord r;
        r.time = n % 50 == 49 ? m_base.addSecs(n / 100) : m_base.addSecs(n / 7);
        r.traceId = QStringLiteral("trace-%1").arg(n);
        r.accessKey = QStringLiteral("k");
        r.protocol = QStringLiteral("openai");
        r.model = n % 2 ? QStringLiteral("b") : QStringLiteral("a");
        r.provider = QStringLiteral("p");
        r.attempt = 1;
        r.status = n % 10 == 3 ? QStringLiteral("502") : QStringLiteral("200");
        r.totalMs = n + 0.5;
        r.inputTokens = n;
        writer.enqueue(r);
    }
    writer.flush();
    QCOMPARE(writer.writtenCount(), rowCount);
    QString error;
    QVERIFY2(Database::open(m_connection, m_path, &error), qPrintable(error));
}

void TestStoreLogExport::cleanupTestCase()
{
    Database::close(m_connection);
}

QByteArray TestStoreLogExport::exportAll(const LogFilter &filter, LogExportFormat format,
                                         int pageRows, int *pages)
{
    LogExport exporter(m_connection, filter, format, pageRows);
    QByteArray all = exporter.header();
    int count = 0;
    while (!exporter.atEnd()) {
        QString error;
        const std::optional<QByteArray> page = exporter.nextPage(&error);
        [&] { QVERIFY2(page, qPrintable(error)); }();
        if (!page)
            break;
        all += *page;
        ++count;
        if (count > 100000)
            break; // never ends: a failure below
    }
    QString error;
    [&] { QCOMPARE(exporter.nextPage(&error), std::optional<QByteArray>(QByteArray())); }();
    if (pages)
        *pages = count;
    return all;
}

QList<qint64> TestStoreLogExport::csvIds(const QByteArray &csv)
{
    QList<qint64> ids;
    const QList<QByteArray> lines = csv.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) { // after the header
        if (lines.at(i).isEmpty())
            continue;
        ids.append(lines.at(i).left(lines.at(i).indexOf(',')).toLongLong());
    }
    return ids;
}

QList<qint64> TestStoreLogExport::logQueryIds(LogFilter filter)
{
    filter.limit = LogQuery::maxLimit;
    QList<RequestLogRecord> records;
    for (filter.offset = 0;; filter.offset += LogQuery::maxLimit) {
        QString error;
        const std::optional<LogPage> page = LogQuery(m_connection).page(filter, &error);
        [&] { QVERIFY2(page, qPrintable(error)); }();
        if (!page || page->items.isEmpty())
            break;
        records += page->items;
    }
    QList<qint64> ids;
    for (auto it = records.crbegin(); it != records.crend(); ++it)
        ids.append(it->id);
    return ids;
}

void TestStoreLogExport::csvLine_data()
{
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("userAgent");
    QTest::addColumn<QByteArray>("tail"); // from the status column on

    QTest::newRow("plain") << QString() << QStringLiteral("curl/8")
                           << QByteArrayLiteral("200,,true,1.5,,10.25,7,,0,100,0,curl/8\r\n");
    QTest::newRow("comma") << QStringLiteral("a, b") << QStringLiteral("x")
                           << QByteArrayLiteral("200,\"a, b\",true,1.5,,10.25,7,,0,100,0,x\r\n");
    QTest::newRow("quotes") << QStringLiteral("say \"hi\"") << QStringLiteral("x")
                            << QByteArrayLiteral(
                                   "200,\"say \"\"hi\"\"\",true,1.5,,10.25,7,,0,100,0,x\r\n");
    QTest::newRow("line breaks")
        << QStringLiteral("one\r\ntwo\nthree") << QStringLiteral("x")
        << QByteArrayLiteral("200,\"one\r\ntwo\nthree\",true,1.5,,10.25,7,,0,100,0,x\r\n");
    QTest::newRow("utf-8 and spaces")
        << QStringLiteral(" Zürich ✓ ") << QStringLiteral("agent; v=1")
        << QByteArray("200, Z\xc3\xbcrich \xe2\x9c\x93 ,true,1.5,,10.25,7,,0,100,0,agent; v=1\r\n");
}

void TestStoreLogExport::csvLine()
{
    QFETCH(QString, error);
    QFETCH(QString, userAgent);
    QFETCH(QByteArray, tail);

    RequestLogRecord r;
    r.id = 42;
    r.time = QDateTime(QDate(2030, 1, 2), QTime(3, 4, 5, 6), QTimeZone::utc());
    r.traceId = QStringLiteral("t1");
    r.accessKey = QStringLiteral("cli");
    r.protocol = QStringLiteral("anthropic");
    r.model = QStringLiteral("sonnet");
    r.provider = QStringLiteral("main");
    r.upstreamModel = QStringLiteral("claude");
    r.attempt = 2;
    r.status = QStringLiteral("200");
    r.error = error;
    r.stream = true;
    r.headerMs = 1.5;
    r.totalMs = 10.25;
    r.inputTokens = 7;
    r.cachedTokens = 0;
    r.bytesIn = 100;
    r.bytesOut = 0;
    r.userAgent = userAgent;
    QCOMPARE(LogExport::csvLine(r),
             QByteArrayLiteral("42,2030-01-02T03:04:05.006Z,t1,cli,anthropic,sonnet,main,claude,2,")
                 + tail);
}

void TestStoreLogExport::csvHeaderNamesTheJsonFields()
{
    QByteArray header = LogExport::csvHeader();
    QVERIFY(header.endsWith("\r\n"));
    header.chop(2);
    QStringList names;
    for (const QByteArray &name : header.split(','))
        names.append(QString::fromLatin1(name));
    QStringList jsonKeys = logRecordToJson(RequestLogRecord {}).keys();
    QCOMPARE(names.size(), jsonKeys.size());
    QStringList sorted = names;
    sorted.sort();
    jsonKeys.sort();
    QCOMPARE(sorted, jsonKeys);
    QCOMPARE(names.first(), QStringLiteral("id"));
    QCOMPARE(names.at(1), QStringLiteral("time"));
}

void TestStoreLogExport::formats()
{
    QCOMPARE(LogExport::formatFromName(QStringLiteral("csv")), LogExportFormat::Csv);
    QCOMPARE(LogExport::formatFromName(QStringLiteral("jsonl")), LogExportFormat::Jsonl);
    QVERIFY(!LogExport::formatFromName(QStringLiteral("json")));
    QVERIFY(!LogExport::formatFromName(QStringLiteral("CSV")));
    QCOMPARE(LogExport::contentType(LogExportFormat::Csv),
             QByteArrayLiteral("text/csv; charset=utf-8"));
    QCOMPARE(LogExport::contentType(LogExportFormat::Jsonl),
             QByteArrayLiteral("application/x-ndjson"));
    QCOMPARE(LogExport(m_connection, {}, LogExportFormat::Jsonl).header(), QByteArray());
}

void TestStoreLogExport::allRowsInKeysetOrder_data()
{
    QTest::addColumn<int>("pageRows");
    QTest::newRow("1 row a page") << 1;
    QTest::newRow("7 rows a page (a tie)") << 7;
    QTest::newRow("100 rows a page") << 100;
    QTest::newRow("a page for all") << 5000;
    QTest::newRow("exact multiple") << 469; // 2345 = 5 * 469
}

void TestStoreLogExport::allRowsInKeysetOrder()
{
    QFETCH(int, pageRows);
    int pages = 0;
    const QByteArray csv = exportAll(LogFilter {}, LogExportFormat::Csv, pageRows, &pages);
    const QList<qint64> ids = csvIds(csv);
    QCOMPARE(ids.size(), rowCount);
    QCOMPARE(QSet<qint64>(ids.begin(), ids.end()).size(), rowCount);
    QVERIFY(pages >= rowCount / pageRows);
    QVERIFY(pages <= rowCount / pageRows + 1);

    // Oldest first, ties by id: the same order as a full sort of the log.
    QCOMPARE(ids, logQueryIds(LogFilter {}));
}

void TestStoreLogExport::filtersMatchLogQuery_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("fromSecs");
    QTest::addColumn<int>("toSecs");

    QTest::newRow("model") << QStringLiteral("a") << QString() << -1 << -1;
    QTest::newRow("status") << QString() << QStringLiteral("502") << -1 << -1;
    QTest::newRow("time range") << QString() << QString() << 100 << 200;
    QTest::newRow("model and range") << QStringLiteral("b") << QString() << 10 << 300;
    QTest::newRow("nothing") << QStringLiteral("none") << QString() << -1 << -1;
}

void TestStoreLogExport::filtersMatchLogQuery()
{
    QFETCH(QString, model);
    QFETCH(QString, status);
    QFETCH(int, fromSecs);
    QFETCH(int, toSecs);

    LogFilter filter;
    filter.model = model;
    filter.status = status;
    if (fromSecs >= 0)
        filter.from = m_base.addSecs(fromSecs);
    if (toSecs >= 0)
        filter.to = m_base.addSecs(toSecs);
    const QList<qint64> ids = csvIds(exportAll(filter, LogExportFormat::Csv, 64));
    const QList<qint64> expected = logQueryIds(filter);
    QCOMPARE(ids, expected);
    QCOMPARE(ids.isEmpty(), model == QLatin1String("none"));
}

void TestStoreLogExport::jsonLines()
{
    LogFilter filter;
    filter.to = m_base.addSecs(20);
    const QByteArray jsonl = exportAll(filter, LogExportFormat::Jsonl, 10);
    QVERIFY(jsonl.endsWith('\n'));
    QList<QByteArray> lines = jsonl.split('\n');
    lines.removeLast();

    filter.limit = LogQuery::maxLimit;
    QString error;
    const std::optional<LogPage> page = LogQuery(m_connection).page(filter, &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(lines.size(), page->total);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(lines.at(i), &parseError);
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QCOMPARE(document.object(), logRecordToJson(page->items.at(page->items.size() - 1 - i)));
    }
}

void TestStoreLogExport::rowsWrittenDuringTheExportAreLeftOut()
{
    LogExport exporter(m_connection, LogFilter {}, LogExportFormat::Csv, 100);
    QString error;
    QByteArray csv = exporter.header();
    const std::optional<QByteArray> first = exporter.nextPage(&error);
    QVERIFY2(first, qPrintable(error));
    csv += *first;
    {
        // Rows at times both behind and ahead of the cursor.
        LogWriter writer(m_path, LogWriterSettings { 10, 0 });
        for (int n = 0; n < 20; ++n) {
            RequestLogRecord r;
            r.time = m_base.addSecs(n % 2 ? -5 : 10000);
            r.traceId = QStringLiteral("late-%1").arg(n);
            writer.enqueue(r);
        }
        writer.flush();
        QCOMPARE(writer.writtenCount(), 20);
    }
    while (!exporter.atEnd()) {
        const std::optional<QByteArray> page = exporter.nextPage(&error);
        QVERIFY2(page, qPrintable(error));
        csv += *page;
    }
    QCOMPARE(exporter.rowCount(), rowCount);
    QCOMPARE(csvIds(csv).size(), rowCount);
    QVERIFY(!csv.contains("late-"));
}

void TestStoreLogExport::closedConnectionIsAnError()
{
    LogExport exporter(QStringLiteral("no-such-connection"), LogFilter {}, LogExportFormat::Csv);
    QString error;
    QVERIFY(!exporter.nextPage(&error));
    QVERIFY(error.contains(QLatin1String("not open")));
}

QTEST_GUILESS_MAIN(TestStoreLogExport)
#include "tst_store_logexport.moc"
