#pragma once

#include <QString>

// A store connection owned by one object: a name unique in the process, opened lazily with
// Database::open() in the thread that first calls ensureOpen(), closed by the destructor.
// QSqlDatabase connections belong to their thread, so the object must be used and destroyed in
// that thread, with no QSqlQuery on the connection still alive at destruction.
class StoreConnection final
{
public:
    // `purpose` goes into the connection name ("stats", "log-export"...), for debugging.
    StoreConnection(QString databaseUrl, const QString &purpose);
    ~StoreConnection();

    StoreConnection(const StoreConnection &) = delete;
    StoreConnection &operator=(const StoreConnection &) = delete;

    // Opens the connection (and runs the migrations) on the first call; false with *error set
    // when that fails, in which case the next call tries again.
    bool ensureOpen(QString *error);
    bool isOpen() const { return m_open; }
    const QString &name() const { return m_name; }
    const QString &databaseUrl() const { return m_databaseUrl; }

private:
    const QString m_databaseUrl;
    const QString m_name;
    bool m_open = false;
};
