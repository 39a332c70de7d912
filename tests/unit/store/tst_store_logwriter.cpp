#include "store/database.h"
#include "store/logwriter.h"
#include "store/storethread.h"

#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>
#include <vector>

namespace {

RequestLogRecord makeRecord(int producer, int n)
{
    RequestLogRecord r;
    r.time = QDateTime::currentDateTimeUtc();
    r.traceId = QStringLiteral("t%1-%2").arg(producer).arg(n);
    r.model = QStringLiteral("m");
    r.status = QStringLiteral("200");
    r.attempt = 1;
    r.totalMs = n;
    return r;
}

// Collects rowsWritten batches from the writer's thread.
struct BatchLog
{
    QMutex mutex;
    QList<qsizetype> sizes;
    QList<qint64> ids;
    QSet<QString> traces;
};

} // namespace

class TestStoreLogWriter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void concurrentProducers();
    void timerWritesWithoutFlush();
    void flushFromWriterThread();
    void unknownNumbersStoredAsNull();
    void badDatabaseDoesNotHang();

private:
    qint64 countRows(const QString &where = QString());

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    const QString m_reader = QStringLiteral("tst-logwriter-reader");
};

void TestStoreLogWriter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("log.sqlite"));
}

void TestStoreLogWriter::cleanup()
{
    Database::close(m_reader);
    m_dir.reset();
}

qint64 TestStoreLogWriter::countRows(const QString &where)
{
    // A separate connection reading the real file: what is counted was committed.
    if (!QSqlDatabase::contains(m_reader)) {
        QString error;
        if (!Database::open(m_reader, m_path, &error))
            return -1;
    }
    QSqlQuery query(QSqlDatabase::database(m_reader));
    if (!query.exec(QStringLiteral("SELECT count(*) FROM request_log ") + where) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

void TestStoreLogWriter::concurrentProducers()
{
    constexpr int producers = 4;
    constexpr int perProducer = 2500;
    constexpr int batchSize = 300;
    // A long interval: batches must come from the size trigger and flush(), not the timer.
    StoreThread store(m_path, LogWriterSettings { batchSize, 60'000 });
    LogWriter *writer = store.writer();
    QVERIFY(writer);

    BatchLog log;
    connect(
        writer, &LogWriter::rowsWritten, writer,
        [&log](const QList<RequestLogRecord> &rows) {
            QMutexLocker locker(&log.mutex);
            log.sizes.append(rows.size());
            for (const RequestLogRecord &r : rows) {
                log.ids.append(r.id);
                log.traces.insert(r.traceId);
            }
        },
        Qt::DirectConnection);

    std::vector<std::unique_ptr<QThread>> threads;
    for (int p = 0; p < producers; ++p) {
        threads.emplace_back(QThread::create([writer, p] {
            for (int n = 0; n < perProducer; ++n)
                writer->enqueue(makeRecord(p, n));
        }));
    }
    for (auto &thread : threads)
        thread->start();
    for (auto &thread : threads)
        QVERIFY(thread->wait(10'000));

    writer->flush();
    constexpr int total = producers * perProducer;
    QCOMPARE(writer->writtenCount(), qint64(total));
    QCOMPARE(writer->droppedCount(), qint64(0));
    QCOMPARE(countRows(), qint64(total));

    QMutexLocker locker(&log.mutex);
    qsizetype sum = 0;
    for (qsizetype size : log.sizes) {
        QVERIFY(size > 0);
        QVERIFY2(size <= batchSize, qPrintable(QString::number(size)));
        sum += size;
    }
    QCOMPARE(sum, qsizetype(total));
    QVERIFY2(log.sizes.size() >= total / batchSize, qPrintable(QString::number(log.sizes.size())));
    QCOMPARE(log.traces.size(), qsizetype(total));

    // Ids are the rows' real ids: unique, and exactly 1..total in a fresh table.
    QList<qint64> ids = log.ids;
    std::sort(ids.begin(), ids.end());
    QCOMPARE(ids.size(), qsizetype(total));
    QCOMPARE(ids.first(), qint64(1));
    QCOMPARE(ids.last(), qint64(total));
    QVERIFY(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
    QSqlQuery query(QSqlDatabase::database(m_reader));
    QVERIFY(query.exec(
        QStringLiteral("SELECT trace_id FROM request_log WHERE id = %1").arg(log.ids.at(1234))));
    QVERIFY(query.next());
    QVERIFY(log.traces.contains(query.value(0).toString()));
}

void TestStoreLogWriter::timerWritesWithoutFlush()
{
    StoreThread store(m_path, LogWriterSettings { 500, 20 });
    for (int n = 0; n < 7; ++n)
        store.writer()->enqueue(makeRecord(0, n));
    QTRY_COMPARE_WITH_TIMEOUT(store.writer()->writtenCount(), qint64(7), 5000);
    QCOMPARE(countRows(), qint64(7));

    // stop() flushes what is still queued.
    store.writer()->enqueue(makeRecord(1, 0));
    store.stop();
    QVERIFY(!store.writer());
    QCOMPARE(countRows(), qint64(8));
}

void TestStoreLogWriter::flushFromWriterThread()
{
    StoreThread store(m_path, LogWriterSettings { 500, 60'000 });
    LogWriter *writer = store.writer();
    qint64 countAfterFlush = -1;
    QMetaObject::invokeMethod(
        writer,
        [writer, &countAfterFlush] {
            for (int n = 0; n < 3; ++n)
                writer->enqueue(makeRecord(0, n));
            writer->flush(); // in the writer's own thread: must not deadlock
            countAfterFlush = writer->writtenCount();
        },
        Qt::BlockingQueuedConnection);
    QCOMPARE(countAfterFlush, qint64(3));
    QCOMPARE(countRows(), qint64(3));
}

void TestStoreLogWriter::unknownNumbersStoredAsNull()
{
    // A writer that is not moved to another thread writes synchronously on flush().
    LogWriter writer(m_path);
    RequestLogRecord r; // all numbers unknown, no time
    r.status = QStringLiteral("client_closed");
    QList<RequestLogRecord> written;
    connect(&writer, &LogWriter::rowsWritten, this,
            [&written](const QList<RequestLogRecord> &rows) { written += rows; });
    writer.enqueue(r);
    writer.flush();
    QCOMPARE(written.size(), qsizetype(1));
    QVERIFY(written.first().id > 0);
    QVERIFY(written.first().time.isValid());
    QCOMPARE(countRows(QStringLiteral("WHERE header_ms IS NULL AND ttft_ms IS NULL AND total_ms "
                                      "IS NULL AND input_tokens IS NULL AND output_tokens IS NULL "
                                      "AND cached_tokens IS NULL AND bytes_in = 0")),
             qint64(1));
}

void TestStoreLogWriter::badDatabaseDoesNotHang()
{
    StoreThread store(QStringLiteral("postgres://localhost/x"), LogWriterSettings { 10, 60'000 });
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("dropped 2 rows")));
    store.writer()->enqueue(makeRecord(0, 0));
    store.writer()->enqueue(makeRecord(0, 1));
    store.writer()->flush();
    QCOMPARE(store.writer()->writtenCount(), qint64(0));
    QCOMPARE(store.writer()->droppedCount(), qint64(2));
    QVERIFY(store.writer()->lastError().contains(QStringLiteral("unsupported database URL")));
}

QTEST_GUILESS_MAIN(TestStoreLogWriter)
#include "tst_store_logwriter.moc"
