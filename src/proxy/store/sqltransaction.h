#pragma once

#include <QSqlDatabase>
#include <QString>

// A write transaction on a SQLite connection that rolls back unless committed.
// It starts with BEGIN IMMEDIATE: the write lock is taken up front and waits on the
// busy timeout, instead of failing later when a read transaction would have to be upgraded
// while another connection (the log writer, the config service) writes.
class SqlTransaction final
{
public:
    explicit SqlTransaction(QSqlDatabase db);
    ~SqlTransaction();

    SqlTransaction(const SqlTransaction &) = delete;
    SqlTransaction &operator=(const SqlTransaction &) = delete;

    bool begin(QString *error);
    bool commit(QString *error);
    void rollback();

private:
    bool exec(const QString &statement, QString *error);

    QSqlDatabase m_db;
    bool m_active = false;
};
