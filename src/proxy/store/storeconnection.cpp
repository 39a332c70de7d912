#include "store/storeconnection.h"

#include "store/database.h"

#include <atomic>

static QString uniqueName(const QString &purpose)
{
    static std::atomic<quint64> counter { 0 };
    return QStringLiteral("llmo-%1-%2").arg(purpose).arg(++counter);
}

StoreConnection::StoreConnection(QString databaseUrl, const QString &purpose)
    : m_databaseUrl(std::move(databaseUrl))
    , m_name(uniqueName(purpose))
{
}

StoreConnection::~StoreConnection()
{
    if (m_open)
        Database::close(m_name);
}

bool StoreConnection::ensureOpen(QString *error)
{
    if (!m_open)
        m_open = Database::open(m_name, m_databaseUrl, error);
    return m_open;
}
