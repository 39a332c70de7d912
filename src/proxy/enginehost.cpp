#include "enginehost.h"

#include "engine.h"
#include "store/logretention.h"
#include "store/logwriter.h"
#include "store/storethread.h"

#include <QMetaObject>

EngineHost::EngineHost(EngineSettings settings)
    : m_settings(std::move(settings))
{
    m_thread.setObjectName(QStringLiteral("engine"));
}

EngineHost::~EngineHost()
{
    stop();
}

LogWriter *EngineHost::logWriter() const
{
    return m_store ? m_store->writer() : nullptr;
}

EngineStartResult EngineHost::start()
{
    m_store = std::make_unique<StoreThread>(m_settings.databaseUrl);
    // Retention purges old request-log rows in small batches in the store thread, so it
    // never blocks the writer for long (LogRetention), at start and then daily.
    QThread *storeThread = m_store->writer()->thread();
    auto *retention = new LogRetention(m_settings.databaseUrl,
                                       LogRetentionSettings { m_settings.logRetentionDays });
    retention->moveToThread(storeThread);
    QObject::connect(storeThread, &QThread::finished, retention, &QObject::deleteLater);
    QMetaObject::invokeMethod(retention, &LogRetention::start, Qt::QueuedConnection);
    m_engine = new Engine(m_settings, m_store->writer());
    m_engine->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    m_thread.start();
    EngineStartResult result;
    QMetaObject::invokeMethod(
        m_engine, [this, &result] { result = m_engine->start(); }, Qt::BlockingQueuedConnection);
    return result;
}

void EngineHost::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    if (m_engine && m_thread.isRunning()) {
        // Stop serving and end requests in flight inside the engine thread; their
        // client_closed rows reach the log writer before it is flushed below.
        QMetaObject::invokeMethod(
            m_engine, [this] { m_engine->stop(); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
        m_engine = nullptr;
    }
    if (m_store)
        m_store->stop();
}
