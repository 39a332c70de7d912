#pragma once

#include "store/requestlogrecord.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QWaitCondition>

#include <atomic>

class QTimer;

struct LogWriterSettings
{
    int batchSize = 500; // rows per transaction; a full batch is written without waiting
    int flushIntervalMs = 200; // how long the first queued row may wait for company
};

// Writes request-log rows to the store in batches, off the request path. It lives in the
// store thread (see StoreThread); producers in any thread call enqueue(), which only
// appends to a mutex-protected queue. The writer is woken with one queued call when the
// queue turns non-empty (and again when it reaches a full batch), waits up to
// flushIntervalMs for more rows, then writes everything queued, batchSize rows per
// transaction with one prepared INSERT. A crash loses at most what was still queued.
//
// The database connection is opened lazily in the writer's thread on the first write.
// A batch that cannot be written (database unusable) is dropped with a warning rather than
// retried forever, so flush() never hangs; droppedCount() and lastError() tell about it.
class LogWriter final : public QObject
{
    Q_OBJECT

public:
    explicit LogWriter(QString databaseUrl, LogWriterSettings settings = {},
                       QObject *parent = nullptr);
    ~LogWriter() override;

    // Thread-safe; never blocks on I/O.
    void enqueue(RequestLogRecord record);

    // Thread-safe: returns once every row enqueued before the call is committed (or
    // dropped). Called from another thread it waits for the writer's thread, which must be
    // running its event loop; called from the writer's own thread it writes synchronously.
    void flush();

    // Thread-safe: rows committed so far.
    qint64 writtenCount() const;
    // Thread-safe: rows given up after a failed write.
    qint64 droppedCount() const;
    // Thread-safe: the last write error, empty when none happened.
    QString lastError() const;

Q_SIGNALS:
    // Emitted in the writer's thread after each committed batch; the rows carry their ids.
    void rowsWritten(const QList<RequestLogRecord> &rows);

private:
    void wake(); // writer thread: a batch may be due
    void writePending(); // writer thread: write everything queued now
    bool ensureOpen(QString *error);
    bool writeBatch(QList<RequestLogRecord> &rows, QString *error);

    const QString m_databaseUrl;
    const LogWriterSettings m_settings;
    const QString m_connectionName;
    bool m_opened = false;
    QTimer *m_timer = nullptr;

    mutable QMutex m_mutex;
    QWaitCondition m_progress; // signalled when m_doneSeq grows
    QList<RequestLogRecord> m_queue;
    qint64 m_enqueuedSeq = 0; // rows ever enqueued
    qint64 m_doneSeq = 0; // rows ever written or dropped, in queue order
    QString m_lastError;

    std::atomic<qint64> m_written { 0 };
    std::atomic<qint64> m_dropped { 0 };
};
