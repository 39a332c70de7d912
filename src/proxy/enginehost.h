#pragma once

#include "enginesettings.h"

#include <QThread>

#include <memory>

class Engine;
class LogWriter;
class StoreThread;

// Runs the gateway in its own thread (DESIGN.md "Threads"): the store thread for the request
// log, the engine thread for the HTTP server and all upstream I/O. RAII: the destructor stops
// both, flushing the log queue, so every exit path keeps the rows it has.
class EngineHost final
{
public:
    explicit EngineHost(EngineSettings settings);
    ~EngineHost();

    // Starts both threads and the engine; blocks until the engine listens or failed.
    EngineStartResult start();
    // Ends requests in flight, stops the engine thread, flushes and stops the store thread.
    void stop();

    Engine *engine() const { return m_engine; }
    // The request log writer (store thread); null before start() and after stop().
    LogWriter *logWriter() const;

private:
    EngineSettings m_settings;
    std::unique_ptr<StoreThread> m_store;
    QThread m_thread;
    Engine *m_engine = nullptr;
    bool m_stopped = false;
};
