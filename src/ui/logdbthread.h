#pragma once

#include <QPointer>
#include <QString>
#include <QThread>

// Owns a thread that runs one request-log database worker (RAII, like qBittorrent's
// utils/thread.h). The GUI never queries SQLite in its own thread (UI.md "Behaviour"): pages
// hand their reads to a worker living here and get the results back as queued signals.
//
// The constructor moves `worker` (which must have no parent) into the new thread and starts
// it; the destructor quits the thread and waits for it. The worker is deleted in its own
// thread when the thread finishes, so it can close its database connection there.
class LogDbThread final
{
public:
    LogDbThread(QObject *worker, const QString &name);
    ~LogDbThread();

    LogDbThread(const LogDbThread &) = delete;
    LogDbThread &operator=(const LogDbThread &) = delete;

private:
    QThread m_thread;
};
