#pragma once

#include "routing/healthevent.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>

class HealthRegistry;
class QThread;
class QTimer;

struct HealthHistoryWriterSettings
{
    int flushIntervalMs = 1000; // how long the first queued event may wait for company
    int retentionDays = 30; // older rows are deleted (checked at most hourly); 0 keeps all
};

// Persists the health history (HealthRegistry::healthEvent: probe results and state changes)
// to the table health_history, off the request path: it lives in the store thread and gets the
// events as queued calls, writes them in one transaction per batch at most flushIntervalMs after
// the first, and deletes rows older than retentionDays. Health events are rare (a probe per
// provider and minute, state changes), so one statement per purge is enough.
//
// The database connection is opened lazily in the writer's thread. What is still queued is
// written by flush() and by the destructor (so a clean shutdown loses nothing); a batch that
// cannot be written is dropped with a warning, lastError() tells why.
class HealthHistoryWriter final : public QObject
{
    Q_OBJECT

public:
    explicit HealthHistoryWriter(QString databaseUrl, HealthHistoryWriterSettings settings = {},
                                 QObject *parent = nullptr);
    ~HealthHistoryWriter() override;

    // Creates a writer for `registry`'s events in `storeThread` (e.g. the request log writer's
    // thread), deleted there when the thread finishes. Call from the registry's thread; the
    // returned pointer is for tests and must not be used after the store thread stopped.
    static HealthHistoryWriter *attach(HealthRegistry &registry, const QString &databaseUrl,
                                       QThread *storeThread,
                                       HealthHistoryWriterSettings settings = {});

    // Writer thread (a queued connection from the registry): queues one event.
    void enqueue(const HealthEvent &event);
    // Writer thread: writes everything queued now.
    void flush();

    // Writer thread.
    qint64 writtenCount() const { return m_written; }
    QString lastError() const { return m_lastError; }

private:
    bool ensureOpen();
    bool writeBatch(const QList<HealthEvent> &events);
    void purgeIfDue();

    const QString m_databaseUrl;
    const HealthHistoryWriterSettings m_settings;
    const QString m_connectionName;
    bool m_opened = false;
    QTimer *m_timer;
    QList<HealthEvent> m_queue;
    qint64 m_written = 0;
    QString m_lastError;
    QElapsedTimer m_sincePurge; // invalid until the first purge
};
