#include "store/logretention.h"

#include "store/sqltransaction.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <QVariant>

#include <algorithm>

namespace {

constexpr qint64 dayMs = 24 * 60 * 60 * 1000;

// The value of a one-number pragma, -1 on error.
qint64 pragmaValue(const QSqlDatabase &db, const QString &pragma, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA ") + pragma) || !query.next()) {
        if (error)
            *error = pragma + QStringLiteral(": ") + query.lastError().text();
        return -1;
    }
    return query.value(0).toLongLong();
}

} // namespace

LogRetention::LogRetention(QString databaseUrl, LogRetentionSettings settings, WallClock now,
                           QObject *parent)
    : QObject(parent)
    , m_connection(std::move(databaseUrl), QStringLiteral("retention"))
    , m_settings(settings)
    , m_now(now ? std::move(now) : WallClock([] { return QDateTime::currentDateTimeUtc(); }))
    , m_timer(new QTimer(this))
{
    m_settings.days = std::max(0, m_settings.days);
    m_settings.batchRows = std::max(1, m_settings.batchRows);
    m_settings.vacuumPages = std::max(1, m_settings.vacuumPages);
    m_timer->setInterval(std::max(1, m_settings.intervalMs));
    connect(m_timer, &QTimer::timeout, this, &LogRetention::purge);
}

LogRetention::~LogRetention() = default;

void LogRetention::start()
{
    m_timer->start();
    purge();
}

void LogRetention::setRetentionDays(int days)
{
    m_settings.days = std::max(0, days);
}

bool LogRetention::purge()
{
    if (m_phase != Phase::Idle)
        return false;
    m_deletedRows = 0;
    m_freedPages = 0;
    if (m_settings.days == 0) {
        // Keep forever: still hand back pages freed by other deletes (config changes).
        m_phase = Phase::Vacuum;
    } else {
        m_cutoffMs = m_now().toMSecsSinceEpoch() - qint64(m_settings.days) * dayMs;
        m_phase = Phase::DeleteLog;
    }
    scheduleStep();
    return true;
}

void LogRetention::scheduleStep()
{
    // A zero timer, not a loop: other work of this thread (the log writer's batches) runs
    // between two steps.
    QTimer::singleShot(0, this, &LogRetention::step);
}

void LogRetention::step()
{
    QString error;
    if (!m_connection.ensureOpen(&error)) {
        finish(error);
        return;
    }
    switch (m_phase) {
    case Phase::Idle:
        return;
    case Phase::DeleteLog: {
        int deleted = 0;
        if (!deleteBatch(QStringLiteral("DELETE FROM request_log WHERE id IN (SELECT id FROM"
                                        " request_log WHERE time_ms < ? ORDER BY time_ms LIMIT ?)"),
                         &deleted, &error)) {
            finish(error);
            return;
        }
        m_deletedRows += deleted;
        Q_EMIT progress(m_deletedRows);
        if (deleted < m_settings.batchRows)
            m_phase = Phase::DeleteTraces;
        break;
    }
    case Phase::DeleteTraces: {
        int deleted = 0;
        if (!deleteBatch(QStringLiteral("DELETE FROM request_traces WHERE (start_ms, id) IN"
                                        " (SELECT start_ms, id FROM request_traces"
                                        " WHERE start_ms < ? ORDER BY start_ms LIMIT ?)"),
                         &deleted, &error)) {
            finish(error);
            return;
        }
        if (deleted < m_settings.batchRows)
            m_phase = Phase::Vacuum;
        break;
    }
    case Phase::Vacuum: {
        qint64 freed = 0;
        if (!vacuumStep(&freed, &error)) {
            finish(error);
            return;
        }
        m_freedPages += freed;
        if (freed < m_settings.vacuumPages) {
            // In WAL mode the file shrinks when the WAL is copied back; a passive checkpoint
            // does that without waiting for (or blocking) readers and writers.
            if (m_freedPages > 0) {
                QSqlQuery checkpoint(QSqlDatabase::database(m_connection.name(), false));
                if (!checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")))
                    error = QStringLiteral("log retention: checkpoint: ")
                        + checkpoint.lastError().text();
            }
            finish(error);
            return;
        }
        break;
    }
    }
    scheduleStep();
}

bool LogRetention::deleteBatch(const QString &statement, int *deleted, QString *error)
{
    const QSqlDatabase db = QSqlDatabase::database(m_connection.name(), false);
    SqlTransaction transaction(db);
    if (!transaction.begin(error))
        return false;
    QSqlQuery query(db);
    query.prepare(statement);
    query.addBindValue(m_cutoffMs);
    query.addBindValue(m_settings.batchRows);
    if (!query.exec()) {
        *error = QStringLiteral("log retention: ") + query.lastError().text();
        return false;
    }
    *deleted = query.numRowsAffected();
    query.finish();
    return transaction.commit(error);
}

bool LogRetention::vacuumStep(qint64 *freed, QString *error)
{
    const QSqlDatabase db = QSqlDatabase::database(m_connection.name(), false);
    const qint64 before = pragmaValue(db, QStringLiteral("freelist_count"), error);
    if (before < 0)
        return false;
    // Without auto_vacuum=INCREMENTAL (2) the pragma does nothing; a database from before
    // schema step 2 gets it on its next migration.
    const qint64 mode = before > 0 ? pragmaValue(db, QStringLiteral("auto_vacuum"), error) : 0;
    if (mode < 0)
        return false;
    if (before == 0 || mode != 2) {
        *freed = 0;
        return true;
    }
    // One step of the pragma's statement frees one page, and Qt steps a statement without
    // result columns only once per exec(): so exec() it once per page, all in one transaction.
    SqlTransaction transaction(db);
    if (!transaction.begin(error))
        return false;
    QSqlQuery query(db);
    if (!query.prepare(QStringLiteral("PRAGMA incremental_vacuum"))) {
        *error = QStringLiteral("log retention: incremental vacuum: ") + query.lastError().text();
        return false;
    }
    const qint64 pages = std::min<qint64>(before, m_settings.vacuumPages);
    for (qint64 i = 0; i < pages; ++i) {
        if (!query.exec()) {
            *error
                = QStringLiteral("log retention: incremental vacuum: ") + query.lastError().text();
            return false;
        }
    }
    query.finish();
    if (!transaction.commit(error))
        return false;
    const qint64 after = pragmaValue(db, QStringLiteral("freelist_count"), error);
    if (after < 0)
        return false;
    *freed = std::max<qint64>(0, before - after);
    return true;
}

void LogRetention::finish(const QString &error)
{
    if (!error.isEmpty())
        qWarning("request log retention: %s", qUtf8Printable(error));
    m_phase = Phase::Idle;
    Q_EMIT purgeFinished(m_deletedRows, m_freedPages, error);
}
