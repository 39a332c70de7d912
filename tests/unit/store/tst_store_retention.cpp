// LogRetention on real SQLite files with an injected "now": what is purged, in batches that
// yield to the event loop, and that the file gives its pages back.

#include "store/database.h"
#include "store/logretention.h"
#include "store/logwriter.h"
#include "store/requestlogsql.h"
#include "store/sqltransaction.h"
#include "store/storethread.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

#include <memory>

class TestStoreRetention final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void freshDatabaseHasIncrementalVacuum();
    void purgesOldRowsOnly_data();
    void purgesOldRowsOnly();
    void batchesYieldToTheEventLoop();
    void fileShrinks();
    void runsAtStartAndPeriodically();
    void secondPurgeWhileRunningIsRefused();
    void writerKeepsWritingDuringPurge();

private:
    // Inserts `count` rows at `time` (trace per row unless `trace` is given), in one
    // transaction; `padding` bytes of user agent make the rows take pages.
    void insertRows(const QDateTime &time, int count, int padding = 0, const QString &trace = {});
    qint64 scalar(const QString &sql);
    bool waitForPurge(QSignalSpy &spy, int count = 1);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    const QString m_connection = QStringLiteral("tst-retention");
    QDateTime m_now;
    LogRetention::WallClock m_clock;
};

static constexpr qint64 dayMs = 24 * 60 * 60 * 1000;

void TestStoreRetention::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("log.sqlite"));
    QString error;
    QVERIFY2(Database::open(m_connection, m_path, &error), qPrintable(error));
    m_now = QDateTime(QDate(2030, 6, 1), QTime(12, 0), QTimeZone::utc());
    m_clock = [this] { return m_now; };
}

void TestStoreRetention::cleanup()
{
    Database::close(m_connection);
    m_dir.reset();
}

void TestStoreRetention::insertRows(const QDateTime &time, int count, int padding,
                                    const QString &trace)
{
    static int serial = 0;
    const QSqlDatabase db = QSqlDatabase::database(m_connection);
    SqlTransaction transaction(db);
    QString error;
    QVERIFY2(transaction.begin(&error), qPrintable(error));
    QSqlQuery query(db);
    QVERIFY(query.prepare(RequestLogSql::insertStatement()));
    for (int i = 0; i < count; ++i) {
        RequestLogRecord r;
        r.time = time;
        r.traceId = trace.isEmpty() ? QStringLiteral("trace-%1").arg(++serial) : trace;
        r.model = QStringLiteral("m");
        r.attempt = 1;
        r.status = QStringLiteral("200");
        r.totalMs = 10;
        r.userAgent = QString(padding, QLatin1Char('x'));
        RequestLogSql::bindInsert(query, r);
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    }
    query.finish();
    QVERIFY2(transaction.commit(&error), qPrintable(error));
}

qint64 TestStoreRetention::scalar(const QString &sql)
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    [&] {
        QVERIFY2(query.exec(sql), qPrintable(query.lastError().text()));
        QVERIFY(query.next());
    }();
    return query.value(0).toLongLong();
}

bool TestStoreRetention::waitForPurge(QSignalSpy &spy, int count)
{
    for (int i = 0; i < 100 && spy.count() < count; ++i)
        spy.wait(100);
    return spy.count() >= count;
}

void TestStoreRetention::freshDatabaseHasIncrementalVacuum()
{
    QCOMPARE(scalar(QStringLiteral("PRAGMA auto_vacuum")), 2);
}

void TestStoreRetention::purgesOldRowsOnly_data()
{
    QTest::addColumn<int>("days");
    QTest::addColumn<int>("remainingRows");
    QTest::addColumn<int>("remainingTraces");

    // Rows (see below): 40 days old, 30 days + 1 ms, exactly 30 days, 30 days - 1 ms, 1 day,
    // now; and a trace whose first attempt is 31 days old and whose second is 29 days old.
    QTest::newRow("30 days") << 30 << 5 << 4;
    QTest::newRow("1 day") << 1 << 2 << 2;
    QTest::newRow("100 days") << 100 << 8 << 7;
    QTest::newRow("0 keeps everything") << 0 << 8 << 7;
}

