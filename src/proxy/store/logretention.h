#pragma once

#include "store/storeconnection.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <functional>

class QTimer;

struct LogRetentionSettings
{
    int days = 30; // rows older than this are purged; 0 keeps the log forever
    int batchRows = 1000; // rows deleted per transaction
    int vacuumPages = 2048; // pages handed back to the file system per incremental_vacuum step
    int intervalMs = 24 * 60 * 60 * 1000; // between purges
};

// Keeps the request log from growing without bound: deletes request_log rows (and the
// request_traces rows of the stats) older than `days`, then returns the freed pages to the file
// system with PRAGMA incremental_vacuum (the database has auto_vacuum=INCREMENTAL since schema
// step 2).
//
// Lives in the store thread (next to the LogWriter) and works there without ever holding the
// write lock for long: each batch of batchRows rows, and each vacuum step of vacuumPages pages,
// is one short transaction, and the object returns to the event loop between them, so the
// writer's batches interleave with a purge. start() purges once at once and then every
// intervalMs. The connection is opened lazily in the object's thread; destroy the object there.
class LogRetention final : public QObject
{
    Q_OBJECT

public:
    // "Now" in UTC; tests inject a fixed time. The default is the system clock.
    using WallClock = std::function<QDateTime()>;

    explicit LogRetention(QString databaseUrl, LogRetentionSettings settings = {},
                          WallClock now = {}, QObject *parent = nullptr);
    ~LogRetention() override;

    // In the object's thread: starts the periodic timer and a first purge right away.
    void start();
    // In the object's thread: begins a purge now; false when one is already running.
    bool purge();
    // In the object's thread (queue the call from elsewhere): takes effect from the next purge.
    void setRetentionDays(int days);

    int retentionDays() const { return m_settings.days; }
    bool isPurging() const { return m_phase != Phase::Idle; }

Q_SIGNALS:
    // After each batch of a purge: rows deleted from the request log so far in this purge.
    void progress(qint64 deletedRows);
    // When a purge ends: rows deleted from the request log, database pages handed back to the
    // file system, and the error that stopped it (empty when it completed).
    void purgeFinished(qint64 deletedRows, qint64 freedPages, const QString &error);

private:
    enum class Phase { Idle, DeleteLog, DeleteTraces, Vacuum };

    void step(); // one batch, then yield
    bool deleteBatch(const QString &statement, int *deleted, QString *error);
    bool vacuumStep(qint64 *freed, QString *error);
    void finish(const QString &error);
    void scheduleStep();

    StoreConnection m_connection;
    LogRetentionSettings m_settings;
    WallClock m_now;
    QTimer *m_timer = nullptr;

    Phase m_phase = Phase::Idle;
    qint64 m_cutoffMs = 0;
    qint64 m_deletedRows = 0;
    qint64 m_freedPages = 0;
};
