#include "health/healthhistorywriter.h"

#include "routing/healthregistry.h"
#include "store/database.h"
#include "store/sqltransaction.h"

#include <QDebug>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>

#include <algorithm>

namespace {
constexpr qint64 PurgeEveryMs = 60 * 60 * 1000;
constexpr qint64 DayMs = 24 * 60 * 60 * 1000;
} // namespace

HealthHistoryWriter::HealthHistoryWriter(QString databaseUrl, HealthHistoryWriterSettings settings,
                                         QObject *parent)
    : QObject(parent)
    , m_databaseUrl(std::move(databaseUrl))
    , m_settings(settings)
    , m_connectionName(
          QStringLiteral("llmo-healthhistory-%1").arg(reinterpret_cast<quintptr>(this), 0, 16))
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(std::max(0, m_settings.flushIntervalMs));
    connect(m_timer, &QTimer::timeout, this, &HealthHistoryWriter::flush);
}

HealthHistoryWriter::~HealthHistoryWriter()
{
    flush();
    if (m_opened)
        Database::close(m_connectionName);
}

HealthHistoryWriter *HealthHistoryWriter::attach(HealthRegistry &registry,
                                                 const QString &databaseUrl, QThread *storeThread,
                                                 HealthHistoryWriterSettings settings)
{
    auto *writer = new HealthHistoryWriter(databaseUrl, settings);
    if (storeThread) {
        writer->moveToThread(storeThread);
        QObject::connect(storeThread, &QThread::finished, writer, &QObject::deleteLater);
    } else {
        writer->setParent(&registry); // no store thread: lives and dies with the registry
    }
    QObject::connect(&registry, &HealthRegistry::healthEvent, writer,
                     &HealthHistoryWriter::enqueue);
    return writer;
}

void HealthHistoryWriter::enqueue(const HealthEvent &event)
{
    m_queue.append(event);
    if (!m_timer->isActive())
        m_timer->start();
}

void HealthHistoryWriter::flush()
{
    m_timer->stop();
    if (m_queue.isEmpty())
        return;
    const QList<HealthEvent> batch = std::exchange(m_queue, {});
    if (!ensureOpen() || !writeBatch(batch)) {
        qWarning("health history: %d events dropped: %s", int(batch.size()),
                 qUtf8Printable(m_lastError));
        return;
    }
    m_written += batch.size();
    purgeIfDue();
}

bool HealthHistoryWriter::ensureOpen()
{
    if (m_opened)
        return true;
    QString error;
    if (!Database::open(m_connectionName, m_databaseUrl, &error)) {
        m_lastError = error;
        return false;
    }
    m_opened = true;
    return true;
}

bool HealthHistoryWriter::writeBatch(const QList<HealthEvent> &events)
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    SqlTransaction transaction(db);
    if (!transaction.begin(&m_lastError))
        return false;
    QSqlQuery insert(db);
    if (!insert.prepare(QStringLiteral(
            "INSERT INTO health_history (time_ms, route_key, kind, ok, state, latency_ms, error)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)"))) {
        m_lastError = insert.lastError().text();
        return false;
    }
    for (const HealthEvent &event : events) {
        insert.bindValue(0, event.time.toMSecsSinceEpoch());
        insert.bindValue(1, event.routeKey);
        insert.bindValue(2, healthEventKindName(event.kind));
        insert.bindValue(3, event.ok ? 1 : 0);
        insert.bindValue(4, circuitStateName(event.state));
        insert.bindValue(5,
                         event.latencyMs >= 0 ? QVariant(event.latencyMs)
                                              : QVariant(QMetaType::fromType<qint64>()));
        insert.bindValue(6,
                         event.error.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                               : QVariant(event.error));
        if (!insert.exec()) {
            m_lastError = insert.lastError().text();
            return false;
        }
    }
    insert.finish();
    return transaction.commit(&m_lastError);
}

void HealthHistoryWriter::purgeIfDue()
{
    if (m_settings.retentionDays <= 0)
        return;
    if (m_sincePurge.isValid() && m_sincePurge.elapsed() < PurgeEveryMs)
        return;
    m_sincePurge.start();
    const qint64 cutoff
        = QDateTime::currentMSecsSinceEpoch() - qint64(m_settings.retentionDays) * DayMs;
    QSqlQuery purge(QSqlDatabase::database(m_connectionName));
    purge.prepare(QStringLiteral("DELETE FROM health_history WHERE time_ms < ?"));
    purge.addBindValue(cutoff);
    if (!purge.exec())
        m_lastError = purge.lastError().text();
}