void TestStoreRetention::purgesOldRowsOnly()
{
    QFETCH(int, days);
    QFETCH(int, remainingRows);
    QFETCH(int, remainingTraces);

    for (const qint64 age :
         { 40 * dayMs, 30 * dayMs + 1, 30 * dayMs, 30 * dayMs - 1, dayMs, qint64(0) })
        insertRows(m_now.addMSecs(-age), 1);
    insertRows(m_now.addDays(-31), 1, 0, QStringLiteral("straddling"));
    insertRows(m_now.addDays(-29), 1, 0, QStringLiteral("straddling"));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM request_log")), 8);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM request_traces")), 7);

    LogRetention retention(m_path, LogRetentionSettings { days, 2, 16, 60000 }, m_clock);
    QSignalSpy finished(&retention, &LogRetention::purgeFinished);
    QVERIFY(retention.purge());
    QVERIFY(waitForPurge(finished));
    QCOMPARE(finished.at(0).at(0).toLongLong(), qint64(8 - remainingRows));
    QCOMPARE(finished.at(0).at(2).toString(), QString());
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM request_log")), remainingRows);
    // A trace goes with its first row: the straddling one is gone with 30 days, its later
    // row stays in the log.
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM request_traces")), remainingTraces);
    if (days > 0) {
        const qint64 cutoff = m_now.toMSecsSinceEpoch() - days * dayMs;
        QCOMPARE(
            scalar(
                QStringLiteral("SELECT count(*) FROM request_log WHERE time_ms < %1").arg(cutoff)),
            0);
    }
}

void TestStoreRetention::batchesYieldToTheEventLoop()
{
    insertRows(m_now.addDays(-60), 2500);
    insertRows(m_now, 10);

    LogRetention retention(m_path, LogRetentionSettings { 30, 100, 64, 60000 }, m_clock);
    QSignalSpy finished(&retention, &LogRetention::purgeFinished);
    QList<qint64> progress;
    int ticks = 0;
    int batchesWithTicks = 0; // batches before which the ticker ran: the loop was not blocked
    QTimer ticker;
    ticker.setInterval(0);
    connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
    connect(&retention, &LogRetention::progress, this, [&](qint64 deleted) {
        progress.append(deleted);
        if (progress.size() > 1 && ticks > 0)
            ++batchesWithTicks;
        ticks = 0;
    });
    ticker.start();
    QVERIFY(retention.purge());
    QVERIFY(waitForPurge(finished));
    ticker.stop();

    QCOMPARE(finished.at(0).at(0).toLongLong(), 2500);
    // 25 full batches and the one that found nothing left.
    QCOMPARE(progress.size(), 26);
    QCOMPARE(progress.at(0), 100);
    QCOMPARE(progress.at(24), 2500);
    QVERIFY2(batchesWithTicks >= 20, qPrintable(QString::number(batchesWithTicks)));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM request_log")), 10);
}

