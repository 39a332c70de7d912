#pragma once

#include "store/requestlogrecord.h"

#include <QString>

class QSqlQuery;

// The mapping between RequestLogRecord and the request_log table, shared by the writer and
// the queries so that the column list lives in one place. Numbers of -1 ("unknown") are
// stored as NULL and read back as -1; time is stored as UTC epoch milliseconds.
namespace RequestLogSql {

// "INSERT INTO request_log (...) VALUES (?, ...)" without the id column.
QString insertStatement();

// Binds the record's values in the order of insertStatement(). An invalid time is stored
// as the current time.
void bindInsert(QSqlQuery &query, const RequestLogRecord &record);

// The select list for recordFromQuery(), starting at column 0.
QString selectColumns();

RequestLogRecord recordFromQuery(const QSqlQuery &query);

} // namespace RequestLogSql
