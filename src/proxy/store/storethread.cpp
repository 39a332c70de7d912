#include "store/storethread.h"

#include <QThread>

StoreThread::StoreThread(QString databaseUrl, LogWriterSettings settings)
    : m_thread(std::make_unique<QThread>())
    , m_writer(new LogWriter(std::move(databaseUrl), settings))
{
    m_thread->setObjectName(QStringLiteral("llmo-store"));
    m_writer->moveToThread(m_thread.get());
    QObject::connect(m_thread.get(), &QThread::finished, m_writer.data(), &QObject::deleteLater);
    m_thread->start();
}

StoreThread::~StoreThread()
{
    stop();
}

LogWriter *StoreThread::writer() const
{
    return m_writer.data();
}

void StoreThread::stop()
{
    if (!m_thread->isRunning())
        return;
    if (m_writer)
        m_writer->flush();
    m_thread->quit();
    m_thread->wait();
}
