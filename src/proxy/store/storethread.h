#pragma once

#include "store/logwriter.h"

#include <QPointer>
#include <QString>

#include <memory>

class QThread;

// Owns the store thread and the LogWriter living in it (RAII, like qBittorrent's
// utils/thread.h): the constructor starts the thread, stop() (also run by the destructor)
// flushes the queue, quits the thread and waits for it. The writer is deleted in its own
// thread when the thread finishes, so writer() is null after stop().
class StoreThread final
{
public:
    explicit StoreThread(QString databaseUrl, LogWriterSettings settings = {});
    ~StoreThread();

    StoreThread(const StoreThread &) = delete;
    StoreThread &operator=(const StoreThread &) = delete;

    // Thread-safe to use (enqueue/flush/writtenCount) from any thread until stop().
    LogWriter *writer() const;

    // Flushes, quits and waits. Idempotent. Call from the thread that created the object.
    void stop();

private:
    std::unique_ptr<QThread> m_thread;
    QPointer<LogWriter> m_writer;
};