void TestStoreRetention::fileShrinks()
{
    insertRows(m_now.addDays(-45), 4000, 1000); // about 4 MB of old rows
    insertRows(m_now, 100, 1000);
    QCOMPARE(scalar(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")), 0); // not busy
    const qint64 pagesBefore = scalar(QStringLiteral("PRAGMA page_count"));
    const qint64 sizeBefore = QFileInfo(m_path).size();
    QVERIFY(sizeBefore > 4000000);

    LogRetention retention(m_path, LogRetentionSettings { 30, 1000, 256, 60000 }, m_clock);
    QSignalSpy finished(&retention, &LogRetention::purgeFinished);
    QVERIFY(retention.purge());
    QVERIFY(waitForPurge(finished));
    QCOMPARE(finished.at(0).at(2).toString(), QString());
    QCOMPARE(finished.at(0).at(0).toLongLong(), 4000);
    const qint64 freed = finished.at(0).at(1).toLongLong();
    QVERIFY2(freed > pagesBefore / 2, qPrintable(QString::number(freed)));
    QCOMPARE(scalar(QStringLiteral("PRAGMA freelist_count")), 0);
    QVERIFY(scalar(QStringLiteral("PRAGMA page_count")) < pagesBefore / 2);
    // The retention's passive checkpoint already copied the shrunken database back.
    QVERIFY2(QFileInfo(m_path).size() < sizeBefore / 2,
             qPrintable(QStringLiteral("%1 -> %2").arg(sizeBefore).arg(QFileInfo(m_path).size())));
}

void TestStoreRetention::runsAtStartAndPeriodically()
{
    insertRows(m_now.addDays(-40), 5);
    LogRetention retention(m_path, LogRetentionSettings { 30, 1000, 256, 50 }, m_clock);
    QSignalSpy finished(&retention, &LogRetention::purgeFinished);
    retention.start();
    QVERIFY(retention.isPurging());
    QVERIFY(waitForPurge(finished, 1));
    QCOMPARE(finished.at(0).at(0).toLongLong(), 5);

    // Rows written since, which age past the limit before the next run.
    insertRows(m_now.addDays(-20), 3);
    m_now = m_now.addDays(15);
    QVERIFY(waitForPurge(finished, 2));
    QCOMPARE(finished.at(1).at(0).toLongLong(), 3);

    retention.setRetentionDays(0);
    insertRows(m_now.addDays(-365), 2);
    QVERIFY(waitForPurge(finished, 3));
    QCOMPARE(finished.at(2).at(0).toLongLong(), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM request_log")), 2);
}

void TestStoreRetention::secondPurgeWhileRunningIsRefused()
{
    insertRows(m_now.addDays(-40), 10);
    LogRetention retention(m_path, LogRetentionSettings { 30, 2, 256, 60000 }, m_clock);
    QSignalSpy finished(&retention, &LogRetention::purgeFinished);
    QVERIFY(retention.purge());
    QVERIFY(!retention.purge());
    QVERIFY(waitForPurge(finished));
    QVERIFY(!retention.isPurging());
    QTest::qWait(20);
    QCOMPARE(finished.size(), 1);
    QVERIFY(retention.purge());
}

// The log writer (its own thread and connection) keeps committing while a purge deletes in
// batches: nothing is dropped, and no flush waits anywhere near the busy timeout.
void TestStoreRetention::writerKeepsWritingDuringPurge()
{
    insertRows(m_now.addDays(-40), 20000);
    StoreThread store(m_path, LogWriterSettings { 50, 0 });
    LogRetention retention(m_path, LogRetentionSettings { 30, 500, 256, 60000 }, m_clock);
    QSignalSpy finished(&retention, &LogRetention::purgeFinished);
    qint64 longestFlushMs = 0;
    int written = 0;
    connect(&retention, &LogRetention::progress, this, [&] {
        RequestLogRecord row;
        row.time = m_now;
        row.traceId = QStringLiteral("live-%1").arg(written++);
        row.status = QStringLiteral("200");
        store.writer()->enqueue(row);
        QElapsedTimer timer;
        timer.start();
        store.writer()->flush();
        longestFlushMs = std::max(longestFlushMs, timer.elapsed());
    });
    QVERIFY(retention.purge());
    QVERIFY(waitForPurge(finished));
    QCOMPARE(finished.at(0).at(0).toLongLong(), 20000);
    QVERIFY(written >= 40);
    QCOMPARE(store.writer()->droppedCount(), 0);
    QCOMPARE(store.writer()->writtenCount(), written);
    QVERIFY2(longestFlushMs < 2000, qPrintable(QString::number(longestFlushMs)));
    store.stop();
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM request_log")), written);
}

QTEST_GUILESS_MAIN(TestStoreRetention)
#include "tst_store_retention.moc"
