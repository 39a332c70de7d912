#include "store/logwriter.h"

#include "store/database.h"
#include "store/requestlogsql.h"
#include "store/sqltransaction.h"

#include <QDebug>
#include <QMutexLocker>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>

#include <algorithm>

LogWriter::LogWriter(QString databaseUrl, LogWriterSettings settings, QObject *parent)
    : QObject(parent)
    , m_databaseUrl(std::move(databaseUrl))
    , m_settings { std::max(1, settings.batchSize), std::max(0, settings.flushIntervalMs) }
    , m_connectionName(
          QStringLiteral("llmo-logwriter-%1").arg(reinterpret_cast<quintptr>(this), 0, 16))
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(m_settings.flushIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &LogWriter::writePending);
}

LogWriter::~LogWriter()
{
    // Normally StoreThread::stop() has flushed already; this catches rows enqueued after.
    writePending();
    if (m_opened)
        Database::close(m_connectionName);
}

void LogWriter::enqueue(RequestLogRecord record)
{
    bool wakeWriter = false;
    {
        QMutexLocker locker(&m_mutex);
        m_queue.append(std::move(record));
        ++m_enqueuedSeq;
        const qsizetype size = m_queue.size();
        // Wake once when the queue turns non-empty (starts the flush interval) and once
        // when it holds a full batch (write without waiting for the interval).
        wakeWriter = size == 1 || size == m_settings.batchSize;
    }
    if (wakeWriter)
        QMetaObject::invokeMethod(this, &LogWriter::wake, Qt::QueuedConnection);
}

void LogWriter::flush()
{
    if (QThread::currentThread() == thread()) {
        writePending();
        return;
    }
    QMutexLocker locker(&m_mutex);
    const qint64 target = m_enqueuedSeq;
    if (m_doneSeq >= target)
        return;
    QMetaObject::invokeMethod(this, &LogWriter::writePending, Qt::QueuedConnection);
    while (m_doneSeq < target)
        m_progress.wait(&m_mutex);
}

qint64 LogWriter::writtenCount() const
{
    return m_written.load();
}

qint64 LogWriter::droppedCount() const
{
    return m_dropped.load();
}

QString LogWriter::lastError() const
{
    QMutexLocker locker(&m_mutex);
    return m_lastError;
}

void LogWriter::wake()
{
    qsizetype size = 0;
    {
        QMutexLocker locker(&m_mutex);
        size = m_queue.size();
    }
    if (size == 0)
        return;
    if (size >= m_settings.batchSize || m_settings.flushIntervalMs == 0) {
        writePending();
        return;
    }
    if (!m_timer->isActive())
        m_timer->start();
}

void LogWriter::writePending()
{
    m_timer->stop();
    QList<RequestLogRecord> pending;
    {
        QMutexLocker locker(&m_mutex);
        pending.swap(m_queue);
    }
    // Rows enqueued from now on find an empty queue and wake the writer again.
    const qsizetype batchSize = m_settings.batchSize;
    for (qsizetype start = 0; start < pending.size(); start += batchSize) {
        const qsizetype end = std::min(pending.size(), start + batchSize);
        QList<RequestLogRecord> batch;
        batch.reserve(end - start);
        for (qsizetype i = start; i < end; ++i)
            batch.append(std::move(pending[i]));

        QString error;
        const bool ok = writeBatch(batch, &error);
        if (ok) {
            m_written += batch.size();
            Q_EMIT rowsWritten(batch);
        } else {
            m_dropped += batch.size();
            qWarning("request log: dropped %lld rows: %s", static_cast<long long>(batch.size()),
                     qUtf8Printable(error));
        }
        QMutexLocker locker(&m_mutex);
        if (!ok)
            m_lastError = error;
        m_doneSeq += batch.size();
        m_progress.wakeAll();
    }
}

bool LogWriter::ensureOpen(QString *error)
{
    if (!m_opened)
        m_opened = Database::open(m_connectionName, m_databaseUrl, error);
    return m_opened;
}

bool LogWriter::writeBatch(QList<RequestLogRecord> &rows, QString *error)
{
    if (!ensureOpen(error))
        return false;
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    SqlTransaction transaction(db);
    if (!transaction.begin(error))
        return false;
    QSqlQuery query(db);
    if (!query.prepare(RequestLogSql::insertStatement())) {
        *error = query.lastError().text();
        return false;
    }
    for (RequestLogRecord &row : rows) {
        if (!row.time.isValid())
            row.time = QDateTime::currentDateTimeUtc();
        RequestLogSql::bindInsert(query, row);
        if (!query.exec()) {
            *error = query.lastError().text();
            return false;
        }
        row.id = query.lastInsertId().toLongLong();
    }
    query.finish();
    return transaction.commit(error);
}
