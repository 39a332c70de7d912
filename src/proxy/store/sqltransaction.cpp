#include "store/sqltransaction.h"

#include <QSqlError>
#include <QSqlQuery>

SqlTransaction::SqlTransaction(QSqlDatabase db)
    : m_db(std::move(db))
{
}

SqlTransaction::~SqlTransaction()
{
    rollback();
}

bool SqlTransaction::begin(QString *error)
{
    if (m_active) {
        if (error)
            *error = QStringLiteral("transaction already started");
        return false;
    }
    m_active = exec(QStringLiteral("BEGIN IMMEDIATE"), error);
    return m_active;
}

bool SqlTransaction::commit(QString *error)
{
    if (!m_active) {
        if (error)
            *error = QStringLiteral("no transaction to commit");
        return false;
    }
    if (!exec(QStringLiteral("COMMIT"), error)) {
        rollback();
        return false;
    }
    m_active = false;
    return true;
}

void SqlTransaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    exec(QStringLiteral("ROLLBACK"), nullptr);
}

bool SqlTransaction::exec(const QString &statement, QString *error)
{
    QSqlQuery query(m_db);
    if (query.exec(statement))
        return true;
    if (error)
        *error = statement + QStringLiteral(": ") + query.lastError().text();
    return false;
}
