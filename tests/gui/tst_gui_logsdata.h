#pragma once

#include "store/database.h"
#include "store/requestlogrecord.h"
#include "store/requestlogsql.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

// Test helper of the log and dashboard widget tests: writes request-log rows straight into a
// SQLite file with the store's own insert statement, in one transaction (100 000 rows in well
// under a second, where the batched LogWriter would take several).
namespace TestLogData {

inline bool insertRows(const QString &databasePath, const QList<RequestLogRecord> &rows,
                       QString *error)
{
    const QString connection = QStringLiteral("test-log-data");
    if (!Database::open(connection, databasePath, error))
        return false;
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::database(connection);
        // Test data: no need to wait for the disk (the file is thrown away after the test).
        QSqlQuery(db).exec(QStringLiteral("PRAGMA synchronous = OFF"));
        QSqlQuery(db).exec(QStringLiteral("PRAGMA cache_size = -65536"));
        db.transaction();
        QSqlQuery query(db);
        query.prepare(RequestLogSql::insertStatement());
        for (const RequestLogRecord &row : rows) {
            RequestLogSql::bindInsert(query, row);
            if (!query.exec()) {
                *error = query.lastError().text();
                ok = false;
                break;
            }
        }
        ok = ok && db.commit();
    }
    Database::close(connection);
    return ok;
}

} // namespace TestLogData
